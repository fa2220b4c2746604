"""Rasa's REST channel for tools, checked at the door and with an answer even when the
bot itself cannot give one.

Same URL and JSON as the stock channel (POST /webhooks/rest/webhook with
{"sender": …, "message": …}), but:
* the message is text (bot.channels.commands.said), except the two framing commands
  "/end_call" and '/start_call{"case_id": "<id>"}' written exactly so; no other text can
  become a Rasa command;
* limits before any NLU: 2000 characters of text, a 64-character sender, a small body;
  a bad request is a Dutch 4xx {"error": …} and reaches nothing;
* Rasa logs a failing custom action (e.g. the action server is down) and replies with
  nothing; a collector staring at a silent screen mid-call is worse than a clear
  message, so the channel then answers with one.
The input channel is always "rest" (not chosen by the client) and there is no streaming.
Only a logged-in collector or manager, or a tool with an API token of scope "rest", gets
in (bot.channels.auth); a conversation (sender id) belongs to whoever wrote in it first,
so nobody writes into another's call, a pane call included.
"""
from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels import guard
from bot.channels.commands import InputError, framing_command, identifier, said, thousands
from bot.coach.access import OWNER_KEY
from bot.coach.clock import now
from bot.coach.playbook import default_playbook
from bot.wiring import storage

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 32_000  # 2000 characters, even as \u escapes, and some metadata
OTHERS_CONVERSATION = ("Dit gespreksnummer (\"sender\") is al in gebruik door een ander "
                       "account. Kies een eigen nummer.")
EXAMPLE = '{"sender": "gesprek-1", "message": "De boekhouder is op vakantie."}'


def read_message(body: bytes | None) -> tuple[str, str, dict | None]:
    """(sender, text for Rasa, metadata) from a request body; InputError when refused."""
    if body is not None and len(body) > MAX_BODY_BYTES:
        raise InputError(413, f"Het bericht is te groot ({thousands(len(body))} bytes). Stuur "
                              "alleen wat er net gezegd is: maximaal 2.000 tekens.")
    fields = guard.json_object(body, EXAMPLE)
    sender = identifier(fields.get("sender"), "het veld \"sender\" (het gespreksnummer)")
    message = fields.get("message")
    if not isinstance(message, str):
        raise InputError(400, f"Het veld \"message\" ontbreekt of is geen tekst; stuur "
                              f"bijvoorbeeld {EXAMPLE}.")
    metadata = fields.get("metadata")
    if metadata is not None and not isinstance(metadata, dict):
        raise InputError(400, "Het veld \"metadata\" moet een JSON-object zijn.")
    return sender, framing_command(message) or said(message), metadata


class CoachRestInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        rest = Blueprint("custom_webhook_CoachRestInput", __name__)
        guard.install(rest)

        @rest.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @rest.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            try:
                sender, text, metadata = read_message(request.body)
            except InputError as err:
                return response.json({"error": err.message}, status=err.status)
            principal = request.ctx.principal  # bot.channels.auth let only REST users in
            owner = storage().owners.claim(sender, principal.actor, now())
            if not principal.owns(owner):
                return response.json({"error": OTHERS_CONVERSATION}, status=403)
            metadata = {**(metadata or {}), OWNER_KEY: principal.actor}
            if principal.full_name:
                metadata.setdefault("collector", principal.full_name)
            output = CollectingOutputChannel()
            try:
                await on_new_message(UserMessage(text, output, sender, input_channel=self.name(),
                                                 metadata=metadata))
            except Exception:  # noqa: BLE001 - the user gets a message instead of a 500
                logger.exception("Handling a message failed")
            if not output.messages:
                text = default_playbook().messages["service_unavailable"]
                await output.send_text_message(sender, text)
                await output.send_custom_json(sender, {
                    "type": "error", "code": "service_unavailable", "message": text})
            return response.json(output.messages)

        return rest
