"""Assignments: a trainer or manager asks a trainee to play a scenario at a difficulty
before a due date. Kept in the training database (next to the sessions of
bot.coach.roleplay.history); an assignment is done once the trainee finishes a role-play
of that scenario at that difficulty after it was given (Trainer.finish marks it).
"""
from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from bot.coach.clock import now as current_time
from bot.coach.clock import today as current_day
from bot.coach.roleplay.history import DB_ENV, DEFAULT_DB
from bot.coach.roleplay.scenarios import DIFFICULTIES, DIFFICULTY_NL

MAX_NAME_CHARS = 60


class AssignmentError(ValueError):
    """An assignment that cannot be given; ``message`` is the Dutch text to show."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def trainee_key(name: str) -> str:
    """How a trainee's name is matched: spaces squeezed, case ignored (as the history)."""
    return " ".join(name.split()).casefold()


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


_COLUMNS = ("id, trainee, scenario, difficulty, due, assigned_by, created_at,"
            " done_session_id")


def _assignment(row: tuple) -> Assignment:
    return Assignment(id=row[0], trainee=row[1], scenario=row[2], difficulty=row[3],
                      due=dt.date.fromisoformat(row[4]), assigned_by=row[5],
                      created_at=dt.datetime.fromisoformat(row[6]), done_session_id=row[7])


class Assignments:
    """The assignments in one SQLite file (the training database), opened per use."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.execute("CREATE TABLE IF NOT EXISTS assignments ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT, trainee_key TEXT NOT NULL,"
                       " trainee TEXT NOT NULL, scenario TEXT NOT NULL,"
                       " difficulty TEXT NOT NULL, due TEXT NOT NULL,"
                       " assigned_by TEXT NOT NULL, created_at TEXT NOT NULL,"
                       " done_session_id INTEGER NULL)")
            db.execute("CREATE INDEX IF NOT EXISTS assignments_by_trainee"
                       " ON assignments (trainee_key, created_at)")

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=5)

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
        created = current_time().isoformat(timespec="seconds")
        with self._connect() as db:
            cursor = db.execute(
                "INSERT INTO assignments (trainee_key, trainee, scenario, difficulty, due,"
                " assigned_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (trainee_key(name), name, scenario_id, level, due_date.isoformat(),
                 assigned_by, created))
            assert cursor.lastrowid is not None  # every INSERT sets it
            new_id = int(cursor.lastrowid)
        found = self.get(new_id)
        assert found is not None
        return found

    def get(self, assignment_id: int) -> Assignment | None:
        with self._connect() as db:
            row = db.execute(f"SELECT {_COLUMNS} FROM assignments WHERE id = ?",
                             (assignment_id,)).fetchone()
        return _assignment(row) if row else None

    def of(self, trainee: str | None = None) -> list[Assignment]:
        """A trainee's assignments (the name matched loosely), or everyone's; by due date."""
        query = f"SELECT {_COLUMNS} FROM assignments"
        args: tuple = ()
        if trainee is not None:
            query += " WHERE trainee_key = ?"
            args = (trainee_key(trainee),)
        with self._connect() as db:
            rows = db.execute(query + " ORDER BY due, id", args).fetchall()
        return [_assignment(row) for row in rows]

    def delete(self, assignment_id: int) -> bool:
        """Removes an assignment; False when there was none with this id."""
        with self._connect() as db:
            return db.execute("DELETE FROM assignments WHERE id = ?",
                              (assignment_id,)).rowcount > 0

    def complete(self, trainee: str, scenario: str, difficulty: str,
                 session_id: int) -> Assignment | None:
        """Marks the oldest open assignment of this trainee, scenario and difficulty as
        done by session ``session_id`` (just finished); returns it, or None."""
        with self._connect() as db:
            row = db.execute("SELECT id FROM assignments WHERE trainee_key = ? AND"
                             " scenario = ? AND difficulty = ? AND done_session_id IS NULL"
                             " ORDER BY created_at, id LIMIT 1",
                             (trainee_key(trainee), scenario, difficulty)).fetchone()
            if row is None:
                return None
            db.execute("UPDATE assignments SET done_session_id = ? WHERE id = ?",
                       (session_id, row[0]))
        return self.get(row[0])


def default_assignments() -> Assignments:
    """The assignments in the training database ($INCASSO_TRAINING_DB or the default)."""
    return Assignments(os.environ.get(DB_ENV) or DEFAULT_DB)
