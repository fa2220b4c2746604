"""Concrete proposals: business-day dates after today, instalments that add up exactly."""
import datetime as dt
import math
from decimal import Decimal
from itertools import pairwise

import pytest

from bot.coach.profiles import profile_for
from bot.coach.proposals import (
    BUILDERS,
    MIN_INSTALLMENT,
    ProposalContext,
    build_proposals,
    callback_and_pay,
    down_payment_and_rest,
    extension,
    installment_plan,
    pay_in_full,
    undisputed_part,
)

from unit_constants import DEMO_IDS, TODAY, is_open

D = dt.date
SITUATIONS = ("excuse_invoice_not_received", "excuse_contact_unavailable", "excuse_bank_problem",
              "excuse_waiting_for_customer", "claim_already_paid", "dispute_invoice",
              "cannot_pay", "promise_vague", "request_payment_plan", "request_extension",
              "request_discount", "deny", "wrong_person", "unknown")


def plain(text: str) -> str:
    return text.replace("\xa0", " ")


@pytest.fixture
def context(playbook):
    def _context(case=None, profile=None, **said) -> ProposalContext:
        chosen = playbook.profiles[profile] if profile else profile_for(case, playbook)
        return ProposalContext(today=TODAY, profile=chosen, playbook=playbook, case=case,
                               **said)
    return _context


def all_dates(proposal) -> list[dt.date]:
    return [proposal.date, *(i.date for i in proposal.installments)]


@pytest.mark.parametrize("situation", SITUATIONS)
@pytest.mark.parametrize("case_id", DEMO_IDS)
def test_proposal_dates_are_open_business_days_after_today(sample_cases, playbook, context,
                                                           case_id, situation):
    proposals = build_proposals(playbook.situation(situation).proposals,
                                context(sample_cases[case_id]))
    assert proposals, "every one of these situations proposes something"
    for proposal in proposals:
        for day in all_dates(proposal):
            assert day > TODAY, (proposal.kind, day)
            assert is_open(day), (proposal.kind, day, day.strftime("%A"))


@pytest.mark.parametrize("kind", ["installment_plan", "down_payment_and_rest"])
@pytest.mark.parametrize("case_id", DEMO_IDS)
def test_instalments_add_up_to_the_balance_in_date_order(sample_cases, context, case_id, kind):
    case = sample_cases[case_id]
    proposal = BUILDERS[kind](context(case))
    parts = proposal.installments
    assert len(parts) >= 2
    assert sum((p.amount for p in parts), Decimal("0")) == case.balance == proposal.amount
    assert all(p.amount > 0 for p in parts)
    assert all(a.date < b.date for a, b in pairwise(parts))
    assert proposal.date == parts[-1].date


def test_demo_1_instalment_plan_skips_christmas(sample_cases, context):
    """Standard profile: three monthly parts, the first two business days from Monday
    23 November (Wednesday 25th); a month later is Christmas Day, so Monday the 28th."""
    proposal = installment_plan(context(sample_cases["DEMO-1"]))
    assert [p.date for p in proposal.installments] == [D(2026, 11, 25), D(2026, 12, 28),
                                                       D(2027, 1, 25)]
    assert sum(p.amount for p in proposal.installments) == Decimal("2450.00")


def test_instalment_count_follows_the_debtors_monthly_amount(sample_cases, context):
    case = sample_cases["DEMO-2"]                # accommodating: up to 6 parts
    proposal = installment_plan(context(case, said_amount=Decimal("5000")))
    assert len(proposal.installments) == math.ceil(Decimal("18015.75") / 5000)   # 4
    capped = installment_plan(context(case, said_amount=Decimal("100")))
    assert len(capped.installments) == 6


def test_instalments_are_not_smaller_than_the_minimum_when_avoidable(context, make_case):
    case = make_case(invoices=[{"number": "T-1", "date": "2026-09-01",
                                "due_date": "2026-10-01", "amount": "120.00"}])
    proposal = installment_plan(context(case, profile="accommodating"))
    assert len(proposal.installments) == 2
    assert all(p.amount >= MIN_INSTALLMENT for p in proposal.installments)


def test_strict_is_firmer_than_accommodating_for_the_same_balance(sample_cases, context):
    case = sample_cases["DEMO-5"]
    strict, lenient = context(case, profile="strict"), context(case, profile="accommodating")
    assert pay_in_full(strict).date < pay_in_full(lenient).date
    assert extension(strict).date < extension(lenient).date
    assert down_payment_and_rest(strict).date < down_payment_and_rest(lenient).date
    assert (down_payment_and_rest(strict).installments[0].amount
            > down_payment_and_rest(lenient).installments[0].amount)
    assert (len(installment_plan(strict).installments)
            < len(installment_plan(lenient).installments))


