"""The trained Rasa model in-process, for the role-play terminal and transcript scoring:
no servers needed. Classifies a line for a known speaker (see speaker_intents)."""
from __future__ import annotations

import asyncio
import contextlib
import io
import logging
import os
import warnings
from pathlib import Path

from bot.coach.roleplay.turns import entities_from_rasa
from bot.nlu.speaker_intents import best_intent

DEFAULT_MODEL = Path(__file__).resolve().parents[2] / "models" / "incassocoach.tar.gz"


def quiet() -> None:
    """No Rasa/TensorFlow warnings or per-message debug logs in the trainee's terminal
    (TensorFlow reads its log level from the environment when it is first imported)."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
    warnings.simplefilter("ignore")
    logging.getLogger().setLevel(logging.ERROR)
    from rasa.utils.log_utils import configure_structlog
    configure_structlog(logging.ERROR)
    warnings.simplefilter("ignore")  # importing Rasa sets filters of its own


class ModelClassifier:
    def __init__(self, model: Path | str = DEFAULT_MODEL):
        model = Path(model)
        if not model.exists():
            raise FileNotFoundError(f"geen getraind model op {model}; draai eerst `make train`")
        quiet()
        # Importing TensorFlow, jax and matplotlib prints deprecation warnings of theirs
        # past any filter (one of them resets the filters); a trainee should not see them.
        # An error still raises, with its message.
        with contextlib.redirect_stderr(io.StringIO()):
            from rasa.core.agent import Agent  # heavy import, only when a model is used
            self.agent = Agent.load(str(model))

    def parse(self, text: str) -> dict:
        return asyncio.run(self.agent.parse_message(text))

    def classify(self, text: str, speaker: str) -> tuple[str, dict[str, list]]:
        """(best intent of this speaker, {entity: [values]}) for one line."""
        parse = self.parse(text)
        intent, _ = best_intent(parse, speaker)
        return intent, entities_from_rasa(parse.get("entities") or [])
