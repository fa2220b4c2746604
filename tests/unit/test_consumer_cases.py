"""A consumer case: the brief names the statutory collection costs and whether they may
be charged yet, from the case's own 14-day letter."""
from __future__ import annotations

import datetime as dt

import pytest

from bot.coach.brief import preparation_brief
from bot.coach.case_files import SAMPLE_CASES, load_yaml
from bot.coach.cases import CaseError, case_from_dict, case_to_dict
from bot.coach.playbook import default_playbook
from bot.coach.statutory_costs import statutory_costs


def consumer(reminders: list[dict], consumer: object = True) -> dict:
    return {"id": "P-1", "company": "J. Jansen (particulier)", "consumer": consumer,
            "contact": {"name": "mevrouw Jansen"}, "reminders": reminders,
            "invoices": [{"number": "P-1", "date": "2026-09-01", "due_date": "2026-09-15",
                          "amount": "3000.00"}]}


def costs_fact(data: dict, today: dt.date) -> str:
    brief = preparation_brief(case_from_dict(data), today, default_playbook())
    return next(f for f in brief.facts if f.startswith("Particulier"))


def test_no_letter_means_no_costs_yet():
    fact = costs_fact(consumer([{"date": "2026-10-01", "kind": "aanmaning"}]),
                      dt.date(2026, 11, 23))
    assert "€\xa0425,00" in fact  # 15% of 2.500 + 10% of 500
    assert "geen veertiendagenbrief" in fact


@pytest.mark.parametrize("today, allowed", [(dt.date(2026, 11, 15), False),
                                            (dt.date(2026, 11, 16), True)])
def test_the_costs_may_be_charged_fifteen_days_after_the_letter(today, allowed):
    data = consumer([{"date": "2026-10-01", "kind": "aanmaning"},
                     {"date": "2026-11-01", "kind": "veertiendagenbrief"}])
    case = case_from_dict(data)
    assert case.fourteen_day_letter == dt.date(2026, 11, 1)
    fact = costs_fact(data, today)
    assert ("termijn is verstreken" in fact) is allowed
    assert ("16-11-2026" in fact)


def test_a_business_case_has_no_consumer_line_and_the_flag_round_trips():
    business = consumer([], consumer=False)
    brief = preparation_brief(case_from_dict(business), dt.date(2026, 11, 23),
                              default_playbook())
    assert not any(f.startswith("Particulier") for f in brief.facts)
    assert case_to_dict(case_from_dict(consumer([])))["consumer"] is True
    with pytest.raises(CaseError, match="consumer"):
        case_from_dict(consumer([], consumer="misschien"))


def test_the_sample_consumer_case_has_the_statutory_figure():
    part = next(c for c in load_yaml(SAMPLE_CASES) if c.id == "PART-1")
    assert part.consumer and part.fourteen_day_letter == dt.date(2026, 10, 20)
    assert part.administration_fee == statutory_costs(part.balance)
