"""The role-play actions run as Rasa would run them, without servers, and the
speaker-aware hand-over between advice and role-play."""
from __future__ import annotations

import pytest
from rasa_sdk import Tracker

from bot.actions import roleplay_actions
from bot.actions.call_actions import ActionAskRephrase, ActionEndCall, ActionGiveAdvice
from bot.actions.roleplay_actions import ActionEndRoleplay, ActionRoleplayTurn, ActionStartRoleplay
from bot.coach.roleplay.history import default_history
from tests.action_runner import run


@pytest.fixture(autouse=True)
def fresh_caches():
    """The trainer caches its stores; each test gets it on its own databases."""
    roleplay_actions.trainer.cache_clear()
    yield
    roleplay_actions.trainer.cache_clear()


def tracker(text: str, ranking: list[tuple[str, float]], entities: list | None = None,
            roleplay: dict | None = None) -> Tracker:
    intents = [{"name": name, "confidence": confidence} for name, confidence in ranking]
    return Tracker(sender_id="test", slots={"call_id": None, "roleplay_state": roleplay},
                   latest_message={"text": text, "intent": intents[0] if intents else {},
                                   "intent_ranking": intents, "entities": entities or []},
                   events=[], paused=False, followup_action=None, active_loop={},
                   latest_action_name="action_listen")


def roleplay_after(events: list[dict]) -> dict:
    return next(e["value"] for e in events if e.get("event") == "slot"
                and e["name"] == "roleplay_state")


def start(scenario="factuur-niet-ontvangen", trainee="Sanne", hints=True) -> dict:
    entities = [{"entity": "scenario", "value": scenario}, {"entity": "trainee", "value": trainee},
                {"entity": "hints", "value": hints}]
    messages, events = run(ActionStartRoleplay(),
                           tracker("/start_roleplay", [("start_roleplay", 1.0)], entities))
    return messages, roleplay_after(events)


def test_start_sends_the_briefing_and_the_debtor_picks_up():
    messages, state = start()
    payload = messages[0]["custom"]
    assert payload["type"] == "roleplay_start" and payload["case_id"] == "DEMO-6"
    assert payload["hints"] is True and payload["opening"]
    assert "Debiteur: " + payload["opening"] in messages[0]["text"]
    assert state["trainee"] == "Sanne" and state["turns"][0]["speaker"] == "debtor"


@pytest.mark.parametrize("entities,code", [
    ([{"entity": "scenario", "value": "bestaat-niet"}, {"entity": "trainee", "value": "S"}],
     "roleplay"),
    ([{"entity": "scenario", "value": "bankstoring"}], "roleplay"),
])
def test_start_with_unknown_scenario_or_no_trainee_explains_in_dutch(entities, code):
    messages, events = run(ActionStartRoleplay(),
                           tracker("/start_roleplay", [("start_roleplay", 1.0)], entities))
    assert messages[0]["custom"]["code"] == code
    assert "bestaat niet" in messages[0]["text"] or "naam van de trainee" in messages[0]["text"]
    assert roleplay_after(events) is None


def test_turn_takes_the_best_collector_intent_even_below_a_debtor_intent():
    _, state = start()
    text = ("Ik bel over factuur 20261342 van € 385,20; "
            "ik wil die vóór vrijdag 27 november ontvangen.")
    ranking = [("excuse_invoice_not_received", 0.6), ("collector_state_purpose", 0.3)]
    entities = [{"entity": "invoice_number", "value": "20261342"},
                {"entity": "amount", "value": 385.2}, {"entity": "date", "value": "2026-11-27"}]
    messages, events = run(ActionRoleplayTurn(), tracker(text, ranking, entities, state))
    payload = messages[0]["custom"]
    assert payload["type"] == "roleplay_turn" and payload["intent"] == "collector_state_purpose"
    assert payload["hint"] and messages[0]["text"].startswith("Debiteur: ")
    turns = roleplay_after(events)["turns"]
    assert turns[1]["entities"] == {"invoice_number": ["20261342"], "amount": [385.2],
                                    "date": ["2026-11-27"]}
    assert turns[2]["intent"] == "excuse_invoice_not_received"


