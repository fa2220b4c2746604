"""The promise-to-pay ledger: what a debtor promised, what came in, and what that makes of
each promise.

Statuses are derived, never stored (only a cancellation is), so a payment entered late or a
changed grace period gives the right answer everywhere at once. A promise is judged at its
deadline: once ``due_by`` has passed its status no longer changes, so a promise broken on the
day stays broken in the case history even when the money arrives later.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from bot.coach.business_days import add_business_days

PROMISE_STATUSES = ("open", "kept", "partly_kept", "broken", "cancelled")
PROMISE_SOURCES = ("debtor", "collector", "pane")
PAYMENT_SOURCES = ("hand", "camt053", "csv")
ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Promise:
    """One agreed payment; an instalment plan is several promises with the same ``plan``."""

    id: int | None
    case_id: str
    call_id: str | None
    date: dt.date
    amount: Decimal
    source: str
    line: str
    plan: str | None = None
    created_at: dt.datetime | None = None
    cancelled_at: dt.datetime | None = None

    def __post_init__(self) -> None:
        if self.amount <= 0:
            raise ValueError(f"a promise needs a positive amount, not {self.amount}")
        if self.source not in PROMISE_SOURCES:
            raise ValueError(f"unknown promise source {self.source!r}")


@dataclass(frozen=True)
class Payment:
    """Money that came in on a case, typed by hand or read from a bank statement."""

    id: int | None
    case_id: str
    date: dt.date
    amount: Decimal
    reference: str = ""
    source: str = "hand"
    counterparty: str = ""
    iban: str = ""
    external_id: str = ""

    def __post_init__(self) -> None:
        if self.amount <= 0:
            raise ValueError(f"a payment needs a positive amount, not {self.amount}")
        if self.source not in PAYMENT_SOURCES:
            raise ValueError(f"unknown payment source {self.source!r}")

    def to_payload(self) -> dict:
        return {"id": self.id, "case_id": self.case_id, "date": self.date.isoformat(),
                "amount": float(self.amount), "reference": self.reference,
                "source": self.source, "counterparty": self.counterparty, "iban": self.iban}


@dataclass(frozen=True)
class PromiseState:
    """A promise with what the payments make of it.

    ``paid`` counts every payment allocated to the promise, also after ``due_by``; the status
    only counts what arrived by ``due_by``. ``kept_on`` is the date of the payment that
    completed the promise in time (the thank-you call is planned from it).
    """

    promise: Promise
    status: str
    paid: Decimal
    due_by: dt.date
    kept_on: dt.date | None = None

    def to_payload(self) -> dict:
        p = self.promise
        return {"id": p.id, "case_id": p.case_id, "call_id": p.call_id,
                "date": p.date.isoformat(), "amount": float(p.amount), "status": self.status,
                "paid": float(self.paid), "due_by": self.due_by.isoformat(),
                "source": p.source, "line": p.line, "plan": p.plan}


def due_by(promise: Promise, grace_days: int) -> dt.date:
    """The last day a payment still counts as on time: the date plus the grace in business days."""
    return add_business_days(promise.date, grace_days)


def open_balance(case_balance: Decimal, payments: Iterable[Payment]) -> Decimal:
    """What is still owed after the payments (never below zero: an overpayment owes nothing)."""
    paid = sum((p.amount for p in payments), ZERO)
    return max(ZERO, case_balance - paid)


def promise_states(promises: Iterable[Promise], payments: Iterable[Payment],
                   today: dt.date, grace_days: int) -> list[PromiseState]:
    """Every promise with its status, in the order of the promises given.

    Per case, payments (oldest first) fill the live promises in order of (date, id); a
    payment dated before a promise was made does not count for it, and what is left of a
    payment after one promise flows on to the next.
    """
    promises = list(promises)
    by_case: dict[str, list[Payment]] = defaultdict(list)
    for payment in payments:
        by_case[payment.case_id].append(payment)
    results: dict[int, PromiseState] = {}
    cases = dict.fromkeys(p.case_id for p in promises)
    for case_id in cases:
        indexed = [(i, p) for i, p in enumerate(promises) if p.case_id == case_id]
        results.update(_case_states(indexed, by_case[case_id], today, grace_days))
    return [results[i] for i in range(len(promises))]


def _case_states(indexed: list[tuple[int, Promise]], payments: list[Payment],
                 today: dt.date, grace_days: int) -> dict[int, PromiseState]:
    live = sorted(((i, p) for i, p in indexed if p.cancelled_at is None),
                  key=lambda ip: (ip[1].date, _order_id(ip[1]), ip[0]))
    deadline = {i: due_by(p, grace_days) for i, p in indexed}
    paid = {i: ZERO for i, _ in live}
    on_time = {i: ZERO for i, _ in live}
    kept_on: dict[int, dt.date] = {}
    for payment in sorted(payments, key=lambda p: (p.date, _order_id(p))):
        left = payment.amount
        for i, promise in live:
            if left <= 0:
                break
            if promise.created_at and payment.date < promise.created_at.date():
                continue
            share = min(left, promise.amount - paid[i])
            if share <= 0:
                continue
            paid[i] += share
            left -= share
            if payment.date <= deadline[i]:
                on_time[i] += share
                if on_time[i] == promise.amount:
                    kept_on[i] = payment.date
    states = {}
    for i, promise in indexed:
        if promise.cancelled_at is not None:
            states[i] = PromiseState(promise, "cancelled", ZERO, deadline[i])
            continue
        status = _status(promise.amount, on_time[i], today, deadline[i])
        states[i] = PromiseState(promise, status, paid[i], deadline[i], kept_on.get(i))
    return states


def _status(amount: Decimal, paid_in_time: Decimal, today: dt.date, deadline: dt.date) -> str:
    if paid_in_time >= amount:
        return "kept"
    if today <= deadline:
        return "open"
    return "partly_kept" if paid_in_time > 0 else "broken"


def _order_id(item: Promise | Payment) -> int:
    """Stored items by id; items not stored yet after them (in the order given)."""
    return item.id if item.id is not None else 2**63
