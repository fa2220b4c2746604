"""Rasa NLU component that adds amount, date and invoice_number entities with normalised
values (euros as numbers, ISO dates resolved against today) from bot.coach.dutch_values."""
from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.coach.clock import today
from bot.coach.dutch_values import find_values


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class DutchValueExtractor(GraphComponent):
    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> DutchValueExtractor:
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        day = today()
        for message in messages:
            text = message.get(TEXT) or ""
            found = [{"entity": f.entity, "value": f.value, "start": f.start, "end": f.end,
                      "confidence_entity": 1.0, "extractor": type(self).__name__}
                     for f in find_values(text, day)]
            if found:
                message.set(ENTITIES, message.get(ENTITIES, []) + found, add_to_output=True)
        return messages
