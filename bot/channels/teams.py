"""Microsoft Teams through Rasa's Bot Framework connector, with the checks it lacks.

Rasa 3.6's BotFrameworkInput downloads Microsoft's signing keys synchronously when the
server starts (so Rasa does not start offline), checks only signature and audience (not the
issuer, not the `serviceurl` claim, with the algorithm taken from the token itself), uses
blocking HTTP calls inside the event loop, fetches its outgoing token for multi-tenant bots
only, and keys the conversation on the user. This subclass:
- validates every activity's Bearer JWT: RS256 signature with a key from the OpenID
  metadata's JWKS (fetched on first use, kept for a day, refreshed for an unknown key id),
  issuer https://api.botframework.com, audience = the app id, expiry with five minutes
  clock skew, `serviceurl` claim = the activity's serviceUrl, and the key's endorsement
  of the channel; anything else gets 401;
- takes the OpenID metadata URL and the login URL for the bot's own token from the
  credentials or the environment (tests point both at a local server), with a tenant id
  for single-tenant bots;
- answers in a background task, in the activity's conversation (sender id
  "teams:<conversation id>": each Teams thread or chat is its own call), with Adaptive
  Cards (render_teams).
"""
from __future__ import annotations

import asyncio
import html
import json
import logging
import os
import time
from collections.abc import Awaitable, Callable
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import aiohttp
import jwt
import yarl
from rasa.core.channels.botframework import BEARER_REGEX, BotFramework, BotFrameworkInput
from rasa.core.channels.channel import UserMessage
from rasa.shared.exceptions import InvalidConfigException
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels import render_teams
from bot.channels.chat_commands import answer, interpret, is_stored_case
from bot.scale.seen import recently_seen

logger = logging.getLogger(__name__)

OPENID_METADATA_URL = "https://login.botframework.com/v1/.well-known/openidconfiguration"
LOGIN_URL = "https://login.microsoftonline.com"
ISSUER = "https://api.botframework.com"
SCOPE = "https://api.botframework.com/.default"
CLOCK_SKEW = 300
KEYS_MAX_AGE = 24 * 3600
KEYS_MIN_REFRESH = 300
HTTP_TIMEOUT = aiohttp.ClientTimeout(total=15)


class AuthError(Exception):
    """The request does not come from the Bot Connector for this bot."""


async def _get_json(session: aiohttp.ClientSession, url: str) -> Any:
    async with session.get(url) as reply:
        reply.raise_for_status()
        return await reply.json(content_type=None)


class SigningKeys:
    """The Bot Connector's public keys (JWKS), found through its OpenID metadata. Kept for
    a day; an unknown key id fetches them again (Microsoft rotates keys), at most every
    five minutes so forged key ids cannot flood the metadata server."""

    def __init__(self, metadata_url: str):
        self.metadata_url = metadata_url
        self._keys: dict[str, dict] = {}
        self._fetched = float("-inf")
        self._lock = asyncio.Lock()

    async def get(self, key_id: str | None) -> dict:
        async with self._lock:
            age = time.monotonic() - self._fetched
            if age > KEYS_MAX_AGE or (key_id not in self._keys and age > KEYS_MIN_REFRESH):
                await self._fetch()
        if key_id not in self._keys:
            raise AuthError(f"unknown signing key {key_id!r}")
        return self._keys[key_id]

    async def _fetch(self) -> None:
        try:
            async with aiohttp.ClientSession(timeout=HTTP_TIMEOUT) as session:
                metadata = await _get_json(session, self.metadata_url)
                jwks = await _get_json(session, metadata["jwks_uri"])
            self._keys = {key["kid"]: key for key in jwks["keys"] if "kid" in key}
            self._fetched = time.monotonic()
        except (TimeoutError, aiohttp.ClientError, KeyError, TypeError, ValueError):
            logger.exception("Could not fetch Bot Framework signing keys via %s",
                             self.metadata_url)


