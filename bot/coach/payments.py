"""Payments into the ledger: typed in by a collector, or read from a bank statement and
matched to cases. A statement is read and matched in full before anything is stored, so
a malformed file or a dry run changes nothing."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from bot.bank.matching import Match, match_lines
from bot.bank.statements import StatementError, read_statement
from bot.coach.agreements import AgreementError, parse_amount_text
from bot.coach.clock import today as current_day
from bot.coach.errors import CoachError
from bot.coach.formatting import long_date
from bot.coach.ledger import Payment, PromiseState
from bot.coach.money import format_euro

if TYPE_CHECKING:
    from bot.coach.calls import CallService

MAX_REFERENCE_CHARS = 140  # what a SEPA transfer's remittance text holds


class PaymentError(CoachError, ValueError):
    """A payment or statement that cannot be booked; ``status`` is the HTTP status a
    door answers with."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


def promise_payload(state: PromiseState) -> dict:
    """A promise as `bot.cli promises --json` and the pane give it."""
    promise = state.promise
    return {"id": promise.id, "case_id": promise.case_id, "call_id": promise.call_id,
            "date": promise.date.isoformat(), "amount": float(promise.amount),
            "status": state.status, "paid": float(state.paid),
            "due_by": state.due_by.isoformat(), "source": promise.source,
            "line": promise.line, "plan": promise.plan}


def payment_payload(payment: Payment) -> dict:
    return {"id": payment.id, "case_id": payment.case_id, "date": payment.date.isoformat(),
            "amount": float(payment.amount), "reference": payment.reference,
            "source": payment.source, "counterparty": payment.counterparty,
            "iban": payment.iban}


def _amount(value: object) -> Decimal:
    try:
        amount = parse_amount_text(value)
    except AgreementError as err:
        raise PaymentError(err.message) from None
    if amount <= 0:
        raise PaymentError(f"{format_euro(amount)} is geen betaling: het bedrag moet groter "
                           "zijn dan nul.")
    return amount


def _date(value: object, today: dt.date) -> dt.date:
    if value in (None, ""):
        return today
    try:
        date = dt.date.fromisoformat(str(value))
    except ValueError:
        raise PaymentError(f"'{str(value)[:20]}' is geen datum; gebruik JJJJ-MM-DD.") from None
    if date > today:
        raise PaymentError(f"{long_date(date)} ligt in de toekomst; boek een betaling pas "
                           "als die binnen is.")
    return date


def record_payment(service: CallService, case_id: str, amount: object, date: object = None,
                   reference: object = None) -> tuple[dict, list[dict]]:
    """Books a payment by hand; returns it and the case's promises with their new status."""
    case = service.storage.cases.get(str(case_id or ""))
    if case is None:
        raise PaymentError(f"Dossier '{str(case_id)[:40]}' bestaat niet.", status=404)
    today = current_day()
    payment = Payment(id=None, case_id=case.id, date=_date(date, today), amount=_amount(amount),
                      reference=str(reference or "")[:MAX_REFERENCE_CHARS], source="hand")
    stored, _ = service.storage.payments.add([payment])
    states = service.dossier.ledger(case.id, today).states
    return payment_payload(stored[0]), [promise_payload(s) for s in states]


@dataclass(frozen=True)
class ImportReport:
    """What a statement held: credits booked now (or, in a dry run, that would be),
    credits booked by an earlier import, and lines that matched no case."""
    booked: tuple[Match, ...]
    already_booked: tuple[Match, ...]
    unmatched: tuple[Match, ...]
    stored: bool

    def to_payload(self) -> dict:
        return {"stored": self.stored, "booked": [m.to_payload() for m in self.booked],
                "already_booked": [m.to_payload() for m in self.already_booked],
                "unmatched": [m.to_payload() for m in self.unmatched]}


def import_statement(service: CallService, path: Path | str, dry_run: bool = False) -> ImportReport:
    """Reads a CAMT.053 (.xml) or CSV statement, matches its credits to cases and, unless
    ``dry_run``, books the matched ones; raises PaymentError and then stores nothing."""
    path = Path(path)
    try:
        lines = read_statement(path)
    except StatementError as err:
        raise PaymentError(str(err)) from None
    source = "camt053" if path.suffix.lower() == ".xml" else "csv"
    storage = service.storage
    today = current_day()
    cases = storage.cases.all()
    balances = {case.id: service.dossier.ledger(case.id, today).balance for case in cases}
    matches = match_lines(lines, cases, storage.promises.find(), balances)
    matched = [m for m in matches if m.case_id]
    known = storage.payments.known([m.line.external_id for m in matched])
    new = tuple(m for m in matched if m.line.external_id not in known)
    if not dry_run and new:
        storage.payments.add([m.line.to_payment(m.case_id, source) for m in new if m.case_id])
    return ImportReport(booked=new, already_booked=tuple(m for m in matched if m not in new),
                        unmatched=tuple(m for m in matches if not m.case_id), stored=not dry_run)
