"""The trained Rasa model in-process, for the role-play terminal and transcript scoring:
no servers needed. Classifies a line for a known speaker (see speaker_intents)."""
from __future__ import annotations

import asyncio
import logging
import warnings
from pathlib import Path

from bot.coach.roleplay.turns import entities_from_rasa
from bot.nlu.speaker_intents import best_intent

DEFAULT_MODEL = Path(__file__).resolve().parents[2] / "models" / "incassocoach.tar.gz"


def quiet() -> None:
    """No Rasa/TensorFlow warnings or per-message debug logs in the trainee's terminal."""
    warnings.simplefilter("ignore")
    logging.getLogger().setLevel(logging.ERROR)
    from rasa.utils.log_utils import configure_structlog
    configure_structlog(logging.ERROR)


class ModelClassifier:
    def __init__(self, model: Path | str = DEFAULT_MODEL):
        model = Path(model)
        if not model.exists():
            raise FileNotFoundError(f"geen getraind model op {model}; draai eerst `make train`")
        quiet()
        from rasa.core.agent import Agent  # heavy import, only when a model is really used
        self.agent = Agent.load(str(model))

    def parse(self, text: str) -> dict:
        return asyncio.run(self.agent.parse_message(text))

    def classify(self, text: str, speaker: str) -> tuple[str, dict[str, list]]:
        """(best intent of this speaker, {entity: [values]}) for one line."""
        parse = self.parse(text)
        intent, _ = best_intent(parse, speaker)
        return intent, entities_from_rasa(parse.get("entities") or [])
