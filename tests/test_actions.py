"""Each custom action, run as Rasa would run it, without servers."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from rasa_sdk import Tracker

from bot.actions import adapter
from bot.actions.call_actions import (ActionAskRephrase, ActionEndCall, ActionGiveAdvice,
                                      ActionStartCall)
from bot.coach.business_days import is_business_day
from tests.action_runner import run


@pytest.fixture(autouse=True)
def fresh_coach():
    """The coach caches its case store; each test gets one on its own database."""
    adapter.coach.cache_clear()
    yield
    adapter.coach.cache_clear()


def tracker(text: str, intent: str = "", confidence: float = 0.9, entities: list | None = None,
            call_state: dict | None = None) -> Tracker:
    return Tracker(sender_id="test", slots={"call_state": call_state},
                   latest_message={"text": text, "intent": {"name": intent, "confidence": confidence},
                                   "entities": entities or []},
                   events=[], paused=False, followup_action=None, active_loop={},
                   latest_action_name="action_listen")


def state_after(events: list[dict]) -> dict:
    return next(e["value"] for e in events if e.get("event") == "slot" and e["name"] == "call_state")


def start(case_id: str = "DEMO-1") -> dict:
    _, events = run(ActionStartCall(), tracker(f'/start_call{{"case_id":"{case_id}"}}', "start_call",
                                               entities=[{"entity": "case_id", "value": case_id}]))
    return state_after(events)


def test_start_call_sends_brief_and_remembers_the_case():
    messages, events = run(ActionStartCall(), tracker("", "start_call",
                                                      entities=[{"entity": "case_id", "value": "demo-1"}]))
    payload = messages[0]["custom"]
    assert payload["type"] == "brief"
    assert payload["case_id"] == "DEMO-1"
    assert "F2026-0081" in messages[0]["text"] and "F2026-0087" in messages[0]["text"]
    assert "2.450,00" in messages[0]["text"]
    assert payload["opening"] and payload["goal"] and payload["call_moments"]
    assert state_after(events)["case_id"] == "DEMO-1"


def test_start_call_with_unknown_case_gives_a_dutch_error_and_no_case():
    messages, events = run(ActionStartCall(), tracker("", "start_call",
                                                      entities=[{"entity": "case_id", "value": "NOPE-9"}]))
    assert messages[0]["custom"]["code"] == "unknown_case"
    assert "NOPE-9" in messages[0]["text"] and "ken ik niet" in messages[0]["text"]
    assert state_after(events)["case_id"] is None


@pytest.mark.parametrize("value", [None, "", 12345, {"x": 1}])
def test_start_call_with_missing_or_odd_case_id_never_crashes(value):
    entities = [] if value is None else [{"entity": "case_id", "value": value}]
    messages, _ = run(ActionStartCall(), tracker("/start_call", "start_call", entities=entities))
    assert messages and messages[0]["text"]
    assert messages[0]["custom"]["type"] in ("brief", "error")


def test_advice_payload_follows_the_contract():
    state = start()
    messages, events = run(ActionGiveAdvice(), tracker(
        "ik heb die factuur nooit ontvangen", "excuse_invoice_not_received", 0.87,
        call_state=state))
    payload = messages[0]["custom"]
    assert {"type", "intent", "confidence", "entities", "probing_questions", "proposals",
            "concessions", "avoid", "next_step"} <= payload.keys()
    assert payload["type"] == "advice" and payload["intent"] == "excuse_invoice_not_received"
    assert payload["confidence"] == pytest.approx(0.87)
    assert len(payload["probing_questions"]) >= 2
    for proposal in payload["proposals"]:
        day = dt.date.fromisoformat(proposal["date"])
        assert day > dt.date(2026, 11, 23) and is_business_day(day)
        assert proposal["amount"] == pytest.approx(2450.00)
    assert all(c["give"] and c["get"] for c in payload["concessions"])
    json.dumps(payload)  # must be plain JSON for the REST channel
    assert state_after(events)["last_proposals"]


def test_promise_to_pay_with_date_and_amount_is_recorded_as_agreement():
    state = start()
    entities = [{"entity": "date", "value": "2026-11-27"}, {"entity": "amount", "value": 1000.0}]
    messages, events = run(ActionGiveAdvice(), tracker(
        "vrijdag maak ik 1000 euro over", "promise_to_pay", entities=entities, call_state=state))
    agreements = state_after(events)["agreements"]
    assert len(agreements) == 1
    assert (agreements[0]["date"], agreements[0]["amount"]) == ("2026-11-27", 1000.0)
    assert messages[0]["custom"]["entities"] == {"date": "2026-11-27", "amount": 1000.0}
    assert "Afspraak genoteerd" in messages[0]["text"]


def test_affirm_after_a_proposal_records_it_and_end_call_summarises():
    state = start()
    _, events = run(ActionGiveAdvice(), tracker("kan ik in termijnen betalen", "request_payment_plan",
                                                call_state=state))
    state = state_after(events)
    plan = state["last_proposals"][0]
    _, events = run(ActionGiveAdvice(), tracker("ja prima", "affirm", call_state=state))
    state = state_after(events)
    assert state["agreements"][0]["date"] == plan["date"]
    assert sum(i["amount"] for i in state["agreements"][0]["installments"]) == pytest.approx(2450.0)

    messages, _ = run(ActionEndCall(), tracker("/end_call", "end_call", call_state=state))
    summary = messages[0]["custom"]
    assert summary["type"] == "summary"
    assert summary["email"]["body"].startswith("Geachte mevrouw De Vries,")
    assert len(summary["follow_up"]) >= 2 * len(plan["installments"])
    for installment in plan["installments"]:
        assert installment["date"] in {f["date"] for f in summary["follow_up"]}


def test_end_call_without_agreements_says_so():
    messages, _ = run(ActionEndCall(), tracker("/end_call", "end_call", call_state=start()))
    assert "nog geen concrete afspraken" in messages[0]["text"]
    assert messages[0]["custom"]["follow_up"]


def test_advice_without_a_case_is_general():
    messages, _ = run(ActionGiveAdvice(), tracker("de boekhouder is op vakantie",
                                                  "excuse_contact_unavailable"))
    payload = messages[0]["custom"]
    assert payload["intent"] == "excuse_contact_unavailable"
    assert any("geen dossier" in note for note in payload["notes"])
    assert all(p["amount"] is None for p in payload["proposals"])


@pytest.mark.parametrize("text,reason", [("", "empty_message"), ("   ", "empty_message"),
                                         ("🙂🙂🙂", "rephrase")])
def test_rephrase_is_polite_and_says_why(text, reason):
    messages, events = run(ActionAskRephrase(), tracker(text, "nlu_fallback", 0.2))
    assert messages[0]["custom"] == {"type": "rephrase", "reason": reason,
                                     "message": messages[0]["text"]}
    assert messages[0]["text"].endswith(("?", "."))
    assert events == []
