"""Debtor NLU side by side on held-out lines, per model and training data.

The shipped config, candidate configs, a separate debtor model and the plain baseline, each
trained on a stated training-data variant and scored on the same files.

    python scripts/compare_nlu.py [--candidates config counts tfidf diet debtor config+dev …]
                                  [--files F …] [--kfold K [--kfold-rasa]]
                                  [--out docs/nlu-comparison.md] [--details PATH.json]

A candidate is (model, pipeline config, training data), named on the command line as
``NAME`` or ``NAME+dev``:

- ``config``: the shipped config.yml (always in the table, on bot/data);
- ``debtor``: config.yml trained on the debtor intents only (bot/nlu/speaker_intents.py),
  i.e. a separate debtor model without the collector intents;
- any other NAME: scripts/nlu_candidates/NAME.yml;
- ``+dev``: trained on bot/data/nlu/*.yml plus the development sets
  tests/data/dev/debtor_2026-12*.yml (DEV_SETS). A dev line whose text (case and spacing
  aside) is already a training line is dropped: as a duplicate when the intent is the same,
  as a conflict when it differs; dev lines repeated across dev files are kept once, and
  dropped altogether when the dev files disagree on their intent. Rasa gets the result as
  one generated file in a temporary NLU directory.

The TF-IDF + LR baseline (scripts/bench.py: word 1–2-grams + char_wb 2–5-grams, sublinear,
logistic regression) is trained on each training-data variant that a candidate uses.

Scores are speaker-aware macro-F1 over the debtor intents: each model's best debtor intent
(bot/nlu/speaker_intents.py). A held-out line identical to a line of any compared
training-data variant is left out for every row (counted in the report), so all rows of a
column are scored on the same lines; a held-out file that is itself part of a row's
training data is not scored for that row ("in training"). Models that know the collector
intents are also scored speaker-aware on the collector holdout
(tests/data/nlu_holdout_collector.yml), as scripts/bench.py does, so a collector regression
shows next to a debtor gain.

``--kfold K``: stratified K-fold cross-validation on bot/data: the debtor lines are split
into K folds (stratified by intent); each fold is scored (speaker-aware debtor macro-F1)
by a model trained on the other folds plus all collector lines; per fold and mean ± sample
sd. The baseline always; config.yml only with ``--kfold-rasa`` (K Rasa trainings, about
K × 2 min on 2 cores: 5 folds took 11 min on 2026-12-02).

Output: docs/nlu-comparison.md (``--out``), printed as well: a markdown table
model | training data | training time | one column per held-out file | collector holdout,
the k-fold table when asked, and the hand-written notes between ``<!-- notes:begin -->`` and
``<!-- notes:end -->`` kept as they were. Every model is trained into a temporary directory
with a fresh Rasa cache (cold training times); nothing in models/ or .rasa/ moves.
``--details`` writes every scored line (text, truth, prediction) per row and file as JSON,
for error analysis after the run.
"""
from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]

from bench import (  # noqa: E402
    ANNOTATION_RE,
    COLLECTOR_HOLDOUT,
    TRAIN_GLOB,
    baseline_model,
    baseline_speaker_scores,
    line_key,
    load_nlu_examples,
    score_intents,
)

from bot.nlu.speaker_intents import COLLECTOR, DEBTOR, belongs_to, best_intent  # noqa: E402

from bench_sections import section_of  # noqa: E402

CANDIDATES = ROOT / "scripts" / "nlu_candidates"
SHIPPED = ROOT / "config.yml"
DEFAULT_FILES = sorted((ROOT / "tests" / "data" / "blind").glob("*.yml"))
DEV_SETS = sorted((ROOT / "tests" / "data" / "dev").glob("debtor_2026-12*.yml"))
BASELINE = "TF-IDF + LR baseline (sklearn)"
NOTES = "notes"  # the hand-written section of the report, kept across runs
SEED = 2026


class Example(NamedTuple):
    """One NLU training line as written in the YAML (entity markup kept), its intent and
    the file it came from."""
    line: str
    intent: str
    source: str


def text_of(line: str) -> str:
    """The text Rasa sees: "[500 euro](amount)" → "500 euro"."""
    return ANNOTATION_RE.sub(r"\1", line)


def key(line: str) -> str:
    """What counts as the same line: the text, case and spacing aside."""
    return line_key(text_of(line))


