"""The pane's ledger pieces in headless Chromium: the collector's own line and the
"Voorgesteld" button put a proposal on the table that a "ja, prima" records; agreements
show status, flags and their line, move to the next business day and are undone in one
click; a payment by hand marks the promise kept; the Vandaag tab lists the follow-ups and
opens a case. Each test uses its own case: promises and payments stay in the database."""
from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import screenshot

pytestmark = pytest.mark.slow


def start_call(page: Page, url: str, case_id: str) -> None:
    page.goto(url)
    page.locator("#case-search").fill(case_id)
    expect(page.locator("#case-results .case-option").first).to_contain_text(case_id)
    page.keyboard.press("Enter")
    expect(page.locator("#brief-heading")).to_contain_text(case_id)


def say(page: Page, text: str) -> None:
    """Types a line (the debtor's, or the collector's in that mode) and waits for its turn."""
    turns = page.locator("#timeline .turn:not(.pending):not(.turn-note)").count()
    page.locator("#said").fill(text)
    page.keyboard.press("Enter")
    expect(page.locator("#timeline .turn:not(.pending):not(.turn-note)")).to_have_count(turns + 1)


def rows(page: Page):
    return page.locator("#agreement-rows .agreement")


def test_the_collectors_own_proposal_accepted_with_ja_prima_is_recorded(page, pane_url):
    start_call(page, pane_url, "DEMO-7")
    toggle = page.locator("#speaker-toggle")
    page.keyboard.press("Alt+I")
    expect(toggle).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#said-label")).to_have_text("Wat zegt u zelf?")
    expect(page.locator("#said")).to_be_focused()
    say(page, "Kunt u dan uiterlijk woensdag 9 december 1.000 euro overmaken?")
    mine = page.locator("#timeline .turn.speaker-incasseerder").first
    expect(mine.locator(".card-offer")).to_contain_text(
        "€ 1.000,00 uiterlijk woensdag 9 december 2026")
    expect(mine.locator(".card-advice")).to_have_count(0)  # no advice on one's own words
    expect(page.locator("#offer")).to_contain_text("€ 1.000,00 uiterlijk woensdag 9 december 2026")
    expect(toggle).to_have_attribute("aria-pressed", "false")  # back to the debtor
    expect(page.locator("#said-label")).to_have_text("Wat zegt de debiteur?")
    expect(rows(page)).to_have_count(0)  # proposed is not agreed

    say(page, "Ja prima, dat doen we.")
    expect(rows(page)).to_have_count(1)
    expect(rows(page).first.locator(".agreement-date")).to_have_value("2026-12-09")
    expect(rows(page).first.locator(".agreement-amount")).to_have_value("1.000,00")
    expect(rows(page).first.locator(".agreement-source")).to_have_text("uw voorstel, aanvaard")
    expect(page.locator("#offer")).to_be_hidden()


def test_a_proposal_marked_voorgesteld_is_what_ja_prima_records(page, pane_url):
    start_call(page, pane_url, "DEMO-5")
    say(page, "Ik heb die factuur nooit ontvangen, hij is nooit bij ons binnengekomen.")
    proposal = page.locator("#timeline .card-advice.newest .proposal").first
    if proposal.locator(".installments").count():
        payments = [(r.locator("td").nth(1).inner_text(), r.locator("td").nth(2).inner_text())
                    for r in proposal.locator(".installments tbody tr").all()]
    else:
        payments = [(proposal.locator(".chip").nth(0).inner_text().removeprefix("uiterlijk "),
                     proposal.locator(".chip").nth(1).inner_text())]
    button = proposal.locator(".mark-offer")
    expect(button).to_have_attribute("aria-pressed", "false")
    page.keyboard.press("Alt+Shift+1")
    expect(button).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#offer-payments li")).to_have_count(len(payments))
    expect(page.locator("#timeline .turn-note").first).to_contain_text(
        "voorgesteld aan de debiteur")
    expect(page.locator("#said")).to_be_focused()
    expect(rows(page)).to_have_count(0)

    say(page, "Ja prima.")
    expect(rows(page)).to_have_count(len(payments))
    for row, (date, amount) in zip(rows(page).all(), payments, strict=True):
        assert (row.locator(".agreement-amount").input_value()
                == amount.replace("€", "").strip().replace("\xa0", ""))
        iso = row.locator(".agreement-date").input_value()
        assert page.evaluate(
            f"new Intl.DateTimeFormat('nl-NL', {{weekday: 'long', day: 'numeric', "
            f"month: 'long', year: 'numeric'}}).format(new Date('{iso}T12:00'))") == date
    expect(page.locator("#offer")).to_be_hidden()


