"""Where the scorecard misses on calls it has never seen: every blind round's first scoring,
as `make bench-scorecard` wrote it into docs/benchmarks.md, read back from the git history,
and its disagreements counted by check and by which way they went. Later scorings of the
same sets (after rules were built on them) are left out: they no longer measure
generalisation.

    python scripts/fresh_misses.py [--export bot/roleplay/first_scorings.yml]

With ``--export`` it writes the rounds as the scorecard's second reading learns from them
(bot.coach.roleplay.second_reading): each round's sets and the checks the rules missed.
"""
from __future__ import annotations

import argparse
import re
import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

BENCH_FILE = "docs/benchmarks.md"
SECTION = re.compile(r"## Scorecard against an independent judge(.*?)<!-- bench-scorecard:end -->",
                     re.S)
# | judged_…/call-NN.txt | quality | total | range | in range | n/10 |
CALL = re.compile(r"^\| (judged_[^|]+?) \| (?:good|mediocre|poor) \|", re.M)
# | judged_…/call-NN.txt | check | judge | scorecard | reason |
MISS = re.compile(r"^\| (judged_[^|]+?) \| (\w+) \| (pass|fail) \| (?:pass|fail) \|", re.M)
# | judged_…/call-NN.txt | check | pass → fail | yes |  (turned by the second reading)
TURNED = re.compile(r"^\| (judged_[^|]+?) \| (\w+) \| (?:pass|fail) → (?:pass|fail) \|", re.M)


@dataclass(frozen=True)
class Round:
    """One blind round as first scored: its calls ("judged_2026-12cf/call-01.txt"), the
    checks the scorecard got wrong, with the judge's verdict on each, and the checks its
    second reading turned (rounds scored since it exists)."""
    calls: tuple[str, ...]
    misses: dict[tuple[str, str], bool]  # (call, check) -> the judge passed it
    turned: frozenset[tuple[str, str]] = frozenset()

    def rules_missed(self, call: str) -> list[str]:
        """The checks of ``call`` the rules alone got wrong: the scorecard's misses,
        turned back where the second reading turned them."""
        missed = {check for c, check in self.misses if c == call}
        return sorted(missed ^ {check for c, check in self.turned if c == call})


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], capture_output=True, text=True, check=True).stdout


def first_scorings() -> list[Round]:
    """Each blind round as first written into docs/benchmarks.md, oldest first."""
    rounds: dict[tuple[str, ...], Round] = {}
    seen: set[str] = set()  # a call scored again with a later round keeps its first scoring
    for commit in reversed(_git("log", "--format=%H", "--", BENCH_FILE).split()):
        found = SECTION.search(_git("show", f"{commit}:{BENCH_FILE}"))
        if not found:
            continue
        calls = tuple(sorted(set(CALL.findall(found.group(1))) - seen))
        sets = tuple(sorted({call.split("/")[0] for call in calls}))
        if sets and sets not in rounds:
            misses = {(call, check): judge == "pass"
                      for call, check, judge in MISS.findall(found.group(1)) if call in calls}
            turned = frozenset((call, check) for call, check in TURNED.findall(found.group(1))
                               if call in calls)
            rounds[sets] = Round(calls, misses, turned)
            seen.update(calls)
    return list(rounds.values())


EXPORT_HEADER = """\
# The rules' verdicts when they first scored each blind round (`make bench-scorecard`,
# read back from the git history of docs/benchmarks.md): a round's sets and, per call,
# the checks where the rules and the judge disagreed; on every other check they agreed.
# The scorecard's second reading learns from these (bot/coach/roleplay/second_reading.py).
# Written by scripts/fresh_misses.py --export.
"""


def export(rounds: list[Round], path: Path) -> None:
    listed = [{"sets": sorted({call.split("/")[0] for call in r.calls}), "missed": {
        call: missed for call in r.calls if (missed := r.rules_missed(call))}}
        for r in rounds]
    path.write_text(EXPORT_HEADER + yaml.safe_dump({"rounds": listed}, allow_unicode=True,
                                                   sort_keys=False), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--export", type=Path, help="write the rounds to this YAML file")
    rounds = first_scorings()
    if (path := parser.parse_args().export) is not None:
        export(rounds, path)
    misses = Counter(check for r in rounds for _, check in r.misses)
    lenient = Counter(check for r in rounds for (_, check), passed in r.misses.items()
                      if not passed)
    total = sum(misses.values())
    checks = 10 * sum(len(r.calls) for r in rounds)
    print(f"{len(rounds)} first scorings, {total} of {checks} checks missed")
    print(f"{'check':20} {'missed':>6} {'share':>6} {'judge fails':>12} {'judge passes':>13}")
    for check, count in misses.most_common():
        print(f"{check:20} {count:6d} {count / total:6.0%} {lenient[check]:12d} "
              f"{count - lenient[check]:13d}")


if __name__ == "__main__":
    main()
