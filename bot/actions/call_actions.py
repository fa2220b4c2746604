"""Actions that frame a call and advise on each debtor utterance."""
from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.adapter import call_state, coach, give_advice, in_roleplay, reply, save
from bot.actions.roleplay_actions import play_roleplay_turn
from bot.coach.call import CallState
from bot.coach.coach import UnknownCase
from bot.nlu.speaker_intents import DEBTOR, FALLBACK, best_intent


class ActionStartCall(Action):
    """`/start_call{"case_id": "DEMO-1"}`: load the case and send the preparation brief."""

    def name(self) -> str:
        return "action_start_call"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        case_id = next(tracker.get_latest_entity_values("case_id"), None)
        if case_id is not None and not isinstance(case_id, str):
            case_id = str(case_id)
        try:
            brief, state = coach().start_call(case_id)
        except UnknownCase as unknown:
            reply(dispatcher, unknown.message, {"type": "error", "code": "unknown_case",
                                                "message": unknown.message})
            return save(CallState())
        text = brief.to_text()
        if not case_id:
            text = coach().playbook.messages["no_case"] + "\n\n" + text
        reply(dispatcher, text, brief.to_payload())
        return save(state)


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
        summary = coach().end_call(call_state(tracker))
        reply(dispatcher, summary.to_text(), summary.to_payload())
        return []  # the call state stays, so the summary can be asked for again


class ActionAskRephrase(Action):
    """Too unsure, empty input or an unknown command: ask politely instead of guessing."""

    def name(self) -> str:
        return "action_ask_rephrase"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        text = (tracker.latest_message.get("text") or "").strip()
        if text and in_roleplay(tracker):
            return play_roleplay_turn(dispatcher, tracker)  # the debtor asks what was meant
        if text and best_intent(tracker.latest_message, DEBTOR)[0] != FALLBACK:
            return give_advice(dispatcher, tracker)  # a tie with a collector intent, resolved
        messages = coach().playbook.messages
        key = "rephrase" if text else "empty_message"
        reply(dispatcher, messages[key], {"type": "rephrase", "reason": key,
                                          "message": messages[key]})
        return []
