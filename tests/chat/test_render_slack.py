"""Block Kit from the coach's payloads: same content, easy to copy, within Slack's limits."""
from __future__ import annotations

import datetime as dt

import pytest

from bot.channels import render_slack
from bot.channels.chat_commands import case_list_message, help_message
from bot.coach.formatting import short_date
from bot.coach.money import format_euro
from tests.chat.payloads import call_payloads


@pytest.fixture
def payloads() -> dict[str, dict]:
    return call_payloads()


def texts(messages: list[dict]) -> str:
    return "\n".join(render_slack.block_text(b) for m in messages for b in m["blocks"]) \
        .replace("\xa0", " ")


def norm(text: str) -> str:
    """As shown in Slack: escaped, with Babel's no-break spaces as plain spaces."""
    return render_slack.escape(text).replace("\xa0", " ")


def within_limits(messages: list[dict]) -> None:
    for message in messages:
        assert 0 < len(message["blocks"]) <= 50
        assert message["text"].strip() and len(message["text"]) <= 3000
        for block in message["blocks"]:
            limit = 150 if block["type"] == "header" else 3000
            assert len(render_slack.block_text(block)) <= limit


def test_advice_shows_everything_in_the_payload(payloads):
    advice = payloads["advice"]
    messages = render_slack.render(advice, "platte tekst")
    within_limits(messages)
    [message] = messages
    assert message["blocks"][0] == {"type": "header", "text": {
        "type": "plain_text", "text": "Vraagt om een betalingsregeling", "emoji": True}}
    shown = texts(messages)
    assert "zekerheid 91% · herkend: € 1.250,50, 27 november 2026, 15 december 2026" in shown
    assert f">“{advice['say']}”" in shown
    for question in advice["probing_questions"]:
        assert f"• {question}" in shown
    for give_get in advice["concessions"]:
        assert f"• geef: {give_get['give']} → vraag terug: {give_get['get']}" in shown
    for avoid in advice["avoid"]:
        assert f"• {avoid}" in shown
    assert f"*Volgende stap:* {advice['next_step']}" in shown


def test_each_proposal_stands_alone_with_its_dates_and_amounts(payloads):
    proposals = payloads["advice"]["proposals"]
    blocks = render_slack.render(payloads["advice"])[0]["blocks"]
    for number, proposal in enumerate(proposals, start=1):
        [at] = [i for i, b in enumerate(blocks) if b["type"] == "section"
                and b["text"]["text"].startswith(f"*{number}.* ")]
        assert blocks[at]["text"]["text"] == f"*{number}.* {proposal['text']}"
        schedule = render_slack.block_text(blocks[at + 1])
        parts = proposal.get("installments") or [proposal]
        for part in parts:
            assert f"{format_euro(part['amount'])} " in schedule
            assert short_date(dt.date.fromisoformat(part["date"])) in schedule
        assert schedule.count(" · ") == len(parts) - 1


def test_brief_shows_the_case_at_hand(payloads):
    brief = payloads["brief"]
    [message] = render_slack.render(brief)
    assert message["blocks"][0]["text"]["text"] == \
        "Dossier DEMO-3 — Transportbedrijf Hoekstra & Zn. B.V."  # plain_text: shown as typed
    shown = texts([message])
    assert f"*Doel:* {norm(brief['goal'])}" in shown
    assert f">“{norm(brief['opening'])}”" in shown
    for line in brief["facts"] + brief["call_moments"]:
        assert f"• {norm(line)}" in shown


def test_case_data_cannot_become_slack_markup():
    advice = {"type": "advice", "label": "Boos", "confidence": 1, "say": "Rustig <!channel>",
              "probing_questions": ["Klopt <@U123> & co?"],
              "notes": ["<https://evil.example|klik>"]}
    shown = texts(render_slack.render(advice))
    assert "Rustig &lt;!channel&gt;" in shown and "Klopt &lt;@U123&gt; &amp; co?" in shown
    assert "&lt;https://evil.example|klik&gt;" in shown and "<" not in shown


def test_summary_puts_the_email_in_code_blocks_to_copy(payloads):
    email = payloads["summary"]["email"]
    [message] = render_slack.render(payloads["summary"])
    code = [b["text"]["text"] for b in message["blocks"]
            if b["type"] == "section" and b["text"]["text"].startswith("```")]
    assert code == [f"```{render_slack.escape(email['subject'])}```",
                    f"```{render_slack.escape(email['body'])}```"]
    shown = texts([message])
    assert "*Afspraken:*" in shown and "*Opvolging:*" in shown
    for step in payloads["summary"]["follow_up"]:
        assert norm(step["action"]) in shown


def test_a_huge_advice_is_split_over_messages_without_losing_anything():
    questions = [f"Vraag {i}: " + "waarom is de betaling nog niet binnen? " * 5 for i in range(120)]
    advice = {"type": "advice", "label": "L" * 400, "confidence": 0.5, "say": "z" * 7000,
              "probing_questions": questions,
              "proposals": [{"text": f"Voorstel {i}", "date": "2026-11-30", "amount": 10.0 + i}
                            for i in range(40)],
              "concessions": [], "avoid": [], "next_step": "Bel terug."}
    messages = render_slack.render(advice)
    within_limits(messages)
    assert len(messages) >= 2
    shown = texts(messages)
    assert all(question in shown for question in questions)
    assert all(f"*{i + 1}.* Voorstel {i}" in shown for i in range(40))
    assert shown.count("z") >= 7000


def test_a_long_email_stays_copyable_in_several_code_blocks():
    body = "\n".join(f"Regel {i}: afspraak over termijn {i} <zie bijlage>" for i in range(400))
    summary = {"type": "summary", "summary": "Afgesproken.", "agreements": [],
               "email": {"subject": "Bevestiging", "body": body}, "follow_up": []}
    code = [b["text"]["text"] for m in render_slack.render(summary) for b in m["blocks"]
            if b["type"] == "section" and b["text"]["text"].startswith("```")][1:]
    assert len(code) > 1 and all(c.endswith("```") and len(c) <= 3000 for c in code)
    assert "\n".join(c[3:-3] for c in code) == render_slack.escape(body)


def test_case_list_help_and_notices():
    rows = [("DEMO-1", "Bloemisterij De Vries", "mevrouw De Vries")]
    found = texts(render_slack.render(case_list_message("vries", rows)["custom"]))
    assert "• *DEMO-1* — Bloemisterij De Vries (mevrouw De Vries)" in found
    assert "Geen dossiers gevonden met ‘x’." in texts(
        render_slack.render(case_list_message("x", [])["custom"]))
    assert "*samenvatting of einde*" in texts(render_slack.render(help_message()["custom"]))
    error = {"type": "error", "code": "unknown_case", "message": "Dossier 'X' ken ik niet."}
    assert texts(render_slack.render(error)) == "⚠️ Dossier 'X' ken ik niet."


def test_text_without_a_known_payload_is_posted_as_text():
    [message] = render_slack.render(None, "Hallo <iedereen> & welkom")
    assert message["blocks"] == [{"type": "section", "text": {
        "type": "mrkdwn", "text": "Hallo &lt;iedereen&gt; &amp; welkom"}}]


@pytest.mark.parametrize("text,limit", [("a\nbb\nccc\n" * 50, 7), ("x" * 25, 10), ("", 5)])
def test_chunks_respect_the_limit_and_keep_the_text(text, limit):
    pieces = render_slack.chunks(text, limit)
    assert all(len(p) <= limit for p in pieces)
    assert "".join(pieces).replace("\n", "") == text.replace("\n", "")
