"""What "today" is: INCASSO_TODAY pins it for tests and demos."""
import datetime as dt

import pytest

from bot.coach.clock import NOW_ENV, TODAY_ENV, now, today


def test_pinned_today(monkeypatch):
    monkeypatch.setenv(TODAY_ENV, "2026-11-23")
    assert today() == dt.date(2026, 11, 23)


def test_pinned_today_tolerates_surrounding_whitespace(monkeypatch):
    monkeypatch.setenv(TODAY_ENV, " 2027-01-04 \n")
    assert today() == dt.date(2027, 1, 4)


@pytest.mark.parametrize("unset", ["delete", ""])
def test_without_pin_today_is_the_real_date(monkeypatch, unset):
    if unset == "delete":
        monkeypatch.delenv(TODAY_ENV, raising=False)
    else:
        monkeypatch.setenv(TODAY_ENV, unset)
    before = dt.date.today()
    result = today()
    assert before <= result <= dt.date.today()


@pytest.mark.parametrize("value", ["23-11-2026", "2026-13-01", "morgen", "2026/11/23"])
def test_invalid_pin_gives_a_clear_value_error(monkeypatch, value):
    monkeypatch.setenv(TODAY_ENV, value)
    with pytest.raises(ValueError) as info:
        today()
    message = str(info.value)
    assert TODAY_ENV in message
    assert "YYYY-MM-DD" in message
    assert value in message


def test_pinned_now(monkeypatch):
    monkeypatch.setenv(NOW_ENV, "2026-11-23T14:05")
    assert now() == dt.datetime(2026, 11, 23, 14, 5)


def test_pinned_now_also_gives_today_when_today_is_not_pinned(monkeypatch):
    monkeypatch.delenv(TODAY_ENV, raising=False)
    monkeypatch.setenv(NOW_ENV, "2027-01-04T09:15:00")
    assert today() == dt.date(2027, 1, 4)


def test_pinned_today_wins_over_the_date_of_now(monkeypatch):
    monkeypatch.setenv(TODAY_ENV, "2026-11-23")
    monkeypatch.setenv(NOW_ENV, "2027-01-04T09:15")
    assert today() == dt.date(2026, 11, 23)


def test_now_without_pin_is_the_real_time_on_the_pinned_day(monkeypatch):
    monkeypatch.delenv(NOW_ENV, raising=False)
    monkeypatch.setenv(TODAY_ENV, "2026-11-23")
    assert now().date() == dt.date(2026, 11, 23)


@pytest.mark.parametrize("value", ["14:05", "23-11-2026 14:05", "morgen"])
def test_invalid_now_gives_a_clear_value_error(monkeypatch, value):
    monkeypatch.setenv(NOW_ENV, value)
    with pytest.raises(ValueError) as info:
        now()
    assert NOW_ENV in str(info.value) and value in str(info.value)
