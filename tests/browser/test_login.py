"""Logging in and out of the pane in headless Chromium, and what each role sees: the login
page without a session, the server's Dutch refusal of a wrong password, the pane with the
user's name, logging out (the API then answers 401), a session that ends while the page is
open, a trainer's Training-only pane, a manager's Auditlog, and a collector refused another
collector's call."""
from __future__ import annotations

import re

import pytest
import requests
from playwright.sync_api import Page, expect

from tests.accounts import PASSWORD, add_account
from tests.browser.conftest import (
    ACCOUNTS,
    COLLECTOR,
    MANAGER,
    OTHER_COLLECTOR,
    SAMPLE_CASE_IDS,
    TRAINER,
    database_of,
    screenshot,
)

pytestmark = pytest.mark.slow

TABS = ("call", "today", "training", "audit")


def type_login(page: Page, name: str, password: str) -> None:
    page.locator("#login-name").fill(name)
    page.locator("#login-password").fill(password)
    page.locator("#login-password").press("Enter")


def expect_login_page(page: Page) -> None:
    expect(page.get_by_role("heading", name="Inloggen")).to_be_visible()
    expect(page.locator("#login-form")).to_be_visible()
    expect(page.locator("#user-box")).to_have_count(0)


def expect_tabs(page: Page, shown: tuple[str, ...]) -> None:
    for tab in TABS:
        if tab in shown:
            expect(page.locator(f"#tab-{tab}")).to_be_visible()
        else:
            expect(page.locator(f"#tab-{tab}")).to_be_hidden()


def test_without_a_session_the_login_page_appears(open_page, pane_url):
    page = open_page(None)
    page.goto(pane_url)
    expect_login_page(page)
    expect(page.locator("body")).to_have_attribute("data-ready", "true")  # its script runs
    expect(page.get_by_label("Gebruikersnaam")).to_have_attribute("autocomplete", "username")
    expect(page.get_by_label("Wachtwoord")).to_have_attribute("autocomplete", "current-password")
    expect(page.get_by_label("Wachtwoord")).to_have_attribute("type", "password")
    expect(page.get_by_role("button", name="Inloggen")).to_be_visible()
    expect(page.locator("#login-name")).to_be_focused()
    expect(page.locator("#tab-call, #case-search, #training")).to_have_count(0)  # nothing else
    # The same address with a call in it: still the login page, and no call data.
    page.goto(f"{pane_url}#gesprek=pane-iets")
    expect_login_page(page)
    screenshot(page, "0-inloggen")


def test_a_wrong_password_shows_the_dutch_error_and_stays(open_page, pane_url, pane_services):
    add_account(database_of(pane_services), "inlog-fout", "collector")
    page = open_page(None)
    page.goto(pane_url)
    page.locator("#login-form button").click()  # nothing filled in: asked to, nothing sent
    expect(page.locator("#login-alert")).to_have_text("Vul uw gebruikersnaam en wachtwoord in.")
    with page.expect_request("**/webhooks/pane/login") as sent:
        type_login(page, "inlog-fout", "dit-is-het-niet-2026")
    request = sent.value
    assert request.method == "POST" and request.post_data_json == {
        "username": "inlog-fout", "password": "dit-is-het-niet-2026"}
    assert "dit-is-het-niet" not in request.url
    expect(page.locator("#login-alert")).to_have_text("Gebruikersnaam of wachtwoord klopt niet.")
    expect(page.locator("#login-alert")).to_have_attribute("role", "alert")
    expect_login_page(page)  # stays
    expect(page.locator("#login-name")).to_have_value("inlog-fout")
    expect(page.locator("#login-password")).to_have_value("")
    expect(page.locator("#login-password")).to_be_focused()
    assert page.url == pane_url
    # Too many failures in a row (5 allowed, bot/settings.yml): the account pauses, and the
    # page says for how long.
    statuses = [401]
    while statuses[-1] == 401 and len(statuses) < 8:
        # The page ignores a submit while it still reads the last answer: wait until it is done.
        expect(page.locator("#login-submit")).to_be_enabled()
        expect(page.locator("#login-password")).to_have_value("")
        with page.expect_response("**/webhooks/pane/login") as answer:
            type_login(page, "inlog-fout", "nog-steeds-fout-2026")
        statuses.append(answer.value.status)
    assert statuses[:5] == [401] * 5 and statuses[-1] == 429, statuses
    expect(page.locator("#login-alert")).to_contain_text("Te veel mislukte pogingen")
    expect(page.locator("#login-alert")).to_contain_text("seconden")
    expect_login_page(page)


