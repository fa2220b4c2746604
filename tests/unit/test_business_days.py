"""Business days: weekends and Dutch public holidays are never a payment date.

The expected holidays are computed here independently (Easter by the Meeus/Jones/Butcher
algorithm, fixed dates by hand), not taken from the ``holidays`` package under test.
"""
import datetime as dt

import pytest

from bot.coach.business_days import (
    add_business_days,
    holiday_name,
    is_business_day,
    on_or_after,
    on_or_before,
)

D = dt.date


def easter_sunday(year: int) -> dt.date:
    """Gregorian Easter (anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    to_sunday = (32 + 2 * e + 2 * i - h - k) % 7  # 'l' in the published algorithm
    m = (a + 11 * h + 22 * to_sunday) // 451
    month = (h + to_sunday - 7 * m + 114) // 31
    day = (h + to_sunday - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def dutch_public_holidays(year: int) -> set[dt.date]:
    """Days off in the Netherlands (Bevrijdingsdag only in lustrum years, not in 2026/27)."""
    easter = easter_sunday(year)
    kings_day = dt.date(year, 4, 27)
    if kings_day.weekday() == 6:  # on a Sunday it moves to Saturday the 26th
        kings_day = dt.date(year, 4, 26)
    days = {
        dt.date(year, 1, 1),                      # Nieuwjaarsdag
        easter, easter + dt.timedelta(days=1),    # Eerste en Tweede paasdag
        kings_day,                                # Koningsdag
        easter + dt.timedelta(days=39),           # Hemelvaartsdag
        easter + dt.timedelta(days=49),           # Eerste Pinksterdag
        easter + dt.timedelta(days=50),           # Tweede Pinksterdag
        dt.date(year, 12, 25), dt.date(year, 12, 26),
    }
    if year % 5 == 0:
        days.add(dt.date(year, 5, 5))
    return days


def test_easter_reference_is_right():
    """Guard the reference itself with well-known Easter dates."""
    assert easter_sunday(2024) == D(2024, 3, 31)
    assert easter_sunday(2026) == D(2026, 4, 5)
    assert easter_sunday(2027) == D(2027, 3, 28)


@pytest.mark.parametrize("day, name_part", [
    (D(2026, 12, 25), "Kerst"),          # Friday
    (D(2026, 12, 26), "Kerst"),          # Saturday, and a holiday
    (D(2027, 1, 1), "Nieuwjaar"),        # Friday
    (D(2027, 4, 27), "Koning"),          # Tuesday
    (D(2027, 3, 29), "paas"),            # Tweede paasdag, Monday
    (D(2027, 5, 6), "Hemelvaart"),       # Thursday
    (D(2026, 4, 6), "paas"),
    (D(2026, 5, 14), "Hemelvaart"),
    (D(2027, 5, 17), "Pinkster"),
])
def test_dutch_public_holidays_are_not_business_days(day, name_part):
    assert day in dutch_public_holidays(day.year)
    assert not is_business_day(day)
    assert name_part.lower() in (holiday_name(day) or "").lower()


@pytest.mark.parametrize("day", [D(2026, 11, 28), D(2026, 11, 29), D(2027, 1, 2), D(2027, 1, 3)])
def test_weekends_are_not_business_days(day):
    assert day.weekday() >= 5
    assert not is_business_day(day)


@pytest.mark.parametrize("day", [D(2026, 11, 23), D(2026, 12, 24), D(2026, 12, 31),
                                 D(2027, 1, 4), D(2027, 5, 5)])
def test_ordinary_weekdays_are_business_days(day):
    assert day.weekday() < 5
    assert holiday_name(day) is None
    assert is_business_day(day)


@pytest.mark.parametrize("year", [2026, 2027])
def test_every_day_of_the_year_matches_the_reference_calendar(year):
    """Whole-year check against the independent reference. Goede Vrijdag is left out:
    it is no official day off, but the payment system (TARGET2) is closed, so either
    answer is defensible."""
    holidays = dutch_public_holidays(year)
    good_friday = easter_sunday(year) - dt.timedelta(days=2)
    day = D(year, 1, 1)
    while day.year == year:
        if day != good_friday:
            expected = day.weekday() < 5 and day not in holidays
            assert is_business_day(day) is expected, day
        day += dt.timedelta(days=1)


@pytest.mark.parametrize("start, count, expected", [
    (D(2026, 11, 23), 0, D(2026, 11, 23)),   # an open day counts as itself
    (D(2026, 11, 28), 0, D(2026, 11, 30)),   # Saturday → Monday
    (D(2026, 11, 23), 5, D(2026, 11, 30)),   # Mon + 5 → next Mon
    (D(2026, 11, 23), 10, D(2026, 12, 7)),
    (D(2026, 12, 24), 1, D(2026, 12, 28)),   # skips Kerst (Fri, Sat) and Sunday
    (D(2026, 12, 23), 3, D(2026, 12, 29)),   # 24, 28, 29
    (D(2026, 12, 31), 1, D(2027, 1, 4)),     # skips Nieuwjaarsdag and the weekend
    (D(2026, 12, 22), 5, D(2026, 12, 30)),  # 23, 24, 28, 29, 30
    (D(2026, 12, 30), 2, D(2027, 1, 4)),     # 31, then 4 January
])
def test_add_business_days_across_christmas_and_new_year(start, count, expected):
    assert add_business_days(start, count) == expected


def test_add_business_days_never_lands_on_a_closed_day():
    start = D(2026, 11, 23)
    previous = start
    for count in range(1, 120):
        day = add_business_days(start, count)
        assert day.weekday() < 5 and day not in dutch_public_holidays(day.year), (count, day)
        assert day > previous
        previous = day


@pytest.mark.parametrize("day, after, before", [
    (D(2026, 12, 25), D(2026, 12, 28), D(2026, 12, 24)),
    (D(2026, 12, 27), D(2026, 12, 28), D(2026, 12, 24)),
    (D(2027, 1, 1), D(2027, 1, 4), D(2026, 12, 31)),
    (D(2027, 4, 27), D(2027, 4, 28), D(2027, 4, 26)),
    (D(2027, 5, 6), D(2027, 5, 7), D(2027, 5, 5)),      # Hemelvaart on a Thursday
    (D(2026, 11, 25), D(2026, 11, 25), D(2026, 11, 25)),
])
def test_on_or_after_and_on_or_before(day, after, before):
    assert on_or_after(day) == after
    assert on_or_before(day) == before


def test_tweede_paasdag_moves_forward_to_tuesday_and_back_before_the_easter_weekend():
    assert on_or_after(D(2027, 3, 29)) == D(2027, 3, 30)
    # Back from Easter Monday: Thursday 25/3 or Goede Vrijdag 26/3, depending on whether
    # Goede Vrijdag counts as closed (it does in the current calendar: banks are shut).
    assert on_or_before(D(2027, 3, 29)) in (D(2027, 3, 25), D(2027, 3, 26))
