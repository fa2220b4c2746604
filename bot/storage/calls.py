"""Calls and their timeline of events. Event ids count per call from 1, so a page that
reconnects asks for what came after the last id it saw, across restarts too."""
from __future__ import annotations

import datetime as dt
import json

import sqlalchemy as sa

from bot.coach.calls import CallRecord
from bot.storage.tables import call_events, calls

EVENT_TIME_FORMAT = "%H:%M:%S"
SEQ_RETRIES = 5  # two processes numbering the same call's event at once: try again


def _record(row: sa.engine.Row) -> CallRecord:
    return CallRecord(id=row.id, case_id=row.case_id, collector=row.collector, owner=row.owner,
                      started_at=row.started_at, ended_at=row.ended_at,
                      brief=json.loads(row.brief), state=json.loads(row.state),
                      summary=json.loads(row.summary) if row.summary else None)


def _event(row: sa.engine.Row) -> dict:
    return {"id": row.seq, "time": row.created_at.strftime(EVENT_TIME_FORMAT), "kind": row.kind,
            **json.loads(row.data)}


class CallRepository:
    def __init__(self, engine: sa.engine.Engine):
        self.engine = engine

    def create(self, call: CallRecord) -> None:
        with self.engine.begin() as db:
            db.execute(calls.insert().values(
                id=call.id, case_id=call.case_id, collector=call.collector, owner=call.owner,
                started_at=call.started_at, ended_at=call.ended_at, brief=json.dumps(call.brief),
                state=json.dumps(call.state), summary=None))

    def get(self, call_id: str) -> CallRecord | None:
        with self.engine.connect() as db:
            row = db.execute(sa.select(calls).where(calls.c.id == call_id)).first()
        return _record(row) if row else None

    def save_state(self, call_id: str, state: dict) -> None:
        with self.engine.begin() as db:
            db.execute(calls.update().where(calls.c.id == call_id).values(state=json.dumps(state)))

    def end(self, call_id: str, ended_at: dt.datetime, summary: dict) -> None:
        with self.engine.begin() as db:
            db.execute(calls.update().where(calls.c.id == call_id)
                       .values(ended_at=ended_at, summary=json.dumps(summary)))

    def latest_for_case(self, case_id: str) -> CallRecord | None:
        """The most recently started call on the case (pushed lines without a call id)."""
        query = (sa.select(calls).where(sa.func.upper(calls.c.case_id) == case_id.strip().upper())
                 .order_by(calls.c.started_at.desc(), calls.c.id.desc()).limit(1))
        with self.engine.connect() as db:
            row = db.execute(query).first()
        return _record(row) if row else None

    def for_cases(self, case_ids: list[str] | None = None) -> list[CallRecord]:
        """Calls, oldest first: of these cases, or all of them."""
        query = sa.select(calls).order_by(calls.c.started_at, calls.c.id)
        if case_ids is not None:
            query = query.where(calls.c.case_id.in_(case_ids))
        with self.engine.connect() as db:
            return [_record(row) for row in db.execute(query)]

    def recent(self, owner: str | None = None, limit: int = 50) -> list[CallRecord]:
        """The latest calls, newest first: of one owner, or everyone's."""
        query = sa.select(calls).order_by(calls.c.started_at.desc(), calls.c.id.desc())
        if owner is not None:
            query = query.where(calls.c.owner == owner)
        with self.engine.connect() as db:
            return [_record(row) for row in db.execute(query.limit(limit))]

    def add_event(self, call_id: str, kind: str, data: dict) -> dict:
        """Appends an event to the call's timeline and returns it as pages receive it."""
        body = json.dumps(data)  # ASCII: a lone surrogate from any writer is stored safely
        for attempt in range(SEQ_RETRIES):
            try:
                with self.engine.begin() as db:
                    last = db.execute(sa.select(sa.func.max(call_events.c.seq))
                                      .where(call_events.c.call_id == call_id)).scalar() or 0
                    now = dt.datetime.now().replace(microsecond=0)
                    db.execute(call_events.insert().values(
                        call_id=call_id, seq=last + 1, created_at=now, kind=kind, data=body))
                return {"id": last + 1, "time": now.strftime(EVENT_TIME_FORMAT), "kind": kind,
                        **data}
            except sa.exc.IntegrityError:
                if attempt == SEQ_RETRIES - 1:
                    raise
        raise AssertionError("unreachable")

    def events_after(self, call_id: str, after: int = 0) -> list[dict]:
        query = (sa.select(call_events).where(call_events.c.call_id == call_id,
                                              call_events.c.seq > after)
                 .order_by(call_events.c.seq))
        with self.engine.connect() as db:
            return [_event(row) for row in db.execute(query)]

    def last_event_id(self, call_id: str) -> int:
        with self.engine.connect() as db:
            return db.execute(sa.select(sa.func.max(call_events.c.seq))
                              .where(call_events.c.call_id == call_id)).scalar() or 0