def test_a_weekend_date_is_flagged_moved_in_one_click_and_undone(page, pane_url):
    start_call(page, pane_url, "DEMO-6")
    say(page, "Ik betaal zaterdag alles.")
    row = rows(page).first
    expect(rows(page)).to_have_count(1)
    expect(row.locator(".agreement-date")).to_have_value("2026-11-28")
    expect(row.locator(".agreement-amount")).to_have_value("385,20")
    expect(row.locator(".status-chip")).to_have_text("openstaand")
    expect(row.locator(".flag")).to_contain_text("weekend")
    expect(row.locator(".agreement-text")).to_have_text("Ik betaal zaterdag alles.")
    expect(page.locator("#timeline .card-advice.newest .warning")).to_contain_text("weekend")
    expect(page.locator("#agreements-warnings")).to_be_hidden()  # the flag is on its row already
    screenshot(page, "6-afspraak-weekend")
    row.get_by_role("button", name="Verplaats naar maandag 30 november 2026").click()
    expect(page.locator("#status")).to_have_text("Afspraken opgeslagen.")
    expect(row.locator(".agreement-date")).to_have_value("2026-11-30")
    expect(row.locator(".flag")).to_have_count(0)
    expect(row.locator(".move-agreement")).to_have_count(0)

    page.reload()  # the agreement is kept by the server, not by the page
    expect(rows(page)).to_have_count(1)
    expect(rows(page).first.locator(".agreement-date")).to_have_value("2026-11-30")

    rows(page).first.locator(".agreement-amount").fill("99.999,99")
    rows(page).first.locator(".agreement-amount").press("Enter")
    expect(page.locator("#agreements-alert")).to_contain_text("meer dan het openstaande saldo")

    rows(page).first.get_by_role(
        "button", name="Ongedaan maken: afspraak van maandag 30 november 2026").click()
    expect(page.locator("#status")).to_have_text("Afspraak ongedaan gemaakt.")
    expect(rows(page)).to_have_count(0)
    expect(page.locator("#agreements-empty")).to_be_visible()
    page.keyboard.press("Alt+E")
    expect(page.locator("#timeline .card-summary .summary-text")).not_to_contain_text("385,20")


def test_a_payment_by_hand_marks_the_promise_kept(page, pane_url):
    start_call(page, pane_url, "DEMO-3")
    say(page, "Ik betaal vandaag 500 euro.")
    expect(rows(page)).to_have_count(1)
    expect(rows(page).first.locator(".agreement-date")).to_have_value("2026-11-23")

    page.locator("#payment-amount").fill("veel")
    page.locator("#payment-amount").press("Enter")
    expect(page.locator("#payment-alert")).to_contain_text("veel")
    expect(page.locator("#payment-amount")).to_be_focused()

    page.locator("#payment-amount").fill("500,00")
    page.locator("#payment-reference").fill("F2026-0112 <b>betaald</b>")
    page.locator("#payment-reference").press("Enter")
    expect(page.locator("#payment-done")).to_have_text(
        "Betaling van € 500,00 op maandag 23 november 2026 geregistreerd.")
    expect(page.locator("#payment-alert")).to_be_hidden()
    kept = page.locator('#payment-promises li[data-status="kept"]')
    expect(kept).to_have_count(1)
    expect(kept).to_contain_text("€ 500,00 uiterlijk maandag 23 november 2026: nagekomen")
    expect(rows(page).first.locator(".status-chip")).to_have_text("nagekomen")
    expect(page.locator("#payment-amount")).to_have_value("")  # the form is ready for the next


def test_the_vandaag_tab_lists_follow_ups_by_kind_and_opens_the_case(page, pane_url, api):
    call = api.post(f"{pane_url}calls", json={"case_id": "DEMO-2"}, timeout=30)
    assert call.status_code == 201, call.text
    ended = api.post(f"{pane_url}calls/{call.json()['call_id']}/end", timeout=30)
    assert ended.status_code == 200, ended.text  # nothing agreed: call again in 2 business days

    page.goto(pane_url)
    expect(page.locator("body")).to_have_attribute("data-ready", "true")
    page.locator("#tab-call").focus()
    page.keyboard.press("ArrowRight")
    expect(page.locator("#today")).to_be_visible()
    expect(page.locator("#tab-today")).to_have_attribute("aria-selected", "true")
    expect(page.locator("#call-bar")).to_be_hidden()
    expect(page.locator("#today-date")).to_have_value("2026-11-23")  # the server's today

    page.locator("#today-date").fill("2026-11-25")
    page.locator("#today-date").press("Enter")
    group = page.locator('.followup-group[data-kind="call_again"]')
    item = group.locator('.followup-open[data-case-id="DEMO-2"]')
    expect(item).to_have_count(1)
    expect(group.locator("h3")).to_contain_text("Opnieuw bellen")
    assert item.locator(".followup-text").inner_text().strip()
    screenshot(page, "7-vandaag")

    page.locator("#today-date").fill("2026-11-24")
    page.locator("#today-date").press("Enter")
    expect(page.locator('.followup-open[data-case-id="DEMO-2"]')).to_have_count(0)  # not due yet
    page.locator("#today-date").fill("2026-11-26")
    page.locator("#today-date").press("Enter")
    overdue = page.locator('.followup-open[data-case-id="DEMO-2"]')
    expect(overdue.locator(".followup-since")).to_have_text("sinds woensdag 25 november 2026")

    overdue.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#view-call")).to_be_visible()
    expect(page.locator("#brief-heading")).to_contain_text("DEMO-2")
    expect(page.locator("#tab-call")).to_have_attribute("aria-selected", "true")
    expect(page.locator("#said")).to_be_focused()
