"""When the NLU is not sure: two likely readings to choose from instead of a full card.

Measured on 867 independent debtor lines (tests/data/dev, 2026-12-02, the shipped
classifiers): with a speaker-aware confidence below 0.6 the model was right on 50–84% of
the lines, from 0.6 up on 93–100%. So below SURE_CONFIDENCE the collector gets the two
likeliest situations as one-click choices, and nothing is recorded until one is chosen.
"""
from __future__ import annotations

from collections.abc import Sequence

from bot.coach.errors import CoachError
from bot.coach.playbook import Playbook, fill

SURE_CONFIDENCE = 0.6
CHOICES = 2


class ChoiceError(CoachError):
    """A choice for a line that has none, or a reading that was not offered."""


def is_unsure(confidence: float, alternatives: Sequence[tuple[str, float]]) -> bool:
    """Below SURE_CONFIDENCE, with at least two readings the playbook knows to offer."""
    return confidence < SURE_CONFIDENCE and len(alternatives) >= CHOICES


def unsure_payload(alternatives: Sequence[tuple[str, float]], entities: dict,
                   playbook: Playbook) -> dict:
    """The card the pane shows: the two likeliest situations, and what was heard (the
    entities), so the choice gets the same values as a sure reading would have."""
    choices = [{"intent": intent, "label": playbook.situation(intent).label,
                "confidence": round(confidence, 4)}
               for intent, confidence in alternatives[:CHOICES]]
    return {"type": "unsure", "message": playbook.messages["unsure"], "choices": choices,
            "entities": entities}


def unsure_text(payload: dict, playbook: Playbook) -> str:
    """The same for text doors (terminal, chat), which cannot offer buttons: the two
    readings, and a request to say more."""
    options = " of ".join(f"{c['label'].lower()} ({c['confidence']:.0%})"
                          for c in payload["choices"])
    return fill(playbook.messages["unsure_text"], {"choices": options})


def offered(line: dict, intent: str, playbook: Playbook) -> dict:
    """The unsure payload of a debtor line when ``intent`` was one of its choices."""
    payload = next((p for p in line.get("payloads") or [] if p.get("type") == "unsure"), None)
    if line.get("kind") != "line" or line.get("speaker") != "debiteur" or payload is None:
        raise ChoiceError(playbook.messages["choice_not_offered"])
    if intent not in {c["intent"] for c in payload["choices"]}:
        raise ChoiceError(playbook.messages["choice_not_offered"])
    return payload
