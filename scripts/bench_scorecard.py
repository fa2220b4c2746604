"""`make bench-scorecard` (also run by `make bench`): the scorecard against an independent
human judge, on transcripts written and judged blind (tests/data/blind/judged_*/: each
`call-NN.txt` with `call-NN.judgment.yml`, pass/fail per check and the total range the
judge accepts, and `set.yml` with the day the calls take place). Each transcript is scored
as `bot.cli score-transcript` scores it, with the trained model; the section in
docs/benchmarks.md says how often product and judge agree per check, which totals fall in
the judge's range, and every disagreement.
"""
from __future__ import annotations

import argparse
import datetime as dt
import functools
import os
import statistics
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from bot.servers import ROOT

from bench_sections import DOC, write_section

if TYPE_CHECKING:
    from bot.coach.roleplay.trainer import Trainer
    from bot.nlu.model_classifier import ModelClassifier

SECTION = "bench-scorecard"
QUALITIES = ("good", "mediocre", "poor")


@dataclass
class Judged:
    name: str
    quality: str
    total: int
    low: int
    high: int
    disagreements: list[tuple[str, bool, str]]  # (check, judge's verdict, judge's why)
    checks: int
    turned: list[tuple[str, bool]]  # (check, verdict) the second reading turned

    @property
    def in_range(self) -> bool:
        return self.low <= self.total <= self.high


def blind_sets() -> list[Path]:
    folders = sorted((ROOT / "tests" / "data" / "blind").glob("judged_*"))
    if not folders:
        raise SystemExit("No judged transcripts in tests/data/blind/judged_*/")
    return folders


def set_day(folder: Path) -> dt.date:
    """The day the set's calls take place (its `set.yml`): "vrijdag" and "vandaag" in them
    are read from that day, not from the day the bench runs."""
    try:
        day = yaml.safe_load((folder / "set.yml").read_text())["today"]
        return dt.date.fromisoformat(str(day))
    except (OSError, KeyError, TypeError, ValueError) as error:
        raise SystemExit(f"{folder / 'set.yml'} must name the calls' day (today: YYYY-MM-DD): "
                         f"{error}") from error


@functools.cache
def _scorer() -> tuple[Trainer, ModelClassifier]:
    """The trained model and the trainer, loaded once for every set scored."""
    os.environ.setdefault("INCASSO_DATABASE_URL",  # read-only use; never the team's file
                          f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.sqlite3'}")
    from bot.coach.roleplay.trainer import Trainer
    from bot.nlu.model_classifier import DEFAULT_MODEL, ModelClassifier
    from bot.storage.store import default_storage

    return Trainer(default_storage().cases), ModelClassifier(DEFAULT_MODEL)


def judge(folder: Path) -> list[Judged]:
    today = set_day(folder)
    os.environ["INCASSO_TODAY"] = today.isoformat()  # the model's date reading, per message
    trainer, classifier = _scorer()
    results = []
    for transcript in sorted(folder.glob("call-*.txt")):
        verdict = yaml.safe_load(transcript.with_suffix(".judgment.yml").read_text())
        card, _ = trainer.score_transcript(transcript.read_text(encoding="utf-8"),
                                           classifier.classify, today=today)
        ours = {r.check.key: r.passed for r in card.results}
        theirs = verdict["checks"]
        disagreements = [(key, bool(theirs[key]["pass"]), str(theirs[key].get("why", "")))
                         for key in ours if key in theirs and ours[key] != theirs[key]["pass"]]
        low, high = verdict["total_range"]
        results.append(Judged(f"{folder.name}/{transcript.name}", verdict["quality"],
                              card.total, int(low), int(high), disagreements,
                              sum(1 for key in ours if key in theirs),
                              [(r.check.key, r.passed) for r in card.results if r.turned]))
    return results


def report(results: list[Judged], folders: list[Path]) -> str:
    checks = sum(r.checks for r in results)
    if not checks:
        raise SystemExit("No judged transcripts (call-NN.txt + .judgment.yml) in "
                         + ", ".join(map(str, folders)))
    agreed = checks - sum(len(r.disagreements) for r in results)
    means = {q: statistics.mean(r.total for r in results if r.quality == q)
             for q in QUALITIES if any(r.quality == q for r in results)}
    rows = "\n".join(f"| {r.name} | {r.quality} | {r.total} | {r.low}–{r.high} | "
                     f"{'yes' if r.in_range else '**no**'} | {r.checks - len(r.disagreements)}"
                     f"/{r.checks} |" for r in results)
    misses = "\n".join(
        f"| {r.name} | {key} | {'pass' if verdict else 'fail'} | "
        f"{'fail' if verdict else 'pass'} | {why.replace('|', '/')[:160]} |"
        for r in results for key, verdict, why in r.disagreements) or "| – | – | – | – | – |"
    # The rules' verdict is the scorecard's, turned back where the second reading turned it.
    turned_checks = [(r.name, key, passed, key not in {d[0] for d in r.disagreements})
                     for r in results for key, passed in r.turned]
    rules_agreed = agreed + sum(-1 if right else 1 for *_, right in turned_checks)
    turned_rows = "\n".join(
        f"| {name} | {key} | {'fail' if passed else 'pass'} → {'pass' if passed else 'fail'} | "
        f"{'yes' if right else 'no'} |" for name, key, passed, right in turned_checks
    ) or "| – | – | – | – |"
    gap = (f"; good minus mediocre: {means['good'] - means['mediocre']:.0f} points"
           if "good" in means and "mediocre" in means else "")
    return "\n".join([
        "## Scorecard against an independent judge", "",
        f"Generated by `make bench-scorecard` (scripts/bench_scorecard.py) on "
        f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC from "
        + ", ".join(f"`{_shown(folder)}`" for folder in folders)
        + f": {len(results)} transcripts written and judged by "
        "someone who did not see the project's code or data, scored with the trained model "
        "as `bot.cli score-transcript` scores them (a check counts as passed at full credit).",
        "",
        f"- Checks agreeing with the judge: **{agreed}/{checks} "
        f"({agreed / checks:.1%})** (target ≥ 95%)",
        f"- Totals inside the judge's range: **{sum(r.in_range for r in results)}/"
        f"{len(results)}** (target: all)",
        "- Mean total by the judge's quality: " + ", ".join(
            f"{q} {m:.0f}" for q, m in means.items()) + gap,
        f"- The rules alone, without the second reading: {rules_agreed}/{checks} "
        f"({rules_agreed / checks:.1%}); the second reading turned {len(turned_checks)} checks, "
        f"{sum(right for *_, right in turned_checks)} of them to the judge's verdict", "",
        "| transcript | judge's quality | our total | judge's range | in range | checks agreeing |",
        "|---|---|---:|---|---|---:|", rows, "",
        "Disagreements (the judge's reason in their words):", "",
        "| transcript | check | judge | scorecard | judge's reason |",
        "|---|---|---|---|---|", misses, "",
        "Checks the second reading turned (rules → scorecard; agrees with the judge):", "",
        "| transcript | check | turned | judge agrees |", "|---|---|---|---|", turned_rows,
    ])


def _shown(folder: Path) -> str:
    return str(folder.relative_to(ROOT)) if folder.is_relative_to(ROOT) else str(folder)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--folder", type=Path, action="append",
                        help="a judged set (repeatable); default: every blind judged_* set")
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args(argv)
    folders = [f.resolve() for f in args.folder or blind_sets()]
    text = report([r for folder in folders for r in judge(folder)], folders)
    print(text)
    if not args.no_write:
        write_section(SECTION, text)
        print(f"\nwritten to {DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
