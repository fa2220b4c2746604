"""The call state round-trips through plain dicts, so any channel can keep it."""
import datetime as dt
import json
from decimal import Decimal

from bot.coach.call import Agreement, CallState

D = dt.date


def test_call_state_round_trip_through_json():
    state = CallState(case_id="DEMO-1", situations=["greet", "cannot_pay"],
                      last_proposals=[{"kind": "pay_in_full", "date": "2026-11-30"}])
    state.agree_to(Agreement(D(2026, 12, 28), Decimal("2450.00"), "regeling", "proposal",
                             ((D(2026, 11, 25), Decimal("1225.00")),
                              (D(2026, 12, 28), Decimal("1225.00")))))
    state.agree_to(Agreement(D(2026, 11, 27), None, "toezegging", "debtor"))
    restored = CallState.from_dict(json.loads(json.dumps(state.to_dict())))
    assert restored == state


def test_agreements_are_sorted_and_same_date_replaces():
    state = CallState()
    state.agree_to(Agreement(D(2026, 12, 4), Decimal("500"), "a", "debtor"))
    state.agree_to(Agreement(D(2026, 11, 27), Decimal("300"), "b", "debtor"))
    state.agree_to(Agreement(D(2026, 12, 4), Decimal("700"), "c", "debtor"))
    assert [(a.date, a.amount) for a in state.agreements] == [
        (D(2026, 11, 27), Decimal("300")), (D(2026, 12, 4), Decimal("700"))]
    assert state.agreed_total() == Decimal("1000")


def test_from_dict_of_nothing_is_an_empty_call():
    assert CallState.from_dict(None) == CallState()
    assert CallState.from_dict({}) == CallState()


def test_payments_are_the_instalments_or_the_single_amount():
    single = Agreement(D(2026, 11, 27), Decimal("10.00"), "x", "debtor")
    assert single.payments() == [(D(2026, 11, 27), Decimal("10.00"))]
    parts = ((D(2026, 11, 25), Decimal("4.00")), (D(2026, 12, 28), Decimal("6.00")))
    split = Agreement(D(2026, 12, 28), Decimal("10.00"), "y", "proposal", parts)
    assert split.payments() == list(parts)
