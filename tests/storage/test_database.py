"""The database behind the coach: its URL, and migrations that upgrade it in place."""
from __future__ import annotations

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

from bot.coach.case_files import SAMPLE_CASES, load_yaml
from bot.storage.database import MIGRATIONS, database_url, engine, migrate
from bot.storage.store import default_storage

SAMPLES = len(load_yaml(SAMPLE_CASES))  # the cases seeded into a new database


def _head() -> str:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(config).get_current_head()


def test_the_url_comes_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("INCASSO_DATABASE_URL", f"sqlite:///{tmp_path / 'x.sqlite3'}")
    assert database_url() == f"sqlite:///{tmp_path / 'x.sqlite3'}"
    monkeypatch.delenv("INCASSO_DATABASE_URL")
    assert (database_url().startswith("sqlite:///")
            and database_url().endswith("build/incasso.sqlite3"))


def test_a_new_database_is_migrated_to_the_newest_revision_and_seeded(tmp_path):
    storage = default_storage(f"sqlite:///{tmp_path / 'new.sqlite3'}")
    with storage.cases.engine.connect() as db:
        version = db.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
        tables = set(sa.inspect(db).get_table_names())
    assert version == _head()
    assert {"cases", "calls", "call_events", "promises", "payments"} <= tables
    assert storage.cases.count() == SAMPLES


def test_an_older_database_upgrades_in_place_and_keeps_its_rows(tmp_path):
    """A database made by the first revision (before accounts) is brought up to date on
    first use without losing what it holds; its calls get an empty owner."""
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    raw = sa.create_engine(url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with raw.begin() as db:
        config.attributes["connection"] = db
        command.upgrade(config, "0001")
        assert "accounts" not in sa.inspect(db).get_table_names()
        db.execute(sa.text("INSERT INTO cases VALUES ('OLD-1', 'Oud B.V.', 'mevrouw Oud', "
                           "'{}', '2026-01-01 00:00:00')"))
        db.execute(sa.text("INSERT INTO calls (id, case_id, collector, started_at, brief, state)"
                           " VALUES ('call-1', 'OLD-1', 'Sanne', '2026-01-01 09:00:00', '{}',"
                           " '{}')"))
    upgraded = engine(url)
    with upgraded.connect() as db:
        assert db.execute(sa.text("SELECT version_num FROM alembic_version")).scalar() == _head()
        assert db.execute(
            sa.text("SELECT company FROM cases WHERE id = 'OLD-1'")).scalar() == "Oud B.V."
        assert db.execute(sa.text("SELECT owner FROM calls WHERE id = 'call-1'")).scalar() == ""
        assert {"accounts", "sessions", "api_tokens", "audit_log"} <= set(
            sa.inspect(db).get_table_names())


def test_migrating_twice_changes_nothing(tmp_path):
    url = f"sqlite:///{tmp_path / 'twice.sqlite3'}"
    first = sa.create_engine(url)
    migrate(first)
    migrate(first)
    with first.connect() as db:
        assert db.execute(sa.text("SELECT count(*) FROM alembic_version")).scalar() == 1


def test_the_cases_of_the_earlier_case_store_are_taken_over(tmp_path):
    """Before the ledger, cases lived in build/cases.sqlite3 as JSON documents."""
    import json
    import sqlite3

    from bot.coach.case_files import SAMPLE_CASES, load_yaml
    from bot.coach.cases import case_to_dict
    from bot.storage.store import legacy_cases

    old = tmp_path / "cases.sqlite3"
    demo = load_yaml(SAMPLE_CASES)[0]
    with sqlite3.connect(old) as db:
        db.execute("CREATE TABLE cases (id TEXT PRIMARY KEY, company TEXT, contact TEXT, "
                   "data TEXT, updated_at TEXT)")
        db.execute("INSERT INTO cases VALUES (?, ?, ?, ?, ?)",
                   (demo.id, demo.company, demo.contact.name, json.dumps(case_to_dict(demo)),
                    "2026-11-01T10:00:00"))
    assert legacy_cases(old) == [demo]
    assert legacy_cases(tmp_path / "missing.sqlite3") == []
