"""The issue's "done when", end to end: real Rasa and action servers on 127.0.0.1, the
pane's API, a SIGTERM and a new start on the same database, the ledger commands, a bank
statement, a broken promise and the next call's brief."""
from __future__ import annotations

import json
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import requests

from bot.servers import ROOT, Services, service_env
from bot.storage.store import default_storage
from bot.wiring import calls
from tests.accounts import add_account, logged_in
from tests.conftest import TODAY
from tests.e2e.net import free_port

pytestmark = pytest.mark.slow

CAMT_TEMPLATE = (ROOT / "tests" / "data" / "camt053_template.xml").read_text(encoding="utf-8")


def cli(db_url: str, today: str, *args: str) -> subprocess.CompletedProcess:
    """`python -m bot.cli …` on the test database, with "today" pinned."""
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], cwd=ROOT, text=True,
                          capture_output=True, timeout=120,
                          env=service_env(INCASSO_DATABASE_URL=db_url, INCASSO_TODAY=today))


def promises(db_url: str, today: str, case_id: str) -> list[dict]:
    done = cli(db_url, today, "promises", "--case", case_id, "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


COLLECTOR = "sanne.jansen"


class Pane:
    """The pane's API as a logged-in collector uses it (``http`` carries the cookie)."""

    def __init__(self, services: Services, http: requests.Session):
        self.base = f"{services.rasa_url}/webhooks/pane"
        self.http = http

    def post(self, path: str, body: dict, status: int = 200) -> dict:
        answer = self.http.post(f"{self.base}/{path}", json=body, timeout=60)
        assert answer.status_code == status, answer.text
        return answer.json()

    def get(self, path: str) -> dict:
        answer = self.http.get(f"{self.base}/{path}", timeout=30)
        assert answer.status_code == 200, answer.text
        return answer.json()

    def start(self, case_id: str) -> str:
        return self.post("calls", {"case_id": case_id, "collector": "Sanne Jansen"}, 201)["call_id"]

    def say(self, call_id: str, text: str, speaker: str = "debiteur") -> dict:
        return self.post(f"calls/{call_id}/transcript", {"speaker": speaker, "text": text})


@pytest.fixture(scope="module")
def db_url(tmp_path_factory) -> str:
    """A new database, created and seeded here as the servers would, with the collector's
    account in it."""
    url = f"sqlite:///{tmp_path_factory.mktemp('ledger') / 'incasso.sqlite3'}"
    default_storage(url)
    add_account(url, COLLECTOR, full_name="Sanne Jansen")
    return url


def servers(db_url: str, model: Path) -> Services:
    return Services(rasa_port=free_port(), action_port=free_port(), model=model,
                    env={"INCASSO_TODAY": TODAY, "INCASSO_DATABASE_URL": db_url})


def standing(call: dict) -> list[tuple[str, float]]:
    return sorted((a["date"], a["amount"]) for a in call["agreements"])


def test_agreements_are_exactly_what_was_agreed_and_survive_a_restart(trained_model, db_url):
    first = servers(db_url, trained_model)
    with first:
        pane = Pane(first, logged_in(first.rasa_url, COLLECTOR))
        call = pane.start("DEMO-1")  # € 2.450,00 open
        for phantom in ("hmm", "asdf qwerty zxcv", "ja",
                        "als jullie er tien procent af halen maak ik het vandaag nog over"):
            pane.say(call, phantom)
            assert pane.get(f"calls/{call}")["agreements"] == [], phantom
        pane.say(call, "ik betaal vrijdag 500 euro en de rest op 18 december")
        assert standing(pane.get(f"calls/{call}")) == [("2026-11-27", 500.0),
                                                       ("2026-12-18", 1950.0)]
        pane.say(call, "Ja, dat is goed, stuurt u mij maar een bevestiging.")
        assert len(pane.get(f"calls/{call}")["agreements"]) == 2

        other = pane.start("DEMO-2")
        line = pane.say(other, "Kunt u dan uiterlijk woensdag 9 december 1.000 euro overmaken?",
                        speaker="incasseerder")
        assert line["payloads"][0]["type"] == "offer"
        pane.say(other, "ja prima")
        accepted = pane.get(f"calls/{other}")["agreements"]
        assert [(a["date"], a["amount"], a["source"]) for a in accepted] == \
            [("2026-12-09", 1000.0, "collector")]

        summary = pane.post(f"calls/{call}/end", {})["payloads"][0]
        assert summary["type"] == "summary"
        assert "€ 2.450,00" in summary["email"]["body"].replace("\xa0", " ")
        assert sum(a["amount"] for a in summary["agreements"]) <= 2450.0
    assert all(p.poll() is not None for p in first.processes)  # SIGTERM stopped both

    again = servers(db_url, trained_model)
    with again:
        # the login is kept in the database: the same cookie works after the restart
        pane = Pane(again, pane.http)
        restored = pane.get(f"calls/{call}")
        assert restored["brief"]["case_id"] == "DEMO-1" and restored["status"] == "ended"
        kinds = [e["kind"] for e in restored["events"]]
        assert kinds.count("line") == 6 and kinds[-1] == "summary"
        assert standing(restored) == [("2026-11-27", 500.0), ("2026-12-18", 1950.0)]
        # an open call goes on after the restart
        assert pane.say(other, "Wie bent u ook alweer?")["kind"] == "line"

    ledger = promises(db_url, TODAY, "DEMO-1")
    assert [(p["date"], p["amount"], p["status"]) for p in ledger] == \
        [("2026-11-27", 500.0, "open"), ("2026-12-18", 1950.0, "open")]
    assert {p["call_id"] for p in ledger} == {call}


def test_a_statement_keeps_a_promise_and_a_missed_one_turns_broken(db_url, tmp_path, monkeypatch):
    statement = tmp_path / "afschrift.xml"
    statement.write_text(CAMT_TEMPLATE.format(amount="500.00", date="2026-11-26",
                                              remittance="Betaling F2026-0081 De Vries",
                                              ref=uuid.uuid4().hex[:16]), encoding="utf-8")
    dry = cli(db_url, "2026-11-27", "payments", "import", str(statement), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert promises(db_url, "2026-11-30", "DEMO-1")[0]["status"] == "open"  # grace not over

    done = cli(db_url, "2026-11-27", "payments", "import", str(statement))
    assert done.returncode == 0, done.stderr
    assert [p["status"] for p in promises(db_url, "2026-11-30", "DEMO-1")] == ["kept", "open"]

    after_due = "2026-12-23"  # 18 December + two business days of grace have passed
    assert [p["status"] for p in promises(db_url, after_due, "DEMO-1")] == ["kept", "broken"]
    followups = cli(db_url, after_due, "followups", "--on", after_due, "--json")
    assert followups.returncode == 0, followups.stderr
    items = json.loads(followups.stdout)
    assert any(i["case_id"] == "DEMO-1" and i["kind"] == "call_back" for i in items)

    monkeypatch.setenv("INCASSO_DATABASE_URL", db_url)
    monkeypatch.setenv("INCASSO_TODAY", after_due)
    brief, _ = calls().start(f"next-{uuid.uuid4().hex[:6]}", "DEMO-1")
    assert brief.profile == "strict"
    assert "18 december" in brief.opening


def test_a_malformed_statement_changes_nothing(db_url, tmp_path):
    before = promises(db_url, "2026-12-23", "DEMO-1")
    broken = tmp_path / "kapot.xml"
    broken.write_text(CAMT_TEMPLATE.format(amount="500.00", date="2026-11-26",
                                           remittance="F2026-0087", ref="x")
                      .replace("<Amt Ccy=\"EUR\">500.00</Amt>", ""), encoding="utf-8")
    done = cli(db_url, "2026-12-23", "payments", "import", str(broken))
    assert done.returncode != 0 and "Amt" in done.stderr
    assert promises(db_url, "2026-12-23", "DEMO-1") == before