@pytest.mark.parametrize("profile, business_days, expected", [
    ("strict", 2, D(2026, 11, 25)),
    ("standard", 5, D(2026, 11, 30)),
    ("accommodating", 10, D(2026, 12, 7)),
])
def test_pay_in_full_deadline_counts_business_days(sample_cases, context, playbook,
                                                   profile, business_days, expected):
    assert playbook.profiles[profile].pay_within_days == business_days
    proposal = pay_in_full(context(sample_cases["DEMO-1"], profile=profile))
    assert proposal.date == expected
    assert proposal.amount == Decimal("2450.00")
    assert "€ 2.450,00" in plain(proposal.text)
    assert str(expected.day) in proposal.text


def test_undisputed_part_of_demo_4_is_the_undisputed_invoice(sample_cases, context):
    case = sample_cases["DEMO-4"]
    undisputed_invoice = next(i for i in case.invoices if i.number == "VF-26-0347")
    proposal = undisputed_part(context(case))
    assert proposal.amount == undisputed_invoice.amount == Decimal("968.00")
    assert "€ 968,00" in plain(proposal.text)
    assert "€ 2.875,00" in plain(proposal.text)          # the disputed part is named too
    assert proposal.date == D(2026, 11, 25)               # two business days


def test_undisputed_part_for_an_invoice_named_in_the_call(sample_cases, context):
    case = sample_cases["DEMO-1"]                         # no open complaint on file
    assert undisputed_part(context(case)) is None
    proposal = undisputed_part(context(case, said_invoice="F2026-0087"))
    assert proposal.amount == Decimal("1000.00")


def test_undisputed_part_needs_a_case_and_an_undisputed_rest(sample_cases, context):
    assert undisputed_part(context(None)) is None
    single = sample_cases["DEMO-6"]
    assert undisputed_part(context(single, said_invoice="20261342")) is None


@pytest.mark.parametrize("said, expected", [
    (D(2026, 12, 2), D(2026, 12, 2)),     # within the 10 business days: granted
    (D(2026, 12, 5), D(2026, 12, 7)),     # a Saturday within the limit: the Monday after
    (D(2026, 12, 7), D(2026, 12, 7)),     # exactly the limit
    (D(2026, 12, 8), D(2026, 12, 7)),     # one day too late: capped
    (D(2027, 1, 15), D(2026, 12, 7)),     # far too late: capped
    (D(2026, 11, 20), D(2026, 12, 7)),    # in the past: the limit
    (None, D(2026, 12, 7)),
])
def test_extension_honours_dates_within_the_limit_and_caps_later_ones(sample_cases, context,
                                                                       said, expected):
    """Standard profile: at most 10 business days from Monday 23 November = Monday 7 December."""
    proposal = extension(context(sample_cases["DEMO-1"], said_date=said))
    assert proposal.date == expected


def test_down_payment_takes_a_larger_offer_from_the_debtor(sample_cases, context):
    case = sample_cases["DEMO-1"]                          # standard: 30% = 735.00
    default = down_payment_and_rest(context(case))
    assert default.installments[0].amount == Decimal("735.00")
    assert default.installments[0].date == D(2026, 11, 24)
    offered = down_payment_and_rest(context(case, said_amount=Decimal("1000")))
    assert [i.amount for i in offered.installments] == [Decimal("1000.00"), Decimal("1450.00")]
    smaller = down_payment_and_rest(context(case, said_amount=Decimal("100")))
    assert smaller.installments[0].amount == Decimal("735.00")


def test_callback_is_the_next_business_day_at_the_playbook_time(sample_cases, context):
    proposal = callback_and_pay(context(sample_cases["DEMO-1"]))
    assert "dinsdag 24 november 2026 om 10:00 uur" in proposal.text
    assert proposal.date == D(2026, 11, 26)


def test_without_a_case_there_are_no_exact_amounts(context):
    ctx = context(None)
    full = pay_in_full(ctx)
    assert full.amount is None
    assert "het openstaande bedrag" in full.text and "€" not in full.text
    assert installment_plan(ctx) is None
    assert down_payment_and_rest(ctx) is None


def test_said_amount_without_case_is_used_as_the_balance(context):
    proposal = installment_plan(context(None, said_amount=Decimal("600")))
    assert sum(p.amount for p in proposal.installments) == Decimal("600.00")


def test_proposal_payload_uses_iso_dates_and_numbers(sample_cases, context):
    payload = installment_plan(context(sample_cases["DEMO-7"])).to_payload()
    assert payload["kind"] == "installment_plan"
    assert payload["date"] == "2027-01-25"
    assert payload["amount"] == 3333.34
    assert [i["date"] for i in payload["installments"]] == ["2026-11-25", "2026-12-28",
                                                            "2027-01-25"]
    assert round(sum(i["amount"] for i in payload["installments"]), 2) == 3333.34
