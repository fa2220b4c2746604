"""Slack: Rasa's Slack connector, made fit for a credit-control team's channels.

Rasa 3.6's SlackInput checks the signature and the five-minute timestamp window
(`is_request_from_slack_authentic`, reused here) and handles messages in a background task.
What it lacks, and this subclass adds:
- a bad signature or stale timestamp gets 401 (Rasa: 400), any malformed body 400 (Rasa:
  500 for JSON that is not an event object);
- each event is answered once: Rasa skips only retries with reason `http_timeout`, so a
  retry for any other reason is answered again, and a message that mentions the bot
  arrives twice (as `message` and as `app_mention`). Accepted events are remembered by
  event id and by channel + message timestamp;
- every call lives in its own thread: the sender id is "slack:<channel>:<thread ts>", so
  colleagues work cases side by side, and in a thread where the coach already has a call
  the debtor's words need no @-mention;
- answers are Block Kit (render_slack), posted to a configurable Web API URL (tests use a
  local fake), without the legacy `as_user` flag that only classic Slack apps may use.
"""
from __future__ import annotations

import asyncio
import json
import logging
import os
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any

import aiohttp
from rasa.core.channels.channel import UserMessage
from rasa.core.channels.slack import SlackBot, SlackInput
from rasa.shared.exceptions import InvalidConfigException
from sanic import Blueprint, Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.channels import render_slack
from bot.channels.chat_commands import answer, interpret, is_stored_case
from bot.scale.seen import recently_seen
from bot.wiring import calls

logger = logging.getLogger(__name__)

SLACK_API_URL = "https://slack.com/api/"
_USER_MENTION = re.compile(r"<@([A-Z0-9]+)(?:\|[^>]*)?>")
_ANSWERED_SUBTYPES = (None, "thread_broadcast")  # not edits, joins, bot posts, …


@dataclass(frozen=True)
class SlackMessage:
    """A user's message for the coach, and where its call lives."""
    channel: str
    thread_ts: str
    text: str
    only_in_call_thread: bool  # a thread reply without @-mention: only if a call runs there
    metadata: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def sender_id(self) -> str:
        return f"slack:{self.channel}:{self.thread_ts}"


class CoachSlackBot(SlackBot):
    """Posts the coach's answers as Block Kit in the call's thread; counts what it sent."""

    def __init__(self, token: str, slack_channel: str, thread_id: str, api_url: str) -> None:
        super().__init__(token, slack_channel, thread_id)
        self.client = AsyncWebClient(token, base_url=api_url)
        self.sent = 0

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        for post in render_slack.render(message.get("custom"), message.get("text") or ""):
            try:
                await self._post_message(self.slack_channel, **post)
            except (TimeoutError, SlackApiError, aiohttp.ClientError):
                logger.exception("Posting to Slack channel %s failed", self.slack_channel)
            else:
                self.sent += 1