def read_examples(paths: Iterable[Path]) -> list[Example]:
    """Every `- intent:` example of Rasa NLU YAML files, in file order."""
    examples = []
    for path in paths:
        for item in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu") or []:
            if "intent" not in item:
                raise ValueError(f"{path}: only intent examples are supported, not {item!r}")
            for line in str(item.get("examples") or "").splitlines():
                line = line.strip()
                if line.startswith("- ") and line[2:].strip():
                    examples.append(Example(line[2:].strip(), item["intent"], str(path)))
    return examples


@dataclass
class Merged:
    """Training examples plus what was dropped from the extra lines, and why."""
    examples: list[Example]
    duplicates: list[Example] = field(default_factory=list)  # same text, same intent
    conflicts: list[Example] = field(default_factory=list)  # same text, other intent


def merge(base: Sequence[Example], extra: Sequence[Example]) -> Merged:
    """``base`` as it is, plus the ``extra`` lines that add something: an extra line whose
    text is already in ``base`` is dropped (a duplicate with the same intent, a conflict
    with another); extra lines that repeat each other are kept once, or dropped all when
    they disagree on the intent."""
    known: dict[str, set[str]] = {}
    for example in base:
        known.setdefault(key(example.line), set()).add(example.intent)
    extra_intents: dict[str, set[str]] = {}
    for example in extra:
        extra_intents.setdefault(key(example.line), set()).add(example.intent)
    merged = Merged(list(base))
    kept: set[str] = set()
    for example in extra:
        k = key(example.line)
        if k in known:
            (merged.duplicates if known[k] == {example.intent} else merged.conflicts).append(
                example)
        elif len(extra_intents[k]) > 1:
            merged.conflicts.append(example)
        elif k in kept:
            merged.duplicates.append(example)
        else:
            kept.add(k)
            merged.examples.append(example)
    return merged


def of_speaker(examples: Iterable[Example], speaker: str) -> list[Example]:
    """The examples whose intent is the speaker's (commands and fallback belong to nobody)."""
    return [e for e in examples if belongs_to(e.intent, speaker)]


def nlu_yaml(examples: Iterable[Example]) -> str:
    """Rasa NLU YAML with one `- intent:` block per intent, in order of first appearance."""
    by_intent: dict[str, list[str]] = {}
    for example in examples:
        by_intent.setdefault(example.intent, []).append(example.line)
    blocks = [f"- intent: {intent}\n  examples: |\n" + "".join(f"    - {line}\n"
                                                             for line in lines)
              for intent, lines in by_intent.items()]
    return 'version: "3.1"\nnlu:\n' + "".join(blocks)


def write_nlu_dir(examples: Iterable[Example], directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "nlu.yml").write_text(nlu_yaml(examples), encoding="utf-8")
    return directory


@dataclass
class TrainingData:
    """One training-data variant: its label in the table, its examples, and the files
    they came from (a held-out file among them is not scored)."""
    label: str
    examples: list[Example]
    nlu_dir: Path | None = None  # a directory Rasa can read as is (else one is written)
    merged: Merged | None = None

    @property
    def pairs(self) -> list[tuple[str, str]]:
        return [(text_of(e.line), e.intent) for e in self.examples]

    @property
    def sources(self) -> set[str]:
        return {e.source for e in self.examples}

    @property
    def has_collector(self) -> bool:
        return any(belongs_to(e.intent, COLLECTOR) for e in self.examples)


def training_data(variant: str, train_dir: Path = ROOT / Path(TRAIN_GLOB).parent,
                  dev_sets: Sequence[Path] = DEV_SETS) -> TrainingData:
    """``variant`` is "all" or "debtor", optionally with "+dev"."""
    intents, _, dev = variant.partition("+")
    if intents not in ("all", "debtor") or dev not in ("", "dev"):
        raise ValueError(f"unknown training data {variant!r}")
    base = read_examples(sorted(train_dir.glob("*.yml")))
    label = "bot/data"
    merged = None
    if dev:
        merged = merge(base, read_examples(dev_sets))
        base, label = merged.examples, "bot/data + dev sets"
    if intents == "debtor":
        return TrainingData(f"{label}, debtor intents only", of_speaker(base, DEBTOR),
                            merged=merged)
    return TrainingData(label, base, None if dev else train_dir, merged)


@dataclass(frozen=True)
class Candidate:
    name: str  # as in the table
    config: Path
    data: str  # a training_data() variant


