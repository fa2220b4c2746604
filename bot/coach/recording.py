"""From what was said or typed in a call to promises in the ledger.

Every way an agreement can arise (the debtor's own promise, the debtor accepting a
proposal the collector really made, the collector's corrections in the pane) passes the
same validation, and open promises never add up to more than may be promised.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from bot.coach.agreements import (
    AgreementError,
    Checked,
    acceptance,
    check_total,
    date_flags,
    debtor_promise,
    offer_from_collector_line,
    parse_rows,
    validate_payment,
)
from bot.coach.business_days import add_business_days
from bot.coach.cases import Case
from bot.coach.clock import now
from bot.coach.dossier import CaseLedger, firmness
from bot.coach.formatting import long_date
from bot.coach.ledger import Promise, PromiseState
from bot.coach.money import format_euro
from bot.coach.playbook import Playbook, fill

if TYPE_CHECKING:  # bot.coach.calls imports this module
    from bot.coach.calls import CallRecord
    from bot.coach.stores import PromiseStore

ZERO = Decimal("0.00")
PLAN = "regeling"  # the plan label of a payment plan's instalments


@dataclass
class Outcome:
    """What a debtor line did to the ledger, for the advice card."""
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    changed: bool = False
    offer_used: bool = False


def _payment_dicts(payments: list[tuple[dt.date, Decimal]]) -> list[dict]:
    return [{"date": d.isoformat(), "amount": float(a)} for d, a in payments]


def agreement_payloads(ledger: CaseLedger, call_id: str, latest: dt.date) -> list[dict]:
    """The call's standing agreements as the pane shows them, with status and flags."""
    rows = []
    for state in ledger.states:
        promise = state.promise
        if promise.call_id != call_id or state.status == "cancelled":
            continue
        flags, suggested = date_flags(promise.date, None if promise.plan else latest)
        rows.append({"id": promise.id, "date": promise.date.isoformat(),
                     "amount": float(promise.amount), "text": promise.line,
                     "source": promise.source, "plan": promise.plan, "status": state.status,
                     "flags": list(flags),
                     "suggested_date": suggested.isoformat() if suggested else None})
    return rows