class CoachSlackInput(SlackInput):
    @classmethod
    def name(cls) -> str:
        return "slack"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> CoachSlackInput:
        if not credentials:
            cls.raise_missing_credentials_exception()
        assert credentials  # the call above raises; Rasa has no type hints to say so
        return cls(credentials.get("slack_token") or "",
                   credentials.get("slack_signing_secret") or "",
                   credentials.get("slack_api_url") or os.environ.get("SLACK_API_URL")
                   or SLACK_API_URL)

    def __init__(self, slack_token: str, slack_signing_secret: str,
                 api_url: str = SLACK_API_URL) -> None:
        super().__init__(slack_token, slack_signing_secret=slack_signing_secret,
                         slack_retry_reason_header="X-Slack-Retry-Reason",
                         slack_retry_number_header="X-Slack-Retry-Num",
                         use_threads=True, conversation_granularity="thread")
        if not slack_token:
            raise InvalidConfigException("Slack: slack_token (the bot token, xoxb-…) is missing.")
        self.api_url = api_url
        self.seen = recently_seen("slack")

    def get_output_channel(self, channel: str | None = None,
                           thread_id: str | None = None) -> CoachSlackBot:
        return CoachSlackBot(self.slack_token, channel or "", thread_id or "", self.api_url)

    @staticmethod
    def bot_user_id(envelope: dict[str, Any]) -> str | None:
        """The coach's own Slack user, named in every event Slack sends to the app."""
        authorizations = envelope.get("authorizations") or [{}]
        users = envelope.get("authed_users") or [None]
        first = authorizations[0] if isinstance(authorizations[0], dict) else {}
        return first.get("user_id") or users[0]

    def incoming(self, envelope: dict[str, Any]) -> SlackMessage | None:
        """The message for the coach in this event, or None when the coach should stay
        quiet (bot posts, edits, channel chatter, a `message` event that duplicates an
        `app_mention`)."""
        event = envelope["event"]
        bot_user = self.bot_user_id(envelope)
        if (not self._is_user_message(envelope) or event.get("subtype") not in _ANSWERED_SUBTYPES
                or event.get("user") == bot_user):
            return None
        channel, ts, text = event.get("channel"), event.get("ts"), str(event["text"])
        if not channel or not ts:
            return None
        mentioned = set(_USER_MENTION.findall(text))
        if event.get("type") == "app_mention" or event.get("channel_type") == "im":
            only_in_call_thread = False
        elif bot_user in mentioned:
            return None  # Slack sends the same message as an app_mention too
        elif event.get("thread_ts") and not mentioned:  # one naming a colleague is for them
            only_in_call_thread = True
        else:
            return None
        thread_ts = event.get("thread_ts") or ts
        text = self._sanitize_user_message(text, [bot_user] if bot_user else [])
        text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
        return SlackMessage(channel, thread_ts, text, only_in_call_thread,
                            {"out_channel": channel, "thread_id": thread_ts,
                             "users": [bot_user] if bot_user else [],
                             "user": event.get("user"), "event_id": envelope.get("event_id")})

    @staticmethod
    async def _is_call_thread(app: Sanic, message: SlackMessage) -> bool:
        """The thread has a call: its record is written (by the start action, before the
        brief is posted) or Rasa knows the conversation. The record is asked first: Rasa
        saves its tracker only after the whole turn, so a colleague answering the brief at
        once would otherwise be ignored."""
        return (calls().storage.calls.get(message.sender_id) is not None
                or await app.ctx.agent.tracker_store.exists(message.sender_id))

    async def _answer(self, app: Sanic, on_new_message: Callable[[UserMessage], Awaitable[Any]],
                      message: SlackMessage) -> None:
        try:
            if message.only_in_call_thread and not await self._is_call_thread(app, message):
                return
            output = self.get_output_channel(message.channel, message.thread_ts)

            async def deliver(text: str) -> None:
                await on_new_message(UserMessage(text, output, message.sender_id,
                                                 input_channel=self.name(),
                                                 metadata=message.metadata))

            await answer(interpret(message.text, is_stored_case), output, message.sender_id,
                         deliver)
        except Exception:  # noqa: BLE001 - a background task has no caller to raise to
            logger.exception("Answering Slack message in %s failed", message.sender_id)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        slack_webhook = Blueprint("slack_webhook", __name__)

        @slack_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @slack_webhook.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            if not self.is_request_from_slack_authentic(request):
                return response.text("Missing, wrong or stale Slack signature.",
                                     status=HTTPStatus.UNAUTHORIZED)
            try:
                envelope = json.loads(request.body)
            except ValueError:
                envelope = None
            if not isinstance(envelope, dict):
                return response.text("Expected a JSON object.", status=HTTPStatus.BAD_REQUEST)
            if envelope.get("type") == "url_verification":
                if not isinstance(envelope.get("challenge"), str):
                    return response.text("No challenge.", status=HTTPStatus.BAD_REQUEST)
                return response.json({"challenge": envelope["challenge"]})
            if envelope.get("type") != "event_callback":
                return response.text("")  # e.g. app_rate_limited: nothing to answer
            if not isinstance(envelope.get("event"), dict):
                return response.text("Event missing.", status=HTTPStatus.BAD_REQUEST)

            message = self.incoming(envelope)
            if message is None:
                return response.text("")
            event = envelope["event"]
            if not await self.seen.first_time(envelope.get("event_id"),
                                        f"{message.channel}:{event.get('ts')}"):
                logger.info("Slack delivered event %s again (retry %s, %s); answered already",
                            envelope.get("event_id"), request.headers.get(self.retry_num_header),
                            request.headers.get(self.retry_reason_header))
                return response.text("", headers={"X-Slack-No-Retry": "1"})
            # Slack wants an answer within 3 seconds; advice can take longer.
            task = asyncio.create_task(self._answer(request.app, on_new_message, message))
            self._background_tasks.add(task)
            task.add_done_callback(self._background_tasks.discard)
            return response.text("")

        return slack_webhook
