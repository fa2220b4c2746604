"""A scenario's own checks: who is on the line before the debt (partner-neemt-op), a
referral to help with debts (kwetsbare-klant); the total stays out of 100."""
from __future__ import annotations

from bot.coach.roleplay import turns as moves
from bot.coach.roleplay.scorecard import CHECKS, ScenarioFocus, score
from bot.coach.roleplay.trainer import rubric, scenario_focus
from tests.roleplay.conftest import TODAY, bad_trainee, collector, good_trainee

IDENTITY = ScenarioFocus(identity_questions=("spreek ik met", "met wie spreek ik"))
REFERRAL = ScenarioFocus(referral_words=("schuldhulpverlening", "budgetcoach"))
ASK = collector("Spreek ik met mevrouw Koster zelf?", moves.CLOSED_QUESTION)
DEBT = collector("Ik bel over factuur P-2026-31 van € 412,50.", moves.STATE_PURPOSE)


def test_asking_who_is_on_the_line_before_the_debt_earns_the_identity_check():
    assert score([ASK, DEBT], focus=IDENTITY).result("identity_first").credit == 1.0
    late = score([DEBT, ASK], focus=IDENTITY).result("identity_first")
    assert late.credit == 0.5 and "P-2026-31" in late.tip
    never = score([DEBT], focus=IDENTITY).result("identity_first")
    assert never.credit == 0.0 and "met wie u sprak" in never.tip


def test_a_referral_is_judged_only_where_the_scenario_trains_it():
    help_line = collector("Kent u de schuldhulpverlening van uw gemeente?",
                          moves.OPEN_QUESTION)
    assert score([DEBT, help_line], focus=REFERRAL).result("referral").passed
    missed = score([DEBT], focus=REFERRAL).result("referral")
    assert missed.credit == 0.0 and "schuldhulpverlening" in missed.tip
    assert [r.check.key for r in score([DEBT]).results] == [c.key for c in CHECKS]


def test_the_total_stays_out_of_100_with_extra_checks():
    focus = ScenarioFocus(("spreek ik met",), ("schuldhulpverlening",))
    card = score([DEBT], focus=focus)
    assert len(card.results) == 12
    points = sum(r.points for r in card.results)
    assert card.total == round(points * 100 / 120)


def test_the_scenarios_name_their_own_checks_in_the_rubric_and_the_scorecard(trainer):
    for scenario_id, key in (("partner-neemt-op", "identity_first"),
                             ("kwetsbare-klant", "referral")):
        scenario = trainer.scenario(scenario_id)
        assert key in [c["key"] for c in rubric(scenario)]
        good = trainer.start(scenario_id, "Sanne", seed=1)[0]
        good_trainee(trainer, good)
        card = trainer.finish(good, today=TODAY)
        assert card.result(key).passed and card.total >= 80
        bad = trainer.start(scenario_id, "Bart", seed=1)[0]
        bad_trainee(trainer, bad)
        assert not trainer.finish(bad, today=TODAY).result(key).passed
    plain = trainer.scenario("bankstoring")
    assert scenario_focus(plain) == ScenarioFocus()
    assert len(rubric(plain)) == len(CHECKS)
