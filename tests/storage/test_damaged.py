"""A damaged database stops the coach with a clear Dutch message and is left as it is: it
is never migrated over, and never given the demo cases in place of the real ones."""
from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.coach.case_files import SAMPLE_CASES, load_yaml
from bot.servers import ROOT, service_env
from bot.storage.database import DatabaseDamaged, engine
from bot.storage.store import default_storage

SAMPLES = len(load_yaml(SAMPLE_CASES))  # the cases seeded into a new database


def fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def real_database(folder: Path) -> Path:
    """A copy of a database as `make run` leaves it (migrated, seeded), at a path this
    process has not opened yet (engines are made once per URL)."""
    made = folder / "made.sqlite3"
    url = f"sqlite:///{made}"
    assert default_storage(url).cases.count() == SAMPLES
    engine(url).dispose()
    with sqlite3.connect(made) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    copy = folder / "incasso.sqlite3"
    copy.write_bytes(made.read_bytes())
    return copy


def cli_cases(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bot.cli", "cases"], cwd=ROOT, text=True,
                          capture_output=True, timeout=120,
                          env=service_env(INCASSO_DATABASE_URL=f"sqlite:///{path}"))


def refused(path: Path, expected: str) -> None:
    before = fingerprint(path)
    with pytest.raises(DatabaseDamaged) as caught:
        default_storage(f"sqlite:///{path}")
    message = str(caught.value)
    assert str(path) in message and expected in message
    assert "niets wordt overschreven" in message and "back-up" in message
    assert fingerprint(path) == before


def test_a_file_that_is_not_a_database_is_refused_and_left_alone(tmp_path):
    garbage = tmp_path / "incasso.sqlite3"
    garbage.write_bytes(b"Dit is geen database maar een verdwaalde tekst.\n" * 200)
    refused(garbage, "geen SQLite-database")


def test_an_emptied_file_is_refused_not_seeded(tmp_path):
    empty = tmp_path / "incasso.sqlite3"
    empty.write_bytes(b"")
    refused(empty, "leeg (0 bytes)")
    assert empty.stat().st_size == 0


def test_a_truncated_database_is_refused(tmp_path):
    cut = real_database(tmp_path)
    data = cut.read_bytes()
    assert len(data) >= 8 * 4096, "the test needs a database of several pages"
    cut.write_bytes(data[: len(data) // 2])
    refused(cut, "beschadigd")


def test_a_database_that_lost_its_cases_table_is_refused(tmp_path):
    path = real_database(tmp_path)
    with sqlite3.connect(path) as db:
        db.execute("DROP TABLE cases")
    refused(path, "mist tabellen (cases)")


def test_tables_without_a_schema_version_are_refused(tmp_path):
    path = real_database(tmp_path)
    with sqlite3.connect(path) as db:
        db.execute("DROP TABLE alembic_version")
    refused(path, "geen schemaversie")


def test_an_emptied_cases_table_is_not_seeded_again(tmp_path):
    """Only a database created just now gets the demo cases; a later process that finds
    no cases leaves it empty."""
    path = real_database(tmp_path)
    with sqlite3.connect(path) as db:
        db.execute("DELETE FROM cases")
    listed = cli_cases(path)
    assert listed.returncode == 0, listed.stderr
    assert "DEMO-" not in listed.stdout
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM cases").fetchone() == (0,)


def test_a_database_rasa_made_first_is_still_new_and_seeded(tmp_path):
    """Rasa's tracker store may create the file (its `events` table) before the coach."""
    path = tmp_path / "incasso.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT)")
    storage = default_storage(f"sqlite:///{path}")
    assert storage.cases.count() == SAMPLES
    with storage.cases.engine.connect() as db:
        assert "events" in sa.inspect(db).get_table_names()


def test_the_command_line_names_the_damage_and_exits_non_zero(tmp_path):
    garbage = tmp_path / "incasso.sqlite3"
    garbage.write_bytes(b"\x00\x01garbage" * 1000)
    before = fingerprint(garbage)
    done = cli_cases(garbage)
    assert done.returncode == 3
    assert "is geen SQLite-database" in done.stderr and "Traceback" not in done.stderr
    assert fingerprint(garbage) == before
