"""The promise-to-pay ledger: allocation of payments and the status of each promise."""
import datetime as dt
from decimal import Decimal

import pytest

from bot.coach.business_days import is_business_day
from bot.coach.ledger import Payment, Promise, PromiseState, due_by, open_balance, promise_states

MONDAY = dt.date(2026, 11, 23)
FRIDAY = dt.date(2026, 11, 27)
GRACE = 2


def promise(day, amount, *, id=None, case="C-1", call="call-1", made=MONDAY, cancelled=None,
            plan=None):
    return Promise(id=id, case_id=case, call_id=call, date=day, amount=Decimal(amount),
                   source="debtor", line="ik betaal", plan=plan,
                   created_at=dt.datetime.combine(made, dt.time(10, 0)), cancelled_at=cancelled)


def payment(day, amount, *, case="C-1", id=None):
    return Payment(id=id, case_id=case, date=day, amount=Decimal(amount))


def statuses(states: list[PromiseState]) -> list[str]:
    return [s.status for s in states]


def test_due_by_adds_grace_business_days_over_the_weekend():
    # Friday 27 November + 2 business days = Tuesday 1 December.
    assert due_by(promise(FRIDAY, "10"), GRACE) == dt.date(2026, 12, 1)
    assert due_by(promise(FRIDAY, "10"), 0) == FRIDAY


def test_due_by_skips_christmas():
    # Thursday 24 December + 2: 25 and 26 December are holidays, 27 is a Sunday.
    day = due_by(promise(dt.date(2026, 12, 24), "10"), GRACE)
    assert day == dt.date(2026, 12, 29)
    assert is_business_day(day)


def test_open_until_due_by_then_broken_without_payment():
    p = promise(FRIDAY, "500.00")
    deadline = dt.date(2026, 12, 1)
    assert statuses(promise_states([p], [], deadline, GRACE)) == ["open"]
    assert statuses(promise_states([p], [], deadline + dt.timedelta(days=1), GRACE)) == ["broken"]


def test_payment_within_grace_keeps_the_promise_and_records_when():
    p = promise(FRIDAY, "500.00")
    paid_on = dt.date(2026, 11, 30)
    [state] = promise_states([p], [payment(paid_on, "500.00")], dt.date(2026, 12, 10), GRACE)
    assert (state.status, state.paid, state.kept_on) == ("kept", Decimal("500.00"), paid_on)


def test_payment_before_the_date_keeps_it_at_once():
    [state] = promise_states([promise(FRIDAY, "500")], [payment(MONDAY, "500")], MONDAY, GRACE)
    assert state.status == "kept"


def test_partial_payment_is_open_then_partly_kept():
    p = promise(FRIDAY, "500.00")
    paid = [payment(FRIDAY, "200.00")]
    assert statuses(promise_states([p], paid, FRIDAY, GRACE)) == ["open"]
    [late] = promise_states([p], paid, dt.date(2026, 12, 2), GRACE)
    assert (late.status, late.paid) == ("partly_kept", Decimal("200.00"))


def test_payment_after_due_by_does_not_make_it_kept_but_counts_as_paid():
    p = promise(FRIDAY, "500.00")
    [state] = promise_states([p], [payment(dt.date(2026, 12, 4), "500.00")],
                             dt.date(2026, 12, 10), GRACE)
    assert state.status == "broken"
    assert state.paid == Decimal("500.00")
    assert state.kept_on is None


def test_large_payment_flows_on_to_the_next_instalment():
    plan = [promise(FRIDAY, "500.00", id=1, plan="regeling"),
            promise(dt.date(2026, 12, 18), "500.00", id=2, plan="regeling")]
    states = promise_states(plan, [payment(FRIDAY, "750.00")], dt.date(2026, 12, 23), GRACE)
    assert statuses(states) == ["kept", "partly_kept"]
    assert [s.paid for s in states] == [Decimal("500.00"), Decimal("250.00")]


def test_instalments_are_filled_in_date_order_whatever_the_input_order():
    later = promise(dt.date(2026, 12, 18), "300.00", id=7)
    sooner = promise(FRIDAY, "200.00", id=9)
    states = promise_states([later, sooner], [payment(FRIDAY, "200.00")], dt.date(2026, 12, 2),
                            GRACE)
    assert [s.promise for s in states] == [later, sooner]  # same order as given
    assert statuses(states) == ["open", "kept"]


def test_payment_dated_before_the_promise_was_made_does_not_count_for_it():
    p = promise(dt.date(2026, 12, 4), "400.00", made=dt.date(2026, 11, 25))
    states = promise_states([p], [payment(MONDAY, "400.00")], dt.date(2026, 12, 10), GRACE)
    assert statuses(states) == ["broken"]
    assert states[0].paid == Decimal("0.00")


def test_earlier_payment_still_counts_for_an_older_promise():
    old = promise(dt.date(2026, 11, 24), "100.00", id=1, made=dt.date(2026, 11, 20))
    new = promise(dt.date(2026, 12, 4), "100.00", id=2, made=dt.date(2026, 11, 25))
    states = promise_states([old, new], [payment(MONDAY, "150.00")], dt.date(2026, 12, 10), GRACE)
    # 100 keeps the old promise; the 50 left was paid before the new promise was made.
    assert statuses(states) == ["kept", "broken"]
    assert states[1].paid == Decimal("0.00")


def test_cancelled_promise_takes_no_money():
    cancelled = promise(FRIDAY, "500.00", id=1, cancelled=dt.datetime(2026, 11, 23, 11, 0))
    kept = promise(FRIDAY, "500.00", id=2)
    states = promise_states([cancelled, kept], [payment(FRIDAY, "500.00")], FRIDAY, GRACE)
    assert statuses(states) == ["cancelled", "kept"]
    assert states[0].paid == Decimal("0.00")


def test_payments_of_another_case_do_not_count():
    states = promise_states([promise(FRIDAY, "500", case="A")], [payment(FRIDAY, "500", case="B")],
                            dt.date(2026, 12, 2), GRACE)
    assert statuses(states) == ["broken"]


def test_open_balance_subtracts_payments_and_never_goes_below_zero():
    assert open_balance(Decimal("385.20"), [payment(MONDAY, "100.00")]) == Decimal("285.20")
    assert open_balance(Decimal("385.20"), [payment(MONDAY, "400.00")]) == Decimal("0.00")
    assert open_balance(Decimal("385.20"), []) == Decimal("385.20")


@pytest.mark.parametrize("amount", ["0", "-1"])
def test_promise_and_payment_need_a_positive_amount(amount):
    with pytest.raises(ValueError):
        promise(FRIDAY, amount)
    with pytest.raises(ValueError):
        payment(FRIDAY, amount)


def test_payload_has_the_cli_contract_fields():
    [state] = promise_states([promise(FRIDAY, "500.00", id=3)], [], MONDAY, GRACE)
    payload = state.to_payload()
    assert payload["status"] == "open"
    assert payload["date"] == "2026-11-27" and payload["amount"] == 500.0
    assert payload["case_id"] == "C-1" and payload["call_id"] == "call-1"
