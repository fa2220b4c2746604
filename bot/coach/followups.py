"""The follow-up list ("nazorg"): which calls and checks are due on a day, and why.

Check a payment on the agreed date, call back at once when a promise is broken, thank once
when everything agreed in a call was kept, chase the complaint that holds up a payment, and
call again when a call ended without an agreement. Each item stays on the list until it is
done (a later call on the case, a payment, a resolved complaint), so an overdue one is not lost.
"""
from __future__ import annotations

import datetime as dt
import string
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from bot.coach.business_days import on_or_after
from bot.coach.cases import Case
from bot.coach.formatting import long_date
from bot.coach.ledger import Payment, PromiseState, open_balance
from bot.coach.money import format_euro
from bot.coach.playbook import PlaybookError

DAY_DEFAULTS = {"call_again_days": 2, "complaint_days": 5}
KINDS = ("check_payment", "call_back", "thank", "chase_complaint", "call_again")
# The texts a manager edits, with the placeholders each may use.
TEXT_FIELDS = {
    "check_payment": {"company", "amount", "date"},
    "call_back_broken": {"company", "amount", "date"},
    "call_back_partly": {"company", "amount", "date", "paid", "missing"},
    "thank": {"company", "amount", "date"},
    "chase_complaint": {"company", "amount", "date", "invoice", "subject"},
    "call_again": {"company", "amount", "date"},
}


@dataclass(frozen=True)
class CallInfo:
    id: str
    case_id: str
    started_at: dt.datetime
    ended_at: dt.datetime | None
    agreed: bool


@dataclass(frozen=True)
class FollowUpRules:
    thank_you: bool
    call_again_days: int
    complaint_days: int
    texts: dict[str, str]


@dataclass(frozen=True)
class FollowUp:
    case_id: str
    date: dt.date
    kind: str
    text: str
    call_id: str | None = None
    promise_id: int | None = None

    def to_payload(self) -> dict:
        return {"case_id": self.case_id, "date": self.date.isoformat(), "kind": self.kind,
                "text": self.text, "call_id": self.call_id, "promise_id": self.promise_id}


def parse_followup_rules(data: object, source: str = "playbook") -> FollowUpRules:
    """The playbook's ``followups:`` block, checked so that a typo names the field."""
    where = f"{source}: followups"
    if not isinstance(data, dict):
        raise PlaybookError(f"{where}: ontbreekt of is geen mapping")
    thank_you = data.get("thank_you", True)
    if not isinstance(thank_you, bool):
        raise PlaybookError(f"{where}: 'thank_you' moet true of false zijn, niet {thank_you!r}")
    days = {key: _days(data.get(key, default), key, where) for key, default in DAY_DEFAULTS.items()}
    texts = data.get("texts")
    if not isinstance(texts, dict):
        raise PlaybookError(f"{where}: 'texts' ontbreekt of is geen mapping")
    for key, allowed in TEXT_FIELDS.items():
        text = texts.get(key)
        if not isinstance(text, str) or not text.strip():
            raise PlaybookError(f"{where}: de tekst '{key}' ontbreekt of is leeg")
        try:
            used = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
        except ValueError as err:
            raise PlaybookError(f"{where}: de tekst '{key}' heeft een losse {{ of }}") from err
        unknown = used - allowed
        if unknown:
            raise PlaybookError(f"{where}: de tekst '{key}' gebruikt onbekende plaatshouder(s) "
                                f"{_braced(unknown)}; mogelijk zijn {_braced(allowed)}")
    return FollowUpRules(thank_you=thank_you, texts={k: texts[k] for k in TEXT_FIELDS},
                         **days)


def _braced(names: set[str]) -> str:
    return ", ".join("{" + name + "}" for name in sorted(names))


