"""The Training tab in headless Chromium: a role-play by keyboard, transcript scoring
(well-formed and malformed), a trainee's history, markup in trainee text staying inert;
and the training API's answers to bad input."""
from __future__ import annotations

import re

import pytest
import requests
from playwright.sync_api import Page, expect

from tests.browser.conftest import screenshot

pytestmark = pytest.mark.slow

SCENARIO = "contactpersoon-afwezig"  # DEMO-1
TRANSCRIPT = """Incasseerder: Goedemorgen, u spreekt met Sanne van Groenhof Interieur.
Debiteur: Goedemorgen, met De Vries.
Incasseerder: Ik bel over factuur F2026-0081 van € 1.000; ik wil die uiterlijk vrijdag 27 november ontvangen.
Debiteur: Die factuur heb ik nooit gehad.
Incasseerder: Hoe kunnen we ervoor zorgen dat de betaling toch snel rondkomt?
Incasseerder: Kunt u € 1.000 uiterlijk vrijdag 27 november overmaken?
Debiteur: Ja, dat is goed.
Incasseerder: Ik bevestig deze afspraak per mail. Dank u wel en nog een fijne dag.
"""  # noqa: E501 (a transcript line must stay one line)


def open_training(page: Page, url: str) -> None:
    page.goto(url)
    expect(page.locator("body")).to_have_attribute("data-ready", "true")
    page.locator("#tab-training").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#training")).to_be_visible()
    expect(page.locator("#rp-scenario option").first).to_be_attached()


def start_roleplay(page: Page, trainee: str) -> None:
    page.locator("#rp-scenario").select_option(SCENARIO)
    page.locator("#rp-trainee").fill(trainee)
    page.locator("#rp-trainee").press("Enter")
    expect(page.locator("#rp-briefing")).to_contain_text("DEMO-1")
    expect(page.locator("#rp-timeline .speaker-debiteur")).to_have_count(1)  # the opening


def say(page: Page, text: str) -> None:
    answers = page.locator("#rp-timeline .speaker-debiteur, #rp-timeline .speaker-coach")
    replies = answers.count()
    page.locator("#rp-say").fill(text)
    page.keyboard.press("Enter")
    expect(answers).to_have_count(replies + 1)


def test_a_roleplay_in_the_training_tab_ends_with_a_scorecard(page, pane_url):
    open_training(page, pane_url)
    assert page.locator("#tab-training").get_attribute("aria-selected") == "true"
    expect(page.locator("#call-bar")).to_be_hidden()
    start_roleplay(page, "Sanne Browser")
    invoice = page.locator("#rp-briefing").inner_text()
    assert "Openstaand" in invoice
    say(page, "Goedemorgen, u spreekt met Sanne van Groenhof Interieur. Ik bel over factuur "
              "F2026-0081 van € 1.000 die nog openstaat.")
    say(page, "Hoe kunnen we ervoor zorgen dat dit bedrag snel betaald wordt?")
    say(page, "Kunt u € 1.000 uiterlijk vrijdag 27 november overmaken?")
    expect(page.locator("#rp-timeline .speaker-incasseerder")).to_have_count(3)
    assert page.locator("#rp-timeline .speaker-debiteur").count() >= 3
    expect(page.locator("#rp-timeline .rp-hint").first).to_be_visible()  # hints are on
    screenshot(page, "5-training")
    page.get_by_role("button", name="Beëindig rollenspel").click()
    card = page.locator("#rp-scorecard .scorecard")
    expect(card).to_contain_text("van de 100 punten")
    assert re.fullmatch(r"\d{1,3}", card.locator(".score-value").inner_text())
    expect(card.locator(".score-check")).to_have_count(10)
    expect(card.locator('.score-check[data-key="invoice_amount"]')).to_contain_text(
        "Factuurnummer en bedrag genoemd")
    expect(page.locator("#rp-say")).to_be_disabled()
    # the session is in the trainee's history, shown right away
    expect(page.locator("#hist-table tbody tr")).to_have_count(1)
    expect(page.locator("#hist-table tbody tr")).to_contain_text(
        card.locator(".score-value").inner_text())


def test_a_transcript_is_scored_and_a_malformed_one_gets_the_line_number(page, pane_url):
    open_training(page, pane_url)
    page.locator("#tr-text").fill(TRANSCRIPT)
    page.locator("#tr-trainee").fill("Transcript Tester")
    page.locator("#tr-case").fill("DEMO-1")
    page.locator("#tr-score").click()
    card = page.locator("#tr-scorecard .scorecard")
    expect(card).to_contain_text("van de 100 punten")
    assert 0 <= int(card.locator(".score-value").inner_text()) <= 100
    expect(page.locator("#hist-table tbody tr")).to_have_count(1)
    expect(page.locator("#hist-table")).to_contain_text("Transcript van een echt gesprek")

    page.locator("#tr-text").fill(
        "Incasseerder: Goedemorgen.\nDe Vries zegt iets\nDebiteur: Hallo.")
    page.locator("#tr-score").click()
    expect(page.locator("#tr-alert")).to_contain_text("regel 2")
    expect(page.locator("#tr-alert")).to_contain_text("Incasseerder:")
    expect(page.locator("#tr-scorecard .scorecard")).to_have_count(0)


def test_markup_in_a_trainee_line_stays_text(page, pane_url):
    markup = '<img src=x onerror="alert(1)">'
    open_training(page, pane_url)
    start_roleplay(page, "Markup Tester")
    say(page, f"Goedemorgen {markup} ik bel over factuur F2026-0081")
    expect(page.locator("#rp-timeline .speaker-incasseerder")).to_contain_text(markup)
    assert page.locator("#training img").count() == 0
    page.locator("#hist-trainee").fill(markup)
    page.locator("#hist-show").click()
    expect(page.locator("#hist-empty")).to_contain_text(markup)
    assert page.locator("#training img").count() == 0  # the page fixture fails on alert()


