"""Cases: the sample dossiers, validation and the dict round trip."""
import datetime as dt
import json
from decimal import Decimal

import pytest

from bot.coach.case_files import SAMPLE_CASES, load_yaml
from bot.coach.cases import CaseError, case_from_dict, case_to_dict

from unit_constants import DEMO_IDS, TODAY


def test_sample_file_has_the_seven_demo_cases_first(sample_cases):
    # After them: DEMO-8 and the consumer cases PART-… of the role-play scenarios 09–12.
    assert tuple(sample_cases)[:len(DEMO_IDS)] == DEMO_IDS
    assert len(sample_cases) == len(load_yaml(SAMPLE_CASES)) >= len(DEMO_IDS)


def test_demo_1_facts(sample_cases):
    case = sample_cases["DEMO-1"]
    assert case.contact.name == "mevrouw De Vries"
    assert case.company == "Bloemisterij De Vries"
    assert [inv.number for inv in case.invoices] == ["F2026-0081", "F2026-0087"]
    assert [inv.amount for inv in case.invoices] == [Decimal("1000.00"), Decimal("1450.00")]
    assert case.balance == Decimal("2450.00")
    # Due 14 and 21 October: 40 and 33 days before Monday 23 November.
    assert [inv.days_overdue(TODAY) for inv in case.invoices] == [
        (TODAY - dt.date(2026, 10, 14)).days, (TODAY - dt.date(2026, 10, 21)).days]
    assert all(inv.days_overdue(TODAY) > 30 for inv in case.invoices)
    assert case.max_days_overdue(TODAY) == 40
    assert len(case.reminders) == 1 and case.reminders[0].kind == "herinnering"
    assert case.reminders[0].date == dt.date(2026, 10, 28)
    assert case.important_customer is False
    assert case.costs == Decimal("0.00")
    # The complaint on F2026-0087 is resolved, so nothing is disputed.
    assert case.disputed_invoices == ()
    assert case.undisputed_balance == case.balance


def test_demo_4_has_one_disputed_invoice(sample_cases):
    case = sample_cases["DEMO-4"]
    assert [inv.number for inv in case.disputed_invoices] == ["VF-26-0312"]
    assert case.undisputed_balance == Decimal("968.00")


def test_demo_3_history(sample_cases):
    case = sample_cases["DEMO-3"]
    assert case.broken_agreements == 2
    assert case.costs == Decimal("80.00") + Decimal("126.56")
    assert case.delivery_stop is True


def test_balances_are_exact_sums_of_invoices(sample_cases):
    for case in sample_cases.values():
        assert case.balance == sum((inv.amount for inv in case.invoices), Decimal("0"))
    assert sample_cases["DEMO-2"].balance == Decimal("18015.75")
    assert sample_cases["DEMO-7"].balance == Decimal("3333.34")


def test_invoice_not_yet_due_is_zero_days_overdue(make_case):
    case = make_case(invoices=[{"number": "T-1", "date": "2026-11-20",
                                "due_date": "2026-12-20", "amount": 10}])
    assert case.invoices[0].days_overdue(TODAY) == 0


@pytest.mark.parametrize("case_id", DEMO_IDS)
def test_round_trip_through_dict_is_lossless(sample_cases, case_id):
    case = sample_cases[case_id]
    assert case_from_dict(case_to_dict(case)) == case


def test_case_to_dict_is_json_friendly(sample_cases):
    data = case_to_dict(sample_cases["DEMO-3"])
    assert json.loads(json.dumps(data)) == data
    assert data["invoices"][0]["amount"] == "2180.00"
    assert data["invoices"][0]["due_date"] == "2026-07-15"


@pytest.mark.parametrize("change, words", [
    ({"id": ""}, ["'id'", "ontbreekt"]),
    ({"company": None}, ["'company'", "ontbreekt"]),
    ({"invoices": []}, ["factuur"]),
    ({"payment_behaviour": "terrible"}, ["payment_behaviour", "terrible"]),
    ({"creditworthiness": "AAA"}, ["creditworthiness", "AAA"]),
    ({"invoices": [{"number": "X", "date": "2026-01-01", "due_date": "2026-02-01",
                    "amount": "-5"}]}, ["negatief"]),
    ({"invoices": [{"number": "X", "date": "2026-01-01", "due_date": "2026-02-30",
                    "amount": "5"}]}, ["datum", "2026-02-30"]),
    ({"invoices": [{"number": "X", "date": "2026-01-01", "due_date": "2026-02-01",
                    "amount": True}]}, ["bedrag"]),
    ({"contact": {"role": "eigenaar"}}, ["'name'", "contact"]),
])
def test_invalid_case_data_gives_a_dutch_case_error(make_case, change, words):
    with pytest.raises(CaseError) as info:
        make_case(**change)
    for word in words:
        assert word in str(info.value)


def test_non_mapping_is_rejected():
    with pytest.raises(CaseError, match="mapping"):
        case_from_dict(["DEMO-1"])


def test_non_numeric_payment_terms_give_case_error(make_case):
    """A typo in a number field is a data error like any other: CaseError naming the field,
    not a bare int() ValueError."""
    with pytest.raises(CaseError) as info:
        make_case(payment_terms_days="dertig")
    assert "payment_terms_days" in str(info.value)


def test_earlier_agreement_that_is_not_a_mapping_gives_case_error(make_case):
    with pytest.raises(CaseError):
        make_case(earlier_agreements=["beloofde vrijdag te betalen"])


def test_sample_file_loads_the_same_twice():
    assert load_yaml(SAMPLE_CASES) == load_yaml(SAMPLE_CASES)
