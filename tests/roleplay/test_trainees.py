"""Scripted trainees on every scenario at every difficulty: good practice scores high,
bad practice low."""
from __future__ import annotations

import pytest

from bot.coach.roleplay.scenarios import DIFFICULTIES, load_scenarios

from .conftest import TODAY, bad_trainee, good_trainee

SCENARIOS = sorted(load_scenarios())


@pytest.mark.parametrize("difficulty", DIFFICULTIES)
@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_good_trainee_scores_at_least_80(trainer, scenario_id, difficulty):
    session, _ = trainer.start(scenario_id, "Goede trainee", seed=11, difficulty=difficulty)
    good_trainee(trainer, session)
    card = trainer.finish(session, TODAY)
    assert session.debtor.promise is not None, "the debtor never made a concrete promise"
    assert card.total >= 80, card.to_text()


@pytest.mark.parametrize("difficulty", DIFFICULTIES)
@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_bad_trainee_scores_at_most_40(trainer, scenario_id, difficulty):
    session, _ = trainer.start(scenario_id, "Slechte trainee", seed=11, difficulty=difficulty)
    bad_trainee(trainer, session)
    card = trainer.finish(session, TODAY)
    assert session.debtor.promise is None
    assert card.total <= 40, card.to_text()
    failed = {r.check.key for r in card.results if not r.passed}
    assert {"no_threats", "concession_return", "concrete_agreement"} <= failed


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_good_trainee_gets_a_promise_whatever_the_seed(trainer, seed):
    session, _ = trainer.start("bankstoring", "Sanne", seed=seed)
    good_trainee(trainer, session)
    assert session.debtor.promise == {"date": "2026-11-27", "amount": 2100.0}


def test_finished_session_is_stored_once_in_the_trainee_history(trainer):
    session, _ = trainer.start("al-betaald", "Sanne", seed=1)
    good_trainee(trainer, session)
    first = trainer.finish(session, TODAY)
    again = trainer.finish(session, TODAY)
    records = trainer.history.sessions("sanne")
    assert len(records) == 1 and records[0].total == first.total == again.total
    assert records[0].scenario == "al-betaald"
