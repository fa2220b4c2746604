"""A whole call through the REST webhook, with Rasa and the action server on 127.0.0.1.

Also the bad input a live pane will send sooner or later, and a dead action server. The
webhook wants a login: a collector's session, or a tool's API token of scope "rest".
"""
from __future__ import annotations

import datetime as dt
import json
import socket
import uuid
from collections.abc import Iterator

import pytest
import requests

from bot.coach.business_days import is_business_day
from bot.servers import Services
from bot.storage.store import default_storage
from tests.accounts import add_account, logged_in, push_token
from tests.conftest import TODAY

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


COLLECTOR = "integratie"


def database(folder) -> str:
    """A new database (created and seeded as the servers would) with a collector in it."""
    url = f"sqlite:///{folder / 'incasso.sqlite3'}"
    default_storage(url)
    add_account(url, COLLECTOR, full_name="Ingrid Tegratie")
    return url


@pytest.fixture(scope="module")
def services(trained_model, tmp_path_factory):
    url = database(tmp_path_factory.mktemp("db"))
    running = Services(rasa_port=free_port(), action_port=free_port(), model=trained_model,
                       env={"INCASSO_TODAY": TODAY, "INCASSO_DATABASE_URL": url})
    with running:
        yield running


@pytest.fixture(scope="module")
def collector(services) -> Iterator[requests.Session]:
    """The collector's session (the cookie of a real login)."""
    with logged_in(services.rasa_url, COLLECTOR) as http:
        yield http


@pytest.fixture(scope="module")
def tool(services) -> Iterator[requests.Session]:
    """A session that sends an API token of scope "rest" (a tool, not a person)."""
    with requests.Session() as http:
        http.headers["Authorization"] = "Bearer " + push_token(
            services.env["INCASSO_DATABASE_URL"], "integratie-tool", scope="rest")
        yield http


class Call:
    """One conversation on the webhook by a logged-in ``http``, keeping the sender id."""

    def __init__(self, services: Services, http: requests.Session):
        self.url = f"{services.rasa_url}/webhooks/rest/webhook"
        self.sender = f"test-{uuid.uuid4().hex[:8]}"
        self.http = http

    def say(self, text: str) -> tuple[str, list[dict]]:
        response = self.http.post(self.url, json={"sender": self.sender, "message": text},
                                  timeout=60)
        assert response.status_code == 200, response.text
        replies = response.json()
        assert replies, f"no reply to {text[:40]!r}"
        text_out = "\n".join(r["text"] for r in replies if r.get("text"))
        return text_out, [r["custom"] for r in replies if "custom" in r]


def test_a_whole_call_from_brief_to_confirmation_email(services, collector):
    call = Call(services, collector)
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
def test_each_core_excuse_gets_specific_advice(services, collector, excuse, intent):
    call = Call(services, collector)
    call.say('/start_call{"case_id":"DEMO-1"}')
    _, payloads = call.say(excuse)
    assert payloads[0]["intent"] == intent
    assert len(payloads[0]["probing_questions"]) >= 2


def test_unknown_case_gets_a_clear_dutch_error(services, collector):
    text, payloads = Call(services, collector).say('/start_call{"case_id":"BESTAAT-NIET"}')
    assert payloads[0]["code"] == "unknown_case" and "BESTAAT-NIET" in text


@pytest.mark.parametrize("message", [
    "", "   ", "🙂🙏💶", "x" * 2000, "/ /end_call", "\ud800",
    "Sorry, I don't speak Dutch, the invoice is wrong maar ik betaal misschien later",
    '/start_call{"case_id":', "/start_call{case_id: DEMO-1}", "/start_call", "/unknown_command",
])
def test_bad_input_always_gets_an_answer(services, tool, message):
    text, payloads = Call(services, tool).say(message)
    assert text.strip()
    assert payloads and payloads[0]["type"] in ("advice", "rephrase", "unsure", "brief", "error")


def test_a_long_message_is_still_advised_and_a_longer_one_refused(services, collector):
    call = Call(services, collector)
    call.say('/start_call{"case_id":"DEMO-1"}')
    _, payloads = call.say("De factuur is nooit bij ons aangekomen. " * 49)  # 1.960 tekens
    assert payloads[0]["type"] in ("advice", "rephrase", "unsure")
    refused = call.http.post(call.url, json={"sender": call.sender, "message": "x" * 20_000},
                             timeout=60)
    assert refused.status_code == 413 and "maximaal 2.000" in refused.json()["error"]


def test_dead_action_server_gives_a_clear_message(trained_model, tmp_path):
    """Rasa swallows the failed action; the channel must still answer in Dutch."""
    url = database(tmp_path)
    lonely = Services(rasa_port=free_port(), action_port=free_port(), model=trained_model,
                      env={"INCASSO_TODAY": TODAY, "INCASSO_DATABASE_URL": url})
    try:
        lonely.start_rasa()  # no action server at action_port
        call = Call(lonely, logged_in(lonely.rasa_url, COLLECTOR))  # Rasa alone logs in
        text, payloads = call.say("ik heb de factuur niet ontvangen")
        assert payloads[0]["code"] == "service_unavailable"
        assert "niet bereikbaar" in text
    finally:
        lonely.stop()
