"""Role-play sessions and assignments in the coach's database, on SQLite and PostgreSQL,
and the one-time takeover of the earlier training file (build/training.sqlite3)."""
from __future__ import annotations

import datetime as dt
import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.coach.roleplay.assignments import Assignments
from bot.coach.roleplay.history import TrainingHistory
from bot.coach.roleplay.scorecard import CHECKS, CheckResult, Scorecard
from bot.coach.roleplay.turns import Turn
from bot.storage.store import Storage
from bot.storage.tables import training_sessions
from bot.storage.training import import_legacy_training

TODAY = dt.date(2026, 11, 23)  # tests/conftest.py pins INCASSO_TODAY to this Monday
CARD = Scorecard(tuple(CheckResult(c, 0.0 if c.key == "summarised" else 1.0, None)
                       for c in CHECKS))
SCENARIOS = ["bankstoring", "al-betaald"]


@pytest.fixture(params=["sqlite", "postgresql"])
def storage(request, tmp_path) -> Storage:
    """The repositories on the embedded default and on a real PostgreSQL server."""
    if request.param == "sqlite":
        return Storage.at(f"sqlite:///{tmp_path / 'training-test.sqlite3'}")
    return Storage.at(request.getfixturevalue("postgres").new_database())


@pytest.fixture
def legacy(tmp_path, monkeypatch) -> Path:
    """Where the earlier training file is looked for ($INCASSO_TRAINING_DB)."""
    path = tmp_path / "training.sqlite3"
    monkeypatch.setenv("INCASSO_TRAINING_DB", str(path))
    return path


def test_sessions_round_trip_oldest_first_matched_loosely(storage):
    history = TrainingHistory(storage.training_sessions)
    turns = [Turn.collector("Wat is er gebeurd?", "collector_open_question", TODAY)]
    later = history.record("Sanne  de Wit", "al-betaald", CARD, turns,
                           dt.datetime(2026, 11, 9, 10, 0, 30, 500), difficulty="hard")
    first = history.record("Pieter", "bankstoring", CARD, [], dt.datetime(2026, 11, 3, 9, 0))
    earlier = history.record("sanne de wit", "transcript", CARD, [],
                             dt.datetime(2026, 11, 2, 10, 0))
    records = history.sessions("SANNE DE WIT")
    assert [(r.id, r.difficulty) for r in records] == [(earlier, ""), (later, "hard")]
    assert records[1].played_at == dt.datetime(2026, 11, 9, 10, 0, 30)
    assert records[1].total == CARD.total and records[1].checks["summarised"] == 0.0
    assert history.trainees() == ["Pieter", "Sanne de Wit"]  # as first written
    record, stored_turns, card = history.session(later)
    assert record == records[1] and card == CARD.to_payload()
    assert stored_turns == [t.to_dict() for t in turns]
    assert history.session(first + 1000) is None


def test_a_session_written_without_a_difficulty_is_medium(storage):
    """The column's server default: a row from a writer that does not know it."""
    engine = storage.training_sessions.engine
    with engine.begin() as db:
        db.execute(training_sessions.insert().values(
            trainee="Sanne", trainee_key="sanne", scenario="bankstoring",
            played_at=dt.datetime(2026, 11, 2, 10, 0), total=CARD.total,
            scorecard=json.dumps(CARD.to_payload()), turns="[]"))
    with engine.connect() as db:
        assert db.execute(sa.select(training_sessions.c.difficulty)).scalar() == "medium"
    assert TrainingHistory(storage.training_sessions).sessions("sanne")[0].difficulty == "medium"


def test_assignments_are_given_completed_in_order_and_removed(storage):
    assignments = Assignments(storage.training_assignments)
    first = assignments.add("Sanne", "bankstoring", "hard", "2026-12-01", "tessa", SCENARIOS)
    second = assignments.add("sanne", "bankstoring", "hard", "2026-11-30", "tessa", SCENARIOS)
    other = assignments.add("Karim", "al-betaald", "easy", "2026-11-25", "tessa", SCENARIOS)
    assert assignments.get(first.id) == first and first.due == dt.date(2026, 12, 1)
    assert [a.id for a in assignments.of()] == [other.id, second.id, first.id]  # by due date
    assert [a.id for a in assignments.of(" SANNE ")] == [second.id, first.id]
    done = assignments.complete("SANNE", "bankstoring", "hard", 42)
    assert done is not None and done.id == first.id and done.done_session_id == 42
    assert assignments.complete("Sanne", "bankstoring", "easy", 43) is None
    assert assignments.delete(other.id) and not assignments.delete(other.id)
    assert assignments.add("Karim", "al-betaald", "easy", "2026-11-25", "tessa",
                           SCENARIOS).id > other.id  # a removed id is not given again