class Recorder:
    """Writes the promises of one call, for one day."""

    def __init__(self, promises: PromiseStore, playbook: Playbook, record: CallRecord,
                 case: Case | None, ledger: CaseLedger | None, today: dt.date):
        self.promises = promises
        self.playbook = playbook
        self.rules = playbook.agreement_rules
        self.record = record
        self.case = case
        self.ledger = ledger
        self.today = today
        self.profile = firmness(playbook, case, ledger)
        self.latest = add_business_days(today, self.profile.extension_days)

    def agreements(self) -> list[dict]:
        """This call's standing agreements, as the ledger stood when the recorder was made."""
        if self.ledger is None:
            return []
        return agreement_payloads(self.ledger, self.record.id, self.latest)

    def _message(self, key: str, **values: object) -> str:
        return fill(self.playbook.messages[key], values)

    def _check(self, ledger: CaseLedger, payments: list[tuple[dt.date, Decimal]],
               plan: str | None = None) -> list[Checked]:
        """The one validation; a payment plan's instalments run past the deadline for extra
        time by design, so only weekends and holidays are flagged for them."""
        latest = None if plan else self.latest
        return [validate_payment(d, a, ceiling=ledger.ceiling, today=self.today,
                                 latest=latest, rules=self.rules) for d, a in payments]

    # ---- the debtor's words --------------------------------------------------------

    def debtor_said(self, text: str, intent: str, confidence: float, entities: dict) -> Outcome:
        outcome = Outcome()
        case, ledger = self.case, self.ledger
        if case is None or ledger is None:
            return outcome
        offer = self.record.state.get("offer")
        if intent == "promise_to_pay":
            capture = debtor_promise(
                text, intent, confidence, today=self.today, open_balance=ledger.balance,
                undisputed=ledger.ceiling if case.disputed_invoices else None,
                agreed=ledger.promised, rules=self.rules)
            if capture.note_key and capture.note_key != "promise_replaces":
                outcome.notes.append(self._message(capture.note_key))
            if capture.payments:
                self._record(outcome, case, ledger, list(capture.payments), "debtor", text,
                             None, capture.replaces_earlier)
        elif intent == "affirm" and offer:
            accepted = acceptance(text, intent, confidence, _offer_payments(offer), self.rules)
            if accepted is None:
                outcome.notes.append(self._message("confirm_explicitly"))
                return outcome
            line = f"{offer['text']} — {text}" if offer.get("text") else text
            self._record(outcome, case, ledger, list(accepted), offer.get("source", "collector"),
                         line, offer.get("plan"), replaces=False)
            outcome.offer_used = outcome.changed
        return outcome

    def _record(self, outcome: Outcome, case: Case, ledger: CaseLedger,
                payments: list[tuple[dt.date, Decimal]], source: str,
                line: str, plan: str | None, replaces: bool) -> None:
        try:
            checked = self._check(ledger, payments, plan)
        except AgreementError as err:
            outcome.warnings.append(err.message + " " + self._message("nothing_recorded"))
            return
        new_amounts = [c.amount for c in checked]
        new_total = sum(new_amounts, ZERO)
        standing = ledger.open_states()
        # A new promise for the same money updates the earlier one instead of adding to it:
        # one for the same day always, all of them when together they would exceed the ceiling.
        same_day = [s for s in standing if s.promise.date in {c.date for c in checked}]
        others = ledger.promised - sum((s.promise.amount - s.paid for s in same_day), ZERO)
        replaces = replaces or check_total(others, new_amounts, ledger.ceiling) is not None
        too_much = check_total(ZERO, new_amounts, ledger.ceiling)
        if too_much:
            outcome.warnings.append(too_much + " " + self._message("nothing_recorded"))
            return
        replaced = list(standing) if replaces else same_day
        self.promises.add([Promise(id=None, case_id=case.id, call_id=self.record.id,
                                   date=c.date, amount=c.amount, source=source, line=line,
                                   plan=plan, created_at=now()) for c in checked],
                          cancel_ids=_stored_ids(replaced))
        outcome.changed = True
        for state in replaced:
            outcome.notes.append(self._message(
                "agreement_replaced", amount=format_euro(state.promise.amount),
                date=long_date(state.promise.date)))
        for c in checked:
            outcome.notes.append(self._message("agreement_recorded", amount=format_euro(c.amount),
                                               date=long_date(c.date)))
            outcome.warnings.extend(c.flags)
        left = ledger.ceiling - new_total - (ZERO if replaces else others)
        if left > ZERO:
            outcome.notes.append(self._message("remaining_open", amount=format_euro(left)))

    # ---- the collector's proposals -------------------------------------------------

    def offer_from_collector(self, text: str) -> dict | None:
        """A concrete proposal in the collector's own words, as the offer on the table."""
        if self.ledger is None:
            return None
        payments = offer_from_collector_line(text, self.today, self.ledger.ceiling)
        if not payments:
            return None
        try:
            checked = self._check(self.ledger, list(payments))
        except AgreementError:
            return None  # not a proposal the debtor can accept as it stands
        return {"text": text, "source": "collector", "plan": None,
                "payments": _payment_dicts([(c.date, c.amount) for c in checked])}

    def offer_from_pane(self, text: str, rows: object, kind: str | None = None) -> dict:
        """A proposal of the coach that the collector marks as made; raises AgreementError."""
        if self.ledger is None:
            raise AgreementError(self._message("offer_needs_case"))
        plan = PLAN if kind == "installment_plan" else None
        checked = self._check(self.ledger, parse_rows(rows), plan)
        too_much = check_total(ZERO, [c.amount for c in checked], self.ledger.ceiling)
        if too_much:
            raise AgreementError(too_much)
        return {"text": str(text or "")[:300], "source": "pane", "plan": plan,
                "payments": _payment_dicts([(c.date, c.amount) for c in checked])}

    # ---- the collector's corrections -----------------------------------------------

    def replace(self, rows: object) -> list[str]:
        """Replaces this call's standing agreements by ``rows``; unchanged rows keep their
        origin. Returns the flags to show; raises AgreementError and then changes nothing."""
        case = self.case
        if self.ledger is None or case is None:
            raise AgreementError(self._message("offer_needs_case"))
        checked = []
        for number, payment in enumerate(parse_rows(rows), start=1):
            try:
                checked += self._check(self.ledger, [payment])
            except AgreementError as err:
                raise AgreementError(f"Afspraak {number}: {err.message}") from None
        dates = [c.date for c in checked]
        for date in dates:
            if dates.count(date) > 1:
                raise AgreementError(self._message("same_date_twice", date=long_date(date)))
        mine = [s for s in self.ledger.open_states() if s.promise.call_id == self.record.id]
        others = sum((s.promise.amount - s.paid for s in self.ledger.open_states()
                      if s.promise.call_id != self.record.id), ZERO)
        too_much = check_total(others, [c.amount for c in checked], self.ledger.ceiling)
        if too_much:
            raise AgreementError(too_much)
        previous = {(s.promise.date, s.promise.amount): s.promise.id for s in mine
                    if s.promise.id is not None}  # stored promises all have an id
        new = [c for c in checked if previous.pop((c.date, c.amount), None) is None]
        texts = {date: text for date, _, text in _row_texts(rows)}
        self.promises.add([Promise(id=None, case_id=case.id, call_id=self.record.id,
                                   date=c.date, amount=c.amount, source="pane",
                                   line=texts.get(c.date, ""), plan=None, created_at=now())
                           for c in new],
                          cancel_ids=list(previous.values()))  # rows the collector removed
        return [flag for c in checked for flag in c.flags]

    def undo(self, promise_id: int) -> None:
        """Cancels one of this call's agreements (the one-click undo in the pane)."""
        if self.ledger is not None:
            for state in self.ledger.states:
                if state.promise.id == promise_id and state.promise.call_id == self.record.id:
                    if state.status != "cancelled":
                        self.promises.cancel([promise_id])
                    return
        raise AgreementError(self._message("unknown_agreement"))


def _stored_ids(states: Iterable[PromiseState]) -> list[int]:
    """The ids of these promises; promises read from storage all have one."""
    return [s.promise.id for s in states if s.promise.id is not None]


def _offer_payments(offer: dict) -> list[tuple[dt.date, Decimal]]:
    return [(dt.date.fromisoformat(p["date"]), Decimal(str(p["amount"])).quantize(Decimal("0.01")))
            for p in offer.get("payments") or ()]


def _row_texts(rows: object) -> list[tuple[dt.date, Decimal, str]]:
    """(date, amount, text) of well-formed rows; parse_rows has checked them already."""
    result = []
    row_list = rows if isinstance(rows, list) else ()
    for (date, amount), row in zip(parse_rows(rows), row_list, strict=False):
        text = row.get("text") if isinstance(row, dict) else None
        result.append((date, amount, str(text)[:300] if isinstance(text, str) else ""))
    return result
