"""The trainer's tools in the Training tab: a stored session replayed with its scorecard
beside it, assignments (given by trainers and managers, seen by their trainee, done
by a finished role-play) and a practice scenario made from a real call. Every test uses
accounts of its own: the training database is shared by the whole folder."""
from __future__ import annotations

import re

import pytest
import requests
import yaml
from playwright.sync_api import expect

from tests.browser.conftest import COLLECTOR, MANAGER, TRAINER
from tests.browser.test_training import TRANSCRIPT, error_of, open_training

pytestmark = pytest.mark.slow

SCENARIO = "contactpersoon-afwezig"  # DEMO-1
DUE = "2026-12-01"  # after INCASSO_TODAY (2026-11-23)


def scored_session(api: requests.Session, pane_url: str) -> int:
    """Stores a scored transcript for the account of ``api``; returns the session's id."""
    api.post(f"{pane_url}training/transcript", json={"text": TRANSCRIPT},
             timeout=120).raise_for_status()
    return api.get(f"{pane_url}training/history", timeout=30).json()["sessions"][-1]["id"]


def played_session(api: requests.Session, pane_url: str, difficulty: str) -> None:
    """A role-play of one line at ``difficulty``, ended (so stored) by the account of ``api``."""
    started = api.post(f"{pane_url}training/start", timeout=60,
                       json={"scenario": SCENARIO, "difficulty": difficulty})
    assert started.status_code == 201, started.text
    session = started.json()["session_id"]
    api.post(f"{pane_url}training/{session}/say", timeout=60,
             json={"text": "Ik bel over factuur F2026-0081 van € 1.000."}).raise_for_status()
    api.post(f"{pane_url}training/{session}/end", timeout=60).raise_for_status()


# ---- replay ----------------------------------------------------------------------------

def test_a_session_is_replayed_by_its_trainee_and_trainers_but_not_by_others(api_as,
                                                                             pane_url):
    own = api_as("terugkijk-eigen")
    session_id = scored_session(own, pane_url)
    url = f"{pane_url}training/sessions/{session_id}"
    data = own.get(url, timeout=30).json()
    assert (data["id"], data["trainee"], data["scenario"], data["difficulty"]) == (
        session_id, "terugkijk-eigen", "transcript", "")  # a real call has no difficulty
    assert data["date"][:10] and 0 <= data["total"] <= 100
    assert data["turns"][0] == {"speaker": "collector", "intent": data["turns"][0]["intent"],
                                "text": "Goedemorgen, u spreekt met Sanne van Groenhof "
                                        "Interieur."}
    assert [t["speaker"] for t in data["turns"][:2]] == ["collector", "debtor"]
    said = " ".join(t["text"] for t in data["turns"])  # a long line may be split in units
    assert all(line.split(": ", 1)[1][:20] in said for line in TRANSCRIPT.strip().splitlines())
    assert data["scorecard"]["total"] == data["total"]
    assert len(data["scorecard"]["checks"]) == 10

    assert "eigen" in error_of(api_as("terugkijk-ander").get(url, timeout=30), 403)
    for name in (TRAINER, MANAGER):
        assert api_as(name).get(url, timeout=30).json()["id"] == session_id
    assert "bestaat niet" in error_of(own.get(f"{pane_url}training/sessions/999999",
                                              timeout=30), 404)


def test_the_replay_shows_the_lines_in_order_with_the_scorecard_beside(open_page, api_as,
                                                                       pane_url):
    name = "terugkijk-pagina"
    api = api_as(name)
    turns = api.get(f"{pane_url}training/sessions/{scored_session(api, pane_url)}",
                    timeout=30).json()["turns"]
    page = open_page(name)
    open_training(page, pane_url)
    expect(page.locator("#replay")).to_be_hidden()
    page.locator("#hist-table tbody tr").first.get_by_role("button",
                                                           name="Terugkijken").click()
    expect(page.locator("#replay")).to_be_visible()
    expect(page.locator("#replay-title")).to_contain_text("Transcript van een echt gesprek")
    lines = page.locator("#replay-timeline .rp-line")
    expect(lines).to_have_count(len(turns))
    expect(lines.last).to_contain_text(turns[-1]["text"])
    expect(lines.first).to_contain_text("Incasseerder")
    expect(lines.first).to_contain_text("Goedemorgen, u spreekt met Sanne")
    expect(lines.nth(1)).to_contain_text("Debiteur")
    expect(page.locator("#replay-scorecard .score-check")).to_have_count(10)
    expect(page.locator("#replay-scorecard")).to_contain_text("van de 100 punten")
    page.get_by_role("button", name="Sluiten").click()
    expect(page.locator("#replay")).to_be_hidden()


