"""Where the scorecard misses on calls it has never seen: every blind round's first scoring,
as `make bench-scorecard` wrote it into docs/benchmarks.md, read back from the git history,
and its disagreements counted by check and by which way they went. Later scorings of the
same sets (after rules were built on them) are left out: they no longer measure
generalisation.

    python scripts/fresh_misses.py
"""
from __future__ import annotations

import re
import subprocess
from collections import Counter
from dataclasses import dataclass

BENCH_FILE = "docs/benchmarks.md"
SECTION = re.compile(r"## Scorecard against an independent judge(.*?)<!-- bench-scorecard:end -->",
                     re.S)
# | judged_…/call-NN.txt | quality | total | range | in range | n/10 |
CALL = re.compile(r"^\| (judged_[^|]+?) \| (?:good|mediocre|poor) \|", re.M)
# | judged_…/call-NN.txt | check | judge | scorecard | reason |
MISS = re.compile(r"^\| (judged_[^|]+?) \| (\w+) \| (pass|fail) \| (?:pass|fail) \|", re.M)


@dataclass(frozen=True)
class Round:
    """One blind round as first scored: its calls ("judged_2026-12cf/call-01.txt") and the
    checks the scorecard got wrong, with the judge's verdict on each."""
    calls: tuple[str, ...]
    misses: dict[tuple[str, str], bool]  # (call, check) -> the judge passed it


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], capture_output=True, text=True, check=True).stdout


def first_scorings() -> list[Round]:
    """Each blind round as first written into docs/benchmarks.md, oldest first."""
    rounds: dict[tuple[str, ...], Round] = {}
    for commit in reversed(_git("log", "--format=%H", "--", BENCH_FILE).split()):
        found = SECTION.search(_git("show", f"{commit}:{BENCH_FILE}"))
        if not found:
            continue
        calls = tuple(sorted(set(CALL.findall(found.group(1)))))
        sets = tuple(sorted({call.split("/")[0] for call in calls}))
        if sets and sets not in rounds:
            misses = {(call, check): judge == "pass"
                      for call, check, judge in MISS.findall(found.group(1))}
            rounds[sets] = Round(calls, misses)
    return list(rounds.values())


def main() -> None:
    rounds = first_scorings()
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
