"""Teams end to end: Bot Framework activities signed with a test key that a local OpenID/JWKS
server publishes; replies (Adaptive Cards) arrive at a local fake Bot Connector. A rejected
activity is followed by a good one in the same conversation: Rasa handles a conversation in
order, so a wrongly accepted activity would have been answered first."""
from __future__ import annotations

import datetime as dt
import json
import time
import urllib.parse
import uuid

import jwt
import pytest
import requests

from bot.channels.render_teams import CARD_TYPE
from tests.chat.conftest import Chat, new_key
from tests.chat.fakes import CONNECTOR_TOKEN, ISSUER, Recorded

pytestmark = pytest.mark.slow

BOT = {"id": "28:coach-bot", "name": "Incassocoach"}


def token(chat: Chat, *, key=None, key_id: str | None = None, algorithm: str = "RS256",
          **claims) -> str:
    now = int(time.time())
    payload = {"iss": ISSUER, "aud": chat.app_id, "nbf": now - 10, "iat": now - 10,
               "exp": now + 3600, "serviceurl": chat.fake.service_url, **claims}
    payload = {k: v for k, v in payload.items() if v is not None}
    return jwt.encode(payload, key or chat.key, algorithm=algorithm,
                      headers={"kid": key_id or chat.key_id})


def activity(text: str, conversation: str, *, mention: bool = True,
             conversation_type: str = "channel", **fields) -> dict:
    at = f"<at>{BOT['name']}</at>"
    return {"type": "message", "id": f"act-{uuid.uuid4().hex[:8]}", "channelId": "msteams",
            "timestamp": dt.datetime.now(dt.UTC).isoformat(),
            "from": {"id": "29:colleague", "name": "Anna"}, "recipient": BOT,
            "conversation": {"id": conversation, "conversationType": conversation_type},
            "text": f"{at} {text}" if mention else text,
            "entities": [{"type": "mention", "text": at, "mentioned": BOT}] if mention else [],
            **fields}


def new_conversation() -> str:
    return f"19:{uuid.uuid4().hex}@thread.tacv2;messageid={int(time.time() * 1000)}"


def post(chat: Chat, body: dict | bytes, bearer: str | None) -> requests.Response:
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    headers = {"Content-Type": "application/json"}
    if bearer is not None:
        headers["Authorization"] = bearer
    return requests.post(chat.teams_url, data=data, headers=headers, timeout=10)


def send(chat: Chat, body: dict) -> requests.Response:
    body.setdefault("serviceUrl", chat.fake.service_url)
    return post(chat, body, f"Bearer {token(chat)}")


def in_conversation(conversation: str):
    path = f"/connector/v3/conversations/{urllib.parse.quote(conversation, safe='')}/activities"
    return lambda r: r.path == path


def replies(chat: Chat, conversation: str, count: int = 1) -> list[Recorded]:
    return chat.fake.wait_for("teams", in_conversation(conversation), count=count)


def card(reply: Recorded) -> dict:
    [attachment] = reply.body["attachments"]
    assert attachment["contentType"] == CARD_TYPE
    return attachment["content"]


def texts(element: dict) -> list[str]:
    """Every text in a card, facts as "title: value"."""
    if element.get("type") == "TextBlock":
        return [element["text"].replace("\xa0", " ")]
    if element.get("type") == "FactSet":
        return [f"{f['title']}: {f['value']}".replace("\xa0", " ") for f in element["facts"]]
    found = []
    for child in element.get("body", []) + element.get("items", []):
        found += texts(child)
    return found


