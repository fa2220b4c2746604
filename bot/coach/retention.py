"""Keeping what was said no longer than needed (AVG/GDPR): call lines older than the
settings' `retention.call_lines_days` are deleted, with Rasa's copy of them and the lines
of real calls scored for training; what was
agreed, paid and summarised stays, so the ledger and the follow-up list are unchanged."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol


class RetentionStore(Protocol):
    """bot.storage.retention.RetentionRepository"""

    def count_before(self, before: dt.datetime) -> tuple[int, int, int]: ...

    def remove_before(self, before: dt.datetime) -> tuple[int, int, int]: ...


@dataclass(frozen=True)
class RetentionReport:
    before: dt.datetime | None   # None: retention is off (0 days)
    lines: int = 0
    tracker_events: int = 0
    transcripts: int = 0  # scored real calls whose lines went (their scores stay)
    dry_run: bool = False

    def describe(self) -> str:
        if self.before is None:
            return "Bewaartermijn staat uit (call_lines_days: 0): er is niets verwijderd."
        verb = "zouden worden verwijderd" if self.dry_run else "verwijderd"
        scored = (f", en de regels van {self.transcripts} beoordeelde gesprekken uit de "
                  "training" if self.transcripts else "")
        return (f"Gespreksregels van vóór {self.before:%d-%m-%Y %H:%M}: {self.lines} regels en "
                f"{self.tracker_events} Rasa-gebeurtenissen{scored} {verb}. Afspraken, "
                "betalingen, samenvattingen en scores blijven bewaard.")


def apply_retention(store: RetentionStore, days: int, at: dt.datetime,
                    dry_run: bool = False) -> RetentionReport:
    """Deletes (or, dry, counts) the lines older than ``days`` before ``at``."""
    if days <= 0:
        return RetentionReport(None, dry_run=dry_run)
    before = at - dt.timedelta(days=days)
    lines, tracker, transcripts = (store.count_before(before) if dry_run
                                   else store.remove_before(before))
    return RetentionReport(before, lines, tracker, transcripts, dry_run)
