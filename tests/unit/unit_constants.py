"""Constants shared by the unit tests (kept out of conftest.py so test modules can import
them without relying on the module name 'conftest')."""
import datetime as dt
from pathlib import Path

TODAY = dt.date(2026, 11, 23)  # a Monday; the demo's reference date
PROJECT_ROOT = Path(__file__).resolve().parents[2]
BAD_CASES_DIR = PROJECT_ROOT / "tests" / "data" / "bad_cases"
DEMO_IDS = tuple(f"DEMO-{n}" for n in range(1, 8))

# Dutch public holidays between the demo date and mid-2027, written out by hand.
KNOWN_HOLIDAYS = {
    dt.date(2026, 12, 25), dt.date(2026, 12, 26),             # Kerst
    dt.date(2027, 1, 1),                                     # Nieuwjaarsdag
    dt.date(2027, 3, 28), dt.date(2027, 3, 29),               # Pasen
    dt.date(2027, 4, 27),                                    # Koningsdag
    dt.date(2027, 5, 6),                                     # Hemelvaart
    dt.date(2027, 5, 16), dt.date(2027, 5, 17),               # Pinksteren
}


def is_open(day: dt.date) -> bool:
    """A weekday that is not a known public holiday (independent of business_days.py)."""
    return day.weekday() < 5 and day not in KNOWN_HOLIDAYS
