"""Dutch presentation: long dates, lists and the salutation of a letter."""
import datetime as dt

import pytest

from bot.coach.formatting import join_nl, long_date, salutation, short_date

WEEKDAYS_NL = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MONTHS_NL = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
             "september", "oktober", "november", "december")


def expected_long(day: dt.date) -> str:
    return f"{WEEKDAYS_NL[day.weekday()]} {day.day} {MONTHS_NL[day.month - 1]} {day.year}"


def test_long_date_example_from_the_docs():
    assert long_date(dt.date(2026, 11, 27)) == "vrijdag 27 november 2026"


@pytest.mark.parametrize("day", [dt.date(2026, 12, 25), dt.date(2027, 1, 1),
                                 dt.date(2027, 3, 1), dt.date(2027, 5, 6), dt.date(2026, 11, 29)])
def test_long_date_names_weekday_and_month_in_dutch(day):
    assert long_date(day) == expected_long(day)


def test_short_date_has_no_weekday():
    assert short_date(dt.date(2026, 10, 14)) == "14 oktober 2026"


@pytest.mark.parametrize("items, expected", [
    ([], ""),
    (["F1"], "F1"),
    (["F1", "F2"], "F1 en F2"),
    (["F1", "F2", "F3"], "F1, F2 en F3"),
    (["F1", "", "F3"], "F1 en F3"),     # empty items are dropped
])
def test_join_nl(items, expected):
    assert join_nl(items) == expected


@pytest.mark.parametrize("name, expected", [
    ("mevrouw De Vries", "Geachte mevrouw De Vries,"),
    ("Dhr. W. Peters", "Geachte heer Peters,"),
    ("Mevr. S. Kok", "Geachte mevrouw Kok,"),
    ("de heer Jansen", "Geachte heer Jansen,"),
    ("meneer Claeys", "Geachte heer Claeys,"),
    ("Dhr. T. Özdemir", "Geachte heer Özdemir,"),
    ("Mw. A. de Boer", "Geachte mevrouw de Boer,"),
])
def test_salutation_for_a_person(name, expected):
    assert salutation(name) == expected


def test_salutation_for_a_team_does_not_invent_a_title():
    result = salutation("Team Administratie")
    assert "heer Administratie" not in result and "mevrouw Administratie" not in result
    assert result in ("Geachte Team Administratie,", "Geachte heer, mevrouw,")


@pytest.mark.parametrize("name", ["", "   "])
def test_salutation_without_a_name_is_neutral(name):
    assert salutation(name) == "Geachte heer, mevrouw,"
