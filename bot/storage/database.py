"""The database: its URL, one engine per URL per process, and migrations to the newest
schema (Alembic), run before first use so an existing database upgrades in place.

A database that exists but cannot be trusted (not SQLite, corrupt, tables gone) stops the
coach with DatabaseDamaged before anything writes to it: the demo cases must never be
seeded over what is left of real ones."""
from __future__ import annotations

import os
import sqlite3
import threading
from contextlib import closing
from functools import lru_cache
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from bot.storage.tables import metadata

ROOT = Path(__file__).resolve().parents[2]
DATABASE_URL_ENV = "INCASSO_DATABASE_URL"
DEFAULT_DATABASE = ROOT / "build" / "incasso.sqlite3"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
MIGRATION_LOCK_KEY = 0x1AC0  # PostgreSQL advisory lock held while migrating
SQLITE_BUSY_SECONDS = 15  # the Rasa server and the action server write to the same file

SQLITE_HEADER = b"SQLite format 3\x00"
SCHEMA_TABLES = frozenset(metadata.tables)  # Rasa's own `events` table is not ours

_migrating = threading.Lock()
_created: set[str] = set()  # URLs whose schema this process created in an empty database


class DatabaseDamaged(RuntimeError):
    """The database is there but unusable; the message says what to do, in Dutch."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(
            f"De database {where} {problem}. De coach start niet, zodat er niets wordt "
            "overschreven. Zet een back-up terug (README, ‘Back-ups’) of verplaats het bestand "
            "om met een nieuwe database te beginnen.")


def database_url() -> str:
    """$INCASSO_DATABASE_URL, or the SQLite file build/incasso.sqlite3."""
    return os.environ.get(DATABASE_URL_ENV, "").strip() or f"sqlite:///{DEFAULT_DATABASE}"


def _use_wal(connection, _record) -> None:
    """Readers do not block the writer, so a page reading a call never stalls a line."""
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def check_sqlite_file(path: Path) -> None:
    """Refuses an existing file that is not a whole SQLite database, reading it only: an
    empty (truncated) file, a foreign one, or one that fails PRAGMA integrity_check."""
    if not path.exists():
        return
    if path.stat().st_size == 0:
        raise DatabaseDamaged(str(path), "is leeg (0 bytes): afgekapt of gewist")
    with open(path, "rb") as file:
        if file.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise DatabaseDamaged(str(path), "is geen SQLite-database")
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
            problems = [row[0] for row in db.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as err:
        raise DatabaseDamaged(str(path), f"is beschadigd ({err})") from None
    if problems != ["ok"]:
        raise DatabaseDamaged(str(path), "is beschadigd (integrity_check: "
                              + "; ".join(problems[:3]) + ")")


def just_created(url: str) -> bool:
    """True (once) when this process created ``url``'s schema in an empty database: only
    such a database may be given the sample cases."""
    if url in _created:
        _created.discard(url)
        return True
    return False


@lru_cache(maxsize=8)
def engine(url: str) -> sa.engine.Engine:
    """A migrated engine for ``url``; created once per process."""
    parsed = sa.engine.make_url(url)
    if parsed.get_backend_name() == "sqlite":
        pooling: dict = {}
        if parsed.database and parsed.database != ":memory:":
            check_sqlite_file(Path(parsed.database))
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
            # A pool of open connections: SQLAlchemy 1.4 opens the file anew for every use,
            # with the WAL pragma, a fifth of the action server's CPU per line. A pooled
            # connection serves one thread at a time, whichever thread it is.
            pooling = {"poolclass": sa.pool.QueuePool, "pool_size": 5, "max_overflow": 10}
        created = sa.create_engine(url, future=True, **pooling,
                                   connect_args={"timeout": SQLITE_BUSY_SECONDS,
                                                 "check_same_thread": False})
        sa.event.listen(created, "connect", _use_wal)
    else:
        created = sa.create_engine(url, future=True, pool_pre_ping=True, pool_size=5,
                                   max_overflow=10)
    if migrate(created):
        _created.add(url)
    return created


def migrate(target: sa.engine.Engine) -> bool:
    """Brings the schema to the newest revision (a no-op when it is there already).
    True when it created the schema in an empty database; DatabaseDamaged when tables
    are missing that the recorded revision says should be there."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    where = target.url.render_as_string(hide_password=True)
    with _migrating, target.begin() as connection:
        if target.dialect.name == "postgresql":  # replicas starting at once: one migrates
            connection.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"),
                               {"key": MIGRATION_LOCK_KEY})
        present = set(sa.inspect(connection).get_table_names())
        empty = "alembic_version" not in present and not present & SCHEMA_TABLES
        if "alembic_version" not in present and present & SCHEMA_TABLES:
            raise DatabaseDamaged(where, "heeft tabellen maar geen schemaversie (alembic_version)")
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        missing = SCHEMA_TABLES - set(sa.inspect(connection).get_table_names())
        if missing:
            raise DatabaseDamaged(where, f"mist tabellen ({', '.join(sorted(missing))})")
    return empty
