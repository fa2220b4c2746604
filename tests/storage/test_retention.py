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
