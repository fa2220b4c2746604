"""Slack end to end: signed Events API requests to Rasa's webhook, Block Kit posted to a
local fake Slack Web API. Rejections are checked with a later good message in the same
thread: Rasa handles one conversation in order, so a wrongly accepted message would have
been answered first."""
from __future__ import annotations

import itertools
import json
import time
import uuid

import pytest
import requests

from bot.channels.render_slack import block_text
from tests.chat.conftest import Chat
from tests.chat.fakes import Recorded
from tests.chat.slack_events import BOT_USER, envelope, signature

pytestmark = pytest.mark.slow

_sequence = itertools.count(1)


def new_ts() -> str:
    return f"{int(time.time())}.{next(_sequence):06d}"


def new_channel(prefix: str = "C") -> str:
    return prefix + uuid.uuid4().hex[:10].upper()


def send(chat: Chat, payload: dict | bytes, *, timestamp: int | None = None,
         secret: str | None = None, headers: dict | None = None) -> requests.Response:
    """A correctly signed request (unless told otherwise) to the Slack webhook."""
    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    return requests.post(chat.slack_url, data=body, timeout=10, headers={
        "Content-Type": "application/json", "X-Slack-Request-Timestamp": stamp,
        "X-Slack-Signature": signature(secret or chat.signing_secret, stamp, body),
        **(headers or {})})


def in_thread(channel: str, thread_ts: str):
    return lambda r: r.body["channel"] == channel and r.body.get("thread_ts") == thread_ts


def headers(post: Recorded) -> list[str]:
    return [b["text"]["text"] for b in post.body["blocks"] if b["type"] == "header"]


def words(post: Recorded) -> str:
    """The post's text, with Babel's no-break space (€ 2.450,00) as a plain space."""
    return "\n".join(block_text(b) for b in post.body["blocks"]).replace("\xa0", " ")


def answers(chat: Chat, channel: str, thread_ts: str, count: int = 1) -> list[Recorded]:
    return chat.fake.wait_for("slack", in_thread(channel, thread_ts), count=count)


def test_a_call_in_its_own_thread_from_brief_to_summary(chat):
    channel, root = new_channel(), new_ts()
    response = send(chat, envelope(f"<@{BOT_USER}> DEMO-1", channel, root))
    assert response.status_code == 200

    brief = answers(chat, channel, root)[0]
    assert headers(brief) == ["Dossier DEMO-1 — Bloemisterij De Vries"]
    assert "*Openingszin:*" in words(brief) and "mevrouw De Vries" in words(brief)
    assert brief.headers["authorization"] == f"Bearer {chat.bot_token}"
    assert brief.body["text"].strip() and "as_user" not in brief.body

    # a colleague types the debtor's words in the thread, without mentioning the coach
    send(chat, envelope("Ik heb die factuur nooit gehad hoor.", channel, new_ts(), kind="message",
                        channel_type="channel", thread_ts=root))
    advice = answers(chat, channel, root, count=2)[1]
    assert headers(advice) == ["Factuur niet ontvangen"]
    proposals = [line for line in words(advice).split("\n") if line.startswith("*1.*")]
    assert proposals and "€ 2.450,00 uiterlijk maandag 30 november 2026" in proposals[0]
    assert "*Vraag door:*" in words(advice) and "*Volgende stap:*" in words(advice)

    send(chat, envelope("debiteur zegt: oké, ik maak vrijdag 1.250,50 euro over", channel,
                        new_ts(), kind="message", channel_type="channel", thread_ts=root))
    promise = words(answers(chat, channel, root, count=3)[2])
    assert "Afspraken tot nu toe: € 1.250,50 uiterlijk 27 november 2026" in promise

    send(chat, envelope("samenvatting", channel, new_ts(), kind="message",
                        channel_type="channel", thread_ts=root))
    summary = answers(chat, channel, root, count=4)[3]
    assert headers(summary) == ["Samenvatting van het gesprek"]
    code = [b["text"]["text"].replace("\xa0", " ") for b in summary.body["blocks"]
            if b["type"] == "section" and b["text"]["text"].startswith("```")]
    assert any(c.startswith("```Geachte mevrouw De Vries,") and "1.250,50" in c for c in code)


