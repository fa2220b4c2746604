"""Retention also empties Rasa's copy of what was said: its SQL tracker store's `events`
table in the same database (a real SQLTrackerStore writes it here)."""
from __future__ import annotations

import asyncio
import datetime as dt
import time

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.coach.retention import apply_retention
from bot.storage.store import Storage


def test_old_tracker_events_go_and_recent_ones_stay(tmp_path):
    path = tmp_path / "incasso.sqlite3"
    storage = Storage.at(f"sqlite:///{path}")
    rasa_store = SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(path))
    old = time.time() - 40 * 86400
    tracker = DialogueStateTracker.from_events("pane-oud", [
        UserUttered("Mijn telefoonnummer is 06 12345678", timestamp=old),
        UserUttered("Ik betaal vrijdag", timestamp=time.time())])
    asyncio.run(rasa_store.save(tracker))

    now = dt.datetime.now()
    assert apply_retention(storage.retention, 30, now, dry_run=True).tracker_events == 1
    assert apply_retention(storage.retention, 30, now).tracker_events == 1
    kept = asyncio.run(rasa_store.retrieve("pane-oud"))
    texts = [e.text for e in kept.events if isinstance(e, UserUttered)]
    assert texts == ["Ik betaal vrijdag"]


def test_a_scored_real_call_loses_its_lines_and_keeps_its_score(tmp_path):
    from bot.coach.roleplay.history import TRANSCRIPT, TrainingHistory
    from bot.coach.roleplay.scorecard import score
    from bot.coach.roleplay.turns import COLLECTOR, Turn

    storage = Storage.at(f"sqlite:///{tmp_path / 'incasso.sqlite3'}")
    history = TrainingHistory(storage.training_sessions)
    turns = [Turn(COLLECTOR, "Ik bel over factuur 26-100 van mevrouw Jansen.", "", {})]
    card = score(turns)
    old = dt.datetime.now() - dt.timedelta(days=40)
    real = history.record("Sanne", TRANSCRIPT, card, turns, played_at=old)
    practice = history.record("Sanne", "bankstoring", card, turns, played_at=old,
                              difficulty="medium")
    recent = history.record("Sanne", TRANSCRIPT, card, turns)

    report = apply_retention(storage.retention, 30, dt.datetime.now())
    assert report.transcripts == 1 and "1 beoordeelde gesprekken" in report.describe()
    assert history.session(real)[1] == []  # the lines of the real call are gone
    assert history.session(real)[0].total == card.total  # its score stays
    assert history.session(practice)[1] and history.session(recent)[1]
    assert apply_retention(storage.retention, 30, dt.datetime.now()).transcripts == 0
