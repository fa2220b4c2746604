"""The Training tab in headless Chromium: a role-play by keyboard, transcript scoring
(well-formed and malformed), a trainee's history, markup in trainee text staying inert;
and the training API's answers to bad input. The trainee is whoever is logged in, so each
test that counts history rows plays as an account of its own."""
from __future__ import annotations

import re

import pytest
import requests
from playwright.sync_api import Page, expect

from tests.browser.conftest import COLLECTOR, MANAGER, TRAINER, screenshot

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


def start_roleplay(page: Page) -> None:
    page.locator("#rp-scenario").select_option(SCENARIO)
    page.locator("#rp-start").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#rp-briefing")).to_contain_text("DEMO-1")
    expect(page.locator("#rp-timeline .speaker-debiteur")).to_have_count(1)  # the opening


def say(page: Page, text: str) -> None:
    answers = page.locator("#rp-timeline .speaker-debiteur, #rp-timeline .speaker-coach")
    replies = answers.count()
    page.locator("#rp-say").fill(text)
    page.keyboard.press("Enter")
    expect(answers).to_have_count(replies + 1)


def test_a_roleplay_in_the_training_tab_ends_with_a_scorecard(open_page, pane_url):
    page = open_page("trainee-rollenspel")
    open_training(page, pane_url)
    assert page.locator("#tab-training").get_attribute("aria-selected") == "true"
    expect(page.locator("#call-bar")).to_be_hidden()
    expect(page.locator("#rp-start-form input[type=text]")).to_have_count(0)  # no name to type
    expect(page.locator("#hist-form")).to_be_hidden()  # a collector sees their own history only
    expect(page.locator("#hist-empty")).to_contain_text("U heeft nog geen sessies")
    start_roleplay(page)
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
    # the session is in the logged-in trainee's history, shown right away
    expect(page.locator("#hist-who")).to_contain_text("Uw eigen")
    expect(page.locator("#hist-table tbody tr")).to_have_count(1)
    expect(page.locator("#hist-table tbody tr")).to_contain_text(
        card.locator(".score-value").inner_text())


def test_a_transcript_is_scored_and_a_malformed_one_gets_the_line_number(open_page, pane_url):
    page = open_page("trainee-transcript")
    open_training(page, pane_url)
    page.locator("#tr-text").fill(TRANSCRIPT)
    expect(page.locator("#tr-form input[type=text]")).to_have_count(1)  # the case; no name
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


def test_markup_in_a_trainee_line_stays_text(open_page, pane_url):
    markup = '<img src=x onerror="alert(1)">'
    page = open_page("trainee-markup")
    open_training(page, pane_url)
    start_roleplay(page)
    say(page, f"Goedemorgen {markup} ik bel over factuur F2026-0081")
    expect(page.locator("#rp-timeline .speaker-incasseerder")).to_contain_text(markup)
    assert page.locator("#training img").count() == 0
    # a trainer looks up a trainee by name: the name typed comes back as text
    trainer = open_page(TRAINER)
    trainer.goto(pane_url)
    expect(trainer.locator("#training")).to_be_visible()
    trainer.locator("#hist-trainee").fill(markup)
    trainer.locator("#hist-show").click()
    expect(trainer.locator("#hist-empty")).to_contain_text(markup)
    assert trainer.locator("#training img").count() == 0  # open_page fails on alert()


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


def test_scenarios_are_listed_with_id_and_title(api, pane_url):
    scenarios = api.get(f"{pane_url}training/scenarios", timeout=30).json()["scenarios"]
    assert len(scenarios) >= 8 and all(s["id"] and s["title"] for s in scenarios)
    assert SCENARIO in {s["id"] for s in scenarios}


