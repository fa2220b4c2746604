"""Servers and a real browser for the pane tests.

Rasa and the action server start once for this folder on free ports, with "today" pinned
and a fresh case database. The browser is Debian's /usr/bin/chromium driven by Playwright;
no browser is ever downloaded (never run `playwright install`).
"""
from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from bot.servers import Services
from tests.conftest import ROOT, TODAY

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SCREENSHOTS = ROOT / "docs" / "screenshots"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="package")  # stopped when tests/browser is done, not at session end
def pane_services(trained_model, tmp_path_factory) -> Services:
    db = tmp_path_factory.mktemp("pane-db") / "incasso.sqlite3"
    training_db = db.parent / "training.sqlite3"  # the Training tab's history, not build/
    running = Services(rasa_port=free_port(), action_port=free_port(), model=trained_model,
                       env={"INCASSO_TODAY": TODAY, "INCASSO_DATABASE_URL": f"sqlite:///{db}",
                            "INCASSO_TRAINING_DB": str(training_db)})
    with running:
        yield running


@pytest.fixture(scope="package")
def pane_url(pane_services) -> str:
    return f"{pane_services.rasa_url}/webhooks/pane/"


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


@pytest.fixture
def page(browser, pane_services) -> Page:
    """A fresh page that may use the clipboard; fails the test on any script error or
    dialog (an alert() would mean debtor text was run as code)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="nl-NL")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=pane_services.rasa_url)
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    problems: list[str] = []
    tab.on("pageerror", lambda err: problems.append(f"script error: {err}"))
    tab.on("dialog",
           lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    yield tab
    context.close()
    assert not problems, problems


def screenshot(page: Page, name: str) -> None:
    """Saves docs/screenshots/<name>.png when INCASSO_SCREENSHOTS=1 (so normal runs leave
    the committed pictures alone)."""
    if os.environ.get("INCASSO_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))
