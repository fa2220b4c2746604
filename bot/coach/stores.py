"""What the domain needs from storage, as protocols: bot.storage gives the real
repositories, and the domain never imports them."""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from bot.coach.cases import Case
from bot.coach.ledger import Payment, Promise

if TYPE_CHECKING:
    from bot.coach.calls import CallRecord
    from bot.coach.roleplay.assignments import Assignment
    from bot.coach.roleplay.history import SessionRecord


class CaseSource(Protocol):
    """The cases (bot.storage.cases.CaseRepository)."""

    def get(self, case_id: str) -> Case | None: ...

    def all(self) -> list[Case]: ...

    def search(self, text: str = "", limit: int = 20) -> list[tuple[str, str, str]]: ...


class CallLog(Protocol):
    """Calls and their timelines (bot.storage.calls.CallRepository)."""

    def create(self, call: CallRecord) -> None: ...

    def get(self, call_id: str) -> CallRecord | None: ...

    def save_state(self, call_id: str, state: dict) -> None: ...

    def end(self, call_id: str, ended_at: dt.datetime, summary: dict) -> None: ...

    def latest_for_case(self, case_id: str) -> CallRecord | None: ...

    def for_cases(self, case_ids: list[str] | None = None) -> list[CallRecord]: ...

    def recent(self, owner: str | None = None, limit: int = 50) -> list[CallRecord]: ...

    def add_event(self, call_id: str, kind: str, data: dict) -> dict: ...

    def events_after(self, call_id: str, after: int = 0) -> list[dict]: ...

    def last_event_id(self, call_id: str) -> int: ...


class PromiseStore(Protocol):
    """The promises of the ledger (bot.storage.ledger.PromiseRepository)."""

    def add(self, items: list[Promise], cancel_ids: Sequence[int] = ...) -> list[Promise]: ...

    def cancel(self, ids: list[int]) -> int: ...

    def find(self, *, case_id: str | None = None,
             call_id: str | None = None) -> list[Promise]: ...


class PaymentStore(Protocol):
    """The payments of the ledger (bot.storage.ledger.PaymentRepository)."""

    def add(self, items: list[Payment]) -> tuple[list[Payment], list[Payment]]: ...

    def known(self, external_ids: list[str]) -> set[str]: ...

    def find(self, case_id: str | None = None) -> list[Payment]: ...


class CallStore(Protocol):
    """What the service needs from storage (bot.storage.store.Storage gives it). Read-only
    members, so a frozen dataclass such as Storage matches."""

    @property
    def cases(self) -> CaseSource: ...

    @property
    def calls(self) -> CallLog: ...

    @property
    def promises(self) -> PromiseStore: ...

    @property
    def payments(self) -> PaymentStore: ...


class TrainingSessionStore(Protocol):
    """Scored role-play sessions (bot.storage.training.TrainingSessionRepository)."""

    def add(self, trainee: str, trainee_key: str, scenario: str, difficulty: str,
            played_at: dt.datetime, total: int, scorecard: dict, turns: list[dict]) -> int: ...

    def of(self, trainee_key: str) -> list[SessionRecord]: ...

    def get(self, session_id: int) -> tuple[SessionRecord, list[dict], dict] | None: ...

    def trainees(self) -> list[str]: ...


class AssignmentStore(Protocol):
    """Training assignments (bot.storage.training.AssignmentRepository)."""

    def add(self, trainee_key: str, trainee: str, scenario: str, difficulty: str,
            due: dt.date, assigned_by: str, created_at: dt.datetime) -> Assignment: ...

    def get(self, assignment_id: int) -> Assignment | None: ...

    def of(self, trainee_key: str | None = None) -> list[Assignment]: ...

    def delete(self, assignment_id: int) -> bool: ...

    def complete(self, trainee_key: str, scenario: str, difficulty: str,
                 session_id: int) -> Assignment | None: ...
