"""Cases in the database, as validated JSON documents keyed by id."""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable

import sqlalchemy as sa

from bot.coach.cases import Case, case_from_dict, case_to_dict
from bot.storage.tables import cases


class CaseRepository:
    def __init__(self, engine: sa.engine.Engine):
        self.engine = engine

    def save_all(self, items: Iterable[Case]) -> int:
        """Insert or replace cases in one transaction; returns how many were written."""
        now = dt.datetime.now().replace(microsecond=0)
        rows = [{"id": c.id.upper(), "company": c.company, "contact": c.contact.name,
                 "data": json.dumps(case_to_dict(c)), "updated_at": now} for c in items]
        with self.engine.begin() as db:
            if rows:
                db.execute(cases.delete().where(cases.c.id.in_([r["id"] for r in rows])))
                db.execute(cases.insert(), rows)
        return len(rows)

    def get(self, case_id: str) -> Case | None:
        """The case with this id (case-insensitive), or None."""
        with self.engine.connect() as db:
            data = db.execute(sa.select(cases.c.data).where(
                cases.c.id == str(case_id).strip().upper())).scalar()
        return case_from_dict(json.loads(data)) if data else None

    def all(self) -> list[Case]:
        with self.engine.connect() as db:
            rows = db.execute(sa.select(cases.c.data).order_by(cases.c.id)).scalars().all()
        return [case_from_dict(json.loads(data)) for data in rows]

    def search(self, text: str = "", limit: int = 20) -> list[tuple[str, str, str]]:
        """(id, company, contact) of cases whose id, company or contact contains ``text``."""
        like = "%" + text.strip().lower().replace("\\", "\\\\").replace("%", "\\%") \
            .replace("_", "\\_") + "%"
        match = sa.or_(*(sa.func.lower(column).like(like, escape="\\")
                         for column in (cases.c.id, cases.c.company, cases.c.contact)))
        query = (sa.select(cases.c.id, cases.c.company, cases.c.contact).where(match)
                 .order_by(cases.c.id).limit(limit))
        with self.engine.connect() as db:
            return [tuple(row) for row in db.execute(query)]

    def count(self) -> int:
        with self.engine.connect() as db:
            return db.execute(sa.select(sa.func.count()).select_from(cases)).scalar_one()
