"""Servers and a real browser for the pane tests.

Rasa and the action server start once for this folder on free ports, with "today" pinned
and a fresh case database with a few accounts (ACCOUNTS). Pages and API clients log in
like people do, through POST /webhooks/pane/login; `page` is a collector's. The browser is
Debian's /usr/bin/chromium driven by Playwright; no browser is ever downloaded (never run
`playwright install`).
"""
from __future__ import annotations

import os
import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import requests
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from bot.coach.case_files import SAMPLE_CASES, load_yaml
from bot.servers import Services
from tests.accounts import PASSWORD, add_account, logged_in
from tests.conftest import ROOT, TODAY

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SCREENSHOTS = ROOT / "docs" / "screenshots"
# The sample cases every fresh database starts with (bot/cases/sample_cases.yml).
SAMPLE_CASE_IDS = [case.id for case in load_yaml(SAMPLE_CASES)]
DEMO_CASE_COUNT = sum(case_id.startswith("DEMO-") for case_id in SAMPLE_CASE_IDS)

COLLECTOR = "sanne"          # the `page` fixture's account and the API clients'
OTHER_COLLECTOR = "karim"
TRAINER = "tessa"
MANAGER = "mirjam"
ACCOUNTS = {  # name: (role, full name)
    COLLECTOR: ("collector", "Sanne Visser"),
    OTHER_COLLECTOR: ("collector", "Karim Bouali"),
    TRAINER: ("trainer", "Tessa de Boer"),
    MANAGER: ("manager", "Mirjam Jansen"),
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="package")  # stopped when tests/browser is done, not at session end
def pane_services(trained_model, tmp_path_factory) -> Services:
    db = tmp_path_factory.mktemp("pane-db") / "incasso.sqlite3"  # the Training tab's too
    running = Services(rasa_port=free_port(), action_port=free_port(), model=trained_model,
                       env={"INCASSO_TODAY": TODAY, "INCASSO_DATABASE_URL": f"sqlite:///{db}"})
    with running:  # the servers create the database (and seed the cases); then the accounts
        for name, (role, full_name) in ACCOUNTS.items():
            add_account(database_of(running), name, role, full_name)
        yield running


def database_of(services: Services) -> str:
    return services.env["INCASSO_DATABASE_URL"]


@pytest.fixture(scope="package")
def pane_url(pane_services) -> str:
    return f"{pane_services.rasa_url}/webhooks/pane/"


@pytest.fixture(scope="package")
def api(pane_services) -> Iterator[requests.Session]:
    """A requests session logged in as COLLECTOR (the same account as `page`, so the calls
    it starts are that page's calls)."""
    with logged_in(pane_services.rasa_url, COLLECTOR) as session:
        yield session


@pytest.fixture(scope="package")
def api_as(pane_services) -> Callable[..., requests.Session]:
    """``api_as(name, role="collector")``: a requests session logged in as ``name``; the
    account is made first when it is not one of ACCOUNTS (a fresh trainee's history)."""
    sessions: list[requests.Session] = []

    def session_of(name: str, role: str = "collector") -> requests.Session:
        add_account(database_of(pane_services), name, role)
        sessions.append(logged_in(pane_services.rasa_url, name))
        return sessions[-1]

    yield session_of
    for session in sessions:
        session.close()


def log_in(context: BrowserContext, base_url: str, name: str, password: str = PASSWORD) -> None:
    """Logs a browser context in through the real login route; the session cookie lands
    in the context's cookie jar, as after typing name and password."""
    answer = context.request.post(f"{base_url}/webhooks/pane/login",
                                  data={"username": name, "password": password})
    assert answer.status == 200, answer.text()


@pytest.fixture(scope="module")
def browser() -> Browser:
    """Module-scoped: Playwright's sync API keeps an asyncio loop running while it is open,
    which would break later tests that call asyncio.run()."""
    if not CHROMIUM.exists():
        pytest.fail("no /usr/bin/chromium: install Debian's package with "
                    "`apt-get install -y chromium` (.ci/run does this)")
    with sync_playwright() as playwright:
        # launch() gives every run a fresh temporary profile (user-data dir).
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def new_page(browser: Browser, base_url: str, problems: list[str]) -> Page:
    """A fresh page in a context of its own that may use the clipboard; script errors,
    dialogs (an alert() would mean debtor text was run as code) and anything the page's
    Content-Security-Policy blocked (an inline script or style) go to ``problems``."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="nl-NL")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    tab.on("pageerror", lambda err: problems.append(f"script error: {err}"))
    tab.on("dialog",
           lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    tab.on("console", lambda message: problems.append(f"blocked: {message.text}")
           if "Content Security Policy" in message.text else None)
    return tab


@pytest.fixture
def open_page(browser, pane_services) -> Iterator[Callable[..., Page]]:
    """``open_page(name, role="collector")``: a fresh page logged in as ``name`` (made when
    it is not one of ACCOUNTS); ``open_page(None)``: one without a session. The test fails
    on any script error or dialog in any of them."""
    problems: list[str] = []
    contexts: list[BrowserContext] = []

    def open_(name: str | None = COLLECTOR, role: str = "collector") -> Page:
        tab = new_page(browser, pane_services.rasa_url, problems)
        contexts.append(tab.context)
        if name is not None:
            if name not in ACCOUNTS:
                add_account(database_of(pane_services), name, role)
            log_in(tab.context, pane_services.rasa_url, name)
        return tab

    yield open_
    for context in contexts:
        context.close()
    assert not problems, problems


@pytest.fixture
def page(open_page) -> Page:
    """A collector's page (COLLECTOR, logged in)."""
    return open_page(COLLECTOR)


def screenshot(page: Page, name: str) -> None:
    """Saves docs/screenshots/<name>.png when INCASSO_SCREENSHOTS=1 (so normal runs leave
    the committed pictures alone)."""
    if os.environ.get("INCASSO_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))