def candidate(token: str) -> Candidate:
    """``NAME`` or ``NAME+dev`` (see the module docstring)."""
    name, plus, dev = token.partition("+")
    if plus and dev != "dev":
        raise ValueError(f"unknown candidate {token!r}: NAME or NAME+dev")
    suffix = "+dev" if plus else ""
    if name == "config":
        return Candidate("config.yml (shipped)", SHIPPED, "all" + suffix)
    if name == "debtor":
        return Candidate("config.yml, debtor intents only (separate debtor model)", SHIPPED,
                         "debtor" + suffix)
    config = CANDIDATES / f"{name}.yml"
    if not config.exists():
        raise ValueError(f"no candidate config {config}")
    return Candidate(f"{name} (`scripts/nlu_candidates/{name}.yml`)", config, "all" + suffix)


def heldout(lines: Sequence[tuple[str, str]],
            seen: set[str]) -> tuple[list[tuple[str, str]], int]:
    """The (text, intent) lines whose text is not in ``seen`` (keys), and how many were not."""
    kept = [(t, i) for t, i in lines if key(t) not in seen]
    return kept, len(lines) - len(kept)


def kfold_splits(examples: Sequence[Example], k: int,
                 seed: int = SEED) -> list[tuple[list[Example], list[Example]]]:
    """(training, test) per fold: the debtor lines in k stratified folds; the other lines
    (collector intents) are in every training part."""
    from sklearn.model_selection import StratifiedKFold
    debtor = of_speaker(examples, DEBTOR)
    others = [e for e in examples if not belongs_to(e.intent, DEBTOR)]
    folds = StratifiedKFold(n_splits=k, shuffle=True, random_state=seed)
    return [(others + [debtor[i] for i in train], [debtor[i] for i in test])
            for train, test in folds.split(debtor, [e.intent for e in debtor])]


def train(config: Path, nlu_dir: Path, out: Path, name: str) -> tuple[Path, float]:
    """A Rasa NLU model of ``config`` on ``nlu_dir``, with a fresh cache; (model, seconds)."""
    log = out / f"{name}.log"
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "PYTHONPATH": str(ROOT),
           "RASA_CACHE_DIRECTORY": str(out / f"{name}-cache")}
    started = time.monotonic()
    with log.open("w") as handle:
        code = subprocess.call([sys.executable, "-m", "rasa", "train", "nlu", "--config",
                                str(config), "--nlu", str(nlu_dir), "--domain", "bot/domain.yml",
                                "--out", str(out), "--fixed-model-name", name],
                               cwd=ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT)
    seconds = time.monotonic() - started
    if code != 0:
        tail = "\n".join(log.read_text(errors="replace").splitlines()[-20:])
        raise RuntimeError(f"rasa train nlu failed ({code}) for {name}:\n{tail}")
    return out / f"{name}.tar.gz", seconds


def parses(model: Path, texts: list[str]) -> list[dict]:
    from rasa.core.agent import Agent

    from bot.nlu.model_classifier import quiet
    quiet()  # no per-message debug lines from Rasa
    agent = Agent.load(str(model))
    return [asyncio.run(agent.parse_message(t)) for t in texts]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60]


@dataclass
class Row:
    model: str
    data: str
    seconds: float
    scores: dict[str, float | None]  # per held-out file; None: in the training data
    collector: float | None = None  # speaker-aware macro-F1 on the collector holdout
    details: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)


def fmt(score: float | None, bold: bool = False) -> str:
    if score is None:
        return "(in training)"
    return f"**{score:.3f}**" if bold else f"{score:.3f}"


def table(rows: list[Row], files: list[str], counts: dict[str, int]) -> list[str]:
    best = {f: max((s for r in rows if (s := r.scores[f]) is not None), default=None)
            for f in files}
    header = ["| model | training data | training time | "
              + " | ".join(f"{f} (n={counts[f]})" for f in files)
              + " | collector holdout |",
              "|---|---|---|" + "---|" * (len(files) + 1)]
    return header + [
        f"| {r.model} | {r.data} | {r.seconds:.0f} s | "
        + " | ".join(fmt(r.scores[f], r.scores[f] is not None and r.scores[f] == best[f])
                     for f in files)
        + f" | {'–' if r.collector is None else f'{r.collector:.3f}'} |" for r in rows]


