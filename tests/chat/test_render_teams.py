"""Adaptive Cards from the coach's payloads: same content, schema 1.4, under Teams' size limit."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from bot.channels import render_teams
from bot.channels.chat_commands import case_list_message, help_message
from bot.coach.formatting import short_date
from bot.coach.money import format_euro
from tests.chat.payloads import call_payloads


@pytest.fixture
def payloads() -> dict[str, dict]:
    return call_payloads()


def cards(messages: list[dict]) -> list[dict]:
    found = []
    for message in messages:
        [attachment] = message["attachments"]
        assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
        card = attachment["content"]
        assert card["type"] == "AdaptiveCard" and card["version"] == "1.4"
        assert len(json.dumps(message, ensure_ascii=False).encode()) <= 28_000
        found.append(card)
    return found


def elements(items: list[dict]) -> list[dict]:
    flat = []
    for item in items:
        flat.append(item)
        flat += elements(item.get("items", []))
    return flat


def words(messages: list[dict]) -> list[str]:
    shown = []
    for card in cards(messages):
        for element in elements(card["body"]):
            if element["type"] == "TextBlock":
                shown.append(element["text"])
            elif element["type"] == "FactSet":
                shown += [f"{f['title']}: {f['value']}" for f in element["facts"]]
    return shown


def test_advice_card_has_everything_in_the_payload(payloads):
    advice = payloads["advice"]
    messages = render_teams.render(advice)
    shown = words(messages)
    assert shown[:2] == ["Vraagt om een betalingsregeling",
                         f"Zekerheid 91% · herkend: {format_euro(1250.5)}, "
                         f"{short_date(dt.date(2026, 11, 27))}, "
                         f"{short_date(dt.date(2026, 12, 15))}"]
    assert f"“{advice['say']}”" in shown
    for line in advice["probing_questions"] + advice["avoid"]:
        assert f"• {line}" in shown
    for give_get in advice["concessions"]:
        assert f"• geef: {give_get['give']} → vraag terug: {give_get['get']}" in shown
    assert advice["next_step"] in shown
    [card] = cards(messages)
    assert all(text in card["fallbackText"] for text in shown)
    assert messages[0]["summary"] == "Vraagt om een betalingsregeling"


def test_proposals_show_dates_and_amounts_as_facts(payloads):
    shown = words(render_teams.render(payloads["advice"]))
    for number, proposal in enumerate(payloads["advice"]["proposals"], start=1):
        assert f"{number}. {proposal['text']}" in shown
        for part in proposal.get("installments") or []:
            day = short_date(dt.date.fromisoformat(part["date"]))
            assert f"{day}: {format_euro(part['amount'])}" in shown
        if not proposal.get("installments"):
            assert f"Bedrag: {format_euro(proposal['amount'])}" in shown


def test_brief_card_keeps_case_data_as_typed(payloads):
    shown = words(render_teams.render(payloads["brief"]))
    assert shown[0] == "Dossier DEMO-3 — Transportbedrijf Hoekstra & Zn. B.V."
    assert all(f"• {fact}" in shown for fact in payloads["brief"]["facts"])


def test_summary_card_shows_the_email_in_monospace_line_by_line(payloads):
    email = payloads["summary"]["email"]
    [card] = cards(render_teams.render(payloads["summary"]))
    monospace = [e["text"] for e in elements(card["body"]) if e.get("fontType") == "Monospace"]
    assert monospace[0] == email["subject"]
    assert [line if line.strip() else "" for line in monospace[1:]] == email["body"].split("\n")


def test_a_huge_payload_is_split_into_cards_under_the_size_limit():
    questions = [f"Vraag {i}: " + "waarom is de betaling nog niet binnen? " * 8 for i in range(200)]
    advice = {"type": "advice", "label": "Veel vragen", "confidence": 0.5, "say": "z" * 6000,
              "probing_questions": questions, "proposals": [], "next_step": "Bel terug."}
    messages = render_teams.render(advice)
    assert len(messages) >= 2
    shown = words(messages)  # checks every message against the limit
    assert all(f"• {question}" in shown for question in questions)
    assert "".join(shown).count("z") >= 6000


def test_case_list_help_and_notices():
    rows = [("DEMO-1", "Bloemisterij De Vries", "mevrouw De Vries")]
    assert "DEMO-1: Bloemisterij De Vries (mevrouw De Vries)" in words(
        render_teams.render(case_list_message("vries", rows)["custom"]))
    assert "samenvatting of einde: rondt het gesprek af met samenvatting, conceptmail en " \
           "opvolging" in words(render_teams.render(help_message()["custom"]))
    error = {"type": "error", "code": "unknown_case", "message": "Dossier 'X' ken ik niet."}
    assert words(render_teams.render(error)) == ["⚠️ Dossier 'X' ken ik niet."]
    assert words(render_teams.render(None, "Gewone tekst")) == ["Gewone tekst"]
