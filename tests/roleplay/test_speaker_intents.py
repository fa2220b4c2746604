"""Speaker-aware intent choice from Rasa's intent ranking."""
from __future__ import annotations

import yaml

from bot.nlu.speaker_intents import COLLECTOR, DEBTOR, FALLBACK_THRESHOLD, best_intent
from bot.servers import ROOT


def parse(*ranking: tuple[str, float]) -> dict:
    entries = [{"name": n, "confidence": c} for n, c in ranking]
    return {"intent": entries[0], "intent_ranking": entries}


def test_best_intent_of_each_speaker_even_when_the_other_is_on_top():
    result = parse(("collector_open_question", 0.7), ("start_call", 0.2),
                   ("ask_invoice_details", 0.05))
    assert best_intent(result, COLLECTOR) == ("collector_open_question", 0.7)
    assert best_intent(result, DEBTOR) == ("ask_invoice_details", 0.05)


def test_a_tie_that_made_rasa_fall_back_is_resolved_by_the_speaker():
    result = parse(("nlu_fallback", 0.25), ("goodbye", 0.3), ("collector_positive_close", 0.28))
    assert best_intent(result, COLLECTOR) == ("collector_positive_close", 0.28)
    assert best_intent(result, DEBTOR) == ("goodbye", 0.3)


def test_a_line_nobody_understood_stays_a_fallback():
    result = parse(("nlu_fallback", 0.25), ("affirm", 0.2), ("collector_introduce", 0.1))
    assert best_intent(result, COLLECTOR) == ("nlu_fallback", 0.25)
    assert best_intent(result, DEBTOR) == ("nlu_fallback", 0.25)
    assert best_intent({"intent": {}, "intent_ranking": []}, DEBTOR) == ("nlu_fallback", 0.0)


def test_threshold_is_the_one_in_config():
    config = yaml.safe_load((ROOT / "config.yml").read_text())
    fallback = next(c for c in config["pipeline"] if c["name"] == "FallbackClassifier")
    assert fallback["threshold"] == FALLBACK_THRESHOLD