def test_tabs_switch_with_arrow_keys(page, pane_url):
    page.goto(pane_url)
    expect(page.locator("body")).to_have_attribute("data-ready", "true")
    page.locator("#tab-call").focus()
    page.keyboard.press("ArrowRight")
    expect(page.locator("#today")).to_be_visible()
    expect(page.locator("#picker")).to_be_hidden()
    page.keyboard.press("ArrowRight")
    expect(page.locator("#training")).to_be_visible()
    expect(page.locator("#today")).to_be_hidden()
    expect(page.locator("#tab-training")).to_be_focused()
    page.keyboard.press("ArrowRight")  # round to the first tab
    expect(page.locator("#picker")).to_be_visible()
    page.keyboard.press("ArrowLeft")
    expect(page.locator("#training")).to_be_visible()
    page.keyboard.press("Home")
    expect(page.locator("#picker")).to_be_visible()
    expect(page.locator("#training")).to_be_hidden()


# ---- the API -------------------------------------------------------------------------

def error_of(answer: requests.Response, status: int) -> str:
    assert answer.status_code == status, answer.text
    return answer.json()["error"]


def test_scenarios_are_listed_with_id_and_title(pane_url):
    scenarios = requests.get(f"{pane_url}training/scenarios", timeout=30).json()["scenarios"]
    assert len(scenarios) >= 8 and all(s["id"] and s["title"] for s in scenarios)
    assert SCENARIO in {s["id"] for s in scenarios}


def test_a_roleplay_over_the_api_and_its_bad_requests(pane_url):
    def post(path: str, **kw) -> requests.Response:
        return requests.post(f"{pane_url}training/{path}", timeout=60, **kw)

    assert "scenario" in error_of(post("start", json={"trainee": "Api"}), 400)
    assert "naam" in error_of(post("start", json={"scenario": SCENARIO, "trainee": "  "}), 400)
    assert "bestaat niet" in error_of(
        post("start", json={"scenario": "nope", "trainee": "Api"}), 409)
    assert "JSON" in error_of(
        post("start", data="x", headers={"Content-Type": "application/json"}), 400)
    assert "Content-Type" in error_of(post("start", data="x"), 415)
    assert "niet bekend" in error_of(post("training-unknown/say", json={"text": "Hallo"}), 404)
    assert "niet bekend" in error_of(post("training-unknown/end"), 404)

    started = post("start", json={"scenario": SCENARIO, "trainee": "Api Tester", "hints": False})
    assert started.status_code == 201, started.text
    session, briefing = started.json()["session_id"], started.json()["briefing"]
    assert briefing["type"] == "roleplay_start" and briefing["opening"]
    assert error_of(post(f"{session}/say", json={"text": "   "}), 400)
    assert "te lang" in error_of(post(f"{session}/say", json={"text": "a" * 3000}), 413)
    turn = post(f"{session}/say", json={"text": "/end_roleplay"})  # a pasted command is speech
    assert turn.status_code == 200 and turn.json()["text"] == "end_roleplay"
    turn = post(f"{session}/say", json={"text": "Ik bel over factuur F2026-0081 van € 1.000."})
    assert turn.json()["payloads"][0]["type"] == "roleplay_turn"
    assert turn.json()["payloads"][0]["hint"] is None
    card = post(f"{session}/end").json()
    assert card["type"] == "scorecard" and 0 <= card["total"] <= 100
    assert "niet bekend" in error_of(post(f"{session}/say", json={"text": "Hallo nog even"}), 404)
    assert "niet bekend" in error_of(post(f"{session}/end"), 404)


def test_transcript_scoring_refuses_bad_input(pane_url):
    def post(body: dict) -> requests.Response:
        return requests.post(f"{pane_url}training/transcript", json=body, timeout=60)

    assert "Plak" in error_of(post({"text": ""}), 400)
    assert "te lang" in error_of(post({"text": "Debiteur: a\n" * 10_000}), 413)
    assert "regel 1" in error_of(post({"text": "Hallo daar\nDebiteur: Ja."}), 400)
    assert "regel 2" in error_of(post({"text": "Incasseerder: Hallo\nDebiteur:"}), 400)
    assert "geen regels van de incasseerder" in error_of(post({"text": "Debiteur: Ja."}), 400)
    assert "DEMO-999" in error_of(post({"text": TRANSCRIPT, "case_id": "demo-999"}), 404)
    assert error_of(post({"text": TRANSCRIPT, "trainee": 5}), 400)
    card = post({"text": TRANSCRIPT}).json()
    assert card["type"] == "scorecard" and card["stored"] is False and len(card["checks"]) == 10


def test_history_needs_a_name_and_lists_sessions(pane_url):
    assert "naam" in error_of(requests.get(f"{pane_url}training/history", timeout=30), 400)
    requests.post(f"{pane_url}training/transcript",
                  json={"text": TRANSCRIPT, "trainee": "Historie Test"},
                  timeout=60).raise_for_status()
    data = requests.get(f"{pane_url}training/history", params={"trainee": "historie test"},
                        timeout=30).json()
    assert data["trainee"] == "Historie Test"
    assert [s["scenario"] for s in data["sessions"]] == ["transcript"]
    assert re.match(r"\d{4}-\d{2}-\d{2}", data["sessions"][0]["date"])
