"""Request checks shared by every pane route, and the one error path: a PaneError becomes
{"error": "<Dutch message>"} with its status; anything unexpected a logged 500."""
from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from functools import wraps
from typing import Any

from sanic import response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.commands import MAX_TEXT_CHARS, InputError, clean, identifier, said
from bot.channels.guard import json_object
from bot.coach.playbook import default_playbook

logger = logging.getLogger(__name__)

SPEAKERS = ("debiteur", "incasseerder")
MAX_REF_CHARS = 64
MAX_NAME_CHARS = 60
EXAMPLE_LINE = '{"speaker": "debiteur", "text": "De boekhouder is op vakantie."}'


class PaneError(InputError):
    """A request the pane cannot serve; ``message`` is the Dutch text for the user. The
    refusals of bot.channels.commands (InputError) take the same error path."""


def json_body(request: Request) -> dict:
    """The request's JSON object, or an InputError that says what is wrong with it."""
    if not (request.content_type or "").startswith("application/json"):
        raise PaneError(415, "Stuur de gegevens als JSON, met de header "
                             "'Content-Type: application/json'.")
    return json_object(request.body, EXAMPLE_LINE)


def spoken_text(body: dict) -> str:
    """The utterance from a request, checked and made plain text by commands.said:
    speech is never a Rasa command (a pasted '/end_call' must not end the call)."""
    text = body.get("text")
    if not isinstance(text, str):
        raise PaneError(400, "Het veld \"text\" ontbreekt of is geen tekst.")
    text = said(text, MAX_TEXT_CHARS)
    if not text:
        raise PaneError(400, default_playbook().messages["empty_message"])
    return text


def case_id_of(body: dict) -> str:
    """The case id of a request: 1–64 visible characters."""
    case_id = body.get("case_id")
    if not isinstance(case_id, str) or not case_id.strip():
        raise PaneError(400, "Kies eerst een dossier: het veld \"case_id\" ontbreekt.")
    return identifier(case_id)


def speaker_of(body: dict) -> str:
    speaker = body.get("speaker")
    if speaker not in SPEAKERS:
        raise PaneError(400, f"Onbekende spreker '{str(speaker)[:30]}': gebruik "
                             "\"debiteur\" of \"incasseerder\".")
    return speaker


def client_ref(body: dict) -> str | None:
    """The sender's own reference for a line, echoed in its event (the page matches its
    pending card with it)."""
    ref = body.get("ref")
    return clean(ref)[:MAX_REF_CHARS] if isinstance(ref, str) and ref else None


def optional_text(body: dict, key: str, what: str, limit: int = MAX_NAME_CHARS) -> str:
    """A short optional text field, trimmed ("" when absent)."""
    value = body.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise PaneError(400, f"Het veld \"{key}\" ({what}) moet tekst zijn.")
    value = " ".join(clean(value).split())
    if len(value) > limit:
        raise PaneError(400, f"{what[:1].upper()}{what[1:]} is te lang (maximaal {limit} tekens).")
    return value


def served(
    handler: Callable[..., Awaitable[HTTPResponse]],
) -> Callable[..., Awaitable[HTTPResponse]]:
    """Every pane endpoint answers JSON: {"error": "..."} with a 4xx for bad requests, and
    a 500 with a Dutch message (logged) instead of a stack trace."""

    @wraps(handler)
    async def answer(request: Request, *args: Any, **kwargs: Any) -> HTTPResponse:
        try:
            return await handler(request, *args, **kwargs)
        except InputError as err:  # PaneError too
            return response.json({"error": err.message}, status=err.status)
        except Exception:  # noqa: BLE001 - the page shows a message instead of breaking
            logger.exception("Pane request %s failed", request.path)
            return response.json({"error": "Er ging iets mis in de coach. Probeer het opnieuw; "
                                           "uw gesprek blijft bewaard."}, status=500)

    return answer