def _days(value: object, key: str, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 60:
        raise PlaybookError(f"{where}: '{key}' moet een aantal werkdagen van 0 tot 60 zijn, "
                            f"niet {value!r}")
    return value


def followups(on: dt.date, cases: Iterable[Case], states: Iterable[PromiseState],
              calls: Iterable[CallInfo], payments: Iterable[Payment],
              rules: FollowUpRules) -> list[FollowUp]:
    """Everything due on or before ``on`` that still needs doing, by date, then case."""
    by_id = {c.id: c for c in cases}
    states_by_case: dict[str, list[PromiseState]] = defaultdict(list)
    for state in states:
        states_by_case[state.promise.case_id].append(state)
    calls_by_case: dict[str, list[CallInfo]] = defaultdict(list)
    for call in calls:
        calls_by_case[call.case_id].append(call)
    paid: dict[str, list[Payment]] = defaultdict(list)
    for payment in payments:
        paid[payment.case_id].append(payment)
    items: list[FollowUp] = []
    for case_id, case in by_id.items():
        owed = open_balance(case.balance, paid[case_id])
        texts = _Texts(rules, case)
        case_calls = calls_by_case[case_id]
        case_states = states_by_case[case_id]
        items += _promise_items(case_states, case_calls, texts)
        if rules.thank_you:
            items += _thanks(case_states, case_calls, texts)
        if owed > 0:
            items += _complaints(case, owed, rules, texts)
            items += _calls_again(case_calls, owed, rules, texts)
    due = [item for item in items if item.date <= on]
    return sorted(due, key=lambda i: (i.date, i.case_id, KINDS.index(i.kind), i.promise_id or 0,
                                      i.call_id or ""))


def business_days_after(day: dt.date, count: int) -> dt.date:
    """The ``count``-th business day after ``day`` (a Saturday plus two is Tuesday);
    0 gives ``day`` itself."""
    for _ in range(count):
        day = on_or_after(day + dt.timedelta(days=1))
    return day


class _Texts:
    """Fills a follow-up text for one case: amounts in euros, dates written out."""

    def __init__(self, rules: FollowUpRules, case: Case) -> None:
        self.rules, self.case = rules, case

    def __call__(self, key: str, amount: Decimal, date: dt.date, **facts: str) -> str:
        return self.rules.texts[key].format(company=self.case.company, amount=format_euro(amount),
                                            date=long_date(date), **facts)


def _promise_items(states: list[PromiseState], calls: list[CallInfo],
                   texts: _Texts) -> list[FollowUp]:
    items = []
    for state in states:
        promise = state.promise
        if state.status == "open":
            items.append(FollowUp(promise.case_id, promise.date, "check_payment",
                                  texts("check_payment", promise.amount, promise.date),
                                  promise.call_id, promise.id))
        elif state.status in ("broken", "partly_kept") and state.paid < promise.amount:
            if any(c.started_at.date() > state.due_by for c in calls):
                continue  # the collector has called since the promise was broken
            if state.status == "broken":
                text = texts("call_back_broken", promise.amount, promise.date)
            else:
                text = texts("call_back_partly", promise.amount, promise.date,
                             paid=format_euro(state.paid),
                             missing=format_euro(promise.amount - state.paid))
            items.append(FollowUp(promise.case_id, business_days_after(state.due_by, 1),
                                  "call_back", text, promise.call_id, promise.id))
    return items


def _thanks(states: list[PromiseState], calls: list[CallInfo], texts: _Texts) -> list[FollowUp]:
    """One thank-you call per call whose promises were all kept, not one per instalment."""
    by_call: dict[str, list[PromiseState]] = defaultdict(list)
    for state in states:
        if state.promise.call_id and state.status != "cancelled":
            by_call[state.promise.call_id].append(state)
    items = []
    for call_id, kept in by_call.items():
        kept_on = [s.kept_on for s in kept if s.status == "kept" and s.kept_on is not None]
        if len(kept_on) < len(kept):
            continue  # not all kept yet
        last_kept = max(kept_on)
        if any(c.id != call_id and c.started_at.date() >= last_kept for c in calls):
            continue  # the collector has called since everything came in
        total = sum((s.promise.amount for s in kept), Decimal("0.00"))
        items.append(FollowUp(kept[0].promise.case_id, business_days_after(last_kept, 1), "thank",
                              texts("thank", total, last_kept), call_id, None))
    return items


def _complaints(case: Case, owed: Decimal, rules: FollowUpRules, texts: _Texts) -> list[FollowUp]:
    return [FollowUp(case.id, business_days_after(c.date, rules.complaint_days), "chase_complaint",
                     texts("chase_complaint", owed, c.date, invoice=c.invoice or "onbekend",
                           subject=c.subject))
            for c in case.complaints if c.is_open]


def _calls_again(calls: list[CallInfo], owed: Decimal, rules: FollowUpRules,
                 texts: _Texts) -> list[FollowUp]:
    items = []
    for call in calls:
        if call.ended_at is None or call.agreed:
            continue
        if any(other.started_at > call.started_at for other in calls):
            continue
        day = business_days_after(call.ended_at.date(), rules.call_again_days)
        items.append(FollowUp(call.case_id, day, "call_again",
                              texts("call_again", owed, call.ended_at.date()), call.id, None))
    return items
