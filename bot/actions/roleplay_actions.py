"""Actions of the role-play trainer: start a session, answer each trainee line as the
simulated debtor, end with the scorecard. Thin adapters over bot.coach.roleplay."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.adapter import ROLEPLAY_STATE_SLOT, give_advice, in_roleplay, reply
from bot.coach.roleplay.trainer import RolePlayError, RolePlaySession, Trainer
from bot.coach.roleplay.turns import entities_from_rasa
from bot.nlu.speaker_intents import COLLECTOR, best_intent
from bot.storage.store import default_storage


@lru_cache(maxsize=1)
def trainer() -> Trainer:
    return Trainer(default_storage().cases)


def _session(tracker: Tracker) -> RolePlaySession:
    return RolePlaySession.from_dict(tracker.get_slot(ROLEPLAY_STATE_SLOT))


def _save(session: RolePlaySession) -> list[dict[str, Any]]:
    return [SlotSet(ROLEPLAY_STATE_SLOT, session.to_dict())]


def _error(dispatcher: CollectingDispatcher, error: RolePlayError) -> None:
    reply(dispatcher, error.message, {"type": "error", "code": "roleplay",
                                      "message": error.message})


def play_roleplay_turn(dispatcher: CollectingDispatcher,
                       tracker: Tracker) -> list[dict[str, Any]]:
    """The trainee's line is a collector line: take the best collector intent, even when
    a debtor intent ranks higher, and let the simulated debtor answer."""
    intent, _ = best_intent(tracker.latest_message, COLLECTOR)
    session = _session(tracker)
    try:
        result = trainer().turn(session, tracker.latest_message.get("text") or "", intent,
                                entities_from_rasa(tracker.latest_message.get("entities")))
    except RolePlayError as error:
        _error(dispatcher, error)
        return []
    reply(dispatcher, result.to_text(), {**result.to_payload(), "intent": intent})
    return _save(session)


class ActionStartRoleplay(Action):
    """`/start_roleplay{"scenario": "bankstoring", "trainee": "Sanne", "hints": true}`."""

    def name(self) -> str:
        return "action_start_roleplay"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        def entity(name: str) -> Any:
            return next(tracker.get_latest_entity_values(name), None)

        hints = entity("hints")
        try:
            session, briefing = trainer().start(
                str(entity("scenario") or ""), str(entity("trainee") or ""),
                hints=hints is True or str(hints).lower() in ("true", "ja", "1"),
                difficulty=entity("difficulty"))
        except RolePlayError as error:
            _error(dispatcher, error)
            return [SlotSet(ROLEPLAY_STATE_SLOT, None)]
        text = briefing.to_text() + "\n\nU bent de incasseerder. Beëindig met /end_roleplay."
        reply(dispatcher, text, {**briefing.to_payload(), "hints": session.hints})
        return _save(session)


class ActionRoleplayTurn(Action):
    """A collector line: the debtor's reply in a role-play, advice outside one (the
    coaching user typed what the debtor said, so it gets the best debtor intent)."""

    def name(self) -> str:
        return "action_roleplay_turn"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        if in_roleplay(tracker):
            return play_roleplay_turn(dispatcher, tracker)
        return give_advice(dispatcher, tracker)


class ActionEndRoleplay(Action):
    """`/end_roleplay`: the scorecard with tips, stored in the trainee's history."""

    def name(self) -> str:
        return "action_end_roleplay"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        if not in_roleplay(tracker):
            message = "Er loopt geen rollenspel. Start er een met /start_roleplay."
            reply(dispatcher, message, {"type": "error", "code": "no_roleplay",
                                        "message": message})
            return []
        session = _session(tracker)
        try:
            card = trainer().finish(session)
        except RolePlayError as error:
            _error(dispatcher, error)
            return []
        reply(dispatcher, card.to_text(), {**card.to_payload(), "trainee": session.trainee,
                                           "scenario": session.scenario_id})
        return _save(session)