def run_kfold(k: int, rasa: bool, tmp: Path) -> list[str]:
    """The k-fold section of the report (see the module docstring)."""
    data = training_data("all")
    splits = kfold_splits(data.examples, k)
    pairs = [([(text_of(e.line), e.intent) for e in tr], [(text_of(e.line), e.intent)
                                                          for e in te]) for tr, te in splits]
    rows: list[tuple[str, list[float], float]] = []
    started = time.monotonic()
    rows.append((BASELINE, [baseline_speaker_scores(baseline_model(tr), te, DEBTOR).macro_f1
                            for tr, te in pairs], time.monotonic() - started))
    print(f"  k-fold baseline: {rows[-1][1]}", flush=True)
    if rasa:
        scores, seconds = [], 0.0
        for fold, ((train_examples, _), (_, test)) in enumerate(zip(splits, pairs,
                                                                    strict=True)):
            nlu = write_nlu_dir(train_examples, tmp / f"kfold-{fold}-nlu")
            model, took = train(SHIPPED, nlu, tmp, f"kfold-{fold}")
            seconds += took
            predicted = [best_intent(p, DEBTOR)[0] for p in parses(model, [t for t, _ in test])]
            scores.append(score_intents([i for _, i in test], predicted).macro_f1)
            print(f"  k-fold config.yml fold {fold + 1}: {scores[-1]:.3f} ({took:.0f} s)",
                  flush=True)
        rows.append(("config.yml (shipped)", scores, seconds))
    sizes = ", ".join(str(len(te)) for _, te in splits)
    lines = [f"## {k}-fold cross-validation on bot/data", "",
             f"Stratified {k}-fold split of the {sum(len(te) for _, te in splits)} bot/data "
             f"debtor lines (test folds of {sizes} lines, seed {SEED}); every training part "
             "also has all collector lines. Speaker-aware debtor macro-F1 per fold; mean ± "
             "sample sd; time = all folds' training (and, for the baseline, prediction).", "",
             "| model | " + " | ".join(f"fold {i + 1}" for i in range(k))
             + " | mean ± sd | time |", "|---|" + "---|" * (k + 2)]
    lines += [f"| {name} | " + " | ".join(f"{s:.3f}" for s in scores)
              + f" | {statistics.mean(scores):.3f} ± {statistics.stdev(scores):.3f}"
              + f" | {seconds:.0f} s |" for name, scores, seconds in rows]
    return lines


