"""How the scorecard's second reading would have done on rounds it had not seen: for every
blind round in bot/roleplay/first_scorings.yml from the tenth on, it is trained on the
rounds before (as it would have run at the time) and scored on that round, against the
rules' verdict then. For each check it takes away rightly it also counts whether the line
it quotes is one the judge quoted.

    python scripts/second_reading_rounds.py
"""
from __future__ import annotations

from bot.coach.roleplay.second_reading import (
    FIRST_SCORINGS,
    JUDGED_SETS,
    JudgedCall,
    SecondReading,
    judged_rounds,
    quoted_in,
)

FIRST_SCORED = 10  # the rounds before train the first one scored


def score_round(reading: SecondReading, calls: list[JudgedCall]) -> dict[str, int]:
    counts = dict.fromkeys(("checks", "rules", "reading", "turned", "right", "quoted",
                            "unquoted"), 0)
    for call in calls:
        for check, judge in call.judge.items():
            rules = call.rules[check]
            turned = reading.verdict(check, call.collector_lines, rules)
            verdict = rules if turned is None else turned.passed
            counts["checks"] += 1
            counts["rules"] += rules == judge
            counts["reading"] += verdict == judge
            if turned is not None:
                counts["turned"] += 1
                counts["right"] += verdict == judge
            if turned is not None and turned.line is not None and verdict == judge:
                line = call.collector_lines[turned.line]
                counts["quoted" if quoted_in(line, call.reasons[check]) else "unquoted"] += 1
    return counts


def main() -> None:
    rounds = judged_rounds(JUDGED_SETS, FIRST_SCORINGS)
    total: dict[str, int] = {}
    at_target = {"rules": 0, "reading": 0}
    for number in range(FIRST_SCORED, len(rounds)):
        reading = SecondReading.fit([call for r in rounds[:number] for call in r])
        counts = score_round(reading, rounds[number])
        for key, value in counts.items():
            total[key] = total.get(key, 0) + value
        for key in at_target:
            at_target[key] += counts[key] >= 0.95 * counts["checks"]
        print(f"round {number:2d}: rules {counts['rules']}/{counts['checks']}, second reading "
              f"{counts['reading']}/{counts['checks']}", flush=True)
    checks = total["checks"]
    print(f"\n{len(rounds) - FIRST_SCORED} rounds, {checks} checks, each trained on the rounds "
          f"before: rules {total['rules'] / checks:.2%}, with the second reading "
          f"{total['reading'] / checks:.2%}; rounds at 95% or more: rules {at_target['rules']}, "
          f"with it {at_target['reading']}")
    print(f"turned {total['turned']} checks, {total['right']} to the judge's verdict; of the "
          f"checks rightly taken away, the quoted line is one the judge quoted in "
          f"{total['quoted']} and another in {total['unquoted']}")


if __name__ == "__main__":
    main()
