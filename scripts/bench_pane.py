"""Time from Enter to the rendered advice card in the live pane, in headless Chromium.

scripts/bench.py calls `pane_latency` while its servers run. The clock runs inside the
page: it starts on the Enter keydown in the input line and stops at the first animation
frame after the new card is in the timeline, so it includes the request, NLU, the custom
action and the rendering, but none of Playwright's own round trips.
"""
from __future__ import annotations

import itertools
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
WARMUP = 10
LINES_PER_CALL = 25  # a long call; then the next one starts, as a collector's day goes
CASE = "DEMO-1"

# Installed once per page: Enter starts the clock, the next frame after a new card stops it.
STOPWATCH = """() => {
  const watch = window.__stopwatch = { start: 0, cards: 0, waiting: false, done: null, stop: null };
  const count = () => document.querySelectorAll("#timeline .card").length;
  document.getElementById("said").addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    Object.assign(watch, { start: performance.now(), cards: count(), waiting: true });
    watch.done = new Promise((resolve) => { watch.stop = resolve; });
  }, true);
  new MutationObserver(() => {
    if (!watch.waiting || count() <= watch.cards) return;
    watch.waiting = false;
    requestAnimationFrame(() => watch.stop(performance.now() - watch.start));
  }).observe(document.getElementById("timeline"), { childList: true, subtree: true });
}"""


def _start_call(page: Page) -> None:
    page.keyboard.press("Alt+N")
    page.locator("#case-search").fill(CASE)
    page.locator(f'#case-results [data-case-id="{CASE}"]').wait_for()
    page.keyboard.press("Enter")
    page.locator("#said").wait_for(state="visible")


def _submit(page: Page, text: str) -> tuple[float, bool]:
    """(milliseconds from Enter to the rendered card, whether it was an error card)."""
    page.locator("#said").fill(text)
    page.keyboard.press("Enter")
    # evaluate, not eval: the pane's CSP forbids that
    ms = page.evaluate("() => window.__stopwatch.done")
    return ms, page.locator("#timeline .turn").first.locator(".card-error").count() > 0


def pane_latency(rasa_url: str, texts: list[str], submissions: int,
                 login: tuple[str, str]) -> tuple[list[float], int]:
    """Enter→card milliseconds for `submissions` debtor lines (after WARMUP unmeasured ones),
    a new call every LINES_PER_CALL lines, logged in as ``login`` (name, password); plus how
    many cards were error cards."""
    if not CHROMIUM.exists():
        raise SystemExit("no /usr/bin/chromium for the pane benchmark: apt-get install -y chromium")
    samples: list[float] = []
    errors = 0
    with sync_playwright() as playwright:
        # launch() starts from a fresh temporary profile every time.
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        answer = page.request.post(f"{rasa_url}/webhooks/pane/login",  # cookie for the page
                                   data={"username": login[0], "password": login[1]})
        if not answer.ok:
            raise SystemExit(f"login for the pane benchmark failed: {answer.text()}")
        page.goto(f"{rasa_url}/webhooks/pane/")
        page.locator("body[data-ready]").wait_for()
        page.evaluate(STOPWATCH)
        lines = itertools.cycle(texts)
        for i in range(WARMUP + submissions):
            if i % LINES_PER_CALL == 0:
                _start_call(page)
            ms, error = _submit(page, next(lines))
            if i >= WARMUP:
                samples.append(ms)
                errors += error
        browser.close()
    return samples, errors
