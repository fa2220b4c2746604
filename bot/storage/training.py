"""Role-play training: scored sessions and assignments, in the coach's database so every
replica sees them. Before, they lived in a SQLite file of their own (build/training.sqlite3
or $INCASSO_TRAINING_DB); import_legacy_training takes that file over once."""
from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa

from bot.coach.roleplay.assignments import Assignment
from bot.coach.roleplay.history import TRANSCRIPT, SessionRecord, check_credits
from bot.storage.database import ROOT
from bot.storage.tables import training_assignments, training_sessions

if TYPE_CHECKING:
    from bot.storage.store import Storage

LEGACY_ENV = "INCASSO_TRAINING_DB"
LEGACY_TRAINING = ROOT / "build" / "training.sqlite3"
IMPORT_LOCK_KEY = 0x1AC1  # PostgreSQL advisory lock: replicas starting at once, one imports


def _session(row: sa.engine.Row) -> SessionRecord:
    return SessionRecord(id=row.id, trainee=row.trainee, scenario=row.scenario,
                         played_at=row.played_at, total=row.total,
                         checks=check_credits(json.loads(row.scorecard)),
                         difficulty=row.difficulty)


def _assignment(row: sa.engine.Row) -> Assignment:
    return Assignment(id=row.id, trainee=row.trainee, scenario=row.scenario,
                      difficulty=row.difficulty, due=row.due, assigned_by=row.assigned_by,
                      created_at=row.created_at, done_session_id=row.done_session_id)


class TrainingSessionRepository:
    def __init__(self, engine: sa.engine.Engine):
        self.engine = engine

    def add(self, trainee: str, trainee_key: str, scenario: str, difficulty: str,
            played_at: dt.datetime, total: int, scorecard: dict, turns: list[dict]) -> int:
        """Stores a scored session; returns its id."""
        with self.engine.begin() as db:
            return int(db.execute(training_sessions.insert().values(
                trainee=trainee, trainee_key=trainee_key, scenario=scenario,
                difficulty=difficulty, played_at=played_at, total=total,
                scorecard=json.dumps(scorecard), turns=json.dumps(turns))).inserted_primary_key[0])

    def of(self, trainee_key: str) -> list[SessionRecord]:
        """A trainee's sessions, oldest first (without their turns: a report needs none)."""
        t = training_sessions.c
        query = (sa.select(t.id, t.trainee, t.scenario, t.difficulty, t.played_at, t.total,
                           t.scorecard)
                 .where(t.trainee_key == trainee_key).order_by(t.played_at, t.id))
        with self.engine.connect() as db:
            return [_session(row) for row in db.execute(query)]

    def get(self, session_id: int) -> tuple[SessionRecord, list[dict], dict] | None:
        """A session with its turns and scorecard payload, or None."""
        with self.engine.connect() as db:
            row = db.execute(sa.select(training_sessions)
                             .where(training_sessions.c.id == session_id)).first()
        if row is None:
            return None
        return _session(row), list(json.loads(row.turns)), json.loads(row.scorecard)

    def trainees(self) -> list[str]:
        """Everyone with a session, by name as first written; sorted on the matching key."""
        t = training_sessions.c
        first = sa.select(sa.func.min(t.id)).group_by(t.trainee_key)
        query = sa.select(t.trainee).where(t.id.in_(first)).order_by(t.trainee_key)
        with self.engine.connect() as db:
            return list(db.execute(query).scalars())


