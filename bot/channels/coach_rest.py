"""Rasa's REST channel, with an answer even when the bot itself cannot give one.

Rasa logs a failing custom action (e.g. the action server is down) and replies with
nothing; a collector staring at a silent pane mid-call is worse than a clear message.
Same URL and JSON as the stock channel: /webhooks/rest/webhook.
"""
from __future__ import annotations

import logging
from typing import Awaitable, Callable

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint

from bot.coach.playbook import default_playbook

logger = logging.getLogger(__name__)


class CoachRestInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        async def answer_always(message: UserMessage) -> None:
            output = message.output_channel
            before = len(output.messages) if isinstance(output, CollectingOutputChannel) else None
            try:
                await on_new_message(message)
            except Exception:  # noqa: BLE001 - the user gets a message instead of a 500
                logger.exception("Handling a message failed")
            if before is not None and len(output.messages) == before:
                text = default_playbook().messages["service_unavailable"]
                await output.send_text_message(message.sender_id, text)
                await output.send_custom_json(message.sender_id, {
                    "type": "error", "code": "service_unavailable", "message": text})

        return super().blueprint(answer_always)
