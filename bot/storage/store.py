"""Everything the coach keeps, in one database: the repositories bundled, per URL."""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from bot.coach.case_files import SAMPLE_CASES, load_yaml
from bot.coach.cases import Case, case_from_dict
from bot.storage.access import (
    AccountRepository,
    AuditRepository,
    ConversationOwners,
    SessionRepository,
    TokenRepository,
)
from bot.storage.calls import CallRepository
from bot.storage.cases import CaseRepository
from bot.storage.database import DEFAULT_DATABASE, ROOT, database_url, engine, just_created
from bot.storage.ledger import PaymentRepository, PromiseRepository
from bot.storage.retention import RetentionRepository
from bot.storage.training import AssignmentRepository, TrainingSessionRepository


@dataclass(frozen=True)
class Storage:
    cases: CaseRepository
    calls: CallRepository
    promises: PromiseRepository
    payments: PaymentRepository
    accounts: AccountRepository
    sessions: SessionRepository
    tokens: TokenRepository
    audit: AuditRepository
    owners: ConversationOwners
    retention: RetentionRepository
    training_sessions: TrainingSessionRepository
    training_assignments: AssignmentRepository

    @classmethod
    def at(cls, url: str) -> Storage:
        db = engine(url)
        return cls(CaseRepository(db), CallRepository(db), PromiseRepository(db),
                   PaymentRepository(db), AccountRepository(db), SessionRepository(db),
                   TokenRepository(db), AuditRepository(db), ConversationOwners(db),
                   RetentionRepository(db), TrainingSessionRepository(db),
                   AssignmentRepository(db))


# Before the ledger, cases lived in a file of their own; a new database takes them over.
LEGACY_CASES = ROOT / "build" / "cases.sqlite3"


def legacy_cases(path: Path = LEGACY_CASES) -> list[Case]:
    """The cases of the earlier case store, if that file is there (read-only)."""
    if not path.is_file():
        return []
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        rows = db.execute("SELECT data FROM cases ORDER BY id").fetchall()
    return [case_from_dict(json.loads(data)) for (data,) in rows]


def default_storage(url: str | None = None) -> Storage:
    """The database at ``url``, else $INCASSO_DATABASE_URL (or build/incasso.sqlite3). A
    database created just now takes over the cases of the earlier case store
    (build/cases.sqlite3) or, without one, the sample cases, so the demo works out of the
    box. An existing one is never seeded, even when empty: that may be a damaged one, and
    DatabaseDamaged (bot.storage.database) has already refused the recognisable damage."""
    url = url or database_url()
    storage = Storage.at(url)
    if just_created(url) and storage.cases.count() == 0:
        earlier = legacy_cases() if url == f"sqlite:///{DEFAULT_DATABASE}" else []
        storage.cases.save_all(earlier or load_yaml(SAMPLE_CASES))
    return storage
