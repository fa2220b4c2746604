"""An open page survives a restart of the servers: the call, its agreements and its
timeline come back from the database, the login too (sessions are kept there), and the
page's live stream reconnects by itself."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from bot.servers import Services
from tests.accounts import add_account, logged_in
from tests.browser.conftest import log_in
from tests.conftest import TODAY
from tests.e2e.net import free_port

pytestmark = pytest.mark.slow


def test_an_open_page_reconnects_after_a_restart_and_goes_on(browser, trained_model, tmp_path):
    ports = {"rasa_port": free_port(), "action_port": free_port()}
    env = {"INCASSO_TODAY": TODAY, "INCASSO_DATABASE_URL": f"sqlite:///{tmp_path / 'r.sqlite3'}"}
    first = Services(model=trained_model, env=env, **ports).start()
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        add_account(env["INCASSO_DATABASE_URL"], "herstart", "collector", "Herstart Tester")
        log_in(context, first.rasa_url, "herstart")
        api = logged_in(first.rasa_url, "herstart")  # used again after the restart
        url = f"{first.rasa_url}/webhooks/pane/"
        page.goto(url)
        page.locator("#case-search").fill("DEMO-1")
        expect(page.locator("#case-results .case-option").first).to_contain_text("DEMO-1")
        page.keyboard.press("Enter")
        expect(page.locator("#brief-heading")).to_contain_text("DEMO-1")
        page.locator("#said").fill("ik betaal vrijdag 500 euro en de rest op 18 december")
        page.keyboard.press("Enter")
        expect(page.locator("#agreement-rows .agreement")).to_have_count(2)
        call_id = re.search(r"gesprek=([\w-]+)", page.url).group(1)
    finally:
        first.stop()

    second = Services(model=trained_model, env=env, **ports).start()
    try:
        answer = api.post(f"{second.rasa_url}/webhooks/pane/calls/{call_id}/transcript",
                          json={"speaker": "incasseerder", "text": "Dan noteer ik dat zo."},
                          timeout=30)
        assert answer.status_code == 200, answer.text
        expect(page.locator("#timeline")).to_contain_text("Dan noteer ik dat zo.", timeout=30_000)
        page.reload()  # still logged in: the pane, not the login page
        expect(page.locator("#user-name")).to_have_text("Herstart Tester")
        expect(page.locator("#brief-heading")).to_contain_text("DEMO-1")
        expect(page.locator("#agreement-rows .agreement")).to_have_count(2)
        expect(page.locator("#timeline")).to_contain_text("ik betaal vrijdag 500 euro")
    finally:
        context.close()
        second.stop()