def test_two_colleagues_work_two_cases_at_once_in_separate_threads(chat):
    channel, first, second = new_channel(), new_ts(), new_ts()
    send(chat, envelope(f"<@{BOT_USER}> dossier DEMO-1", channel, first, user="UANNA"))
    send(chat, envelope(f"<@{BOT_USER}> ik bel nu DEMO-2", channel, second, user="UBERT"))
    assert headers(answers(chat, channel, first)[0]) == ["Dossier DEMO-1 — Bloemisterij De Vries"]
    assert headers(answers(chat, channel, second)[0])[0].startswith("Dossier DEMO-2 — ")

    for thread in (second, first):
        send(chat, envelope("Ik heb die factuur nooit ontvangen.", channel, new_ts(),
                            kind="message", channel_type="channel", thread_ts=thread))
    advice_first = words(answers(chat, channel, first, count=2)[1])
    advice_second = words(answers(chat, channel, second, count=2)[1])
    assert "€ 2.450,00" in advice_first and "€ 18.015,75" not in advice_first
    assert "€ 18.015,75" in advice_second and "€ 2.450,00" not in advice_second


def test_channel_chatter_edits_and_bot_posts_get_no_answer(chat):
    channel, root = new_channel(), new_ts()
    quiet = [
        envelope("Wie belt er vandaag met DEMO-1?", channel, new_ts(), kind="message",
                 channel_type="channel"),                      # top level, no mention
        envelope("Ik heb die factuur nooit gehad.", channel, new_ts(), kind="message",
                 channel_type="channel", thread_ts=root),      # a thread without a call
        envelope("DEMO-1", channel, new_ts(), bot_id="B0OTHER"),  # another bot
        envelope(f"<@{BOT_USER}> DEMO-1", channel, new_ts(), kind="message",
                 channel_type="channel", subtype="message_changed"),
    ]
    for payload in quiet:
        assert send(chat, payload).status_code == 200
    send(chat, envelope(f"<@{BOT_USER}> DEMO-3", channel, root))
    posts = answers(chat, channel, root)
    assert [headers(p)[0] for p in posts] == [
        "Dossier DEMO-3 — Transportbedrijf Hoekstra & Zn. B.V."]
    assert chat.fake.matching("slack", lambda r: r.body["channel"] == channel) == posts


def test_in_a_call_thread_a_message_to_a_colleague_is_not_for_the_coach(chat):
    channel, root = new_channel(), new_ts()
    send(chat, envelope(f"<@{BOT_USER}> DEMO-1", channel, root))
    answers(chat, channel, root)
    send(chat, envelope("<@UPIET> kun jij dit overnemen?", channel, new_ts(), kind="message",
                        channel_type="channel", thread_ts=root))
    send(chat, envelope("samenvatting", channel, new_ts(), kind="message",
                        channel_type="channel", thread_ts=root))
    posts = answers(chat, channel, root, count=2)
    assert headers(posts[1]) == ["Samenvatting van het gesprek"]


def test_a_direct_message_delivered_as_message_and_app_mention_is_answered_once(chat):
    channel, ts = new_channel("D"), new_ts()
    text = f"<@{BOT_USER}> DEMO-1"
    as_message = envelope(text, channel, ts, kind="message", channel_type="im")
    assert send(chat, as_message).status_code == 200
    assert send(chat, envelope(text, channel, ts)).status_code == 200
    send(chat, envelope("einde", channel, new_ts(), kind="message", channel_type="im",
                        thread_ts=ts))
    posts = answers(chat, channel, ts, count=2)
    assert [headers(p)[0] for p in posts] == ["Dossier DEMO-1 — Bloemisterij De Vries",
                                              "Samenvatting van het gesprek"]


def test_slack_retries_never_give_a_second_answer(chat):
    channel, root = new_channel(), new_ts()
    first = envelope(f"<@{BOT_USER}> DEMO-1", channel, root)
    assert send(chat, first).status_code == 200
    answers(chat, channel, root)
    for number, reason in ((1, "http_error"), (2, "http_timeout"), (3, "connection_failed")):
        retry = send(chat, first, headers={"X-Slack-Retry-Num": str(number),
                                           "X-Slack-Retry-Reason": reason})
        assert retry.status_code == 200
    send(chat, envelope("einde", channel, new_ts(), kind="message", channel_type="channel",
                        thread_ts=root))
    posts = answers(chat, channel, root, count=2)
    assert [headers(p)[0] for p in posts] == ["Dossier DEMO-1 — Bloemisterij De Vries",
                                              "Samenvatting van het gesprek"]
    assert len(chat.fake.matching("slack", in_thread(channel, root))) == 2