def test_give_advice_inside_a_roleplay_hands_the_line_to_the_debtor():
    _, state = start(hints=False)
    messages, events = run(ActionGiveAdvice(), tracker(
        "Wat is er met de factuur gebeurd?", [("ask_invoice_details", 0.7),
                                              ("collector_open_question", 0.2)], roleplay=state))
    assert messages[0]["custom"]["type"] == "roleplay_turn"
    assert messages[0]["custom"]["hint"] is None
    assert roleplay_after(events)["turns"][-2]["intent"] == "collector_open_question"


def test_goodbye_and_unclear_lines_inside_a_roleplay_stay_in_the_roleplay():
    _, state = start()
    messages, _ = run(ActionEndCall(), tracker(
        "Dank u wel en een fijne dag!", [("goodbye", 0.6), ("collector_positive_close", 0.4)],
        roleplay=state))
    assert messages[0]["custom"]["reaction"] == "closing"
    messages, _ = run(ActionAskRephrase(), tracker("hmm tja", [("nlu_fallback", 0.25),
                                                               ("affirm", 0.2)], roleplay=state))
    assert messages[0]["custom"]["reaction"] == "unclear"


def test_collector_intent_outside_a_roleplay_gets_advice_for_the_best_debtor_intent():
    messages, events = run(ActionRoleplayTurn(), tracker(
        "ik heb die factuur nooit gezien", [("collector_closed_question", 0.5),
                                            ("excuse_invoice_not_received", 0.4)]))
    payload = messages[0]["custom"]
    assert payload["type"] == "advice" and payload["intent"] == "excuse_invoice_not_received"
    assert payload["confidence"] == pytest.approx(0.4)
    assert any(e.get("name") == "call_id" for e in events)  # a call without a case began


def test_end_scores_stores_and_closes_the_session():
    _, state = start()
    messages, events = run(ActionEndRoleplay(), tracker("/end_roleplay", [("end_roleplay", 1.0)],
                                                        roleplay=state))
    payload = messages[0]["custom"]
    assert payload["type"] == "scorecard" and payload["trainee"] == "Sanne"
    assert payload["total"] == 20 and "Scorekaart: 20 van de 100" in messages[0]["text"]
    assert roleplay_after(events)["finished"] is True
    assert [r.total for r in default_history().sessions("Sanne")] == [20]
    finished = roleplay_after(events)
    messages, _ = run(ActionGiveAdvice(), tracker("Die factuur heb ik nooit gehad.",
                                                  [("excuse_invoice_not_received", 0.9)],
                                                  roleplay=finished))
    assert messages[0]["custom"]["type"] == "advice"  # after the role-play: coaching again


def test_end_without_a_roleplay_says_so():
    messages, events = run(ActionEndRoleplay(), tracker("/end_roleplay", [("end_roleplay", 1.0)]))
    assert messages[0]["custom"]["code"] == "no_roleplay" and events == []


def test_a_tie_with_a_collector_intent_still_gets_advice_in_a_coaching_call():
    messages, _ = run(ActionAskRephrase(), tracker(
        "Kunt u mij nog twee weken extra geven?",
        [("nlu_fallback", 0.25), ("request_extension", 0.3), ("collector_offer_concession", 0.28)]))
    assert messages[0]["custom"]["type"] == "advice"
    assert messages[0]["custom"]["intent"] == "request_extension"
    messages, _ = run(ActionAskRephrase(), tracker(
        "tja hmm", [("nlu_fallback", 0.25), ("affirm", 0.2), ("collector_introduce", 0.1)]))
    assert messages[0]["custom"]["type"] == "rephrase"
