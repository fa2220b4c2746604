"""Rasa NLU component: no known word, no guess.

A neural classifier happily gives 99% to emoji, "asdf" or an empty line. This component
remembers the words seen in training; when a message contains none of them (nor a
close misspelling of one), it sets the intent confidence to zero, so the
FallbackClassifier after it turns the message into `nlu_fallback` and the coach asks
the collector to rephrase.
"""
from __future__ import annotations

import difflib
import json
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import TOKENS_NAMES
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

VOCABULARY_FILE = "vocabulary.json"
TYPO_CUTOFF = 0.8  # difflib ratio above which an unknown word counts as a misspelling


def _words(message: Message) -> list[str]:
    return [t.text.lower() for t in message.get(TOKENS_NAMES[TEXT], [])
            if any(ch.isalpha() for ch in t.text)]


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class UnknownWordsGuard(GraphComponent):
    def __init__(self, model_storage: ModelStorage, resource: Resource,
                 vocabulary: frozenset[str] = frozenset()):
        self._model_storage = model_storage
        self._resource = resource
        self.vocabulary = vocabulary

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> UnknownWordsGuard:
        return cls(model_storage, resource)

    @classmethod
    def load(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> UnknownWordsGuard:
        with model_storage.read_from(resource) as directory:
            words = json.loads((directory / VOCABULARY_FILE).read_text(encoding="utf-8"))
        return cls(model_storage, resource, frozenset(words))

    def train(self, training_data: TrainingData) -> Resource:
        words = {w for example in training_data.intent_examples for w in _words(example)}
        with self._model_storage.write_to(self._resource) as directory:
            (directory / VOCABULARY_FILE).write_text(json.dumps(sorted(words)), encoding="utf-8")
        self.vocabulary = frozenset(words)
        return self._resource

    def knows_any(self, words: list[str]) -> bool:
        if any(w in self.vocabulary for w in words):
            return True
        return any(difflib.get_close_matches(w, self.vocabulary, n=1, cutoff=TYPO_CUTOFF)
                   for w in words[:20])

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            intent = message.get(INTENT)
            if intent and not self.knows_any(_words(message)):
                message.set(INTENT, {**intent, "confidence": 0.0}, add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
