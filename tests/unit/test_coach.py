"""The Coach entry point: start a call, advise, end the call."""
import datetime as dt
import json

import pytest

from bot.coach.coach import Coach, UnknownCase

from unit_constants import TODAY


@pytest.fixture
def coach(store, playbook):
    return Coach(store=store, playbook=playbook)


def test_start_call_on_a_known_case(coach):
    brief, state = coach.start_call("demo-1", TODAY)
    assert state.case_id == "DEMO-1"
    assert brief.case_id == "DEMO-1"
    assert "Bloemisterij De Vries" in brief.title


@pytest.mark.parametrize("case_id", [None, "", "   "])
def test_start_call_without_case_gives_a_generic_brief(coach, case_id):
    brief, state = coach.start_call(case_id, TODAY)
    assert state.case_id is None
    assert brief.case_id == ""
    assert "algemene voorbereiding" in brief.title
    assert "€" not in brief.to_text()


def test_unknown_case_id_raises_with_a_dutch_message(coach):
    with pytest.raises(UnknownCase) as info:
        coach.start_call("DEMO-99", TODAY)
    message = info.value.message
    assert "DEMO-99" in message
    assert "ken ik niet" in message
    assert "DEMO-1" in message          # suggests existing cases
    assert str(info.value) == message


def test_unknown_case_message_truncates_very_long_ids(coach):
    with pytest.raises(UnknownCase) as info:
        coach.start_call("X" * 500, TODAY)
    assert "X" * 41 not in info.value.message


def test_default_today_comes_from_the_pinned_env(coach):
    brief, _ = coach.start_call("DEMO-1")          # INCASSO_TODAY=2026-11-23 (conftest)
    assert brief.deadline == dt.date(2026, 11, 30)


def test_whole_call_from_brief_to_summary(coach):
    _, state = coach.start_call("DEMO-1", TODAY)
    coach.advise(state, "greet", 0.98, {}, TODAY)
    coach.advise(state, "cannot_pay", 0.91, {}, TODAY)
    coach.advise(state, "affirm", 0.95, {}, TODAY)
    # the state survives a trip through JSON (e.g. a Rasa slot) between turns
    state = type(state).from_dict(json.loads(json.dumps(state.to_dict())))
    summary = coach.end_call(state, TODAY)
    assert state.situations == ["greet", "cannot_pay", "affirm"]
    assert len(summary.agreements) == 1
    assert len(summary.agreements[0]["installments"]) == 3
    assert summary.email_body.startswith("Geachte mevrouw De Vries,")
    assert len([f for f in summary.follow_up if f.action.startswith("controleer")]) == 3