def test_the_history_and_the_replay_show_the_difficulty(open_page, api_as, pane_url):
    name = "terugkijk-niveau"
    api = api_as(name)
    scored_session(api, pane_url)
    played_session(api, pane_url, "hard")
    sessions = api.get(f"{pane_url}training/history", timeout=30).json()["sessions"]
    assert [(s["scenario"], s["difficulty"]) for s in sessions] == [("transcript", ""),
                                                                    (SCENARIO, "hard")]
    page = open_page(name)
    open_training(page, pane_url)
    rows = page.locator("#hist-table tbody tr")
    expect(rows.locator("td.level")).to_have_text(["–", "moeilijk"])
    rows.last.get_by_role("button", name="Terugkijken").click()
    expect(page.locator("#replay-who")).to_contain_text("moeilijkheid moeilijk")


# ---- the course per check ----------------------------------------------------------------

MARKS = {1.0: "✔", 0.0: "✘"}  # anything in between: "½"


def test_the_history_has_each_sessions_check_credits(api_as, pane_url):
    api = api_as("verloop-api")
    scored_session(api, pane_url)
    played_session(api, pane_url, "easy")
    sessions = api.get(f"{pane_url}training/history", timeout=30).json()["sessions"]
    assert len(sessions) == 2
    for session in sessions:  # as the session's stored scorecard has them
        card = api.get(f"{pane_url}training/sessions/{session['id']}", timeout=30).json()
        assert session["checks"] == {c["key"]: c["credit"] for c in card["scorecard"]["checks"]}
        assert len(session["checks"]) == 10
    seen = api_as(TRAINER).get(f"{pane_url}training/history",
                               params={"trainee": "verloop-api"}, timeout=30).json()
    assert [s["checks"] for s in seen["sessions"]] == [s["checks"] for s in sessions]


def test_the_history_shows_per_check_a_mark_per_session_and_the_band(open_page, api_as,
                                                                     pane_url):
    empty = open_page("verloop-leeg")
    open_training(empty, pane_url)
    expect(empty.locator("#trend-empty")).to_contain_text("Nog geen sessies")
    expect(empty.locator("#trend-table")).to_be_hidden()

    name = "verloop-pagina"
    api = api_as(name)
    scored_session(api, pane_url)
    played_session(api, pane_url, "hard")
    data = api.get(f"{pane_url}training/history", timeout=30).json()
    sessions, bands = data["sessions"], {c["key"]: c["band"]
                                         for c in data["proficiency"]["checks"]}
    # neither call threatens; neither shows understanding
    assert [s["checks"]["no_threats"] for s in sessions] == [1.0, 1.0]
    assert [s["checks"]["understanding"] for s in sessions] == [0.0, 0.0]

    def shows_the_grid(page) -> None:
        table = page.locator("#trend-table")
        expect(table).to_be_visible()
        expect(page.locator("#trend-empty")).to_be_hidden()
        columns = table.locator("thead th.trend-session")
        expect(columns).to_have_count(2)  # oldest left
        expect(columns).to_have_text([re.compile(r"^\d{2}-\d{2} \d{2}:\d{2}$")] * 2)
        expect(columns.first).to_have_attribute("title", "transcript")
        expect(columns.last).to_have_attribute("title", f"{SCENARIO}, moeilijkheid moeilijk")
        rows = table.locator("tbody tr")
        expect(rows).to_have_count(10)
        expect(rows.first.locator("th")).to_have_text("Doel en termijn genoemd")
        passed = table.locator('tbody tr[data-key="no_threats"]')
        failed = table.locator('tbody tr[data-key="understanding"]')
        expect(passed.locator(".trend-cell")).to_have_class([re.compile("trend-pass")] * 2)
        expect(passed.locator(".trend-cell")).to_have_text(["✔gehaald"] * 2)
        expect(failed.locator(".trend-cell")).to_have_class([re.compile("trend-fail")] * 2)
        expect(failed.locator(".trend-cell")).to_have_text(["✘niet gehaald"] * 2)
        for key, band in bands.items():  # every mark as the history has the credit
            row = table.locator(f'tbody tr[data-key="{key}"]')
            expect(row.locator('.trend-cell [aria-hidden="true"]')).to_have_text(
                [MARKS.get(s["checks"][key], "½") for s in sessions])
            expect(row.locator(".trend-band")).to_have_text(band)

    page = open_page(name)
    open_training(page, pane_url)
    shows_the_grid(page)
    trainer = open_page(TRAINER)  # a trainer looks the trainee up
    open_training(trainer, pane_url)
    trainer.locator("#hist-trainee").fill(name)
    trainer.locator("#hist-show").click()
    expect(trainer.locator("#hist-who")).to_contain_text(name)
    shows_the_grid(trainer)


# ---- assignments -----------------------------------------------------------------------

