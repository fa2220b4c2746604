"""The live checklist in the pane: the practice standard's checks ticked as the collector
speaks (typed with Alt+I or pushed), the coach's prompt banner with "Niet meer tonen", the
checklist after a reload, and the call's scorecard under the summary at the end."""
from __future__ import annotations

import re

import pytest
import requests
from playwright.sync_api import Page, expect

from tests.browser.test_pane import start_call

pytestmark = pytest.mark.slow

CHECK_KEYS = ["purpose_deadline", "invoice_amount", "open_questions", "concrete_agreement",
              "concession_return", "summarised", "confirmation"]
INVOICE_LINE = "Ik bel over factuur F2026-0081 van 1.000 euro"
CONCESSION = "Weet u wat, dan laten we de rente vallen."
CONCESSION_INTENT = "collector_offer_concession"
NEUTRAL_LINE = "Hoe staat het er bij u voor met de betaling?"
SECOND_CONCESSION = "Goed, dan laten we de incassokosten ook vallen."


def say_myself(page: Page, text: str) -> None:
    """Types a line of the collector's own (Alt+I) and waits until the server has it."""
    turns = page.locator("#timeline .turn.speaker-incasseerder")
    before = turns.count()
    page.keyboard.press("Alt+I")
    expect(page.locator("#speaker-toggle")).to_have_attribute("aria-pressed", "true")
    page.locator("#said").fill(text)
    page.keyboard.press("Enter")
    expect(turns).to_have_count(before + 1)
    expect(turns.first).not_to_have_class(re.compile(r"\bpending\b"))
    expect(page.locator("#speaker-toggle")).to_have_attribute("aria-pressed", "false")


def push(api: requests.Session, pane_url: str, call_id: str, text: str) -> dict:
    """A collector line from a speech-to-text tool; the answer is the line event."""
    answer = api.post(f"{pane_url}calls/{call_id}/transcript", timeout=30,
                      json={"speaker": "incasseerder", "text": text})
    assert answer.status_code == 200, answer.text
    return answer.json()


def checklist_of(event: dict) -> dict:
    found = [p for p in event["payloads"] if p["type"] == "checklist"]
    assert len(found) == 1, event
    return found[0]


def ticks(page: Page) -> list[tuple[str, str]]:
    rows = page.locator("#checklist-items .check")
    return [(rows.nth(i).get_attribute("data-key"), rows.nth(i).get_attribute("data-done"))
            for i in range(rows.count())]


