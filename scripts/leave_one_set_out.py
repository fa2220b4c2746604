"""Leave one independent debtor set out: how the debtor ranking generalises to a writer it
never saw, on more lines than one blind set holds.

Each development set (tests/data/dev/debtor_2026-12<letter>{,_stt}.yml) was written by a
different outsider and is part of the training data now. For each set named, the TF-IDF
regression that ranks the debtor's intents in the shipped pipeline (bot/nlu/tfidf_classifier.py,
C=10) and the plain baseline of `make bench` (scripts/bench.py, C=1) are trained on bot/data
without that set's lines and scored on them, speaker-aware, written and speech-to-text style
apart. ``--stt-copies`` also trains the regression on a speech-to-text copy of every line
(lower case, no punctuation), the augmentation tried on 2026-12-04. Rasa's fallback is not
in play here: `make bench` measures the whole pipeline on the blind set.

    python scripts/leave_one_set_out.py t u v w x [--stt-copies]
"""
from __future__ import annotations

import argparse
import re
import statistics
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from sklearn.pipeline import Pipeline

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import (  # noqa: E402
    ROOT,
    baseline_model,
    baseline_speaker_scores,
    line_key,
    load_nlu_examples,
    load_training_examples,
)

from bot.nlu.speaker_intents import DEBTOR  # noqa: E402
from bot.nlu.tfidf_classifier import build_pipeline  # noqa: E402

Lines = list[tuple[str, str]]
DEV = ROOT / "tests" / "data" / "dev"
KINDS = {"written": "", "speech-to-text": "_stt"}
PUNCTUATION = re.compile(r"[.,!?;:\"()…“”‘’]+|(?<!\w)'|'(?!\w)")


def spoken(text: str) -> str:
    """A line as speech-to-text gives it: lower case, no punctuation."""
    return " ".join(PUNCTUATION.sub(" ", text.lower().replace("€", " euro ")).split())


def regression(train: Lines, stt_copies: bool = False) -> Pipeline:
    """The shipped pipeline's TF-IDF regression, optionally with a spoken copy per line."""
    if stt_copies:
        train = train + [(spoken(t), i) for t, i in train if spoken(t) != t.lower()]
    return build_pipeline().fit([t for t, _ in train], [i for _, i in train])


def debtor_f1(model: Pipeline, lines: Lines) -> float:
    """Speaker-aware macro-F1, as `make bench` scores the baseline: the model's most probable
    debtor intent per line."""
    return float(baseline_speaker_scores(model, lines, DEBTOR).macro_f1)


def left_out(train: Lines, held: dict[str, Lines],
             models: dict[str, Callable[[Lines], Pipeline]]) -> dict[str, dict[str, float]]:
    """Per model and kind of line: its score on ``held`` when trained without those lines."""
    keys = {line_key(t) for lines in held.values() for t, _ in lines}
    rest = [(t, i) for t, i in train if line_key(t) not in keys]
    fitted = {name: make(rest) for name, make in models.items()}
    return {name: {kind: debtor_f1(model, lines) for kind, lines in held.items()}
            for name, model in fitted.items()}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="+", help="letters of tests/data/dev/debtor_2026-12<L>")
    parser.add_argument("--stt-copies", action="store_true")
    args = parser.parse_args(argv)
    models: dict[str, Callable[[Lines], Pipeline]] = {
        "shipped regression": regression, "baseline": baseline_model}
    if args.stt_copies:
        models["with spoken copies"] = lambda train: regression(train, stt_copies=True)
    train = load_training_examples()
    results = []
    for letter in args.sets:
        held = {kind: load_nlu_examples([DEV / f"debtor_2026-12{letter}{suffix}.yml"])
                for kind, suffix in KINDS.items()}
        results.append(left_out(train, held, models))
        print(f"{letter}: " + "; ".join(f"{name} " + " / ".join(
            f"{score:.3f}" for score in results[-1][name].values()) for name in models),
            flush=True)
    print("mean (written / speech-to-text): " + "; ".join(f"{name} " + " / ".join(
        f"{statistics.mean(r[name][kind] for r in results):.3f}" for kind in KINDS)
        for name in models))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
