"""Deleting what was said in old calls: the coach's call lines, the texts in Rasa's
tracker store (its `events` table, when it shares this database) and the lines of real
calls scored as training transcripts (their scores stay). Agreements, payments, summaries
and the audit log are other tables and stay."""
from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from bot.coach.roleplay.history import TRANSCRIPT
from bot.storage.tables import call_events, training_sessions

RASA_EVENTS = "events"  # rasa.core.tracker_store.SQLTrackerStore's table


class RetentionRepository:
    def __init__(self, engine: sa.engine.Engine):
        self.engine = engine

    def count_before(self, before: dt.datetime) -> tuple[int, int, int]:
        """(call lines, tracker events, scored transcripts) older than ``before``: what a
        run would delete."""
        return self._run(before, delete=False)

    def remove_before(self, before: dt.datetime) -> tuple[int, int, int]:
        return self._run(before, delete=True)

    def _run(self, before: dt.datetime, delete: bool) -> tuple[int, int, int]:
        old_lines = sa.and_(call_events.c.kind == "line", call_events.c.created_at < before)
        with self.engine.begin() as db:
            if delete:
                lines = db.execute(call_events.delete().where(old_lines)).rowcount
            else:
                lines = db.execute(sa.select(sa.func.count()).select_from(call_events)
                                   .where(old_lines)).scalar() or 0
            tracker = 0
            if RASA_EVENTS in sa.inspect(db).get_table_names():
                events = sa.Table(RASA_EVENTS, sa.MetaData(), autoload_with=db)
                old = events.c.timestamp < before.timestamp()
                tracker = (db.execute(events.delete().where(old)).rowcount if delete else
                           db.execute(sa.select(sa.func.count()).select_from(events)
                                      .where(old)).scalar() or 0)
            t = training_sessions.c
            said = sa.and_(t.scenario == TRANSCRIPT, t.played_at < before, t.turns != "[]")
            transcripts = (db.execute(training_sessions.update().where(said)
                                      .values(turns="[]")).rowcount if delete else
                           db.execute(sa.select(sa.func.count()).select_from(training_sessions)
                                      .where(said)).scalar() or 0)
        return lines, tracker, transcripts
