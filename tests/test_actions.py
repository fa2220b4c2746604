"""Each custom action, run as Rasa would run it, without servers: the actions are thin
doors to the call service, which keeps the call in the test's own database."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from rasa_sdk import Tracker

from bot.actions.call_actions import (
    ActionAskRephrase,
    ActionEndCall,
    ActionGiveAdvice,
    ActionStartCall,
)
from bot.coach.business_days import is_business_day
from bot.wiring import calls
from tests.action_runner import run

SENDER = "test"


def tracker(text: str, intent: str = "", confidence: float = 0.9, entities: list | None = None,
            call_id: str | None = None, metadata: dict | None = None) -> Tracker:
    return Tracker(sender_id=SENDER, slots={"call_id": call_id},
                   latest_message={"text": text,
                                   "intent": {"name": intent, "confidence": confidence},
                                   "entities": entities or []},
                   events=[{"event": "user", "text": text, "metadata": metadata or {}}],
                   paused=False, followup_action=None, active_loop={},
                   latest_action_name="action_listen")


def call_id_after(events: list[dict]) -> str:
    return next(e["value"] for e in events if e.get("event") == "slot" and e["name"] == "call_id")


def start(case_id: str = "DEMO-1") -> str:
    _, events = run(ActionStartCall(), tracker(
        f'/start_call{{"case_id":"{case_id}"}}', "start_call",
        entities=[{"entity": "case_id", "value": case_id}],
        metadata={"collector": "Sanne Jansen"}))
    return call_id_after(events)


def test_start_call_sends_the_brief_and_stores_the_call():
    messages, events = run(ActionStartCall(), tracker(
        "", "start_call", entities=[{"entity": "case_id", "value": "demo-1"}]))
    payload = messages[0]["custom"]
    assert payload["type"] == "brief" and payload["case_id"] == "DEMO-1"
    assert "F2026-0081" in messages[0]["text"] and "F2026-0087" in messages[0]["text"]
    assert "2.450,00" in messages[0]["text"]
    assert payload["opening"] and payload["goal"] and payload["call_moments"]
    call_id = call_id_after(events)
    assert call_id == SENDER == payload["call_id"]
    assert calls().snapshot(call_id)["case_id"] == "DEMO-1"


def test_a_second_call_in_the_same_conversation_gets_its_own_id():
    first = start("DEMO-1")
    second = start("DEMO-2")
    assert first != second and second.startswith(SENDER)
    assert calls().snapshot(first)["case_id"] == "DEMO-1"
    assert calls().snapshot(second)["case_id"] == "DEMO-2"


def test_the_collector_s_name_from_the_channel_is_kept_with_the_call():
    assert calls().snapshot(start())["collector"] == "Sanne Jansen"


def test_start_call_with_unknown_case_gives_a_dutch_error_and_no_call():
    messages, events = run(ActionStartCall(), tracker(
        "", "start_call", entities=[{"entity": "case_id", "value": "NOPE-9"}]))
    assert messages[0]["custom"]["code"] == "unknown_case"
    assert "NOPE-9" in messages[0]["text"] and "ken ik niet" in messages[0]["text"]
    assert events == []


@pytest.mark.parametrize("value", [None, "", 12345, {"x": 1}])
def test_start_call_with_missing_or_odd_case_id_never_crashes(value):
    entities = [] if value is None else [{"entity": "case_id", "value": value}]
    messages, _ = run(ActionStartCall(), tracker("/start_call", "start_call", entities=entities))
    assert messages and messages[0]["text"]
    assert messages[0]["custom"]["type"] in ("brief", "error")


def test_advice_payload_follows_the_contract_and_the_line_is_kept():
    call_id = start()
    messages, _ = run(ActionGiveAdvice(), tracker(
        "ik heb die factuur nooit ontvangen", "excuse_invoice_not_received", 0.87,
        call_id=call_id, metadata={"ref": "kaart-1"}))
    payload = messages[0]["custom"]
    assert {"type", "intent", "confidence", "entities", "probing_questions", "proposals",
            "concessions", "avoid", "next_step", "agreements", "warnings"} <= payload.keys()
    assert payload["type"] == "advice" and payload["intent"] == "excuse_invoice_not_received"
    assert payload["confidence"] == pytest.approx(0.87)
    assert len(payload["probing_questions"]) >= 2
    for proposal in payload["proposals"]:
        day = dt.date.fromisoformat(proposal["date"])
        assert day > dt.date(2026, 11, 23) and is_business_day(day)
        assert proposal["amount"] == pytest.approx(2450.00)
    assert all(c["give"] and c["get"] for c in payload["concessions"])
    json.dumps(payload)  # must be plain JSON for the REST channel
    line = calls().snapshot(call_id)["events"][-1]
    assert (line["speaker"], line["ref"], line["payloads"]) == ("debiteur", "kaart-1", [payload])


def test_a_promise_with_date_and_amount_is_recorded_in_the_ledger():
    call_id = start()
    messages, _ = run(ActionGiveAdvice(), tracker(
        "vrijdag maak ik 1000 euro over", "promise_to_pay", call_id=call_id,
        entities=[{"entity": "date", "value": "2026-11-27"},
                  {"entity": "amount", "value": 1000.0}]))
    rows = calls().snapshot(call_id)["agreements"]
    assert [(a["date"], a["amount"]) for a in rows] == [("2026-11-27", 1000.0)]
    assert messages[0]["custom"]["entities"] == {"date": "2026-11-27", "amount": 1000.0}
    assert "Afspraak genoteerd" in messages[0]["text"]


def test_yes_to_the_coach_s_own_suggestion_records_nothing():
    call_id = start()
    run(ActionGiveAdvice(), tracker("kan ik in termijnen betalen", "request_payment_plan",
                                    call_id=call_id))
    messages, _ = run(ActionGiveAdvice(), tracker("ja prima", "affirm", call_id=call_id))
    assert calls().snapshot(call_id)["agreements"] == []


def test_end_call_summarises_what_was_agreed():
    call_id = start()
    run(ActionGiveAdvice(), tracker("ik betaal vrijdag 500 euro en de rest op 18 december",
                                    "promise_to_pay", call_id=call_id))
    messages, _ = run(ActionEndCall(), tracker("/end_call", "end_call", call_id=call_id))
    summary = messages[0]["custom"]
    assert summary["type"] == "summary"
    assert summary["email"]["body"].startswith("Geachte mevrouw De Vries,")
    assert [(a["date"], a["amount"]) for a in summary["agreements"]] == \
        [("2026-11-27", 500.0), ("2026-12-18", 1950.0)]
    assert {"2026-11-27", "2026-12-18"} <= {f["date"] for f in summary["follow_up"]}
    assert calls().snapshot(call_id)["status"] == "ended"


def test_end_call_without_agreements_says_so():
    messages, _ = run(ActionEndCall(), tracker("/end_call", "end_call", call_id=start()))
    assert "nog geen concrete afspraken" in messages[0]["text"]
    assert messages[0]["custom"]["follow_up"]


def test_advice_without_a_case_is_general_and_starts_a_call_without_case():
    messages, events = run(ActionGiveAdvice(), tracker("de boekhouder is op vakantie",
                                                       "excuse_contact_unavailable"))
    payload = messages[0]["custom"]
    assert payload["intent"] == "excuse_contact_unavailable"
    assert any("geen dossier" in note for note in payload["notes"])
    assert all(p["amount"] is None for p in payload["proposals"])
    assert calls().snapshot(call_id_after(events))["case_id"] == ""


@pytest.mark.parametrize("text,reason", [("", "empty_message"), ("   ", "empty_message"),
                                         ("🙂🙂🙂", "rephrase")])
def test_rephrase_is_polite_and_says_why(text, reason):
    messages, _ = run(ActionAskRephrase(), tracker(text, "nlu_fallback", 0.2))
    assert messages[0]["custom"] == {"type": "rephrase", "reason": reason,
                                     "message": messages[0]["text"]}
    assert messages[0]["text"].endswith(("?", "."))
