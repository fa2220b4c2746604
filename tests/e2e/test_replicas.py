"""Two replicas on one PostgreSQL and one Redis, one killed mid-run (tests/e2e/scale.py,
the same check as `make scale-check`, with fewer calls)."""
from __future__ import annotations

from tests.e2e.scale import LINES, run_scale_check


def test_two_replicas_lose_nothing_and_answer_once_when_one_dies(trained_model):
    result = run_scale_check(calls=4, model=trained_model, log=lambda _: None)
    assert result.killed_after > 0 and result.retried > 0, "the kill did not happen mid-run"
    assert result.lines == 4 * len(LINES)
    assert (result.answered, result.lost, result.duplicates) == (result.lines, 0, 0)
    assert result.agreements_wrong == []
    assert result.pages_missed == 0
    assert result.slack_events == 4 and result.slack_answers == 4
    lines = result.lines
    assert result.summary() == f"calls 4, lines {lines}, answered {lines}, lost 0, duplicates 0"
