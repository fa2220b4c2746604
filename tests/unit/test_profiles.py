"""How firm to be: strict for poor payers and broken promises, accommodating for important
customers in good standing, standard otherwise."""
import pytest

from bot.coach.profiles import profile_for, profile_name


@pytest.mark.parametrize("case_id, expected", [
    ("DEMO-1", "standard"),        # average payer, good credit, kept its earlier promise
    ("DEMO-2", "accommodating"),   # important customer, good payer, good credit
    ("DEMO-3", "strict"),          # poor payer, poor credit, two broken promises
    ("DEMO-4", "standard"),
    ("DEMO-5", "standard"),        # moderate credit is not poor
    ("DEMO-6", "standard"),        # good payer but not an important customer
    ("DEMO-7", "standard"),
])
def test_demo_case_profiles(sample_cases, case_id, expected):
    assert profile_name(sample_cases[case_id]) == expected


def test_no_case_is_standard(playbook):
    assert profile_name(None) == "standard"
    assert profile_for(None, playbook).name == "standard"


def test_profile_for_returns_the_playbook_profile(sample_cases, playbook):
    profile = profile_for(sample_cases["DEMO-3"], playbook)
    assert profile is playbook.profiles["strict"]
    assert profile.pay_within_days == 2


def test_plain_case_is_standard(make_case):
    assert profile_name(make_case()) == "standard"


@pytest.mark.parametrize("fields", [
    pytest.param({"payment_behaviour": "poor"}, id="poor-payer"),
    pytest.param({"creditworthiness": "poor"}, id="poor-credit"),
])
def test_poor_payers_are_strict(make_case, fields):
    assert profile_name(make_case(**fields)) == "strict"


def test_one_broken_promise_makes_a_good_payer_strict(make_case, broken_agreement):
    case = make_case(payment_behaviour="good", creditworthiness="good",
                     earlier_agreements=[broken_agreement])
    assert profile_name(case) == "strict"


def test_kept_promises_do_not_make_a_case_strict(make_case, broken_agreement):
    kept = dict(broken_agreement, kept=True)
    assert profile_name(make_case(earlier_agreements=[kept, kept])) == "standard"


def test_important_customer_in_good_standing_is_accommodating(make_case):
    case = make_case(important_customer=True, payment_behaviour="good")
    assert profile_name(case) == "accommodating"


def test_important_customer_with_broken_promise_is_strict(make_case, broken_agreement):
    case = make_case(important_customer=True, earlier_agreements=[broken_agreement])
    assert profile_name(case) == "strict"


@pytest.mark.parametrize("fields", [{"payment_behaviour": "poor"}, {"creditworthiness": "poor"}],
                         ids=["poor-payer", "poor-credit"])
def test_important_customer_who_pays_poorly_is_never_accommodating(make_case, fields):
    assert profile_name(make_case(important_customer=True, **fields)) != "accommodating"


@pytest.mark.parametrize("fields", [{"payment_behaviour": "poor"}, {"creditworthiness": "poor"}],
                         ids=["poor-payer", "poor-credit"])
def test_important_customer_who_pays_poorly_without_broken_promises_is_standard(make_case, fields):
    """Documented trade-off: firm but not strict, so one slip does not cost the relationship."""
    assert profile_name(make_case(important_customer=True, **fields)) == "standard"


def test_a_broken_promise_in_the_ledger_counts_like_a_broken_agreement(make_case):
    good = make_case(payment_behaviour="good", creditworthiness="good")
    assert profile_name(good) == "standard"
    assert profile_name(good, broken_promises=1) == "strict"


def test_ledger_broken_promise_makes_an_important_poor_payer_strict(make_case):
    case = make_case(important_customer=True, payment_behaviour="poor")
    assert profile_name(case) == "standard"
    assert profile_name(case, broken_promises=1) == "strict"


def test_important_customer_in_good_standing_with_a_broken_ledger_promise(make_case, playbook):
    case = make_case(important_customer=True, payment_behaviour="good")
    assert profile_name(case, broken_promises=0) == "accommodating"
    assert profile_for(case, playbook, broken_promises=2).name == "strict"


def test_broken_promises_without_a_case_stay_standard():
    assert profile_name(None, broken_promises=3) == "standard"