def test_assignments_are_given_by_trainers_and_seen_by_their_trainee(api_as, pane_url):
    url = f"{pane_url}training/assignments"
    trainer, manager = api_as(TRAINER), api_as(MANAGER)
    mine, other = api_as("opdracht-eigen"), api_as("opdracht-ander")
    made = trainer.post(url, timeout=30, json={"trainee": "opdracht-eigen", "scenario": SCENARIO,
                                                "difficulty": "hard", "due": DUE})
    assert made.status_code == 201, made.text
    given = made.json()
    assert {k: v for k, v in given.items() if k not in ("id", "title")} == {
        "trainee": "opdracht-eigen", "scenario": SCENARIO, "difficulty": "hard", "due": DUE,
        "assigned_by": TRAINER, "done": False, "overdue": False}
    assert given["title"] and given["title"] != SCENARIO
    theirs = manager.post(url, timeout=30, json={"trainee": "opdracht-ander",
                                                 "scenario": SCENARIO, "difficulty": "easy",
                                                 "due": DUE}).json()

    def ids(session: requests.Session, **params) -> set[int]:
        answer = session.get(url, params=params, timeout=30)
        assert answer.status_code == 200, answer.text
        return {a["id"] for a in answer.json()["assignments"]}

    assert ids(mine) == {given["id"]} and ids(other) == {theirs["id"]}
    assert {given["id"], theirs["id"]} <= ids(trainer)
    assert ids(manager, trainee="Opdracht-Eigen") == {given["id"]}
    assert "eigen" in error_of(mine.get(url, params={"trainee": "opdracht-ander"}, timeout=30),
                               403)
    # collectors give and remove none; bad input gets a Dutch 400
    assert error_of(mine.post(url, json={"trainee": "opdracht-eigen", "scenario": SCENARIO,
                                         "difficulty": "easy", "due": DUE}, timeout=30), 403)
    assert error_of(mine.delete(f"{url}/{theirs['id']}", timeout=30), 403)
    for wrong, message in (({"scenario": "nope"}, "bestaat niet"),
                           ({"difficulty": "extreem"}, "moeilijkheid"),
                           ({"due": "2026-11-01"}, "verleden"),
                           ({"due": "morgen"}, "JJJJ-MM-DD"),
                           ({"trainee": ""}, "trainee")):
        body = {"trainee": "opdracht-eigen", "scenario": SCENARIO, "difficulty": "easy",
                "due": DUE, **wrong}
        assert message in error_of(trainer.post(url, json=body, timeout=30), 400)
    assert "tekst" in error_of(trainer.post(url, json={"trainee": 5}, timeout=30), 400)
    # removing
    assert trainer.delete(f"{url}/{theirs['id']}", timeout=30).status_code == 200
    assert ids(other) == set()
    assert "bestaat niet" in error_of(trainer.delete(f"{url}/{theirs['id']}", timeout=30), 404)
    # both are in the audit log, by who did them
    audit = manager.get(f"{pane_url}audit?limit=50", timeout=30).json()["entries"]
    given = [e for e in audit if e["action"] == "assignment_given"]
    assert {e["subject"] for e in given} >= {"opdracht-eigen", "opdracht-ander"}
    assert any(e["action"] == "assignment_removed" and e["subject"] == str(theirs["id"])
               and e["actor"] == TRAINER for e in audit)


def test_a_finished_roleplay_at_that_difficulty_completes_the_assignment(api_as, pane_url):
    url = f"{pane_url}training/assignments"
    trainee = api_as("opdracht-speler")
    made = api_as(TRAINER).post(url, timeout=30, json={
        "trainee": "opdracht-speler", "scenario": SCENARIO, "difficulty": "hard",
        "due": DUE}).json()

    def state() -> dict:
        return next(a for a in trainee.get(url, timeout=30).json()["assignments"]
                    if a["id"] == made["id"])

    played_session(trainee, pane_url, "easy")  # another difficulty does not count
    assert state()["done"] is False
    played_session(trainee, pane_url, "hard")
    assert state()["done"] is True and state()["overdue"] is False