class ConnectorToken:
    """The bot's own access token for the Bot Connector (client credentials from Azure AD,
    from the bot's tenant for single-tenant bots), reused until shortly before it expires."""

    def __init__(self, app_id: str, app_password: str, tenant_id: str | None, login_url: str):
        self.app_id, self.app_password = app_id, app_password
        self.url = f"{login_url.rstrip('/')}/{tenant_id or 'botframework.com'}/oauth2/v2.0/token"
        self._token = ""
        self._renew_at = float("-inf")
        self._lock = asyncio.Lock()

    async def get(self) -> str:
        async with self._lock:
            if time.monotonic() >= self._renew_at:
                form = {"grant_type": "client_credentials", "client_id": self.app_id,
                        "client_secret": self.app_password, "scope": SCOPE}
                async with aiohttp.ClientSession(timeout=HTTP_TIMEOUT) as session:
                    async with session.post(self.url, data=form) as reply:
                        reply.raise_for_status()
                        data = await reply.json(content_type=None)
                self._token = data["access_token"]
                self._renew_at = time.monotonic() + int(data.get("expires_in", 3600)) - 300
            return self._token


def message_text(activity: dict[str, Any]) -> str:
    """What the colleague typed, without the @-mention of the coach Teams puts in front."""
    text = activity.get("text") or ""
    bot_id = (activity.get("recipient") or {}).get("id")
    for entity in activity.get("entities") or []:
        if (isinstance(entity, dict) and entity.get("type") == "mention"
                and (entity.get("mentioned") or {}).get("id") == bot_id and entity.get("text")):
            text = text.replace(entity["text"], " ")
    return " ".join(html.unescape(text).split())


class CoachTeamsBot(BotFramework):
    """Replies in the activity's conversation with Adaptive Cards; counts what it sent."""

    def __init__(self, token: ConnectorToken, activity: dict[str, Any]) -> None:
        super().__init__(token.app_id, token.app_password, activity["conversation"],
                         activity.get("recipient") or {}, activity["serviceUrl"])
        self.token = token
        self.user_id = (activity.get("from") or {}).get("id", "")
        self.reply_to = activity.get("id")
        self.sent = 0

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        for fields in render_teams.render(message.get("custom"), message.get("text") or ""):
            activity = self.prepare_message(self.user_id or recipient_id, fields)
            if self.reply_to:
                activity["replyToId"] = self.reply_to
            await self.send(activity)

    async def send(self, message_data: dict[str, Any]) -> None:
        # encoded=True keeps ":", "@" and ";" of a Teams conversation id quoted, as the Bot
        # Framework SDKs send them; aiohttp would otherwise unquote them
        url = yarl.URL(f"{self.global_uri}conversations/"
                       f"{quote(self.conversation['id'], safe='')}/activities", encoded=True)
        try:
            headers = {"Authorization": f"Bearer {await self.token.get()}"}
            async with aiohttp.ClientSession(timeout=HTTP_TIMEOUT) as session:
                async with session.post(url, json=message_data, headers=headers) as reply:
                    if reply.status >= 300:
                        logger.error("Bot Connector refused a reply (%s): %s", reply.status,
                                     await reply.text())
                        return
        except (TimeoutError, aiohttp.ClientError, KeyError, ValueError):
            logger.exception("Sending a reply to the Bot Connector failed")
            return
        self.sent += 1


