"""A whole call through the REST webhook, with Rasa and the action server on 127.0.0.1.

Also the bad input a live pane will send sooner or later, and a dead action server.
"""
from __future__ import annotations

import datetime as dt
import json
import socket
import uuid

import pytest
import requests

from bot.coach.business_days import is_business_day
from bot.servers import Services
from tests.conftest import TODAY

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def services(trained_model, tmp_path_factory):
    db = tmp_path_factory.mktemp("db") / "incasso.sqlite3"
    running = Services(rasa_port=free_port(), action_port=free_port(), model=trained_model,
                       env={"INCASSO_TODAY": TODAY, "INCASSO_DATABASE_URL": f"sqlite:///{db}"})
    with running:
        yield running


class Call:
    """One conversation on the webhook, keeping the sender id."""

    def __init__(self, services: Services):
        self.url = f"{services.rasa_url}/webhooks/rest/webhook"
        self.sender = f"test-{uuid.uuid4().hex[:8]}"

    def say(self, text: str) -> tuple[str, list[dict]]:
        response = requests.post(self.url, json={"sender": self.sender, "message": text},
                                 timeout=60)
        assert response.status_code == 200
        replies = response.json()
        assert replies, f"no reply to {text[:40]!r}"
        text_out = "\n".join(r["text"] for r in replies if r.get("text"))
        return text_out, [r["custom"] for r in replies if "custom" in r]


def test_a_whole_call_from_brief_to_confirmation_email(services):
    call = Call(services)
    text, payloads = call.say('/start_call{"case_id":"DEMO-1"}')
    assert payloads[0]["type"] == "brief" and "mevrouw De Vries" in text

    text, payloads = call.say("Goedemorgen, ik heb die factuur eerlijk gezegd nooit ontvangen.")
    advice = payloads[0]
    assert advice["type"] == "advice" and advice["intent"] == "excuse_invoice_not_received"
    assert len(advice["probing_questions"]) >= 2 and advice["proposals"]
    for proposal in advice["proposals"]:
        assert is_business_day(dt.date.fromisoformat(proposal["date"]))
        assert proposal["amount"] == pytest.approx(2450.0)

    text, payloads = call.say("Oké, ik maak vrijdag 1.250,50 euro over en de rest op 15 december.")
    advice = payloads[0]
    assert advice["intent"] == "promise_to_pay"
    assert advice["entities"]["amount"] == pytest.approx(1250.5)
    assert "2026-11-27" in json.dumps(advice["entities"]["date"])
    assert any(a["date"] == "2026-11-27" for a in advice["agreements"])

    text, payloads = call.say("/end_call")
    summary = payloads[0]
    assert summary["type"] == "summary"
    assert summary["agreements"] and "1.250,50" in summary["email"]["body"]
    assert summary["email"]["body"].startswith("Geachte mevrouw De Vries,")
    assert any(f["date"] == "2026-11-27" for f in summary["follow_up"])


@pytest.mark.parametrize("excuse,intent", [
    ("De boekhouder is op vakantie tot volgende week.", "excuse_contact_unavailable"),
    ("Onze bank heeft een storing, de betaling is teruggekomen.", "excuse_bank_problem"),
    ("We wachten zelf nog op geld van onze opdrachtgever.", "excuse_waiting_for_customer"),
])
def test_each_core_excuse_gets_specific_advice(services, excuse, intent):
    call = Call(services)
    call.say('/start_call{"case_id":"DEMO-1"}')
    _, payloads = call.say(excuse)
    assert payloads[0]["intent"] == intent
    assert len(payloads[0]["probing_questions"]) >= 2


def test_unknown_case_gets_a_clear_dutch_error(services):
    text, payloads = Call(services).say('/start_call{"case_id":"BESTAAT-NIET"}')
    assert payloads[0]["code"] == "unknown_case" and "BESTAAT-NIET" in text


@pytest.mark.parametrize("message", [
    "", "   ", "🙂🙏💶", "x" * 2000, "/ /end_call", "\ud800",
    "Sorry, I don't speak Dutch, the invoice is wrong maar ik betaal misschien later",
    '/start_call{"case_id":', "/start_call{case_id: DEMO-1}", "/start_call", "/unknown_command",
])
def test_bad_input_always_gets_an_answer(services, message):
    text, payloads = Call(services).say(message)
    assert text.strip()
    assert payloads and payloads[0]["type"] in ("advice", "rephrase", "brief", "error")


def test_a_long_message_is_still_advised_and_a_longer_one_refused(services):
    call = Call(services)
    call.say('/start_call{"case_id":"DEMO-1"}')
    _, payloads = call.say("De factuur is nooit bij ons aangekomen. " * 49)  # 1.960 tekens
    assert payloads[0]["type"] in ("advice", "rephrase")
    refused = requests.post(call.url, json={"sender": call.sender, "message": "x" * 20_000},
                            timeout=60)
    assert refused.status_code == 413 and "maximaal 2.000" in refused.json()["error"]


def test_dead_action_server_gives_a_clear_message(trained_model, tmp_path):
    """Rasa swallows the failed action; the channel must still answer in Dutch."""
    db = tmp_path / "incasso.sqlite3"
    lonely = Services(rasa_port=free_port(), action_port=free_port(), model=trained_model,
                      env={"INCASSO_TODAY": TODAY, "INCASSO_DATABASE_URL": f"sqlite:///{db}"})
    try:
        lonely.start_rasa()  # no action server at action_port
        text, payloads = Call(lonely).say("ik heb de factuur niet ontvangen")
        assert payloads[0]["code"] == "service_unavailable"
        assert "niet bereikbaar" in text
    finally:
        lonely.stop()