@pytest.mark.parametrize("tamper", ["wrong secret", "no signature", "changed body"])
def test_a_request_without_a_valid_signature_is_rejected(chat, tamper):
    channel, root = new_channel(), new_ts()
    body = json.dumps(envelope(f"<@{BOT_USER}> DEMO-1", channel, root)).encode()
    stamp = str(int(time.time()))
    secret = "not-the-signing-secret" if tamper == "wrong secret" else chat.signing_secret
    headers_ = {"Content-Type": "application/json", "X-Slack-Request-Timestamp": stamp,
                "X-Slack-Signature": signature(secret, stamp, body)}
    if tamper == "no signature":
        del headers_["X-Slack-Signature"]
    if tamper == "changed body":
        body = body.replace(b"DEMO-1", b"DEMO-7")
    response = requests.post(chat.slack_url, data=body, headers=headers_, timeout=10)
    assert response.status_code == 401

    send(chat, envelope(f"<@{BOT_USER}> DEMO-2", channel, new_ts(), thread_ts=root))
    posts = answers(chat, channel, root)
    assert [headers(p)[0][:14] for p in posts] == ["Dossier DEMO-2"]


@pytest.mark.parametrize("age", [301, 3600, -301])
def test_a_timestamp_more_than_five_minutes_off_is_rejected(chat, age):
    channel, root = new_channel(), new_ts()
    stale = send(chat, envelope(f"<@{BOT_USER}> DEMO-1", channel, root),
                 timestamp=int(time.time()) - age)
    assert stale.status_code == 401
    send(chat, envelope(f"<@{BOT_USER}> DEMO-2", channel, new_ts(), thread_ts=root))
    assert [headers(p)[0][:14] for p in answers(chat, channel, root)] == ["Dossier DEMO-2"]


def test_a_timestamp_within_five_minutes_is_accepted(chat):
    channel, root = new_channel(), new_ts()
    response = send(chat, envelope(f"<@{BOT_USER}> DEMO-1", channel, root),
                    timestamp=int(time.time()) - 240)
    assert response.status_code == 200
    assert headers(answers(chat, channel, root)[0]) == ["Dossier DEMO-1 — Bloemisterij De Vries"]


@pytest.mark.parametrize("body", [b"{not json", b"[]", b'"DEMO-1"', b"",
                                  b'{"type": "event_callback"}',
                                  b'{"type": "event_callback", "event": "DEMO-1"}',
                                  b'{"type": "url_verification"}'])
def test_malformed_payloads_get_400(chat, body):
    assert send(chat, body).status_code == 400


def test_url_verification_answers_the_challenge_only_when_signed(chat):
    challenge = {"token": "unused", "type": "url_verification",
                 "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"}
    response = send(chat, challenge)
    assert response.status_code == 200
    assert response.json() == {"challenge": challenge["challenge"]}
    assert send(chat, challenge, secret="wrong").status_code == 401


def test_the_webhook_answers_before_the_advice_is_posted(chat):
    channel, root = new_channel(), new_ts()
    chat.fake.slack_gate.clear()  # the fake Slack API holds every chat.postMessage back
    try:
        response = send(chat, envelope(f"<@{BOT_USER}> DEMO-1", channel, root))
        assert response.status_code == 200
        assert chat.fake.matching("slack", in_thread(channel, root)) == []
    finally:
        chat.fake.slack_gate.set()
    assert headers(answers(chat, channel, root)[0]) == ["Dossier DEMO-1 — Bloemisterij De Vries"]


def test_help_and_case_search_answer_in_the_thread(chat):
    channel, first, second = new_channel(), new_ts(), new_ts()
    send(chat, envelope(f"<@{BOT_USER}>", channel, first))
    assert "*Zo werkt de Incassocoach:*" in words(answers(chat, channel, first)[0])
    send(chat, envelope(f"<@{BOT_USER}> dossiers hoekstra", channel, second))
    found = words(answers(chat, channel, second)[0])
    assert "*DEMO-3* — Transportbedrijf Hoekstra &amp; Zn. B.V." in found
    assert "DEMO-1" not in found
