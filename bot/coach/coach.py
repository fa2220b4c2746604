"""One entry point for every channel: start a call, advise on an utterance, end the call."""
from __future__ import annotations

import datetime as dt

from bot.coach.advice import Advice, advise
from bot.coach.brief import Brief, preparation_brief
from bot.coach.call import CallState
from bot.coach.case_store import CaseStore, default_store
from bot.coach.cases import Case
from bot.coach.clock import today as current_day
from bot.coach.playbook import Playbook, default_playbook, fill
from bot.coach.summary import CallSummary, summarise_call


class UnknownCase(LookupError):
    """No case with this id; ``message`` is the Dutch text to show."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class Coach:
    def __init__(self, store: CaseStore | None = None, playbook: Playbook | None = None):
        self.store = store or default_store()
        self.playbook = playbook or default_playbook()

    def case(self, state: CallState) -> Case | None:
        return self.store.get(state.case_id) if state.case_id else None

    def start_call(self, case_id: str | None, today: dt.date | None = None) -> tuple[Brief, CallState]:
        """A fresh call on ``case_id`` (or without a case); raises UnknownCase."""
        today = today or current_day()
        if not case_id or not str(case_id).strip():
            return preparation_brief(None, today, self.playbook), CallState()
        case = self.store.get(str(case_id))
        if case is None:
            examples = ", ".join(row[0] for row in self.store.search(limit=3))
            raise UnknownCase(fill(self.playbook.messages["unknown_case"],
                                   {"case_id": str(case_id)[:40], "examples": examples}))
        return preparation_brief(case, today, self.playbook), CallState(case_id=case.id)

    def advise(self, state: CallState, intent: str, confidence: float, entities: dict,
               today: dt.date | None = None) -> Advice:
        return advise(intent, confidence, entities, state, self.case(state),
                      today or current_day(), self.playbook)

    def end_call(self, state: CallState, today: dt.date | None = None) -> CallSummary:
        return summarise_call(state, self.case(state), today or current_day(), self.playbook)
