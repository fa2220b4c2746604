"""How far two judges of the same calls agree: for the scorecard's misses on a judged set,
whether they are the rules' or a matter of the judge's taste. Each folder holds one
`call-NN.judgment.yml` per call (the format of tests/data/blind/README.md); the second
judge saw only the calls and the rubric.

    python scripts/compare_judges.py tests/data/dev/judged_2026-12ap \
        tests/data/dev/second_judge_2026-12ap_aq/ap
"""
from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.coach.roleplay.scorecard import CHECKS

WEIGHTS = {check.key: check.weight for check in CHECKS}


@dataclass
class Comparison:
    checks: int = 0
    agreed: int = 0
    calls: int = 0
    in_range: int = 0  # the second judge's total inside the first judge's range
    differences: list[tuple[str, str, bool]] = field(default_factory=list)  # call, check, first


def _verdict(path: Path) -> dict:
    try:
        verdict = yaml.safe_load(path.read_text(encoding="utf-8"))
        verdict["checks"], verdict["total_range"]
    except (OSError, yaml.YAMLError, TypeError, KeyError) as error:
        raise SystemExit(f"{path}: not a judgment ({error})") from error
    return verdict


def compare(first: Path, second: Path) -> Comparison:
    """Check by check, over the calls both judged."""
    result = Comparison()
    for mine in sorted(first.glob("call-*.judgment.yml")):
        other = second / mine.name
        if not other.exists():
            continue
        a, b = _verdict(mine), _verdict(other)
        result.calls += 1
        for key, check in a["checks"].items():
            if key not in b["checks"]:
                continue
            result.checks += 1
            if bool(check["pass"]) == bool(b["checks"][key]["pass"]):
                result.agreed += 1
            else:
                result.differences.append((mine.name, key, bool(check["pass"])))
        total = sum(WEIGHTS.get(k, 0) for k, c in b["checks"].items() if c["pass"])
        low, high = a["total_range"]
        result.in_range += int(low) <= total <= int(high)
    if not result.checks:
        raise SystemExit(f"No call judged in both {first} and {second}")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("first", type=Path)
    parser.add_argument("second", type=Path)
    args = parser.parse_args(argv)
    result = compare(args.first, args.second)
    print(f"checks agreeing: {result.agreed}/{result.checks} "
          f"({result.agreed / result.checks:.1%}); second judge's total in the first judge's "
          f"range: {result.in_range}/{result.calls}")
    for call, key, passed in result.differences:
        print(f"  {call} {key}: first {'pass' if passed else 'fail'}, "
              f"second {'fail' if passed else 'pass'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
