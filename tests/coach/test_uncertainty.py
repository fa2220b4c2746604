"""Honest confidence: below SURE_CONFIDENCE the collector chooses between two readings,
and nothing is recorded until they do."""
from __future__ import annotations

import pytest

from bot.coach.calls import CallService
from bot.coach.uncertainty import SURE_CONFIDENCE, ChoiceError
from bot.storage.store import default_storage

PROMISE = "ik maak vrijdag 27 november 500 euro over"
READINGS = [("promise_to_pay", 0.45), ("promise_vague", 0.31), ("cannot_pay", 0.1)]


@pytest.fixture
def service(tmp_path) -> CallService:
    return CallService(default_storage(f"sqlite:///{tmp_path / 'calls.sqlite3'}"))


@pytest.fixture
def call_id(service) -> str:
    service.start("call-1", "DEMO-1", "Sanne", "sanne")
    return "call-1"


ENTITIES = {"date": "2026-11-27", "amount": 500.0}


def test_an_unsure_reading_offers_two_choices_and_records_nothing(service, call_id):
    answer = service.debtor_line(call_id, PROMISE, "promise_to_pay", 0.45, ENTITIES, None,
                                 READINGS)
    assert answer.payload["type"] == "unsure"
    assert [c["intent"] for c in answer.payload["choices"]] == ["promise_to_pay",
                                                                "promise_vague"]
    assert answer.payload["choices"][0]["label"] and answer.payload["entities"] == ENTITIES
    assert "proposals" not in answer.payload  # never a full card on a guess
    assert "45%" in answer.text and " of " in answer.text and "{" not in answer.text
    assert service.snapshot(call_id)["agreements"] == []


def test_choosing_a_reading_gives_its_advice_and_records_then(service, call_id):
    line = service.debtor_line(call_id, PROMISE, "promise_to_pay", 0.45, ENTITIES, None,
                               READINGS).events[0]
    chosen = service.choose(call_id, line["id"], "promise_to_pay")
    event = chosen.events[0]
    assert (event["kind"], event["line"]) == ("advice", line["id"])
    assert event["payloads"][0]["intent"] == "promise_to_pay"
    assert event["payloads"][0]["chosen"] is True
    assert [(a["date"], a["amount"]) for a in service.snapshot(call_id)["agreements"]] == [
        ("2026-11-27", 500.0)]
    with pytest.raises(ChoiceError):  # once only
        service.choose(call_id, line["id"], "promise_vague")


@pytest.mark.parametrize("intent", ["cannot_pay", "greet", "nonsense"])
def test_only_an_offered_reading_can_be_chosen(service, call_id, intent):
    line = service.debtor_line(call_id, PROMISE, "promise_to_pay", 0.45, ENTITIES, None,
                               READINGS).events[0]
    with pytest.raises(ChoiceError):
        service.choose(call_id, line["id"], intent)
    assert service.snapshot(call_id)["agreements"] == []


def test_a_sure_line_or_an_unknown_line_has_no_choice(service, call_id):
    sure = service.debtor_line(call_id, "De boekhouder is op vakantie.",
                               "excuse_contact_unavailable", SURE_CONFIDENCE, {}, None,
                               [("excuse_contact_unavailable", SURE_CONFIDENCE),
                                ("excuse_bank_problem", 0.2)])
    assert sure.payload["type"] == "advice"
    for line_id in (sure.events[0]["id"], 999):
        with pytest.raises(ChoiceError):
            service.choose(call_id, line_id, "excuse_contact_unavailable")


def test_below_the_fallback_threshold_it_asks_to_rephrase(service, call_id):
    answer = service.debtor_line(call_id, "mwah", "promise_vague", 0.2, {}, None, READINGS)
    assert answer.payload["type"] == "rephrase"