class AssignmentRepository:
    def __init__(self, engine: sa.engine.Engine):
        self.engine = engine

    def add(self, trainee_key: str, trainee: str, scenario: str, difficulty: str,
            due: dt.date, assigned_by: str, created_at: dt.datetime) -> Assignment:
        with self.engine.begin() as db:
            new_id = int(db.execute(training_assignments.insert().values(
                trainee_key=trainee_key, trainee=trainee, scenario=scenario,
                difficulty=difficulty, due=due, assigned_by=assigned_by,
                created_at=created_at)).inserted_primary_key[0])
        return Assignment(id=new_id, trainee=trainee, scenario=scenario, difficulty=difficulty,
                          due=due, assigned_by=assigned_by, created_at=created_at,
                          done_session_id=None)

    def get(self, assignment_id: int) -> Assignment | None:
        with self.engine.connect() as db:
            row = db.execute(sa.select(training_assignments)
                             .where(training_assignments.c.id == assignment_id)).first()
        return _assignment(row) if row else None

    def of(self, trainee_key: str | None = None) -> list[Assignment]:
        """One trainee's assignments, or everyone's; by due date."""
        t = training_assignments.c
        query = sa.select(training_assignments).order_by(t.due, t.id)
        if trainee_key is not None:
            query = query.where(t.trainee_key == trainee_key)
        with self.engine.connect() as db:
            return [_assignment(row) for row in db.execute(query)]

    def delete(self, assignment_id: int) -> bool:
        with self.engine.begin() as db:
            return db.execute(training_assignments.delete()
                              .where(training_assignments.c.id == assignment_id)).rowcount > 0

    def complete(self, trainee_key: str, scenario: str, difficulty: str,
                 session_id: int) -> Assignment | None:
        """Marks the oldest open matching assignment as done by ``session_id``; locked on
        PostgreSQL, so two replicas finishing at once do not both take the same one."""
        t = training_assignments.c
        oldest = (sa.select(t.id).where(t.trainee_key == trainee_key, t.scenario == scenario,
                                        t.difficulty == difficulty, t.done_session_id.is_(None))
                  .order_by(t.created_at, t.id).limit(1).with_for_update())
        with self.engine.begin() as db:
            found = db.execute(oldest).scalar()
            if found is None:
                return None
            db.execute(training_assignments.update().where(t.id == found)
                       .values(done_session_id=session_id))
        return self.get(found)


def import_legacy_training(storage: Storage) -> str | None:
    """Copies the sessions and assignments of the earlier training file into ``storage``
    in one transaction, keeping their ids (an assignment names the session that did it),
    and renames the file to <name>.imported. Only into empty tables, so it happens once.
    Returns the line for the log, or None when there was nothing to do; a file it cannot
    read stays where it is, with a warning as the line."""
    path = Path(os.environ.get(LEGACY_ENV) or LEGACY_TRAINING)
    if not path.is_file():
        return None
    with storage.training_sessions.engine.begin() as db:
        if db.dialect.name == "postgresql":
            db.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": IMPORT_LOCK_KEY})
        for table in (training_sessions, training_assignments):
            if db.execute(sa.select(table.c.id).limit(1)).first() is not None:
                return None
        try:
            sessions, assignments = _read_legacy(path)
        except (sqlite3.Error, ValueError) as err:
            return (f"Let op: trainingshistorie in {path} is niet overgezet, het bestand is "
                    f"onleesbaar ({err}). Het blijft staan; zet een goede kopie terug of "
                    "verplaats het, en start opnieuw.")
        for table, rows in ((training_sessions, sessions), (training_assignments, assignments)):
            if rows:
                db.execute(table.insert(), rows)
                if db.dialect.name == "postgresql":  # ids were given: move the sequence on
                    db.execute(sa.text(f"SELECT setval(pg_get_serial_sequence('{table.name}',"
                                       f" 'id'), MAX(id)) FROM {table.name}"))
    line = (f"Trainingshistorie overgezet uit {path}: {len(sessions)} sessies, "
            f"{len(assignments)} opdrachten.")
    try:
        path.rename(path.with_name(path.name + ".imported"))
    except OSError as err:
        line += f" Het bestand kon niet worden hernoemd ({err}); het wordt niet opnieuw gelezen."
    return line


def _read_legacy(path: Path) -> tuple[list[dict], list[dict]]:
    """The rows of the earlier file (read-only). Its `sessions` table was always made
    first; `assignments` only once the Training tab was used. It kept no difficulty: its
    role-plays count as medium (the default), its scored transcripts get none."""
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as db:
        tables = {name for (name,) in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "sessions" not in tables:
            raise ValueError("geen tabel sessions")
        sessions = [
            {"id": row[0], "trainee": row[1], "trainee_key": row[2], "scenario": row[3],
             "difficulty": "" if row[3] == TRANSCRIPT else "medium",
             "played_at": dt.datetime.fromisoformat(row[4]), "total": row[5],
             "scorecard": row[6], "turns": row[7]}
            for row in db.execute("SELECT id, trainee, trainee_key, scenario, played_at,"
                                  " total, scorecard, turns FROM sessions ORDER BY id")]
        assignments = [] if "assignments" not in tables else [
            {"id": row[0], "trainee_key": row[1], "trainee": row[2], "scenario": row[3],
             "difficulty": row[4], "due": dt.date.fromisoformat(row[5]),
             "assigned_by": row[6], "created_at": dt.datetime.fromisoformat(row[7]),
             "done_session_id": row[8]}
            for row in db.execute("SELECT id, trainee_key, trainee, scenario, difficulty, due,"
                                  " assigned_by, created_at, done_session_id FROM assignments"
                                  " ORDER BY id")]
    return sessions, assignments
