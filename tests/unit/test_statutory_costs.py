"""Statutory collection costs (Besluit vergoeding voor buitengerechtelijke incassokosten):
the scale at every bracket edge, the minimum and maximum, exact cents, and the 14-day
letter that must come first."""
import datetime as dt
from decimal import Decimal

import pytest

from bot.coach.statutory_costs import (
    MAXIMUM,
    MINIMUM,
    assess,
    costs_due_from,
    may_charge,
    statutory_costs,
)


@pytest.mark.parametrize("principal,costs", [
    # minimum € 40 up to 266,67 (15 % of 266,67 = 40,0005 → 40,00)
    ("0.01", "40.00"), ("1", "40.00"), ("100", "40.00"), ("266.66", "40.00"),
    ("266.67", "40.00"), ("266.70", "40.01"), ("266.73", "40.01"), ("300", "45.00"),
    # first bracket: 15 % of the first 2.500
    ("385.20", "57.78"), ("1000", "150.00"), ("2499.99", "375.00"), ("2500", "375.00"),
    # second bracket: + 10 % of the next 2.500
    ("2500.01", "375.00"), ("2500.10", "375.01"), ("2600", "385.00"), ("5000", "625.00"),
    # third bracket: + 5 % of the next 5.000
    ("5000.10", "625.01"), ("5000.20", "625.01"), ("7500", "750.00"), ("10000", "875.00"),
    # fourth bracket: + 1 % of the next 190.000
    ("10000.50", "875.01"), ("10001", "875.01"), ("100000", "1775.00"), ("200000", "2775.00"),
    # the rest: + 0,5 %, at most € 6.775 (reached at exactly € 1.000.000)
    ("200001", "2775.01"), ("200002", "2775.01"), ("500000", "4275.00"),
    ("999999.99", "6775.00"), ("999998", "6774.99"), ("1000000", "6775.00"),
    ("1000000.01", "6775.00"), ("5000000", "6775.00"),
])
def test_scale_at_the_bracket_edges(principal, costs):
    assert statutory_costs(Decimal(principal)) == Decimal(costs)


def test_every_result_is_whole_cents_and_half_a_cent_rounds_up():
    # 15 % of 266,70 = 40,005 → 40,01 (half up); 15 % of 385,21 = 57,7815 → 57,78
    assert statutory_costs(Decimal("266.70")) == Decimal("40.01")
    assert statutory_costs(Decimal("385.21")) == Decimal("57.78")
    for cents in range(0, 1_000_000, 7919):
        result = statutory_costs(Decimal(cents) / 100)
        assert result == result.quantize(Decimal("0.01"))


def test_costs_never_fall_with_a_higher_principal_and_stay_between_min_and_max():
    previous = Decimal(0)
    for euros in (*range(1, 12000, 37), *range(12000, 1_100_000, 4999)):
        costs = statutory_costs(euros)
        assert MINIMUM <= costs <= MAXIMUM and costs >= previous
        previous = costs


def test_accepts_int_and_text_but_not_negative_or_nonsense():
    assert statutory_costs(2500) == statutory_costs("2500.00") == Decimal("375.00")
    assert statutory_costs(0) == Decimal("0.00")
    with pytest.raises(ValueError):
        statutory_costs(Decimal("-1"))
    with pytest.raises(ValueError):
        statutory_costs(Decimal("NaN"))


LETTER = dt.date(2026, 11, 2)


@pytest.mark.parametrize("today,allowed", [
    (dt.date(2026, 11, 2), False),    # the day it was sent
    (dt.date(2026, 11, 16), False),   # 14 days after sending: received the 3rd, term runs
    (dt.date(2026, 11, 17), True),    # letter date + 15 days: the term has passed
    (dt.date(2026, 11, 23), True),
])
def test_costs_only_after_the_fourteen_day_letter_term(today, allowed):
    assert costs_due_from(LETTER) == dt.date(2026, 11, 17)
    assert may_charge(LETTER, today) is allowed
    assert may_charge(None, today) is False


def test_assessment_says_what_may_be_charged_and_why():
    sent = assess(Decimal("1240.00"), LETTER, dt.date(2026, 11, 23))
    assert sent.allowed and sent.scale == sent.chargeable == Decimal("186.00")
    assert "17-11-2026" in sent.reason
    early = assess(Decimal("1240.00"), LETTER, dt.date(2026, 11, 10))
    assert not early.allowed and early.chargeable == Decimal("0.00")
    assert early.scale == Decimal("186.00") and "17-11-2026" in early.reason
    none = assess(Decimal("1240.00"), None, dt.date(2026, 11, 23))
    assert not none.allowed and none.due_from is None and "geen veertiendagenbrief" in none.reason
