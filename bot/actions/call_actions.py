"""Actions that frame a call and advise on each debtor utterance; the call service does
the work and keeps the call, so every channel records the same call."""
from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.adapter import (
    CALL_ID_SLOT,
    call_owner,
    calls,
    current_call,
    give_advice,
    in_roleplay,
    message_metadata,
    new_call_id,
    reply,
)
from bot.actions.roleplay_actions import play_roleplay_turn
from bot.coach.calls import UnknownCase


class ActionStartCall(Action):
    """`/start_call{"case_id": "DEMO-1"}`: a new call on the case, and its preparation brief."""

    def name(self) -> str:
        return "action_start_call"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        case_id = next(tracker.get_latest_entity_values("case_id"), None)
        case_id = None if case_id is None else str(case_id)
        collector = str(message_metadata(tracker).get("collector") or "")[:100]
        try:
            brief, record = calls().start(new_call_id(tracker), case_id, collector,
                                          call_owner(tracker))
        except UnknownCase as unknown:
            reply(dispatcher, unknown.message, {"type": "error", "code": "unknown_case",
                                                "message": unknown.message})
            return []
        text = brief.to_text()
        if not case_id:
            text = calls().playbook.messages["no_case"] + "\n\n" + text
        reply(dispatcher, text, {**brief.to_payload(), "call_id": record.id})
        return [SlotSet(CALL_ID_SLOT, record.id)]


class ActionGiveAdvice(Action):
    """Advice for what the debtor just said, computed from the case and the call so far.
    During a role-play the line is the trainee's, so the simulated debtor answers it."""

    def name(self) -> str:
        return "action_give_advice"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        if in_roleplay(tracker):
            return play_roleplay_turn(dispatcher, tracker)
        return give_advice(dispatcher, tracker)


class ActionEndCall(Action):
    """`/end_call` or the debtor's goodbye: summary, draft e-mail and follow-up plan."""

    def name(self) -> str:
        return "action_end_call"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        if in_roleplay(tracker) and tracker.get_intent_of_latest_message() != "end_call":
            return play_roleplay_turn(dispatcher, tracker)  # the trainee's goodbye
        call_id, events = current_call(tracker)
        answer = calls().end(call_id)
        reply(dispatcher, answer.text, answer.payload)
        return events  # the call stays readable, so the summary can be asked for again


class ActionAskRephrase(Action):
    """Too unsure, empty input or an unknown command: ask politely instead of guessing."""

    def name(self) -> str:
        return "action_ask_rephrase"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        text = (tracker.latest_message.get("text") or "").strip()
        if text and in_roleplay(tracker):
            return play_roleplay_turn(dispatcher, tracker)  # the debtor asks what was meant
        if text:  # a tie with a collector intent is resolved there, or a polite question;
            return give_advice(dispatcher, tracker)  # either way the line is kept in the call
        messages = calls().playbook.messages
        reply(dispatcher, messages["empty_message"], {
            "type": "rephrase", "reason": "empty_message", "message": messages["empty_message"]})
        return []