def test_the_checklist_ticks_prompts_mutes_survives_a_reload_and_ends_in_a_scorecard(
        page, pane_url, api):
    start_call(page, pane_url)
    call_id = page.locator("#call-id").inner_text()
    checklist = page.locator("#checklist")
    banner = page.locator("#prompt")
    expect(checklist).to_be_visible()
    expect(page.locator("#checklist-empty")).to_be_visible()
    expect(page.locator("#checklist-items")).to_have_attribute("aria-live", "polite")
    expect(banner).to_be_hidden()

    say_myself(page, INVOICE_LINE)
    rows = page.locator("#checklist-items .check")
    expect(rows).to_have_count(len(CHECK_KEYS))
    assert [key for key, _ in ticks(page)] == CHECK_KEYS
    invoice = page.locator('#checklist-items .check[data-key="invoice_amount"]')
    expect(invoice).to_have_attribute("data-done", "true")
    expect(invoice).to_have_text(re.compile(r"✓\s*Factuur en bedrag genoemd\s*: gedaan"))
    expect(page.locator('#checklist-items .check[data-key="summarised"]')).to_contain_text(
        "nog niet")
    expect(page.locator("#checklist-empty")).to_be_hidden()
    expect(page.locator("#checklist-count")).to_contain_text(f"van {len(CHECK_KEYS)}")
    # no card for the checklist in the timeline
    mine = page.locator("#timeline .turn.speaker-incasseerder").first
    expect(mine.locator(".card")).to_have_count(0)
    # (outside the calling hours the first line may carry that prompt; it comes once a call)

    say_myself(page, CONCESSION)
    expect(banner).to_be_visible()
    expect(banner).to_have_attribute("role", "alert")
    expect(banner).to_have_attribute("data-kind", "concession_without_return")
    expect(page.locator("#prompt-text")).to_contain_text("zonder iets terug te vragen")

    # the next collector line without a prompt clears it (this one comes over the live stream)
    neutral = push(api, pane_url, call_id, NEUTRAL_LINE)
    assert checklist_of(neutral)["prompt"] is None, neutral
    expect(page.locator("#timeline .turn.speaker-incasseerder").first).to_contain_text(
        NEUTRAL_LINE)
    expect(banner).to_be_hidden()

    say_myself(page, CONCESSION)
    expect(banner).to_have_attribute("data-kind", "concession_without_return")
    page.locator("#prompt-mute").click()
    expect(banner).to_be_hidden()
    expect(page.locator("#said")).to_be_focused()

    second = push(api, pane_url, call_id, SECOND_CONCESSION)
    intents = [act["intent"] for act in second["acts"]]
    assert CONCESSION_INTENT in intents, (SECOND_CONCESSION, second["acts"])
    assert checklist_of(second)["prompt"] is None, second  # muted for this call
    expect(page.locator("#timeline .turn.speaker-incasseerder").first).to_contain_text(
        SECOND_CONCESSION)
    page.wait_for_timeout(300)
    expect(banner).to_be_hidden()

    before = ticks(page)
    assert ("invoice_amount", "true") in before
    page.reload()
    expect(page.locator("#brief-heading")).to_contain_text("DEMO-1")
    expect(page.locator("#checklist-items .check")).to_have_count(len(CHECK_KEYS))
    assert ticks(page) == before  # the newest checklist of the call
    expect(invoice).to_have_attribute("data-done", "true")
    expect(banner).to_be_hidden()

    page.keyboard.press("Alt+E")
    summary = page.locator("#timeline .turn-summary")
    expect(summary.locator(".card-summary")).to_be_visible()
    card = summary.locator(".card-scorecard")
    expect(card).to_be_visible()
    # under the summary, in the one turn
    assert summary.locator(".card").evaluate_all(
        "cards => cards.map(c => c.classList.contains('card-scorecard'))") == [False, True]
    ended = api.get(f"{pane_url}calls/{call_id}", timeout=30).json()
    review = next(p for e in ended["events"] if e["kind"] == "summary"
                  for p in e["payloads"] if p["type"] == "scorecard")
    expect(card.locator(".score-value")).to_have_text(str(review["total"]))
    expect(card).to_contain_text(f"Scorekaart: {review['total']} van de 100 punten")
    expect(card.locator(".score-check")).to_have_count(len(review["checks"]))
    expect(card.locator('.score-check[data-key="invoice_amount"]')).to_have_attribute(
        "data-passed", "true")
    expect(page.locator("#timeline")).not_to_contain_text("Onbekend antwoord")


def test_the_line_events_carry_the_checklist_and_muting_is_checked(api, pane_url):
    call_id = api.post(f"{pane_url}calls", json={"case_id": "DEMO-1"}, timeout=30).json()[
        "call_id"]
    event = push(api, pane_url, call_id, INVOICE_LINE)
    checklist = checklist_of(event)
    assert [c["key"] for c in checklist["checks"]] == CHECK_KEYS
    assert next(c for c in checklist["checks"] if c["key"] == "invoice_amount")["done"] is True

    mute = f"{pane_url}calls/{call_id}/prompts/mute"
    answer = api.post(mute, json={"kind": "concession_without_return"}, timeout=30)
    assert answer.status_code == 200 and answer.json() == {"muted": ["concession_without_return"]}
    answer = api.post(mute, json={"kind": "bestaat-niet"}, timeout=30)
    assert answer.status_code == 400
    assert "Deze soort melding bestaat niet" in answer.json()["error"]
    assert api.post(f"{pane_url}calls/pane-bestaatniet/prompts/mute",
                    json={"kind": "threat"}, timeout=30).status_code == 404


def test_a_second_page_gets_the_checklist_and_the_prompt_over_the_live_stream(open_page, page,
                                                                              pane_url, api):
    start_call(page, pane_url)
    call_id = page.locator("#call-id").inner_text()
    other = open_page()
    other.goto(f"{pane_url}#gesprek={call_id}")
    expect(other.locator("#live")).to_have_text("live verbonden")
    say_myself(page, INVOICE_LINE)
    say_myself(page, CONCESSION)
    for tab in (page, other):
        expect(tab.locator('#checklist-items .check[data-key="invoice_amount"]')).to_have_attribute(
            "data-done", "true")
        expect(tab.locator("#prompt")).to_have_attribute("data-kind", "concession_without_return")