def _legacy_file(path: Path) -> None:
    """A training file as the earlier TrainingHistory and Assignments wrote it."""
    card = json.dumps({"type": "scorecard", "total": 70, "checks": [
        {"key": "no_threats", "credit": 1.0}, {"key": "summarised", "credit": 0.0}]})
    with closing(sqlite3.connect(path)) as db, db:
        db.execute("CREATE TABLE sessions (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                   " trainee TEXT NOT NULL, trainee_key TEXT NOT NULL, scenario TEXT NOT NULL,"
                   " played_at TEXT NOT NULL, total INTEGER NOT NULL,"
                   " scorecard TEXT NOT NULL, turns TEXT NOT NULL)")
        db.execute("CREATE TABLE assignments (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                   " trainee_key TEXT NOT NULL, trainee TEXT NOT NULL, scenario TEXT NOT NULL,"
                   " difficulty TEXT NOT NULL, due TEXT NOT NULL, assigned_by TEXT NOT NULL,"
                   " created_at TEXT NOT NULL, done_session_id INTEGER NULL)")
        db.executemany("INSERT INTO sessions VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [
            (3, "Sanne", "sanne", "bankstoring", "2026-11-02T10:00:00", 70, card,
             json.dumps([{"speaker": "debtor", "text": "Hallo?"}])),
            (7, "Piet", "piet", "transcript", "2026-11-03T11:30:00", 70, card, "[]")])
        db.executemany("INSERT INTO assignments VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", [
            (4, "sanne", "Sanne", "bankstoring", "medium", "2026-11-20", "tessa",
             "2026-11-01T09:00:00", 3),
            (5, "piet", "Piet", "al-betaald", "hard", "2026-12-01", "tessa",
             "2026-11-02T09:00:00", None)])


def test_the_earlier_training_file_is_taken_over_once(storage, legacy):
    _legacy_file(legacy)
    line = import_legacy_training(storage)
    assert line == f"Trainingshistorie overgezet uit {legacy}: 2 sessies, 2 opdrachten."
    assert not legacy.exists() and legacy.with_name("training.sqlite3.imported").is_file()

    history = TrainingHistory(storage.training_sessions)
    [sanne] = history.sessions("Sanne")
    assert (sanne.id, sanne.played_at, sanne.checks, sanne.difficulty) == (
        3, dt.datetime(2026, 11, 2, 10, 0), {"no_threats": 1.0, "summarised": 0.0}, "medium")
    assert history.sessions("Piet")[0].difficulty == ""  # a scored transcript has none
    assert history.session(3)[1] == [{"speaker": "debtor", "text": "Hallo?"}]
    assignments = Assignments(storage.training_assignments)
    assert [(a.id, a.due, a.done_session_id) for a in assignments.of()] == [
        (4, dt.date(2026, 11, 20), 3), (5, dt.date(2026, 12, 1), None)]
    assert history.record("Sanne", "al-betaald", CARD, []) == 8  # numbering goes on
    assert assignments.add("Piet", "bankstoring", "easy", "2026-12-01", "tessa",
                           SCENARIOS).id == 6

    assert import_legacy_training(storage) is None  # done: nothing to take over
    _legacy_file(legacy)  # a copy put back later is not mixed into the history there is
    assert import_legacy_training(storage) is None and legacy.exists()
    assert len(history.sessions("Piet")) == 1


def test_without_an_earlier_file_there_is_nothing_to_do(storage, legacy):
    assert import_legacy_training(storage) is None


@pytest.mark.parametrize("content", [b"", b"geen database" * 100], ids=["empty", "garbage"])
def test_an_unreadable_earlier_file_is_left_alone_with_a_warning(content, legacy, tmp_path):
    storage = Storage.at(f"sqlite:///{tmp_path / 'incasso.sqlite3'}")
    legacy.write_bytes(content)
    line = import_legacy_training(storage)
    assert line is not None and line.startswith(f"Let op: trainingshistorie in {legacy} is "
                                                "niet overgezet")
    assert legacy.read_bytes() == content
    assert TrainingHistory(storage.training_sessions).trainees() == []
