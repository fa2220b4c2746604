"""A real call as text, scored with the same scorecard as a role-play.

Every non-empty line starts with "Incasseerder:" (the collector) or "Debiteur:" (the
debtor). A speaker who says several sentences in a row may use several lines. Anything
else is refused with the line number, so the user can fix the file.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.coach.roleplay.acts import split_acts
from bot.coach.roleplay.turns import COLLECTOR, DEBTOR, Turn

SPEAKERS = {"incasseerder": COLLECTOR, "debiteur": DEBTOR}
LINE_RE = re.compile(r"^\s*(?P<label>[^:]{1,40}?)\s*:\s*(?P<text>.*)$")
MAX_LINES = 2000

# (text, speaker) → (intent, {entity: [values]}); bot.nlu.model_classifier provides one.
Classify = Callable[[str, str], tuple[str, dict[str, list]]]


class TranscriptError(ValueError):
    """The transcript cannot be read; the message names the line(s) and the problem."""


@dataclass(frozen=True)
class TranscriptLine:
    number: int
    speaker: str
    text: str


def parse_transcript(text: str) -> list[TranscriptLine]:
    """The spoken lines in order; raises TranscriptError for malformed input."""
    lines: list[TranscriptLine] = []
    problems: list[str] = []
    raw = text.splitlines()
    if len(raw) > MAX_LINES:
        raise TranscriptError(
            f"Het transcript is te lang ({len(raw)} regels, maximaal {MAX_LINES}).")
    for number, line in enumerate(raw, 1):
        if not line.strip():
            continue
        match = LINE_RE.match(line)
        speaker = SPEAKERS.get(match.group("label").strip().lower()) if match else None
        if match is None or speaker is None:
            shown = line.strip() if len(line.strip()) <= 60 else line.strip()[:57] + "…"
            problems.append(f"regel {number}: begint niet met 'Incasseerder:' of 'Debiteur:' "
                            f"(“{shown}”)")
        elif not match.group("text").strip():
            label = match.group("label").strip()
            problems.append(f"regel {number}: na '{label}:' staat geen tekst")
        else:
            lines.append(TranscriptLine(number, speaker, " ".join(match.group("text").split())))
    if problems:
        more = f" (en nog {len(problems) - 5} regels)" if len(problems) > 5 else ""
        raise TranscriptError("Het transcript klopt niet: " + "; ".join(problems[:5]) + more)
    if not lines:
        raise TranscriptError("Het transcript is leeg: verwacht regels die beginnen met "
                              "'Incasseerder:' of 'Debiteur:'.")
    if not any(line.speaker == COLLECTOR for line in lines):
        raise TranscriptError("Het transcript heeft geen regels van de incasseerder "
                              "('Incasseerder: …'), dus er valt niets te beoordelen.")
    return lines


def spoken_units(line: TranscriptLine) -> list[str]:
    """What is classified on its own: each sentence (act) of a collector line
    (bot.coach.roleplay.acts), a debtor line whole."""
    return split_acts(line.text) if line.speaker == COLLECTOR else [line.text]


def transcript_turns(text: str, classify: Classify) -> list[Turn]:
    """Parse the transcript and classify it for each speaker: a turn per act."""
    turns = []
    for line in parse_transcript(text):
        for unit in spoken_units(line):
            intent, entities = classify(unit, line.speaker)
            turns.append(Turn(line.speaker, unit, intent, entities))
    return turns
