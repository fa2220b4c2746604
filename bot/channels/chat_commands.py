"""What the Slack and Teams channels share: chat text to a command, and an answer to every
message.

Colleagues type in a chat, not in a terminal, so the commands are words: a case id (or
"dossier DEMO-1") loads the case, "debiteur zegt: …" marks the debtor's words, "einde" or
"samenvatting" ends the call, "dossiers <zoekterm>" looks cases up. Plain Python without
Rasa, so the mapping is unit-tested on its own. What a colleague types is text for Rasa
(bot.channels.commands.said): only the words above become commands, never a "/…" typed
or quoted in the chat.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Protocol

from bot.channels import commands
from bot.channels.commands import END_CALL, InputError
from bot.coach.playbook import default_playbook
from bot.storage.store import default_storage

logger = logging.getLogger(__name__)

RASA, SEARCH, HELP, REFUSED = "rasa", "search", "help", "refused"
MAX_LISTED = 10
MAX_QUERY_CHARS = 100

_DEBTOR_PREFIX = re.compile(r"^\s*(?:de\s+)?debiteur(?:\s+zegt\s*:?|\s*:)\s*", re.IGNORECASE)
_CASE_COMMAND = re.compile(r"^:?dossier\b\s*:?\s*(?P<id>[^\s,;!?]+)", re.IGNORECASE)
_SEARCH_COMMAND = re.compile(r"^:?dossiers\b\s*:?\s*(?P<query>.*)$", re.IGNORECASE)
_END_WORDS = {"einde", "einde gesprek", "samenvatting"}
_HELP_WORDS = {"", "?", "help", "hulp"}
_TOKEN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9_.\-]*[A-Za-z0-9])?")
_LOOKS_LIKE_CASE_ID = re.compile(r"[A-Za-z]{2,}-\d+")
_MAX_CANDIDATES = 3

HELP_LINES = (
    ("DEMO-1 of dossier DEMO-1", "start een gesprek en toont de voorbereiding; het gesprek "
                                  "loopt verder in deze thread"),
    ("debiteur zegt: …", "of gewoon de woorden van de debiteur: advies voor wat u nu zegt"),
    ("samenvatting of einde", "rondt het gesprek af met samenvatting, conceptmail en opvolging"),
    ("dossiers vries", "zoekt dossiers op nummer, bedrijf of contactpersoon"),
)


@dataclass(frozen=True)
class Command:
    kind: str   # RASA: send `text` to Rasa; SEARCH: list cases matching `text`; HELP;
    text: str = ""  # REFUSED: `text` is the Dutch reason, answered without Rasa


def start_call(case_id: str) -> str | None:
    """The command for a case id from the chat, or None when it cannot be one (too long)."""
    try:
        return commands.start_call(case_id)
    except InputError:
        return None


def _words(text: str) -> Command:
    """Text for Rasa, never a command; a refusal when it is too long."""
    try:
        return Command(RASA, commands.said(text))
    except InputError as err:
        return Command(REFUSED, err.message)


def interpret(text: str, is_case_id: Callable[[str], bool]) -> Command:
    """The command a chat message stands for; ``is_case_id`` tells whether a word names a
    stored case, so "ik bel nu DEMO-3" starts a call but an invoice number does not."""
    text = commands.clean(text or "").strip()
    prefixed = _DEBTOR_PREFIX.match(text)
    if prefixed:  # the debtor's own words, never a command
        return _words(text[prefixed.end():])
    plain = text.lower().strip(" .!:").lstrip(":")
    if plain in _HELP_WORDS:
        return Command(HELP)
    if plain in _END_WORDS:
        return Command(RASA, END_CALL)
    search = _SEARCH_COMMAND.match(text)
    if search:
        return Command(SEARCH, search["query"].strip(" .!?")[:MAX_QUERY_CHARS])
    case = _CASE_COMMAND.match(text)
    if case:
        case_id = case["id"].strip(".:")
        command = start_call(case_id)
        # "dossier is bij de advocaat" names no case
        if command and (re.search(r"\d", case_id) or is_case_id(case_id)):
            return Command(RASA, command)
    words = _TOKEN.findall(text[:commands.MAX_TEXT_CHARS + 1])
    if len(words) == 1 and text.strip("*_` .!") == words[0] and (
            lone := start_call(words[0])) and (
            _LOOKS_LIKE_CASE_ID.fullmatch(words[0]) or is_case_id(words[0])):
        return Command(RASA, lone)  # a lone id, known or not: load it
    candidates = [w for w in words if re.search(r"[A-Za-z]", w) and re.search(r"\d", w)
                  and len(w) <= commands.MAX_ID_CHARS]
    for word in candidates[:_MAX_CANDIDATES]:
        if is_case_id(word) and (command := start_call(word)):
            return Command(RASA, command)
    return _words(text)


def is_stored_case(word: str) -> bool:
    return default_storage().cases.get(word) is not None


def help_message() -> dict[str, Any]:
    lines = [f"{example}: {what}" for example, what in HELP_LINES]
    return {"text": "Zo werkt de Incassocoach:\n" + "\n".join(lines),
            "custom": {"type": "help", "commands": [{"example": e, "explanation": w}
                                                    for e, w in HELP_LINES]}}


def case_list_message(query: str, rows: list[tuple[str, str, str]]) -> dict[str, Any]:
    cases = [{"id": case_id, "company": company, "contact": contact}
             for case_id, company, contact in rows]
    if cases:
        heading = f"Dossiers met ‘{query}’:" if query else "Dossiers:"
        text = heading + "\n" + "\n".join(f"{c['id']} — {c['company']} ({c['contact']})"
                                          for c in cases)
    else:
        text = f"Geen dossiers gevonden met ‘{query}’."
    return {"text": text, "custom": {"type": "cases", "query": query, "cases": cases}}


def unavailable_message() -> dict[str, Any]:
    text = default_playbook().messages["service_unavailable"]
    return {"text": text, "custom": {"type": "error", "code": "service_unavailable",
                                     "message": text}}


class CountingOutput(Protocol):
    sent: int

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None: ...


async def answer(command: Command, output: CountingOutput, sender_id: str,
                 deliver: Callable[[str], Awaitable[Any]]) -> None:
    """Answer one chat message: help and case search right here, the rest through Rasa
    (``deliver``). Rasa logs a failing action and sends nothing; a colleague waiting in a
    thread gets a clear message instead."""
    if command.kind == HELP:
        await output.send_response(sender_id, help_message())
        return
    if command.kind == REFUSED:
        await output.send_response(sender_id, {"text": command.text, "custom": {
            "type": "error", "code": "refused", "message": command.text}})
        return
    if command.kind == SEARCH:
        rows = default_storage().cases.search(command.text, limit=MAX_LISTED)
        await output.send_response(sender_id, case_list_message(command.text, rows))
        return
    try:
        await deliver(command.text)
    except Exception:  # noqa: BLE001 - the colleague gets a message instead of silence
        logger.exception("Handling a chat message failed")
    if not output.sent:
        await output.send_response(sender_id, unavailable_message())