def test_a_roleplay_over_the_api_and_its_bad_requests(api_as, pane_url):
    api = api_as("trainee-api")

    def post(path: str, **kw) -> requests.Response:
        return api.post(f"{pane_url}training/{path}", timeout=60, **kw)

    assert "scenario" in error_of(post("start", json={"trainee": "Api"}), 400)
    assert "bestaat niet" in error_of(
        post("start", json={"scenario": "nope", "trainee": "Api"}), 409)
    assert "JSON" in error_of(
        post("start", data="x", headers={"Content-Type": "application/json"}), 400)
    assert "Content-Type" in error_of(post("start", data="x"), 415)
    assert "niet bekend" in error_of(post("training-unknown/say", json={"text": "Hallo"}), 404)
    assert "niet bekend" in error_of(post("training-unknown/end"), 404)

    # The trainee is the one logged in: a name in the request is ignored.
    started = post("start", json={"scenario": SCENARIO, "trainee": "Iemand Anders",
                                  "hints": False})
    assert started.status_code == 201, started.text
    session, briefing = started.json()["session_id"], started.json()["briefing"]
    assert briefing["type"] == "roleplay_start" and briefing["opening"]
    other = api_as("trainee-api-2")  # another trainee cannot go on with it
    assert "niet bekend" in error_of(other.post(f"{pane_url}training/{session}/say", timeout=30,
                                                json={"text": "Hallo"}), 404)
    assert error_of(post(f"{session}/say", json={"text": "   "}), 400)
    assert "te lang" in error_of(post(f"{session}/say", json={"text": "a" * 3000}), 413)
    turn = post(f"{session}/say", json={"text": "/end_roleplay"})  # a pasted command is speech
    assert turn.status_code == 200 and turn.json()["text"] == "end_roleplay"
    turn = post(f"{session}/say", json={"text": "Ik bel over factuur F2026-0081 van € 1.000."})
    assert turn.json()["payloads"][0]["type"] == "roleplay_turn"
    assert turn.json()["payloads"][0]["hint"] is None
    card = post(f"{session}/end").json()
    assert card["type"] == "scorecard" and 0 <= card["total"] <= 100
    assert card["trainee"] == "trainee-api"
    history = api.get(f"{pane_url}training/history", timeout=30).json()
    assert history["trainee"] == "trainee-api"
    assert [s["scenario"] for s in history["sessions"]] == [SCENARIO]
    assert "niet bekend" in error_of(post(f"{session}/say", json={"text": "Hallo nog even"}), 404)
    assert "niet bekend" in error_of(post(f"{session}/end"), 404)


def test_transcript_scoring_refuses_bad_input(api_as, pane_url):
    api = api_as("trainee-transcript-api")

    def post(body: dict) -> requests.Response:
        return api.post(f"{pane_url}training/transcript", json=body, timeout=60)

    assert "Plak" in error_of(post({"text": ""}), 400)
    assert "te lang" in error_of(post({"text": "Debiteur: a\n" * 10_000}), 413)
    assert "regel 1" in error_of(post({"text": "Hallo daar\nDebiteur: Ja."}), 400)
    assert "regel 2" in error_of(post({"text": "Incasseerder: Hallo\nDebiteur:"}), 400)
    assert "geen regels van de incasseerder" in error_of(post({"text": "Debiteur: Ja."}), 400)
    assert "DEMO-999" in error_of(post({"text": TRANSCRIPT, "case_id": "demo-999"}), 404)
    assert error_of(post({"text": TRANSCRIPT, "trainee": 5}), 400)
    assert "eigen" in error_of(post({"text": TRANSCRIPT, "trainee": COLLECTOR}), 403)
    card = post({"text": TRANSCRIPT}).json()  # always stored, as the logged-in trainee's
    assert card["type"] == "scorecard" and len(card["checks"]) == 10
    assert card["stored"] is True and card["trainee"] == "trainee-transcript-api"


