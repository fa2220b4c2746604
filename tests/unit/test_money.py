"""Money: exact cents, half-up rounding, Dutch notation and exact splitting."""
from decimal import Decimal

import pytest

from bot.coach.money import euros, format_euro, percentage_of, split_evenly


def plain(text: str) -> str:
    """Babel writes a non-breaking space after the euro sign; compare with a normal one."""
    return text.replace("\xa0", " ").replace("\u202f", " ")


@pytest.mark.parametrize("value, expected", [
    ("1250.5", Decimal("1250.50")),
    (1250, Decimal("1250.00")),
    (Decimal("0.125"), Decimal("0.13")),     # half-up, not banker's rounding (0.12)
    ("0.135", Decimal("0.14")),
    ("2.675", Decimal("2.68")),
    (2.675, Decimal("2.68")),                # float taken by its repr, not its binary value
    (1.005, Decimal("1.01")),
    ("0.004", Decimal("0.00")),
    ("-0.125", Decimal("-0.13")),
    (" 12 ", Decimal("12.00")),
])
def test_euros_rounds_half_up_to_cents(value, expected):
    result = euros(value)
    assert result == expected
    assert result.as_tuple().exponent == -2, "always exactly two decimals"


@pytest.mark.parametrize("value", ["abc", "NaN", "nan", "inf", "-Infinity", float("nan"),
                                   float("inf"), None, "", "12,50"])
def test_euros_rejects_what_is_not_an_amount(value):
    with pytest.raises(ValueError, match="not an amount"):
        euros(value)


@pytest.mark.parametrize("amount, expected", [
    ("1250.5", "€ 1.250,50"),
    (Decimal("2450"), "€ 2.450,00"),
    (0.05, "€ 0,05"),
    ("1000000", "€ 1.000.000,00"),
    ("99.995", "€ 100,00"),
])
def test_format_euro_uses_dutch_notation(amount, expected):
    assert plain(format_euro(amount)) == expected


SPLITS = [("3333.34", 3), ("0.05", 3), ("100", 7), ("2450", 6), ("0.01", 2), ("18015.75", 6),
          ("1", 1), ("385.20", 3), ("12480.00", 11), ("999.99", 4)]


@pytest.mark.parametrize("total, parts", SPLITS)
def test_split_evenly_adds_up_to_the_total_exactly(total, parts):
    amounts = split_evenly(Decimal(total), parts)
    assert len(amounts) == parts
    assert sum(amounts, Decimal("0")) == Decimal(total)
    assert all(a.as_tuple().exponent == -2 for a in amounts), "whole cents only"


@pytest.mark.parametrize("total, parts", SPLITS)
def test_split_evenly_parts_differ_by_at_most_one_cent(total, parts):
    """An even split spreads leftover cents one per part: 100 / 7 is 14.29 x 2 + 14.28 x 5,
    not 14.32 + 14.28 x 6."""
    amounts = split_evenly(Decimal(total), parts)
    assert max(amounts) - min(amounts) <= Decimal("0.01"), amounts


def test_split_evenly_of_demo_7_balance_in_three():
    """DEMO-7's notes warn that 3.333,34 does not divide by three."""
    amounts = split_evenly(Decimal("3333.34"), 3)
    assert sorted(amounts) == [Decimal("1111.11"), Decimal("1111.11"), Decimal("1111.12")]


@pytest.mark.parametrize("parts", [0, -1])
def test_split_evenly_needs_at_least_one_part(parts):
    with pytest.raises(ValueError):
        split_evenly(Decimal("100"), parts)


@pytest.mark.parametrize("total, percent, expected", [
    ("2450", 30, Decimal("735.00")),
    ("3825.75", 50, Decimal("1912.88")),   # 1912.875 rounds half-up
    ("385.20", 20, Decimal("77.04")),
])
def test_percentage_of_rounds_to_cents(total, percent, expected):
    assert percentage_of(Decimal(total), percent) == expected
