"""Proficiency bands per check and overall, weighted to recent sessions."""
from __future__ import annotations

import datetime as dt

import pytest

from bot.coach.roleplay.history import SessionRecord, default_history
from bot.coach.roleplay.proficiency import HALF_LIFE, band, proficiency
from bot.coach.roleplay.scorecard import CHECKS, CheckResult, Scorecard


def record(index: int, credit: float) -> SessionRecord:
    return SessionRecord(id=index, trainee="sanne", scenario="bankstoring",
                         played_at=dt.datetime(2026, 11, 1) + dt.timedelta(days=index),
                         total=round(100 * credit), checks={c.key: credit for c in CHECKS})


@pytest.mark.parametrize("share, name", [(100, "uitstekend"), (90, "uitstekend"),
                                         (89.9, "goed"), (75, "goed"), (74, "in ontwikkeling"),
                                         (50, "in ontwikkeling"), (49, "aandacht nodig"),
                                         (0, "aandacht nodig")])
def test_bands(share, name):
    assert band(share) == name


def test_recent_sessions_weigh_more_than_the_first_attempts():
    improved = proficiency([record(i, 0.2) for i in range(4)] + [record(4 + i, 1.0)
                                                                 for i in range(4)])
    plain_mean = (4 * 20 + 4 * 100) / 8
    assert improved.overall > plain_mean
    assert improved.overall > 70  # 4 weak then 4 perfect sessions: 73, not the mean of 60
    slipped = proficiency([record(i, 1.0) for i in range(4)] + [record(4 + i, 0.2)
                                                                for i in range(4)])
    assert slipped.overall < plain_mean


def test_a_session_half_life_sessions_older_counts_half():
    two = proficiency([record(0, 0.0)] + [record(i, 1.0) for i in range(1, HALF_LIFE + 1)])
    weights = [0.5] + [0.5 ** ((HALF_LIFE - i) / HALF_LIFE) for i in range(1, HALF_LIFE + 1)]
    expected = 100 * sum(weights[1:]) / sum(weights)
    assert two.overall == pytest.approx(expected)


def test_per_check_shares_from_the_stored_scorecards():
    history = default_history()
    results = tuple(CheckResult(c, 1.0 if c.key != "summarised" else 0.0, None) for c in CHECKS)
    history.record("Sanne", "bankstoring", Scorecard(results), [])
    payload = proficiency(history.sessions("sanne")).to_payload()
    shares = {c["key"]: (c["share"], c["band"]) for c in payload["checks"]}
    assert shares["summarised"] == (0, "aandacht nodig")
    assert shares["open_questions"] == (100, "uitstekend")
    assert payload["sessions"] == 1 and len(payload["checks"]) == len(CHECKS)


def test_no_sessions_no_proficiency():
    assert proficiency([]) is None
