"""How good a trainee is, per check and overall: the share of the points earned, weighted
towards recent sessions, in bands a trainer reads at a glance.

A session counts half as much as the one after it once it is HALF_LIFE sessions older, so
a trainee who has improved is not held back by their first attempts, and one bad day does
not wipe out a record.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.coach.roleplay.history import SessionRecord
from bot.coach.roleplay.scorecard import CHECKS

HALF_LIFE = 4  # sessions
# (lowest share, band); the first that the share reaches.
BANDS = ((90, "uitstekend"), (75, "goed"), (50, "in ontwikkeling"), (0, "aandacht nodig"))


def band(share: float) -> str:
    return next(name for low, name in BANDS if share >= low)


@dataclass(frozen=True)
class Proficiency:
    trainee: str
    sessions: int
    overall: float                      # 0–100, weighted share of all points
    checks: dict[str, float]            # check key → 0–100

    def to_payload(self) -> dict:
        labels = {c.key: c.label for c in CHECKS}
        return {"trainee": self.trainee, "sessions": self.sessions,
                "overall": round(self.overall), "band": band(self.overall),
                "checks": [{"key": key, "label": labels[key], "share": round(share),
                            "band": band(share)} for key, share in self.checks.items()]}


def proficiency(records: Sequence[SessionRecord]) -> Proficiency | None:
    """From a trainee's sessions, oldest first; None without sessions."""
    if not records:
        return None
    weights = [0.5 ** ((len(records) - 1 - i) / HALF_LIFE) for i in range(len(records))]
    total = sum(weights)
    checks = {c.key: 100 * sum(w * r.checks.get(c.key, 0.0) for w, r in
                               zip(weights, records, strict=True)) / total for c in CHECKS}
    overall = sum(w * r.total for w, r in zip(weights, records, strict=True)) / total
    return Proficiency(records[0].trainee, len(records), overall, checks)