def test_a_signed_activity_gets_adaptive_cards_in_its_conversation(chat):
    conversation = new_conversation()
    first = activity("DEMO-1", conversation)
    assert send(chat, first).status_code == 200

    [brief] = replies(chat, conversation)
    assert brief.headers["authorization"] == f"Bearer {CONNECTOR_TOKEN}"
    assert brief.body["type"] == "message" and brief.body["replyToId"] == first["id"]
    assert brief.body["recipient"]["id"] == "29:colleague" and brief.body["from"] == BOT
    content = card(brief)
    assert content["type"] == "AdaptiveCard" and float(content["version"]) <= 1.4
    assert texts(content)[0] == "Dossier DEMO-1 — Bloemisterij De Vries"
    assert "Dossier DEMO-1 — Bloemisterij De Vries" in content["fallbackText"]
    assert len(json.dumps(brief.body).encode()) < 28_000

    [login] = chat.fake.matching("token")[:1]
    assert login.path == f"/login/{chat.tenant_id}/oauth2/v2.0/token"
    assert login.body == {"grant_type": "client_credentials", "client_id": chat.app_id,
                          "client_secret": chat.app_password,
                          "scope": "https://api.botframework.com/.default"}

    send(chat, activity("Ik heb die factuur nooit gehad hoor.", conversation))
    advice = texts(card(replies(chat, conversation, count=2)[1]))
    assert advice[0] == "Factuur niet ontvangen"
    assert "Uiterlijk: 30 november 2026" in advice and "Bedrag: € 2.450,00" in advice

    send(chat, activity("samenvatting", conversation))
    summary = card(replies(chat, conversation, count=3)[2])
    monospace = [t["text"] for c in summary["body"] if c.get("type") == "Container"
                 for t in c["items"] if t.get("fontType") == "Monospace"]
    assert "Geachte mevrouw De Vries," in monospace


def test_a_personal_chat_needs_no_mention(chat):
    conversation = f"a:{uuid.uuid4().hex}"
    send(chat, activity("dossiers vries", conversation, mention=False,
                        conversation_type="personal"))
    assert "DEMO-1: Bloemisterij De Vries (mevrouw De Vries)" in texts(
        card(replies(chat, conversation)[0]))


BAD_TOKENS = {
    "no header": lambda chat: None,
    "not bearer": lambda chat: f"Basic {token(chat)}",
    "not a jwt": lambda chat: "Bearer not.a.jwt",
    "wrong key": lambda chat: f"Bearer {token(chat, key=new_key())}",
    "unknown key id": lambda chat: f"Bearer {token(chat, key=new_key(), key_id='unknown')}",
    "wrong audience": lambda chat: f"Bearer {token(chat, aud=str(uuid.uuid4()))}",
    "wrong issuer": lambda chat: f"Bearer {token(chat, iss='https://sts.example.com/')}",
    "expired": lambda chat: f"Bearer {token(chat, exp=int(time.time()) - 600)}",
    "no expiry": lambda chat: f"Bearer {token(chat, exp=None)}",
    "hs256": lambda chat: f"Bearer {token(chat, key='x' * 32, algorithm='HS256')}",
    "other service url": lambda chat: f"Bearer {token(chat, serviceurl='https://evil.example/')}",
}


@pytest.mark.parametrize("reason", [*BAD_TOKENS, "channel not endorsed by the key"])
def test_an_activity_without_a_valid_bot_framework_token_is_rejected(chat, reason):
    conversation = new_conversation()
    rejected = activity("DEMO-1", conversation, serviceUrl=chat.fake.service_url)
    if reason in BAD_TOKENS:
        bearer = BAD_TOKENS[reason](chat)
    else:
        rejected["channelId"], bearer = "skype", f"Bearer {token(chat)}"
    assert post(chat, rejected, bearer).status_code == 401

    send(chat, activity("DEMO-2", conversation))
    [reply] = replies(chat, conversation)
    assert texts(card(reply))[0].startswith("Dossier DEMO-2 — ")
    assert len(chat.fake.matching("teams", in_conversation(conversation))) == 1


def test_activities_other_than_messages_are_acknowledged_and_not_answered(chat):
    conversation = new_conversation()
    update = activity("", conversation, mention=False, type="conversationUpdate",
                      membersAdded=[BOT])
    assert send(chat, update).status_code == 200
    send(chat, activity("DEMO-1", conversation))
    assert len(replies(chat, conversation)) == 1
    assert len(chat.fake.matching("teams", in_conversation(conversation))) == 1


@pytest.mark.parametrize("body", [b"{not json", b"[]", b'"DEMO-1"', b""])
def test_a_malformed_activity_gets_400(chat, body):
    assert post(chat, body, f"Bearer {token(chat)}").status_code == 400


def test_a_message_without_a_conversation_gets_400(chat):
    body = {"type": "message", "channelId": "msteams", "text": "DEMO-1",
            "serviceUrl": chat.fake.service_url}
    assert send(chat, body).status_code == 400
