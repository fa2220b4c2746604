"""What every action shares: the coach, the call state slot, and sending a reply."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.coach.call import CallState
from bot.coach.coach import Coach
from bot.nlu.speaker_intents import DEBTOR, best_intent

CALL_STATE_SLOT = "call_state"
ROLEPLAY_STATE_SLOT = "roleplay_state"


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


def in_roleplay(tracker: Tracker) -> bool:
    """A role-play is running: what the user types is the trainee's collector line."""
    state = tracker.get_slot(ROLEPLAY_STATE_SLOT)
    return isinstance(state, dict) and not state.get("finished")


def give_advice(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[dict[str, Any]]:
    """Advice on the debtor's line. The typed line is the debtor's, so the best debtor
    intent counts even when a collector intent ranks higher."""
    intent, confidence = best_intent(tracker.latest_message, DEBTOR)
    state = call_state(tracker)
    advice = coach().advise(state, intent or "unknown", confidence, entity_values(tracker))
    reply(dispatcher, advice.to_text(), advice.to_payload())
    return save(state)
