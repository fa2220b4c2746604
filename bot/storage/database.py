"""The database: its URL, one engine per URL per process, and migrations to the newest
schema (Alembic), run before first use so an existing database upgrades in place."""
from __future__ import annotations

import os
import threading
from functools import lru_cache
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

ROOT = Path(__file__).resolve().parents[2]
DATABASE_URL_ENV = "INCASSO_DATABASE_URL"
DEFAULT_DATABASE = ROOT / "build" / "incasso.sqlite3"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_SECONDS = 15  # the Rasa server and the action server write to the same file

_migrating = threading.Lock()


def database_url() -> str:
    """$INCASSO_DATABASE_URL, or the SQLite file build/incasso.sqlite3."""
    return os.environ.get(DATABASE_URL_ENV, "").strip() or f"sqlite:///{DEFAULT_DATABASE}"


def _use_wal(connection, _record) -> None:
    """Readers do not block the writer, so a page reading a call never stalls a line."""
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


@lru_cache(maxsize=8)
def engine(url: str) -> sa.engine.Engine:
    """A migrated engine for ``url``; created once per process."""
    parsed = sa.engine.make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database:
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        created = sa.create_engine(url, future=True,
                                   connect_args={"timeout": SQLITE_BUSY_SECONDS})
        sa.event.listen(created, "connect", _use_wal)
    else:
        created = sa.create_engine(url, future=True, pool_pre_ping=True, pool_size=5,
                                   max_overflow=10)
    migrate(created)
    return created


def migrate(target: sa.engine.Engine) -> None:
    """Brings the schema to the newest revision (a no-op when it is there already)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with _migrating, target.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