def test_a_correct_login_shows_the_pane_with_the_users_name(open_page, pane_url):
    page = open_page(None)
    page.goto(f"{pane_url}#vandaag")
    type_login(page, f"  {COLLECTOR.upper()} ", PASSWORD)  # as people type it
    expect(page.locator("#user-name")).to_have_text(ACCOUNTS[COLLECTOR][1])
    expect(page.locator("#user-role")).to_have_text("incasseerder")
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
    expect(page.locator("#today")).to_be_visible()  # the address's tab, kept through the login
    expect_tabs(page, ("call", "today", "training"))
    page.locator("#tab-call").click()
    expect(page.locator("#case-search")).to_be_focused()
    expect(page.locator("#case-results .case-option")).to_have_count(len(SAMPLE_CASE_IDS))


def test_logout_returns_to_the_login_page_and_the_api_then_answers_401(open_page, pane_url):
    page = open_page(COLLECTOR)
    page.goto(pane_url)
    expect(page.locator("body")).to_have_attribute("data-ready", "true")
    cookie = next(c for c in page.context.cookies() if c["name"] == "incasso_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    assert page.evaluate("document.cookie") == ""  # out of reach of the page's scripts
    page.get_by_role("button", name="Uitloggen").click()
    expect_login_page(page)
    assert page.url == pane_url
    assert not [c for c in page.context.cookies() if c["name"] == "incasso_session" and c["value"]]
    assert page.context.request.get(f"{pane_url}me").status == 401
    # The old cookie is dead on the server too, not only gone from the browser.
    answer = requests.get(f"{pane_url}cases", cookies={"incasso_session": cookie["value"]},
                          timeout=30)
    assert answer.status_code == 401 and "niet ingelogd" in answer.json()["error"]
    page.reload()
    expect_login_page(page)


def test_a_session_that_ends_while_the_page_is_open_brings_the_login_page(open_page, pane_url):
    page = open_page(COLLECTOR)
    page.goto(pane_url)
    expect(page.locator("#case-results .case-option")).to_have_count(len(SAMPLE_CASE_IDS))
    # Logged out elsewhere (another tab); this page's next request is answered 401.
    assert page.context.request.post(f"{pane_url}logout").status == 200
    page.locator("#case-search").fill("DEMO")
    expect_login_page(page)


def test_a_trainer_sees_only_training(open_page, pane_url):
    page = open_page(TRAINER)
    page.goto(f"{pane_url}#vandaag")  # not theirs: Training instead
    expect(page.locator("#training")).to_be_visible()
    expect(page.locator("#user-name")).to_have_text(ACCOUNTS[TRAINER][1])
    expect(page.locator("#user-role")).to_have_text("trainer")
    expect_tabs(page, ("training",))
    expect(page.locator("#tab-training")).to_have_attribute("aria-selected", "true")
    for hidden in ("#view-call", "#today", "#audit", "#call-bar", "#call-shortcuts"):
        expect(page.locator(hidden)).to_be_hidden()
    expect(page.locator("#rp-scenario option").first).to_be_attached()
    expect(page.locator("#hist-form")).to_be_visible()  # may look up a trainee's history
    page.keyboard.press("Alt+N")  # the call's shortcuts do nothing here
    expect(page.locator("#view-call")).to_be_hidden()
    assert page.context.request.get(f"{pane_url}cases?q=demo").status == 403
    assert page.context.request.get(f"{pane_url}audit").status == 403


def test_a_manager_sees_the_auditlog_with_their_own_login(open_page, pane_url):
    markup = "<img src=x onerror=alert(1)>"
    requests.post(f"{pane_url}login", json={"username": markup, "password": "fout-fout-fout"},
                  timeout=30)  # a failed login is logged, but not under what was typed
    page = open_page(MANAGER)
    page.goto(pane_url)
    expect(page.locator("#user-role")).to_have_text("manager")
    expect_tabs(page, TABS)
    page.get_by_role("tab", name="Auditlog").click()
    expect(page.locator("#audit")).to_be_visible()
    expect(page.locator("#call-bar")).to_be_hidden()
    rows = page.locator("#audit-table tbody tr")
    own = rows.filter(has=page.locator("td:nth-child(2)", has_text=MANAGER)).filter(
        has=page.locator("td:nth-child(3)", has_text="ingelogd"))
    expect(own.first).to_be_visible()
    expect(own.first.locator("time")).to_have_text(
        re.compile(r"^\d{2}-\d{2}-\d{4} \d{2}:\d{2}:\d{2}$"))
    assert rows.count() <= 100
    # An unknown name is not kept (it may be a password typed in the wrong field).
    failed = rows.filter(has_text="inloggen mislukt").filter(has_text="onbekende gebruikersnaam")
    expect(failed.first).to_be_visible()
    expect(page.locator("#audit")).not_to_contain_text("onerror")
    assert page.locator("#audit img").count() == 0
    screenshot(page, "8-auditlog")
    # One user's entries only.
    page.locator("#audit-actor").fill(MANAGER)
    page.locator("#audit-actor").press("Enter")
    expect(failed).to_have_count(0)
    expect(own.first).to_be_visible()
    assert set(page.locator("#audit-table tbody td:nth-child(2)").all_inner_texts()) == {MANAGER}


def test_a_collector_cannot_see_another_collectors_call(open_page, pane_url, api, api_as):
    other = api_as(OTHER_COLLECTOR)
    theirs = other.post(f"{pane_url}calls", json={"case_id": "DEMO-4"}, timeout=30)
    assert theirs.status_code == 201, theirs.text
    call_id = theirs.json()["call_id"]
    line = other.post(f"{pane_url}calls/{call_id}/transcript", timeout=30,
                      json={"speaker": "incasseerder", "text": "Geheim: alleen voor Karim."})
    assert line.status_code == 200, line.text

    page = open_page(COLLECTOR)
    page.goto(f"{pane_url}#gesprek={call_id}")
    expect(page.locator("#alert")).to_contain_text("hoort bij een andere incasseerder")
    expect(page.locator("#picker")).to_be_visible()
    expect(page.locator("#call")).to_be_hidden()
    expect(page.locator("#brief-heading")).to_have_text("")
    expect(page.locator("body")).not_to_contain_text("Geheim")
    expect(page.locator("#live")).to_have_text("niet verbonden")
    expect(page.locator("body")).not_to_contain_text("DEMO-4 —")

    for method, path in (("GET", ""), ("GET", "/events"), ("POST", "/end"),
                         ("POST", "/transcript"), ("PUT", "/agreements")):
        answer = api.request(method, f"{pane_url}calls/{call_id}{path}", timeout=30,
                             json={"speaker": "debiteur", "text": "hallo", "agreements": []})
        assert answer.status_code == 403, (path, answer.text)
        assert answer.json() == {"error": "Dit gesprek hoort bij een andere incasseerder."}
    # A manager sees every call.
    seen = api_as(MANAGER).get(f"{pane_url}calls/{call_id}", timeout=30)
    assert seen.status_code == 200 and seen.json()["case_id"] == "DEMO-4"