def test_the_trainer_form_and_the_trainees_open_assignments(open_page, pane_url):
    trainer = open_page(TRAINER)
    open_training(trainer, pane_url)
    expect(trainer.locator("#assign-form")).to_be_visible()
    expect(trainer.locator("#assign-scenario option").first).to_be_attached()
    trainer.locator("#assign-trainee").fill("opdracht-pagina")
    trainer.locator("#assign-scenario").select_option(SCENARIO)
    trainer.locator("#assign-difficulty").select_option("hard")
    trainer.locator("#assign-due").fill(DUE)
    trainer.locator("#assign-add").click()
    row = trainer.locator('#assign-table tr[data-trainee="opdracht-pagina"]')
    expect(row).to_have_count(1)
    expect(row).to_contain_text("moeilijk")
    expect(row).to_contain_text("open")
    trainer.locator("#assign-due").fill("2026-01-01")
    trainer.locator("#assign-add").click()
    expect(trainer.locator("#assign-alert")).to_contain_text("verleden")

    trainee = open_page("opdracht-pagina")
    open_training(trainee, pane_url)
    expect(trainee.locator("#assign-title")).to_have_text("Uw opdrachten")
    expect(trainee.locator("#assign-form")).to_be_hidden()
    item = trainee.locator("#assign-list .assign-item")
    expect(item).to_have_count(1)
    expect(item).to_contain_text("1 december 2026")
    trainee.locator("#rp-difficulty").select_option("easy")
    item.get_by_role("button", name="Oefen nu").click()
    expect(trainee.locator("#rp-scenario")).to_have_value(SCENARIO)
    expect(trainee.locator("#rp-difficulty")).to_have_value("hard")
    expect(trainee.locator("#rp-start")).to_be_focused()

    row.get_by_role("button").click()  # the trainer removes it
    expect(row).to_have_count(0)


# ---- a scenario from a real call -------------------------------------------------------

def test_trainers_and_managers_make_a_scenario_from_a_real_call(api_as, pane_url):
    url = f"{pane_url}training/scenarios/from-transcript"
    trainer = api_as(TRAINER)
    made = trainer.post(url, json={"transcript": TRANSCRIPT, "case_id": "demo-1"}, timeout=120)
    assert made.status_code == 200, made.text
    data = made.json()
    scenario = yaml.safe_load(data["yaml"])
    assert (data["case_id"], scenario["case"]) == ("DEMO-1", "DEMO-1")
    assert (scenario["id"], scenario["title"]) == (data["id"], data["title"])
    assert data["id_in_use"] is False  # made from the case and today's date
    assert any("Die factuur heb ik nooit gehad." in excuse["says"]
               for excuse in scenario["excuses"])
    assert data["yaml"].startswith("# Rollenspelscenario, gemaakt uit een echt gesprek")
    assert api_as(MANAGER).post(url, json={"transcript": TRANSCRIPT, "case_id": "DEMO-1"},
                                timeout=120).json()["id"] == data["id"]
    assert error_of(api_as(COLLECTOR).post(url, json={"transcript": TRANSCRIPT,
                                                      "case_id": "DEMO-1"}, timeout=30), 403)
    for body, message in (({"transcript": "", "case_id": "DEMO-1"}, "Plak eerst"),
                          ({"case_id": "DEMO-1"}, "Plak eerst"),
                          ({"transcript": "Hallo daar", "case_id": "DEMO-1"}, "regel 1"),
                          ({"transcript": "Incasseerder: Goedemorgen.", "case_id": "DEMO-1"},
                           "geen regels van de debiteur"),
                          ({"transcript": TRANSCRIPT}, "dossier"),
                          ({"transcript": TRANSCRIPT, "case_id": "DEMO-999"}, "DEMO-999")):
        assert message in error_of(trainer.post(url, json=body, timeout=60), 400), body


def test_the_scenario_form_shows_the_yaml_to_copy_and_where_to_save_it(open_page, pane_url):
    collector = open_page("scenario-incasseerder")
    open_training(collector, pane_url)
    expect(collector.locator("#scenario-maker")).to_be_hidden()

    page = open_page(TRAINER)
    open_training(page, pane_url)
    page.locator("#sc-text").fill("Incasseerder: Goedemorgen.")
    page.get_by_role("button", name="Maak oefenscenario").click()
    expect(page.locator("#sc-alert")).to_contain_text("Vul het dossier")
    page.locator("#sc-case").fill("DEMO-1")
    page.get_by_role("button", name="Maak oefenscenario").click()
    expect(page.locator("#sc-alert")).to_contain_text("geen regels van de debiteur")
    page.locator("#sc-text").fill(TRANSCRIPT)
    page.get_by_role("button", name="Maak oefenscenario").click()
    expect(page.locator("#sc-result")).to_be_visible()
    expect(page.locator("#sc-alert")).to_be_hidden()
    yaml_box = page.locator("#sc-yaml")
    expect(yaml_box).to_have_attribute("readonly", "")
    expect(yaml_box).to_be_focused()
    text = yaml_box.input_value()
    assert "case: DEMO-1" in text
    scenario_id = yaml.safe_load(text)["id"]
    expect(page.locator("#sc-result")).to_contain_text(f"{scenario_id}.yml")
    expect(page.locator("#sc-result")).to_contain_text("bot/roleplay/scenarios/")
    page.get_by_role("button", name="Kopieer").click()
    expect(page.locator("#sc-copied")).to_have_text("Gekopieerd.")
    assert page.evaluate("window.__lastCopied") == text
