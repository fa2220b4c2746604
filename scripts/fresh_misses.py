"""Where the scorecard misses on calls it has never seen: every blind pair's first scoring,
as `make bench-scorecard` wrote it into docs/benchmarks.md, read back from the git history,
and its disagreements counted by check and by which way they went. Later scorings of the
same pair (after rules were built on it) are left out: they no longer measure
generalisation.

    python scripts/fresh_misses.py
"""
from __future__ import annotations

import re
import subprocess
from collections import Counter

BENCH_FILE = "docs/benchmarks.md"
SECTION = re.compile(r"## Scorecard against an independent judge(.*?)<!-- bench-scorecard:end -->",
                     re.S)
SCORED_SET = re.compile(r"judged_(\d{4}-\d{2}[a-z]+)/call")
# | judged_…/call-NN.txt | check | judge | scorecard | reason |
MISS = re.compile(r"^\| judged_[^|]+? \| (\w+) \| (pass|fail) \| (pass|fail) \|", re.M)
# | judged_…/call-NN.txt | quality | total | range | in range | n/10 |
CALL = re.compile(r"^\| judged_[^|]+? \| (good|mediocre|poor) \|.*\| (\d+)/(\d+) \|$", re.M)


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], capture_output=True, text=True, check=True).stdout


def first_scorings() -> dict[tuple[str, ...], tuple[int, list[tuple[str, str]]]]:
    """Each scored group of sets with its number of checks and its disagreements (check,
    the judge's verdict) as first written, oldest first."""
    firsts: dict[tuple[str, ...], tuple[int, list[tuple[str, str]]]] = {}
    for commit in reversed(_git("log", "--format=%H", "--", BENCH_FILE).split()):
        found = SECTION.search(_git("show", f"{commit}:{BENCH_FILE}"))
        if not found:
            continue
        sets = tuple(sorted(set(SCORED_SET.findall(found.group(1)))))
        if sets and sets not in firsts:
            checks = sum(int(n) for _, _, n in CALL.findall(found.group(1)))
            firsts[sets] = (checks, [(check, judge)
                                     for check, judge, _ in MISS.findall(found.group(1))])
    return firsts


def main() -> None:
    firsts = first_scorings()
    misses = Counter(check for _, rows in firsts.values() for check, _ in rows)
    lenient = Counter(check for _, rows in firsts.values() for check, judge in rows
                      if judge == "fail")
    total = sum(misses.values())
    checks = sum(n for n, _ in firsts.values())
    print(f"{len(firsts)} first scorings, {total} of {checks} checks missed")
    print(f"{'check':20} {'missed':>6} {'share':>6} {'judge fails':>12} {'judge passes':>13}")
    for check, count in misses.most_common():
        print(f"{check:20} {count:6d} {count / total:6.0%} {lenient[check]:12d} "
              f"{count - lenient[check]:13d}")


if __name__ == "__main__":
    main()
