"""Intent classifier: TF-IDF over word 1–2-grams and character 2–5-grams (sublinear term
frequencies) with logistic regression, on the message text itself.

Measured against Rasa's own logistic regression over raw n-gram counts, on independent
debtor lines (docs/benchmarks.md): TF-IDF weighting keeps frequent filler words ("eh",
"nou", "hoor") and long run-on turns from swamping the few words that carry the intent.
With ``combine_with_ranking`` the probabilities are averaged with those of a classifier
earlier in the pipeline (an ensemble; ``weight`` is this classifier's share), else they
replace them. ``debtor_weight``, when set, is the share for the debtor's intents: each
speaker's intents are then ranked by the mix that reads that speaker best (on blind set s,
TF-IDF alone read debtor lines best and the pair collector lines, docs/nlu-comparison.md);
the scores are scaled to add up to one again.
"""
from __future__ import annotations

from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline

from bot.nlu.linear import ready_for_single_messages
from bot.nlu.speaker_intents import DEBTOR, belongs_to

RANKING_LENGTH = 10
# What skops may rebuild from the model file: these classes and nothing else.
TRUSTED_TYPES = [
    "sklearn.feature_extraction.text.TfidfVectorizer",
    "sklearn.feature_extraction.text.TfidfTransformer",
    "sklearn.linear_model._logistic.LogisticRegression",
    "sklearn.pipeline.FeatureUnion", "sklearn.pipeline.Pipeline",
    "numpy.float64", "numpy.int64", "numpy.dtype", "numpy.ndarray",
    "scipy.sparse._csr.csr_matrix",
    "builtins.dict", "builtins.list", "builtins.tuple", "builtins.slice",
]


def build_pipeline(c: float = 10.0, seed: int = 2026) -> Pipeline:
    """The sklearn model (also used by the benchmark's baseline, so both are the same)."""
    features = FeatureUnion([
        ("word", TfidfVectorizer(analyzer="word", ngram_range=(1, 2), lowercase=True,
                                 sublinear_tf=True)),
        ("char", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), lowercase=True,
                                 sublinear_tf=True))])
    return Pipeline([("features", features),
                     ("classifier", LogisticRegression(C=c, max_iter=3000, random_state=seed))])


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class TfidfIntentClassifier(GraphComponent, IntentClassifier):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"C": 10.0, "random_state": 2026, "combine_with_ranking": False, "weight": 0.5,
                "debtor_weight": None}

    def __init__(self, config: dict[str, Any], model_storage: ModelStorage,
                 resource: Resource, model: Pipeline | None = None) -> None:
        self.config = {**self.get_default_config(), **config}
        self.model_storage = model_storage
        self.resource = resource
        self.model = model

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> TfidfIntentClassifier:
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        examples = [e for e in training_data.intent_examples if e.get(INTENT) and e.get(TEXT)]
        model = build_pipeline(float(self.config["C"]), int(self.config["random_state"]))
        model.fit([e.get(TEXT) for e in examples], [e.get(INTENT) for e in examples])
        self.model = model
        import skops.io as sio
        with self.model_storage.write_to(self.resource) as directory:
            sio.dump(model, directory / "tfidf_intents.skops")
        return self.resource

    @classmethod
    def load(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> TfidfIntentClassifier:
        import skops.io as sio
        with model_storage.read_from(resource) as directory:
            path = directory / "tfidf_intents.skops"
            untrusted = set(sio.get_untrusted_types(file=path)) - set(TRUSTED_TYPES)
            if untrusted:  # never rebuild anything else from a model file
                raise ValueError(f"unexpected types in {path}: {sorted(untrusted)}")
            model = sio.load(path, trusted=TRUSTED_TYPES)
        ready_for_single_messages(model.named_steps["classifier"])
        return cls(config, model_storage, resource, model)

    def process(self, messages: list[Message]) -> list[Message]:
        texts = [m.get(TEXT) or "" for m in messages]
        with_words = [i for i, t in enumerate(texts) if t.strip()]
        for index in set(range(len(messages))) - set(with_words):  # as WordlessSafe… does
            messages[index].set(INTENT, {"name": None, "confidence": 0.0}, add_to_output=True)
            messages[index].set(INTENT_RANKING_KEY, [], add_to_output=True)
        if not with_words or self.model is None:
            return messages
        probabilities = self.model.predict_proba([texts[i] for i in with_words])
        classes = list(self.model.classes_)
        for row, index in zip(probabilities, with_words, strict=True):
            message = messages[index]
            scores = dict(zip(classes, row.tolist(), strict=True))
            earlier = message.get(INTENT_RANKING_KEY) or []
            if self.config["combine_with_ranking"] and earlier:
                scores = self._combined(scores, earlier)
            ranked = sorted(scores.items(), key=lambda item: -item[1])[:RANKING_LENGTH]
            ranking = [{"name": name, "confidence": float(np.round(p, 6))} for name, p in ranked]
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages

    def _combined(self, scores: dict[str, float], earlier: list[dict]) -> dict[str, float]:
        """This classifier's probabilities mixed with the earlier ranking's, per intent at
        the share of the intent's speaker."""
        theirs = {e["name"]: float(e["confidence"]) for e in earlier}
        share, debtor_share = self.config["weight"], self.config["debtor_weight"]

        def share_of(name: str) -> float:
            own = debtor_share is not None and belongs_to(name, DEBTOR)
            return float(debtor_share if own else share)

        mixed = {name: share_of(name) * p + (1 - share_of(name)) * theirs.get(name, 0.0)
                 for name, p in scores.items()}
        total = sum(mixed.values()) or 1.0
        return {name: p / total for name, p in mixed.items()}

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
