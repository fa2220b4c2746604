"""A case together with what the ledger knows of it: its promises with their status, its
payments, its calls, and from those the open balance, the firmness and the brief."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from bot.coach.brief import Brief, BriefHistory, preparation_brief
from bot.coach.cases import Case
from bot.coach.errors import CoachError
from bot.coach.followups import CallInfo, FollowUp, followups
from bot.coach.ledger import Payment, PromiseState, promise_states
from bot.coach.playbook import Playbook, Profile, fill
from bot.coach.profiles import profile_name
from bot.coach.settings import Settings, default_settings

if TYPE_CHECKING:  # bot.coach.calls imports this module
    from bot.coach.calls import CallRecord
    from bot.coach.stores import CallStore

ZERO = Decimal("0.00")


class UnknownCase(CoachError, LookupError):
    """No case with this id."""


@dataclass(frozen=True)
class CaseLedger:
    """The money side of a case on one day."""
    states: tuple[PromiseState, ...]
    payments: tuple[Payment, ...]
    balance: Decimal           # what the debtor still owes: invoices minus payments
    ceiling: Decimal           # what may still be promised: the undisputed part when disputed
    promised: Decimal          # what open promises still expect

    @property
    def broken(self) -> tuple[PromiseState, ...]:
        return tuple(s for s in self.states if s.status in ("broken", "partly_kept"))

    def open_states(self) -> tuple[PromiseState, ...]:
        return tuple(s for s in self.states if s.status == "open")


def firmness(playbook: Playbook, case: Case | None, ledger: CaseLedger | None) -> Profile:
    """How firm to be: a promise broken in the ledger counts like a broken earlier
    agreement in the case file."""
    broken = len(ledger.broken) if ledger else 0
    return playbook.profiles[profile_name(case, broken)]


class Dossier:
    """Reads a case and its ledger from storage; writes nothing."""

    def __init__(self, storage: CallStore, playbook: Playbook,
                 settings: Settings | None = None):
        self.storage = storage
        self.playbook = playbook
        self.settings = settings or default_settings()

    def case(self, case_id: str | None) -> Case | None:
        return self.storage.cases.get(case_id) if case_id else None

    def ledger(self, case_id: str, today: dt.date) -> CaseLedger:
        case = self.storage.cases.get(case_id)
        payments = tuple(self.storage.payments.find(case_id))
        states = tuple(promise_states(self.storage.promises.find(case_id=case_id), payments,
                                      today, self.playbook.agreement_rules.grace_days))
        paid = sum((p.amount for p in payments), ZERO)
        balance = max(ZERO, (case.balance if case else ZERO) - paid)
        ceiling = (max(ZERO, case.undisputed_balance - paid)
                   if case and case.disputed_invoices else balance)
        promised = sum((s.promise.amount - s.paid for s in states if s.status == "open"), ZERO)
        return CaseLedger(states=states, payments=payments, balance=balance, ceiling=ceiling,
                          promised=promised)

    def followups(self, on: dt.date) -> list[FollowUp]:
        """The team's follow-up list ("nazorg") for day ``on``, overdue items included."""
        promises = self.storage.promises.find()
        payments = self.storage.payments.find()
        agreed = {p.call_id for p in promises if p.cancelled_at is None}
        calls = [CallInfo(c.id, c.case_id, c.started_at, c.ended_at, c.id in agreed)
                 for c in self.storage.calls.for_cases() if c.case_id]
        states = promise_states(promises, payments, on, self.playbook.agreement_rules.grace_days)
        return followups(on, self.storage.cases.all(), states, calls, payments,
                         self.playbook.followup_rules)

    def brief(self, case_id: str | None, collector: str, today: dt.date,
              now: dt.datetime) -> Brief:
        """The preparation brief with the case's calls, promises and payments; raises
        UnknownCase for an id that is not in the database."""
        if not case_id or not str(case_id).strip():
            return preparation_brief(None, today, self.playbook, settings=self.settings,
                                     collector=collector, now=now)
        case = self.case(str(case_id))
        if case is None:
            examples = ", ".join(row[0] for row in self.storage.cases.search(limit=3))
            raise UnknownCase(fill(self.playbook.messages["unknown_case"],
                                   {"case_id": str(case_id)[:40], "examples": examples}))
        ledger = self.ledger(case.id, today)
        history = BriefHistory(
            calls=tuple((c.started_at, c.collector, _outcome(c))
                        for c in self.storage.calls.for_cases([case.id])),
            promises=ledger.states, payments=ledger.payments)
        return preparation_brief(case, today, self.playbook, settings=self.settings,
                                 collector=collector, now=now, history=history)


def _outcome(call: CallRecord) -> str:
    """A past call in a few Dutch words, for the brief."""
    if call.ended_at is None:
        return "niet afgerond"
    agreed = (call.summary or {}).get("agreements") or []
    if not agreed:
        return "geen afspraak"
    return "afspraak gemaakt" if len(agreed) == 1 else f"{len(agreed)} betalingen afgesproken"
