"""What a scorecard tip is made of: the collector's own sentence, quoted, and the case
facts (invoice, amount, deadline) the model sentence names."""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from babel.dates import format_date

from bot.coach.business_days import add_business_days
from bot.coach.cases import Case
from bot.coach.money import format_euro
from bot.coach.roleplay.reading import NOW_DAYS
from bot.coach.roleplay.turns import COLLECTOR, EXCUSE_INTENTS, Turn, collector_turns


@dataclass(frozen=True)
class Example:
    """Case facts for the model sentences in the tips."""
    invoice: str
    amount: str
    deadline: str

    @classmethod
    def for_case(cls, case: Case | None, today: dt.date) -> Example:
        """The oldest invoice of the case (a made-up one without a case), due in three
        business days: payment now."""
        deadline = format_date(add_business_days(today, NOW_DAYS), "EEEE d MMMM", locale="nl")
        if case is None or not case.invoices:
            return cls("F2026-0081", "€ 1.000,00", deadline)
        oldest = min(case.invoices, key=lambda invoice: invoice.due_date)
        return cls(oldest.number, format_euro(oldest.amount), deadline)


def quote(turn: Turn | None, lead: str = "U zei") -> str:
    if turn is None:
        return "U zei niets."
    text = turn.text if len(turn.text) <= 140 else turn.text[:137].rstrip() + "…"
    return f"{lead}: “{text}”"


def closing(turns: Sequence[Turn]) -> str:
    """For what was missing at the end: the collector's last line, named as such (it did
    not lose the points itself; the moment to say the missing thing was there)."""
    return quote(last_line(turns), "U sloot af met")


def first_line(turns: Sequence[Turn]) -> Turn | None:
    lines = collector_turns(turns)
    return lines[0] if lines else None


def last_line(turns: Sequence[Turn]) -> Turn | None:
    lines = collector_turns(turns)
    return lines[-1] if lines else None


def after_excuse(turns: Sequence[Turn]) -> Turn | None:
    """The collector's reply to the debtor's first excuse (or first line at all)."""
    for i, turn in enumerate(turns):
        if turn.speaker != COLLECTOR and turn.intent in EXCUSE_INTENTS:
            return next((t for t in turns[i + 1:] if t.speaker == COLLECTOR), None)
    return first_line(turns)
