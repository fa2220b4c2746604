"""Promises and payments. Status is never stored: it follows from the promise, the
payments and the day (bot.coach.ledger); only a cancellation is a fact of its own."""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

import sqlalchemy as sa

from bot.coach.ledger import Payment, Promise
from bot.storage.tables import payments, promises

CENTS = Decimal(100)


def _cents(amount: Decimal) -> int:
    return int((amount * CENTS).to_integral_value())


def _promise(row: sa.engine.Row) -> Promise:
    return Promise(id=row.id, case_id=row.case_id, call_id=row.call_id, date=row.date,
                   amount=Decimal(row.amount_cents) / CENTS, source=row.source, line=row.line,
                   plan=row.plan, created_at=row.created_at, cancelled_at=row.cancelled_at)


def _payment(row: sa.engine.Row) -> Payment:
    return Payment(id=row.id, case_id=row.case_id, date=row.date,
                   amount=Decimal(row.amount_cents) / CENTS, reference=row.reference,
                   source=row.source, counterparty=row.counterparty, iban=row.iban,
                   external_id=row.external_id or "")


class PromiseRepository:
    def __init__(self, engine: sa.engine.Engine):
        self.engine = engine

    def add(self, items: list[Promise], cancel_ids: Sequence[int] = ()) -> list[Promise]:
        """Stores new promises (and cancels the ones they replace) in one transaction."""
        now = dt.datetime.now().replace(microsecond=0)
        stored = []
        with self.engine.begin() as db:
            if cancel_ids:
                db.execute(promises.update().where(promises.c.id.in_(list(cancel_ids)),
                                                   promises.c.cancelled_at.is_(None))
                           .values(cancelled_at=now))
            for item in items:
                created = (item.created_at or now).replace(microsecond=0)
                new_id = db.execute(promises.insert().values(
                    case_id=item.case_id, call_id=item.call_id, date=item.date,
                    amount_cents=_cents(item.amount), source=item.source, line=item.line,
                    plan=item.plan, created_at=created)).inserted_primary_key[0]
                stored.append(Promise(id=new_id, case_id=item.case_id, call_id=item.call_id,
                                      date=item.date, amount=item.amount, source=item.source,
                                      line=item.line, plan=item.plan, created_at=created))
        return stored

    def cancel(self, ids: list[int]) -> int:
        """Marks promises as cancelled; returns how many were still standing."""
        with self.engine.begin() as db:
            return db.execute(promises.update().where(promises.c.id.in_(ids),
                                                      promises.c.cancelled_at.is_(None))
                              .values(cancelled_at=dt.datetime.now().replace(microsecond=0))
                              ).rowcount

    def find(self, *, case_id: str | None = None, call_id: str | None = None) -> list[Promise]:
        """Promises (cancelled ones too), by date; of one case or call, or all."""
        query = sa.select(promises).order_by(promises.c.date, promises.c.id)
        if case_id is not None:
            query = query.where(sa.func.upper(promises.c.case_id) == case_id.strip().upper())
        if call_id is not None:
            query = query.where(promises.c.call_id == call_id)
        with self.engine.connect() as db:
            return [_promise(row) for row in db.execute(query)]


class PaymentRepository:
    def __init__(self, engine: sa.engine.Engine):
        self.engine = engine

    def add(self, items: list[Payment]) -> tuple[list[Payment], list[Payment]]:
        """Stores payments in one transaction; returns (stored, already known): a bank line
        whose external id is in the database already is not booked twice."""
        now = dt.datetime.now().replace(microsecond=0)
        stored, known = [], []
        with self.engine.begin() as db:
            seen = set(db.execute(sa.select(payments.c.external_id).where(
                payments.c.external_id.in_([p.external_id for p in items if p.external_id])
            )).scalars())
            for item in items:
                if item.external_id and item.external_id in seen:
                    known.append(item)
                    continue
                seen.add(item.external_id)
                new_id = db.execute(payments.insert().values(
                    case_id=item.case_id, date=item.date, amount_cents=_cents(item.amount),
                    reference=item.reference, source=item.source,
                    counterparty=item.counterparty, iban=item.iban,
                    external_id=item.external_id or None, created_at=now)).inserted_primary_key[0]
                stored.append(Payment(**{**item.__dict__, "id": new_id}))
        return stored, known

    def known(self, external_ids: list[str]) -> set[str]:
        """Which of these bank references are booked already."""
        wanted = [i for i in external_ids if i]
        if not wanted:
            return set()
        with self.engine.connect() as db:
            return set(db.execute(sa.select(payments.c.external_id)
                                  .where(payments.c.external_id.in_(wanted))).scalars())

    def find(self, case_id: str | None = None) -> list[Payment]:
        query = sa.select(payments).order_by(payments.c.date, payments.c.id)
        if case_id is not None:
            query = query.where(sa.func.upper(payments.c.case_id) == case_id.strip().upper())
        with self.engine.connect() as db:
            return [_payment(row) for row in db.execute(query)]
