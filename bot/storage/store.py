"""Everything the coach keeps, in one database: the repositories bundled, per URL."""
from __future__ import annotations

from dataclasses import dataclass

from bot.coach.case_files import SAMPLE_CASES, load_yaml
from bot.storage.calls import CallRepository
from bot.storage.cases import CaseRepository
from bot.storage.database import database_url, engine
from bot.storage.ledger import PaymentRepository, PromiseRepository


@dataclass(frozen=True)
class Storage:
    cases: CaseRepository
    calls: CallRepository
    promises: PromiseRepository
    payments: PaymentRepository

    @classmethod
    def at(cls, url: str) -> "Storage":
        db = engine(url)
        return cls(CaseRepository(db), CallRepository(db), PromiseRepository(db),
                   PaymentRepository(db))


def default_storage(url: str | None = None) -> Storage:
    """The database at ``url``, else $INCASSO_DATABASE_URL (or build/incasso.sqlite3); a
    new, empty one is seeded with the sample cases so the demo works out of the box."""
    storage = Storage.at(url or database_url())
    if storage.cases.count() == 0:
        storage.cases.save_all(load_yaml(SAMPLE_CASES))
    return storage
