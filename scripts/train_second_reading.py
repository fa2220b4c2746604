"""`make train` (after the NLU model): the scorecard's second reading, learned from the
judged development calls (tests/data/dev/judged_*) and the rules' verdicts when they first
saw them (bot/roleplay/first_scorings.yml), written to models/ (never committed).

    python scripts/train_second_reading.py
"""
from __future__ import annotations

from bot.coach.roleplay.second_reading import (
    DEFAULT_PATH,
    FIRST_SCORINGS,
    JUDGED_SETS,
    ROOT,
    SecondReading,
    judged_calls,
)


def main() -> None:
    calls = judged_calls(JUDGED_SETS, FIRST_SCORINGS)
    if not calls:
        raise SystemExit(f"No judged calls of {FIRST_SCORINGS} found in {JUDGED_SETS}")
    reading = SecondReading.fit(calls)
    reading.save(DEFAULT_PATH)
    print(f"Second reading of the scorecard: {len(calls)} judged calls, {len(reading.verdicts)} "
          f"checks, {len(reading.lines)} of them with the lines judges quoted → "
          f"{DEFAULT_PATH.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
