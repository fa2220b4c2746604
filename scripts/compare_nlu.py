"""Debtor NLU side by side on held-out lines: the shipped config, candidate configs and
the plain baseline, each trained on bot/data and scored on the same files.

    python scripts/compare_nlu.py [--candidates counts tfidf diet] [--files F …]
                                  [--out docs/nlu-comparison.md]

Scores are speaker-aware macro-F1 over the debtor intents (bot/nlu/speaker_intents.py).
Held-out lines identical to a training line are left out and counted. The baseline is
TF-IDF (word 1–2-grams + char_wb 2–5-grams, sublinear) + logistic regression trained on the
same examples. Every model is trained into a temporary directory; nothing in models/ moves.
"""
from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]

from bench import (  # noqa: E402
    baseline_speaker_scores,
    load_nlu_examples,
    load_training_examples,
    score_intents,
)

from bot.nlu.model_classifier import quiet  # noqa: E402
from bot.nlu.speaker_intents import DEBTOR, best_intent  # noqa: E402

CANDIDATES = ROOT / "scripts" / "nlu_candidates"
DEFAULT_FILES = sorted((ROOT / "tests" / "data" / "blind").glob("*.yml"))


def train(config: Path, out: Path, name: str) -> tuple[Path, float]:
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "rasa", "train", "nlu", "--config", str(config),
                    "--nlu", "bot/data/nlu", "--domain", "bot/domain.yml", "--out", str(out),
                    "--fixed-model-name", name], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env={**os.environ, "RASA_TELEMETRY_ENABLED": "false",
                        "PYTHONPATH": str(ROOT)})
    return out / f"{name}.tar.gz", time.monotonic() - started


def predictions(model: Path, texts: list[str]) -> list[str]:
    from rasa.core.agent import Agent
    quiet()  # no per-message debug lines from Rasa
    agent = Agent.load(str(model))
    return [best_intent(asyncio.run(agent.parse_message(t)), DEBTOR)[0] for t in texts]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", nargs="*", default=["counts", "tfidf"])
    parser.add_argument("--files", nargs="*", type=Path, default=DEFAULT_FILES)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "nlu-comparison.md")
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")
    os.environ.setdefault("INCASSO_TODAY", dt.date.today().isoformat())
    training = load_training_examples()
    seen = {t.lower() for t, _ in training}
    held: dict[str, list[tuple[str, str]]] = {}
    left_out: dict[str, int] = {}
    for path in args.files:
        lines = load_nlu_examples([path])
        held[path.name] = [(t, i) for t, i in lines if t.lower() not in seen]
        left_out[path.name] = len(lines) - len(held[path.name])
    configs = {"config.yml (shipped)": ROOT / "config.yml"}
    configs |= {name: CANDIDATES / f"{name}.yml" for name in args.candidates}
    rows = [("TF-IDF + LR baseline (sklearn)", "–",
             [baseline_speaker_scores(training, h, DEBTOR).macro_f1 for h in held.values()])]
    with tempfile.TemporaryDirectory(prefix="incasso-nlu-") as tmp:
        for name, config in configs.items():
            print(f"training {name} …", flush=True)
            model, seconds = train(config, Path(tmp), name.split()[0].replace(".", "_"))
            scores = [score_intents([i for _, i in h], predictions(model, [t for t, _ in h]))
                      .macro_f1 for h in held.values()]
            rows.append((name, f"{seconds:.0f} s", scores))
            print(f"  {name}: " + ", ".join(f"{s:.3f}" for s in scores), flush=True)
    header = ["| model | training | " + " | ".join(held) + " |",
              "|---|---|" + "---|" * len(held)]
    body = [f"| {name} | {secs} | " + " | ".join(f"{s:.3f}" for s in scores) + " |"
            for name, secs, scores in rows]
    notes = ", ".join(f"{name}: {n}" for name, n in left_out.items())
    report = "\n".join([
        "# Debtor NLU side by side", "",
        f"Measured {dt.date.today():%Y-%m-%d} with `make bench-nlu` (scripts/compare_nlu.py): "
        "speaker-aware macro-F1 over the debtor intents, every model trained on bot/data.",
        f"Lines identical to a training line were left out ({notes}).", "",
        *header, *body, ""])
    args.out.write_text(report, encoding="utf-8")
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
