"""The Dutch NLU on held-out debtor utterances that are never used for training."""
from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
import yaml
from sklearn.metrics import f1_score

from bot.nlu.speaker_intents import COLLECTOR, best_intent
from bot.servers import ROOT

pytestmark = pytest.mark.slow

HOLDOUT = ROOT / "tests" / "data" / "nlu_holdout.yml"
MACRO_F1_FLOOR = 0.90  # the benchmark target is 0.92; this floor catches regressions
# What collectors say (role-play trainees), written independently of the training data.
# Scored speaker-aware: the best collector intent counts (bot/nlu/speaker_intents.py).
COLLECTOR_HOLDOUT = ROOT / "tests" / "data" / "nlu_holdout_collector.yml"
COLLECTOR_MACRO_F1_FLOOR = 0.85


def examples(path: Path) -> list[tuple[str, str]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [(line.strip()[2:], item["intent"]) for item in data["nlu"]
            for line in item["examples"].splitlines() if line.strip().startswith("- ")]


@pytest.fixture(scope="module")
def agent(trained_model):
    from rasa.core.agent import Agent
    return Agent.load(str(trained_model))


def parse(agent, text: str) -> dict:
    return asyncio.run(agent.parse_message(text))


def test_holdout_never_overlaps_training_data():
    training = {text.lower() for path in (ROOT / "bot" / "data" / "nlu").glob("*.yml")
                for text, _ in examples(path)}
    overlap = [text for path in (HOLDOUT, COLLECTOR_HOLDOUT) for text, _ in examples(path)
               if text.lower() in training]
    assert not overlap, overlap


def test_intent_macro_f1_on_holdout_is_above_floor(agent):
    pairs = examples(HOLDOUT)
    predicted = [parse(agent, text)["intent"]["name"] for text, _ in pairs]
    truth = [intent for _, intent in pairs]
    score = f1_score(truth, predicted, average="macro", labels=sorted(set(truth)))
    misses = [(t, p, x) for (x, t), p in zip(pairs, predicted, strict=True) if t != p]
    assert score >= MACRO_F1_FLOOR, f"macro-F1 {score:.3f}; misses: {misses[:20]}"


def test_collector_macro_f1_on_holdout_is_above_floor(agent):
    pairs = examples(COLLECTOR_HOLDOUT)
    predicted = [best_intent(parse(agent, text), COLLECTOR)[0] for text, _ in pairs]
    truth = [intent for _, intent in pairs]
    score = f1_score(truth, predicted, average="macro", labels=sorted(set(truth)))
    misses = [(t, p, x) for (x, t), p in zip(pairs, predicted, strict=True) if t != p]
    assert score >= COLLECTOR_MACRO_F1_FLOOR, f"macro-F1 {score:.3f}; misses: {misses[:20]}"


def test_entities_come_out_normalised(agent):
    result = parse(agent, "Ik maak vrijdag € 1.250,50 over voor factuur F2026-0087")
    values = {e["entity"]: e["value"] for e in result["entities"]}
    assert values == {"date": "2026-11-27", "amount": 1250.5, "invoice_number": "F2026-0087"}


def test_today_override_moves_relative_dates(agent, monkeypatch):
    monkeypatch.setenv("INCASSO_TODAY", "2026-12-30")
    result = parse(agent, "ik betaal morgen")
    assert [e["value"] for e in result["entities"] if e["entity"] == "date"] == ["2026-12-31"]


@pytest.mark.parametrize("text", ["🙂🙂🙂", "asdfghjkl qwerty", "?!"])
def test_gibberish_falls_back_instead_of_guessing(agent, text):
    assert parse(agent, text)["intent"]["name"] == "nlu_fallback"


@pytest.mark.parametrize("text", ["", "   ", "x" * 20_000, "factuur " * 3000])
def test_empty_and_huge_messages_parse_without_error(agent, text):
    result = parse(agent, text)
    assert "intent" in result
