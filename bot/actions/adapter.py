"""What every action shares: the coach, the call state slot, and sending a reply."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.coach.call import CallState
from bot.coach.coach import Coach

CALL_STATE_SLOT = "call_state"


@lru_cache(maxsize=1)
def coach() -> Coach:
    return Coach()


def call_state(tracker: Tracker) -> CallState:
    return CallState.from_dict(tracker.get_slot(CALL_STATE_SLOT))


def save(state: CallState) -> list[dict[str, Any]]:
    return [SlotSet(CALL_STATE_SLOT, state.to_dict())]


def entity_values(tracker: Tracker) -> dict[str, Any]:
    """{entity: value}, or {entity: [values]} when the debtor named several."""
    values: dict[str, list] = {}
    for entity in tracker.latest_message.get("entities") or []:
        if "value" in entity:
            values.setdefault(entity["entity"], []).append(entity["value"])
    return {name: v[0] if len(v) == 1 else v for name, v in values.items()}


def reply(dispatcher: CollectingDispatcher, text: str, payload: dict[str, Any]) -> None:
    dispatcher.utter_message(text=text, json_message=payload)
