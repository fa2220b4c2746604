"""Slack Events API requests as Slack sends them: the envelope of an event and the v0
signature, for the chat tests and the replica check (tests/e2e/scale.py)."""
from __future__ import annotations

import hashlib
import hmac
import time
import uuid

BOT_USER = "UCOACHBOT"


def envelope(text: str, channel: str, ts: str, *, kind: str = "app_mention",
             thread_ts: str | None = None, channel_type: str | None = None,
             user: str = "UCOLLEAGUE1", event_id: str | None = None, **event_fields) -> dict:
    event = {"type": kind, "user": user, "text": text, "ts": ts, "channel": channel,
             "event_ts": ts, **event_fields}
    if thread_ts:
        event["thread_ts"] = thread_ts
    if channel_type:
        event["channel_type"] = channel_type
    return {"token": "unused", "team_id": "T0TEAM", "api_app_id": "A0APP",
            "type": "event_callback", "event_id": event_id or f"Ev{uuid.uuid4().hex[:12]}",
            "event_time": int(time.time()), "event": event,
            "authorizations": [{"team_id": "T0TEAM", "user_id": BOT_USER, "is_bot": True}]}


def signature(secret: str, stamp: str, body: bytes) -> str:
    """Slack's v0 request signature."""
    base = f"v0:{stamp}:".encode() + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