def test_history_is_ones_own_and_a_trainer_or_manager_may_name_a_trainee(api_as, pane_url):
    history, transcript = f"{pane_url}training/history", f"{pane_url}training/transcript"
    trainee = api_as("historie-test")
    assert trainee.get(history, timeout=30).json() == {"trainee": "historie-test", "sessions": [],
                                                       "proficiency": None}
    trainee.post(transcript, json={"text": TRANSCRIPT}, timeout=60).raise_for_status()
    data = trainee.get(history, timeout=30).json()
    assert data["trainee"] == "historie-test"
    assert [s["scenario"] for s in data["sessions"]] == ["transcript"]
    assert re.match(r"\d{4}-\d{2}-\d{2}", data["sessions"][0]["date"])
    assert "te lang" in error_of(trainee.get(history, params={"trainee": "x" * 61}, timeout=30),
                                 400)
    # a collector sees only their own; a trainer and a manager see anyone's
    assert "eigen" in error_of(trainee.get(history, params={"trainee": COLLECTOR}, timeout=30),
                               403)
    for name in (TRAINER, MANAGER):
        seen = api_as(name).get(history, params={"trainee": "Historie-Test"}, timeout=30).json()
        assert seen["trainee"] == "historie-test" and len(seen["sessions"]) == 1
    # a trainer scores a trainee's call under that trainee's name
    card = api_as(TRAINER).post(transcript, json={"text": TRANSCRIPT, "trainee": "historie-test"},
                                timeout=60).json()
    assert card["stored"] is True and card["trainee"] == "historie-test"
    assert len(trainee.get(history, timeout=30).json()["sessions"]) == 2


def test_the_rubric_is_shown_before_the_first_line_and_the_difficulty_is_chosen(open_page,
                                                                               pane_url):
    page = open_page(COLLECTOR)
    open_training(page, pane_url)
    page.locator("#rp-scenario").select_option("contactpersoon-afwezig")
    page.locator("#rp-difficulty").select_option("hard")
    page.locator("#rp-start").click()
    rubric = page.locator("#rp-briefing .rp-rubric li")
    expect(rubric).to_have_count(10)
    expect(rubric.first).to_contain_text("punten")
    expect(page.locator("#rp-briefing")).to_contain_text("Hierop wordt u beoordeeld")
    expect(page.locator("#rp-timeline .rp-line").first).to_be_visible()


def test_the_difficulty_reaches_the_session_and_a_wrong_one_is_refused(api_as, pane_url):
    api = api_as(COLLECTOR)
    started = api.post(f"{pane_url}training/start", timeout=60,
                       json={"scenario": "contactpersoon-afwezig", "difficulty": "hard"})
    assert started.status_code == 201, started.text
    briefing = started.json()["briefing"]
    assert briefing["difficulty"] == "hard" and len(briefing["rubric"]) == 10
    wrong = api.post(f"{pane_url}training/start", timeout=30,
                     json={"scenario": "contactpersoon-afwezig", "difficulty": "extreem"})
    assert error_of(wrong, 400) == "Kies als moeilijkheid easy, medium of hard."


def test_levels_per_check_for_the_trainee_and_the_team_for_a_trainer(open_page, api_as,
                                                                    pane_url):
    scored = api_as(COLLECTOR).post(f"{pane_url}training/transcript", timeout=120, json={
        "text": "Incasseerder: Goedemiddag, ik bel over factuur F2026-0081 van 1.000 euro.\n"
                "Debiteur: Die heb ik nooit gehad.\n"
                "Incasseerder: Wat is er met de factuur gebeurd?"})
    assert scored.status_code == 200, scored.text
    own = api_as(COLLECTOR).get(f"{pane_url}training/history", timeout=30).json()
    level = own["proficiency"]
    assert level["sessions"] >= 1 and len(level["checks"]) == 10
    assert level["band"] in ("uitstekend", "goed", "in ontwikkeling", "aandacht nodig")
    assert error_of(api_as(COLLECTOR).get(f"{pane_url}training/team", timeout=30), 403)
    team = api_as(TRAINER).get(f"{pane_url}training/team", timeout=30).json()["trainees"]
    assert any(t["trainee"] == COLLECTOR and t["sessions"] >= 1 for t in team)
    page = open_page(TRAINER)
    open_training(page, pane_url)
    expect(page.locator(f'#team-table tr[data-trainee="{COLLECTOR}"]')).to_be_visible()
    collector = open_page(COLLECTOR)
    open_training(collector, pane_url)
    expect(collector.locator("#level-table tbody tr")).to_have_count(10)
    expect(collector.locator("#team")).to_be_hidden()