class CoachTeamsInput(BotFrameworkInput):
    @classmethod
    def name(cls) -> str:
        return "botframework"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> CoachTeamsInput:
        if not credentials:
            cls.raise_missing_credentials_exception()
        assert credentials  # the call above raises; Rasa has no type hints to say so

        def setting(key: str, env: str) -> str | None:
            return credentials.get(key) or os.environ.get(env)

        return cls(credentials.get("app_id") or "", credentials.get("app_password") or "",
                   tenant_id=setting("tenant_id", "TEAMS_TENANT_ID"),
                   openid_metadata_url=(setting("openid_metadata_url", "TEAMS_OPENID_METADATA_URL")
                                        or OPENID_METADATA_URL),
                   login_url=setting("login_url", "TEAMS_LOGIN_URL") or LOGIN_URL)

    def __init__(self, app_id: str, app_password: str, tenant_id: str | None = None,
                 openid_metadata_url: str = OPENID_METADATA_URL,
                 login_url: str = LOGIN_URL) -> None:
        # Deliberately not BotFrameworkInput.__init__: it downloads the keys at start-up.
        if not app_id or not app_password:
            raise InvalidConfigException("Teams: app_id and app_password of the Azure Bot are "
                                         "missing.")
        self.app_id, self.app_password = app_id, app_password
        self.keys = SigningKeys(openid_metadata_url)
        self.token = ConnectorToken(app_id, app_password, tenant_id, login_url)
        self._background_tasks: set[asyncio.Task] = set()
        self.seen = recently_seen("teams")

    async def authenticate(self, authorization: str | None) -> tuple[dict, dict]:
        """The claims of a valid Bot Connector token for this bot, and its signing key."""
        match = BEARER_REGEX.match(authorization or "")
        if not match:
            raise AuthError("no Bearer token")
        token = match.group(1).strip()
        try:
            key = await self.keys.get(jwt.get_unverified_header(token).get("kid"))
            claims = jwt.decode(token, jwt.PyJWK(key).key, algorithms=["RS256"],
                                audience=self.app_id, issuer=ISSUER, leeway=CLOCK_SKEW,
                                options={"require": ["exp", "iss", "aud"]})
        except jwt.PyJWTError as err:
            raise AuthError(str(err)) from err
        return claims, key

    async def _answer(self, on_new_message: Callable[[UserMessage], Awaitable[Any]],
                      activity: dict[str, Any]) -> None:
        sender_id = f"teams:{activity['conversation']['id']}"
        try:
            output = CoachTeamsBot(self.token, activity)
            metadata = self.add_attachments_to_metadata(
                activity, {"user": output.user_id, "activity_id": activity.get("id")})

            async def deliver(text: str) -> None:
                await on_new_message(UserMessage(text, output, sender_id,
                                                 input_channel=self.name(), metadata=metadata))

            await answer(interpret(message_text(activity), is_stored_case), output, sender_id,
                         deliver)
        except Exception:  # noqa: BLE001 - a background task has no caller to raise to
            logger.exception("Answering Teams message in %s failed", sender_id)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        botframework_webhook = Blueprint("botframework_webhook", __name__)

        @botframework_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @botframework_webhook.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            try:
                claims, key = await self.authenticate(request.headers.get("Authorization"))
            except AuthError as err:
                logger.warning("Rejected a Bot Framework request: %s", err)
                return response.text("Unauthorized.", status=HTTPStatus.UNAUTHORIZED)
            try:
                activity = json.loads(request.body)
            except ValueError:
                activity = None
            if not isinstance(activity, dict):
                return response.text("Expected a JSON activity.", status=HTTPStatus.BAD_REQUEST)
            endorsed = key.get("endorsements")
            if (not activity.get("serviceUrl") or claims.get("serviceurl") != activity["serviceUrl"]
                    or (endorsed is not None and activity.get("channelId") not in endorsed)):
                logger.warning("Rejected a Bot Framework activity: serviceUrl or channel does "
                               "not match the token")
                return response.text("Unauthorized.", status=HTTPStatus.UNAUTHORIZED)
            if activity.get("type") != "message":
                return response.text("")  # conversationUpdate, typing, …: nothing to answer
            if not isinstance(activity.get("conversation"), dict) or not activity[
                    "conversation"].get("id"):
                return response.text("No conversation.", status=HTTPStatus.BAD_REQUEST)
            if activity.get("id") and not await self.seen.first_time(
                    f"{activity['conversation']['id']}:{activity['id']}"):
                logger.info("Bot Framework delivered activity %s again; answered already",
                            activity["id"])
                return response.text("")
            task = asyncio.create_task(self._answer(on_new_message, activity))
            self._background_tasks.add(task)
            task.add_done_callback(self._background_tasks.discard)
            return response.text("")

        return botframework_webhook
