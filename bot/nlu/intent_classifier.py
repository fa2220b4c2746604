"""Rasa's logistic-regression intent classifier, made safe for messages without words.

Rasa's own LogisticRegressionClassifier fails on an empty or whitespace-only message (no
tokens, so no features). Such messages get an intent with zero confidence instead, which
the FallbackClassifier turns into nlu_fallback, and the coach asks for text.
"""
from __future__ import annotations

from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.nlu.constants import TOKENS_NAMES
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.linear import ready_for_single_messages


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class WordlessSafeLogisticRegression(LogisticRegressionClassifier):
    @classmethod
    def load(cls, *args: Any, **kwargs: Any) -> LogisticRegressionClassifier:
        loaded = super().load(*args, **kwargs)
        ready_for_single_messages(loaded.clf)
        return loaded

    def process(self, messages: list[Message]) -> list[Message]:
        with_words = [m for m in messages if m.get(TOKENS_NAMES[TEXT])]
        if with_words:
            super().process(with_words)
        for message in messages:
            if not message.get(TOKENS_NAMES[TEXT]):
                message.set(INTENT, {"name": None, "confidence": 0.0}, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [], add_to_output=True)
        return messages
