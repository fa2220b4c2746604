"""The one place where text from people becomes what may reach Rasa.

Rasa treats any message whose stripped text starts with "/" as a command (an intent
with entities, no NLU): "/end_call" ends a call, '/start_call{"case_id": …}' switches
its case. Only the coach's own code may send those. Every door (pane, training, REST,
Slack, Teams, terminal) passes what a person typed or said through ``said()``, which
makes it plain text that can never be a command, and builds commands only with
the builders below (``start_call()``, ``END_CALL``, ``start_roleplay()``,
``END_ROLEPLAY``). The REST tool API also accepts those four, but only as exact,
well-formed commands, rebuilt here (``framing_command()``).

Normalisation (decided here, documented in the README): NFC; a lone surrogate (a
speech-to-text tool cutting at a UTF-16 boundary) becomes U+FFFD and a control
character other than newline or tab becomes a space, so a live line is kept rather
than lost; invisible direction and zero-width marks are dropped (they could hide a
leading "/" or reorder what a colleague reads). Identifiers are refused instead: an
id is not speech, a wrong one must not be guessed at.
"""
from __future__ import annotations

import json
import re
import unicodedata

from bot.coach.roleplay.scenarios import DIFFICULTIES

MAX_TEXT_CHARS = 2000  # about two minutes of speech; a longer paste is a mistake
MAX_ID_CHARS = 64
COMMAND_PREFIX = "/"  # rasa.shared.constants.INTENT_MESSAGE_PREFIX
MAX_NAME_CHARS = 60
END_CALL = "/end_call"
END_ROLEPLAY = "/end_roleplay"

# Invisible marks with no place in spoken Dutch: bidi embeddings/overrides/isolates,
# LRM/RLM/ALM, zero-width space, word joiner and friends, BOM, soft hyphen.
_INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e"
                        "\u2060-\u2064\u2066-\u2069\ufeff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_NEWLINE = re.compile("\r\n?|[\u2028\u2029]")
# Characters that look like a slash; NFKC folds more (e.g. U+FF0F) and is checked too.
_SLASHES = frozenset("/\\\u2044\u2215\u2571\u27cb\u29f8\u29f9\u2afd\u2afb\u3033\uff0f\ufe68")
_WITH_FIELDS = re.compile(r"/(?P<name>start_call|start_roleplay)(?P<fields>\{.*\})", re.DOTALL)


class InputError(ValueError):
    """Input a door must refuse; ``message`` is the Dutch text for the user."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def thousands(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def clean(raw: str) -> str:
    """``raw`` normalised as described above (not trimmed; may still start with '/')."""
    text = _SURROGATE.sub("\ufffd", raw)
    text = _NEWLINE.sub("\n", text)
    text = _CONTROL.sub(" ", text)
    text = _INVISIBLE.sub("", text)
    return unicodedata.normalize("NFC", text)


def _not_text(char: str) -> bool:
    """Leading characters that carry no words: whitespace, invisible or combining marks,
    and anything slash-like (a pasted command)."""
    if char.isspace() or char in _SLASHES:
        return True
    if unicodedata.category(char)[0] in "CZM":
        return True
    folded = unicodedata.normalize("NFKC", char)
    return COMMAND_PREFIX in folded or any(c in _SLASHES for c in folded)


def is_command(text: str) -> bool:
    """Whether Rasa would read ``text`` as a command rather than as words."""
    return text.strip().startswith(COMMAND_PREFIX)


def said(raw: str, limit: int = MAX_TEXT_CHARS) -> str:
    """What a person said or typed, as plain text for Rasa: cleaned, trimmed, leading
    slashes (in any form, with anything between them) dropped. May be "" (the caller
    decides what empty means); InputError 413 when longer than ``limit``."""
    text = clean(raw)
    start = 0
    while start < len(text) and _not_text(text[start]):
        start += 1
    text = text[start:].strip()
    if len(text) > limit:
        raise InputError(413, f"De tekst is te lang ({thousands(len(text))} tekens; maximaal "
                              f"{thousands(limit)}). Stuur alleen wat er net gezegd is, "
                              "zo nodig in kortere stukken.")
    assert not is_command(text)  # the promise of this module; _not_text keeps it
    return text


def identifier(raw: object, what: str = "het dossiernummer") -> str:
    """A case id, call id or sender id: 1–64 visible characters, no spaces; else a 400."""
    if not isinstance(raw, str) or not raw.strip():
        raise InputError(400, f"{what[:1].upper()}{what[1:]} ontbreekt of is geen tekst.")
    value = raw.strip()
    if len(value) > MAX_ID_CHARS:
        raise InputError(400, f"{what[:1].upper()}{what[1:]} is te lang "
                              f"({thousands(len(value))} tekens; maximaal {MAX_ID_CHARS}).")
    if not value.isprintable() or any(c.isspace() for c in value) or _SURROGATE.search(value):
        raise InputError(400, f"{what[:1].upper()}{what[1:]} bevat tekens die daar niet in "
                              "horen (spaties, regeleinden of stuurtekens).")
    return value


def start_call(case_id: object) -> str:
    """The command that starts a call on a case; the id is checked (InputError 400)."""
    return "/start_call" + json.dumps({"case_id": identifier(case_id)})


def start_roleplay(scenario: object, trainee: object, hints: object = False,
                   difficulty: object = None) -> str:
    """The command that starts a role-play; scenario, trainee and difficulty (easy, medium
    or hard; default medium) are checked (400)."""
    scenario = identifier(scenario, "het scenario")
    if not isinstance(trainee, str) or not " ".join(trainee.split()):
        raise InputError(400, "Vul de naam van de trainee in.")
    trainee = " ".join(clean(trainee).split())
    if len(trainee) > MAX_NAME_CHARS:
        raise InputError(400, "De naam van de trainee is te lang "
                              f"(maximaal {MAX_NAME_CHARS} tekens).")
    fields = {"scenario": scenario, "trainee": trainee, "hints": hints is True}
    if difficulty is not None:
        if difficulty not in DIFFICULTIES:
            raise InputError(400, "Kies als moeilijkheid easy, medium of hard.")
        fields["difficulty"] = difficulty
    return "/start_roleplay" + json.dumps(fields)


def framing_command(raw: str) -> str | None:
    """For the REST tool API: ``raw`` as one of the allowed commands, rebuilt by this
    module, when it is exactly one: "/end_call", '/start_call{"case_id": "<id>"}',
    "/end_roleplay", '/start_roleplay{"scenario", "trainee", "hints"?, "difficulty"?}'. None
    when it is
    anything else (then it is text). A well-formed command with a bad value is an
    InputError 400."""
    text = raw.strip()
    if text in (END_CALL, END_ROLEPLAY):
        return text
    match = _WITH_FIELDS.fullmatch(text)
    if match is None:
        return None
    try:
        fields = json.loads(match.group("fields"))
    except (ValueError, RecursionError):
        return None
    if not isinstance(fields, dict):
        return None
    if match.group("name") == "start_call" and set(fields) == {"case_id"}:
        return start_call(fields["case_id"])
    if match.group("name") == "start_roleplay" and {"scenario", "trainee"} <= set(fields) <= {
            "scenario", "trainee", "hints", "difficulty"}:
        return start_roleplay(fields["scenario"], fields["trainee"], fields.get("hints"),
                              fields.get("difficulty"))
    return None
