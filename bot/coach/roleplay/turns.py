"""One line in a (practice) call, and what the scorecard and the simulated debtor read
from a list of them: which moves the collector made and which values they named."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from bot.coach.dutch_values import find_values

COLLECTOR = "collector"
DEBTOR = "debtor"

# The collector's moves (NLU intents of bot/data/nlu/collector.yml).
INTRODUCE = "collector_introduce"
STATE_PURPOSE = "collector_state_purpose"
OPEN_QUESTION = "collector_open_question"
CLOSED_QUESTION = "collector_closed_question"
CONCRETE_PROPOSAL = "collector_concrete_proposal"
VAGUE_PROPOSAL = "collector_vague_proposal"
OFFER_CONCESSION = "collector_offer_concession"
ASK_IN_RETURN = "collector_ask_in_return"
SHOW_UNDERSTANDING = "collector_show_understanding"
SUMMARISE = "collector_summarise"
ANNOUNCE_CONFIRMATION = "collector_announce_confirmation"
THREATEN = "collector_threaten"
POSITIVE_CLOSE = "collector_positive_close"
COLLECTOR_INTENTS = (INTRODUCE, STATE_PURPOSE, OPEN_QUESTION, CLOSED_QUESTION,
                     CONCRETE_PROPOSAL, VAGUE_PROPOSAL, OFFER_CONCESSION, ASK_IN_RETURN,
                     SHOW_UNDERSTANDING, SUMMARISE, ANNOUNCE_CONFIRMATION, THREATEN,
                     POSITIVE_CLOSE)

# Moves that put a payment on the table (a concrete one needs a date and an amount).
PROPOSALS = (CONCRETE_PROPOSAL, ASK_IN_RETURN)
# What a debtor says when accepting a proposal.
ACCEPTANCE = ("promise_to_pay", "affirm")
# What a debtor says to put off paying.
EXCUSE_INTENTS = ("excuse_invoice_not_received", "excuse_contact_unavailable",
                  "excuse_bank_problem", "excuse_waiting_for_customer", "claim_already_paid",
                  "dispute_invoice", "cannot_pay", "express_anger")


@dataclass(frozen=True)
class Turn:
    """What one speaker said, the recognised intent and the values in it
    (``entities``: amount/date/invoice_number → list of normalised values)."""
    speaker: str
    text: str
    intent: str
    entities: dict[str, list] = field(default_factory=dict)

    @classmethod
    def collector(cls, text: str, intent: str, today: dt.date,
                  entities: dict[str, list] | None = None) -> Turn:
        """A collector line; values are found in the text unless given."""
        return cls(COLLECTOR, text, intent, values_in(text, today) if entities is None
                   else entities)

    def read_as(self, intent: str) -> Turn:
        """The same words and values, read as ``intent`` ("" for no act of its own)."""
        return replace(self, intent=intent)

    def has(self, entity: str) -> bool:
        return bool(self.entities.get(entity))

    def first(self, entity: str) -> Any:
        """The first value of ``entity`` (as the NLU gave it), or None."""
        values = self.entities.get(entity) or []
        return values[0] if values else None

    @property
    def is_concrete(self) -> bool:
        """Names both an exact date and an amount."""
        return self.has("date") and self.has("amount")

    def to_dict(self) -> dict:
        return {"speaker": self.speaker, "text": self.text, "intent": self.intent,
                "entities": {k: list(v) for k, v in self.entities.items()}}

    @classmethod
    def from_dict(cls, data: dict) -> Turn:
        return cls(data["speaker"], data["text"], data["intent"],
                   {k: list(v) for k, v in (data.get("entities") or {}).items()})


def values_in(text: str, today: dt.date) -> dict[str, list]:
    """{entity: [values]} for the amounts, dates and invoice numbers in ``text``."""
    values: dict[str, list] = {}
    for found in find_values(text, today):
        values.setdefault(found.entity, []).append(found.value)
    return values


def entities_from_rasa(entities: Iterable[dict]) -> dict[str, list]:
    """Rasa's entity list ([{"entity", "value"}, …]) as {entity: [values]}."""
    values: dict[str, list] = {}
    for entity in entities or ():
        if "value" in entity and entity.get("entity") in ("amount", "date", "invoice_number"):
            values.setdefault(entity["entity"], []).append(entity["value"])
    return values


def collector_turns(turns: Sequence[Turn]) -> list[Turn]:
    return [t for t in turns if t.speaker == COLLECTOR]


def said(turns: Sequence[Turn], intent: str) -> list[Turn]:
    """The collector's lines with this intent, in order."""
    return [t for t in collector_turns(turns) if t.intent == intent]


def named(turns: Sequence[Turn], entity: str) -> bool:
    """Whether the collector named a value of this kind in any line."""
    return any(t.has(entity) for t in collector_turns(turns))
