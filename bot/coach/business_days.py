"""Dutch business days: no weekends and no Dutch public holidays.

Payment dates the coach proposes must be days on which a bank transfer is processed and
somebody is at the office, so they skip Saturdays, Sundays and public holidays.
"""
import datetime as dt
from functools import lru_cache

import holidays


@lru_cache(maxsize=16)
def _dutch_holidays(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("NL", years=year, language="nl")


def holiday_name(day: dt.date) -> str | None:
    return _dutch_holidays(day.year).get(day)


def is_business_day(day: dt.date) -> bool:
    return day.weekday() < 5 and holiday_name(day) is None


def on_or_after(day: dt.date) -> dt.date:
    """The first business day on or after ``day``."""
    while not is_business_day(day):
        day += dt.timedelta(days=1)
    return day


def on_or_before(day: dt.date) -> dt.date:
    """The last business day on or before ``day``."""
    while not is_business_day(day):
        day -= dt.timedelta(days=1)
    return day


def add_business_days(start: dt.date, count: int) -> dt.date:
    """The business day ``count`` business days after ``start`` (0 → start itself if open)."""
    day = on_or_after(start)
    for _ in range(count):
        day = on_or_after(day + dt.timedelta(days=1))
    return day

