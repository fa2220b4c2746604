"""What every action shares: the call service, the call a conversation is on, and replies.

The call itself lives in the database (bot.coach.calls); the tracker only remembers which
call a conversation is on, in the `call_id` slot.
"""
from __future__ import annotations

import uuid
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.coach.access import OWNER_KEY
from bot.nlu.speaker_intents import DEBTOR, best_intent, speaker_ranking
from bot.wiring import calls

CALL_ID_SLOT = "call_id"
ROLEPLAY_STATE_SLOT = "roleplay_state"


def message_metadata(tracker: Tracker) -> dict[str, Any]:
    """The metadata a channel sent with the latest message (the pane's ref and collector)."""
    for event in reversed(tracker.events or []):
        if event.get("event") == "user":
            metadata = event.get("metadata")
            return metadata if isinstance(metadata, dict) else {}
    return {}


def call_owner(tracker: Tracker) -> str:
    """Who the door says sent the latest message ("" from doors without logins: chat)."""
    return str(message_metadata(tracker).get(OWNER_KEY) or "")[:80]


def new_call_id(tracker: Tracker) -> str:
    """The sender id for a conversation's first call (the pane's call id is its sender
    id); a later call in the same chat thread gets an id of its own."""
    if calls().storage.calls.get(tracker.sender_id) is None:
        return tracker.sender_id
    return f"{tracker.sender_id[:40]}~{uuid.uuid4().hex[:8]}"


def current_call(tracker: Tracker) -> tuple[str, list[dict[str, Any]]]:
    """The conversation's call id, and the slot event when it is new. The pane starts its
    calls itself, under the sender id; someone typing straight into REST or chat without
    a case gets a call without a case, with general advice."""
    slot = tracker.get_slot(CALL_ID_SLOT)
    for call_id in (slot, tracker.sender_id):
        if isinstance(call_id, str) and calls().storage.calls.get(call_id) is not None:
            return call_id, [] if call_id == slot else [SlotSet(CALL_ID_SLOT, call_id)]
    call_id = new_call_id(tracker)
    calls().start(call_id, None, str(message_metadata(tracker).get("collector") or "")[:100],
                  call_owner(tracker))
    return call_id, [SlotSet(CALL_ID_SLOT, call_id)]


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
    call_id, events = current_call(tracker)
    intent, confidence = best_intent(tracker.latest_message, DEBTOR)
    metadata = message_metadata(tracker)
    ref = metadata.get("ref") if isinstance(metadata.get("ref"), str) else None
    answer = calls().debtor_line(call_id, tracker.latest_message.get("text") or "",
                                 intent, confidence, entity_values(tracker), ref,
                                 speaker_ranking(tracker.latest_message, DEBTOR))
    reply(dispatcher, answer.text, answer.payload)
    return events