def dropped_note(data: dict[str, TrainingData]) -> str:
    merged = next((d.merged for d in data.values() if d.merged), None)
    if merged is None:
        return ""
    added = len(merged.examples) - len(training_data("all").examples)
    return (f"The dev sets added {added} lines to bot/data's; dropped: {len(merged.duplicates)} "
            f"duplicates (already a training line or in an earlier dev file, same intent) and "
            f"{len(merged.conflicts)} with a conflicting intent.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", nargs="*", default=["counts", "tfidf"],
                        help="NAME or NAME+dev: config, debtor or scripts/nlu_candidates/NAME")
    parser.add_argument("--files", nargs="*", type=Path, default=DEFAULT_FILES)
    parser.add_argument("--kfold", type=int, default=0, metavar="K",
                        help="stratified K-fold cross-validation on bot/data (baseline)")
    parser.add_argument("--kfold-rasa", action="store_true",
                        help="k-fold for config.yml too: K Rasa trainings, about 2 min each")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "nlu-comparison.md")
    parser.add_argument("--details", type=Path, help="every scored line per row, as JSON")
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")
    os.environ.setdefault("INCASSO_TODAY", dt.date.today().isoformat())
    candidates = list(dict.fromkeys([candidate("config")]
                                    + [candidate(c) for c in args.candidates]))
    data = {c.data: training_data(c.data) for c in candidates}
    files = [p.resolve() for p in args.files]
    # Left out for every row: held-out lines identical to a training line of any variant,
    # not counting the held-out file's own lines (that file is "in training" instead).
    held: dict[str, list[tuple[str, str]]] = {}
    left_out: dict[str, int] = {}
    for path in files:
        seen = {key(e.line) for d in data.values() for e in d.examples
                if Path(e.source).resolve() != path}
        held[path.name], left_out[path.name] = heldout(load_nlu_examples([path]), seen)
    collector_holdout = load_nlu_examples([COLLECTOR_HOLDOUT])

    def in_training(d: TrainingData, path: Path) -> bool:
        return str(path) in {str(Path(s).resolve()) for s in d.sources}

    rows: list[Row] = []
    started_run = dt.datetime.now()
    with tempfile.TemporaryDirectory(prefix="incasso-nlu-") as tmp_name:
        tmp = Path(tmp_name)
        for variant, d in data.items():
            # The baseline once per variant on all files at once, split by file after.
            lines = [line for p in files if not in_training(d, p) for line in held[p.name]]
            started = time.monotonic()
            fitted = baseline_model(d.pairs)
            predicted = iter(baseline_speaker_scores(fitted, lines, DEBTOR).predictions
                             if lines else [])
            seconds = time.monotonic() - started
            row = Row(BASELINE, d.label, seconds, {})
            for p in files:
                if in_training(d, p):
                    row.scores[p.name] = None
                    continue
                guesses = [next(predicted) for _ in held[p.name]]
                truth = [i for _, i in held[p.name]]
                row.scores[p.name] = score_intents(truth, guesses).macro_f1
                row.details[p.name] = [(t, i, g) for (t, i), g in zip(held[p.name], guesses,
                                                                     strict=True)]
            if d.has_collector:
                row.collector = baseline_speaker_scores(fitted, collector_holdout,
                                                        COLLECTOR).macro_f1
            rows.append(row)
            print(f"  {BASELINE} on {d.label}: {row.scores} collector {row.collector}",
                  flush=True)
            for c in (c for c in candidates if c.data == variant):
                print(f"training {c.name} on {d.label} …", flush=True)
                name = slug(f"{c.config.stem}-{variant}")
                nlu = d.nlu_dir or write_nlu_dir(d.examples, tmp / f"{name}-nlu")
                model, seconds = train(c.config, nlu, tmp, name)
                scored = [p for p in files if not in_training(d, p)]
                texts = [t for p in scored for t, _ in held[p.name]]
                if d.has_collector:
                    texts += [t for t, _ in collector_holdout]
                results = iter(parses(model, texts))
                row = Row(c.name, d.label, seconds, {})
                for p in files:
                    if p not in scored:
                        row.scores[p.name] = None
                        continue
                    guesses = [best_intent(next(results), DEBTOR)[0] for _ in held[p.name]]
                    row.scores[p.name] = score_intents([i for _, i in held[p.name]],
                                                       guesses).macro_f1
                    row.details[p.name] = [(t, i, g) for (t, i), g in zip(
                        held[p.name], guesses, strict=True)]
                if d.has_collector:
                    guesses = [best_intent(next(results), COLLECTOR)[0]
                               for _ in collector_holdout]
                    row.collector = score_intents([i for _, i in collector_holdout],
                                                  guesses).macro_f1
                rows.append(row)
                print(f"  {c.name} on {d.label} ({seconds:.0f} s): {row.scores} "
                      f"collector {row.collector}", flush=True)
        # Written before the k-fold runs, so a failure there loses no held-out scores.
        write_report(args, started_run, rows, held, left_out, data, [])
        if args.kfold:
            write_report(args, started_run, rows, held, left_out, data,
                         run_kfold(args.kfold, args.kfold_rasa, tmp))
    print(args.out.read_text(encoding="utf-8"))
    return 0


def write_report(args: argparse.Namespace, started: dt.datetime, rows: list[Row],
                 held: dict[str, list[tuple[str, str]]], left_out: dict[str, int],
                 data: dict[str, TrainingData], kfold: list[str]) -> None:
    """The report in ``args.out`` (its notes section kept) and the details, if asked."""
    notes = ", ".join(f"{name}: {n}" for name, n in left_out.items())
    report = "\n".join([
        "# Debtor NLU side by side", "",
        f"Measured {started:%Y-%m-%d} by scripts/compare_nlu.py on "
        f"{len(os.sched_getaffinity(0))} cores: speaker-aware macro-F1 over the debtor "
        "intents per held-out file (n = lines scored), and over the collector intents on "
        "tests/data/nlu_holdout_collector.yml for models that know them. Training time: one "
        "cold `rasa train nlu` (fresh cache); for the baseline, fit and prediction.",
        f"Held-out lines identical to a line of any compared training data were left out "
        f"for every row ({notes}). {dropped_note(data)}".rstrip(), "",
        *table(rows, list(held), {name: len(lines) for name, lines in held.items()}), "",
        *(kfold + [""] if kfold else []),
        section_of(NOTES, args.out) if args.out.exists() else "", ""])
    args.out.write_text(report.rstrip("\n") + "\n", encoding="utf-8")
    if args.details:
        args.details.write_text(json.dumps({f"{r.model} | {r.data}": r.details for r in rows},
                                           ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
