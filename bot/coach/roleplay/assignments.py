"""Assignments: a trainer or manager asks a trainee to play a scenario at a difficulty
before a due date. Kept in the coach's database, next to the sessions of
bot.coach.roleplay.history; an assignment is done once the trainee finishes a role-play
of that scenario at that difficulty after it was given (Trainer.finish marks it).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.coach.clock import now as current_time
from bot.coach.clock import today as current_day
from bot.coach.roleplay.history import trainee_key
from bot.coach.roleplay.scenarios import DIFFICULTIES, DIFFICULTY_NL

if TYPE_CHECKING:
    from bot.coach.stores import AssignmentStore

MAX_NAME_CHARS = 60


class AssignmentError(ValueError):
    """An assignment that cannot be given; ``message`` is the Dutch text to show."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Assignment:
    id: int
    trainee: str
    scenario: str
    difficulty: str
    due: dt.date
    assigned_by: str
    created_at: dt.datetime
    done_session_id: int | None

    @property
    def done(self) -> bool:
        return self.done_session_id is not None

    def overdue(self, today: dt.date | None = None) -> bool:
        """Still open after its due date."""
        return not self.done and self.due < (today or current_day())

    def to_payload(self, title: str | None = None, today: dt.date | None = None) -> dict:
        return {"id": self.id, "trainee": self.trainee, "scenario": self.scenario,
                "title": title or self.scenario, "difficulty": self.difficulty,
                "due": self.due.isoformat(), "assigned_by": self.assigned_by,
                "done": self.done, "overdue": self.overdue(today)}


class Assignments:
    """The assignments and their rules; ``store`` keeps them (the doors pass the coach's
    database, see default_assignments)."""

    def __init__(self, store: AssignmentStore):
        self.store = store

    def add(self, trainee: str, scenario: str, difficulty: str, due: str,
            assigned_by: str, scenarios: Iterable[str],
            today: dt.date | None = None) -> Assignment:
        """A new assignment; raises AssignmentError (Dutch) for an empty or too long name,
        an unknown scenario (``scenarios``: the known ids) or difficulty, or a due date
        that is no ISO date or lies in the past."""
        name = " ".join(str(trainee or "").split())
        if not name:
            raise AssignmentError("Vul de gebruikersnaam van de trainee in.")
        if len(name) > MAX_NAME_CHARS:
            raise AssignmentError(f"De naam van de trainee is te lang (maximaal "
                                  f"{MAX_NAME_CHARS} tekens).")
        known = {s.lower(): s for s in scenarios}
        scenario_id = known.get(str(scenario or "").strip().lower())
        if scenario_id is None:
            raise AssignmentError(f"Scenario '{str(scenario)[:40]}' bestaat niet. Kies uit: "
                                  f"{', '.join(sorted(known.values()))}.")
        level = str(difficulty or "").strip().lower()
        level = {nl: en for en, nl in DIFFICULTY_NL.items()}.get(level, level)
        if level not in DIFFICULTIES:
            raise AssignmentError(f"Kies als moeilijkheid {', '.join(DIFFICULTIES[:-1])} of "
                                  f"{DIFFICULTIES[-1]}.")
        try:
            due_date = dt.date.fromisoformat(str(due or "").strip())
        except ValueError:
            raise AssignmentError("Geef de uiterste datum op als JJJJ-MM-DD, bijvoorbeeld "
                                  "2026-12-01.") from None
        if due_date < (today or current_day()):
            raise AssignmentError("De uiterste datum ligt in het verleden. Kies vandaag of "
                                  "later.")
        return self.store.add(trainee_key(name), name, scenario_id, level, due_date,
                              assigned_by, current_time().replace(microsecond=0))

    def get(self, assignment_id: int) -> Assignment | None:
        return self.store.get(assignment_id)

    def of(self, trainee: str | None = None) -> list[Assignment]:
        """A trainee's assignments (the name matched loosely), or everyone's; by due date."""
        return self.store.of(None if trainee is None else trainee_key(trainee))

    def delete(self, assignment_id: int) -> bool:
        """Removes an assignment; False when there was none with this id."""
        return self.store.delete(assignment_id)

    def complete(self, trainee: str, scenario: str, difficulty: str,
                 session_id: int) -> Assignment | None:
        """Marks the oldest open assignment of this trainee, scenario and difficulty as
        done by session ``session_id`` (just finished); returns it, or None."""
        return self.store.complete(trainee_key(trainee), scenario, difficulty, session_id)


def default_assignments() -> Assignments:
    """The assignments in the coach's database ($INCASSO_DATABASE_URL)."""
    from bot.wiring import storage  # not at the top: bot.storage imports this module
    return Assignments(storage().training_assignments)
