"""The follow-up list: check, call back, thank once, chase the complaint, call again."""
import datetime as dt
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from bot.coach.cases import case_from_dict
from bot.coach.followups import CallInfo, FollowUp, followups, parse_followup_rules
from bot.coach.ledger import Payment, Promise, promise_states
from bot.coach.money import format_euro as euro
from bot.coach.playbook import PlaybookError

PLAYBOOK = Path(__file__).resolve().parents[2] / "bot" / "playbook.yml"
MONDAY = dt.date(2026, 11, 23)
FRIDAY = dt.date(2026, 11, 27)
GRACE = 2


@pytest.fixture(scope="module")
def block() -> dict:
    return yaml.safe_load(PLAYBOOK.read_text(encoding="utf-8"))["followups"]


@pytest.fixture(scope="module")
def rules(block):
    return parse_followup_rules(block, "playbook.yml")


def make_case(case_id="C-1", complaints=()):
    return case_from_dict({
        "id": case_id, "company": f"Firma {case_id}", "contact": {"name": "mevrouw Test"},
        "invoices": [{"number": f"{case_id}-F1", "date": "2026-09-01", "due_date": "2026-10-01",
                      "amount": "1000.00"}],
        "complaints": list(complaints)})


def promise(day, amount, *, id, call="call-1", case="C-1"):
    return Promise(id=id, case_id=case, call_id=call, date=day, amount=Decimal(amount),
                   source="debtor", line="", created_at=dt.datetime(2026, 11, 23, 10, 0))


def call(id="call-1", case="C-1", day=MONDAY, agreed=True):
    start = dt.datetime.combine(day, dt.time(14, 0))
    return CallInfo(id=id, case_id=case, started_at=start,
                    ended_at=start + dt.timedelta(minutes=9), agreed=agreed)


def paid(day, amount, case="C-1"):
    return Payment(id=None, case_id=case, date=day, amount=Decimal(amount))


def listing(on, promises, payments, calls, rules, cases=None, today=None):
    states = promise_states(promises, payments, today or on, GRACE)
    return followups(on, cases or [make_case()], states, calls, payments, rules)


def kinds(items: list[FollowUp]) -> list[tuple[str, dt.date]]:
    return [(i.kind, i.date) for i in items]


def test_open_promise_is_checked_on_its_date_and_not_before(rules):
    p = promise(FRIDAY, "500.00", id=1)
    assert listing(dt.date(2026, 11, 26), [p], [], [call()], rules) == []
    [item] = listing(FRIDAY, [p], [], [call()], rules)
    assert (item.kind, item.date, item.promise_id, item.call_id) == ("check_payment", FRIDAY, 1,
                                                                     "call-1")
    assert euro("500.00") in item.text and "Firma C-1" in item.text and "27 november" in item.text


def test_kept_promise_needs_no_check(rules):
    items = listing(FRIDAY, [promise(FRIDAY, "500", id=1)], [paid(FRIDAY, "500")], [call()], rules)
    assert "check_payment" not in [i.kind for i in items]


def test_broken_promise_puts_a_call_back_on_the_list_the_day_after_due_by(rules):
    p = promise(FRIDAY, "500.00", id=1)
    # due_by is Tuesday 1 December; still only a check on that day.
    assert kinds(listing(dt.date(2026, 12, 1), [p], [], [call()], rules)) == [
        ("check_payment", FRIDAY)]
    [item] = listing(dt.date(2026, 12, 2), [p], [], [call()], rules)
    assert (item.kind, item.date, item.promise_id) == ("call_back", dt.date(2026, 12, 2), 1)
    assert "niet nagekomen" in item.text and "teleurgesteld" in item.text
    assert "strengere" in item.text


def test_overdue_call_back_stays_until_a_later_call(rules):
    p = promise(FRIDAY, "500.00", id=1)
    on = dt.date(2026, 12, 9)
    assert kinds(listing(on, [p], [], [call()], rules)) == [("call_back", dt.date(2026, 12, 2))]
    called = call("call-2", day=dt.date(2026, 12, 3), agreed=False)
    assert "call_back" not in [i.kind for i in listing(on, [p], [], [call(), called], rules)]


def test_partly_kept_promise_names_what_is_missing(rules):
    [item] = listing(dt.date(2026, 12, 2), [promise(FRIDAY, "500.00", id=1)],
                     [paid(FRIDAY, "200.00")], [call()], rules)
    assert item.kind == "call_back"
    assert euro("200.00") in item.text and euro("300.00") in item.text


def test_one_thank_you_after_the_whole_plan_was_kept(rules):
    plan = [promise(FRIDAY, "500.00", id=1), promise(dt.date(2026, 12, 18), "500.00", id=2)]
    payments = [paid(FRIDAY, "500.00"), paid(dt.date(2026, 12, 17), "500.00")]
    # After the first instalment: no thank-you yet.
    early = listing(dt.date(2026, 12, 10), plan, payments[:1], [call()], rules)
    assert "thank" not in [i.kind for i in early]
    items = listing(dt.date(2027, 1, 8), plan, payments, [call()], rules)
    thanks = [i for i in items if i.kind == "thank"]
    assert len(thanks) == 1
    # Last payment Thursday 17 December: thank on Friday 18 December.
    assert thanks[0].date == dt.date(2026, 12, 18)
    assert thanks[0].call_id == "call-1" and euro("1000.00") in thanks[0].text


def test_no_thank_you_when_one_instalment_was_broken(rules):
    plan = [promise(FRIDAY, "500.00", id=1), promise(dt.date(2026, 12, 18), "500.00", id=2)]
    items = listing(dt.date(2027, 1, 8), plan, [paid(dt.date(2026, 12, 17), "1000.00")],
                    [call()], rules)
    assert "thank" not in [i.kind for i in items]


def test_thank_you_done_after_a_later_call_and_off_when_configured(rules):
    p = promise(FRIDAY, "1000.00", id=1)
    pay = [paid(FRIDAY, "1000.00")]
    on = dt.date(2026, 12, 7)
    assert kinds(listing(on, [p], pay, [call()], rules)) == [("thank", dt.date(2026, 11, 30))]
    thanked = call("call-2", day=dt.date(2026, 11, 30))
    assert listing(on, [p], pay, [call(), thanked], rules) == []
    assert listing(on, [p], pay, [call()], replace(rules, thank_you=False)) == []


def test_open_complaint_is_chased_while_money_is_owed(rules):
    complaint = {"date": "2026-11-16", "invoice": "C-1-F1", "subject": "te veel uren gerekend",
                 "status": "open"}
    case = make_case(complaints=[complaint])
    [item] = listing(MONDAY, [], [], [], rules, cases=[case])
    # Monday 16 November + 5 business days = Monday 23 November.
    assert (item.kind, item.date) == ("chase_complaint", MONDAY)
    assert "C-1-F1" in item.text and "te veel uren gerekend" in item.text
    assert listing(MONDAY, [], [paid(MONDAY, "1000.00")], [], rules, cases=[case]) == []
    resolved = make_case(complaints=[{**complaint, "status": "resolved"}])
    assert listing(MONDAY, [], [], [], rules, cases=[resolved]) == []


def test_call_without_agreement_is_called_again_two_business_days_later(rules):
    friday_call = call(day=FRIDAY, agreed=False)
    assert listing(dt.date(2026, 11, 30), [], [], [friday_call], rules) == []
    [item] = listing(dt.date(2026, 12, 1), [], [], [friday_call], rules)
    assert (item.kind, item.date, item.call_id) == ("call_again", dt.date(2026, 12, 1), "call-1")
    later = call("call-2", day=dt.date(2026, 12, 1), agreed=True)
    assert listing(dt.date(2026, 12, 1), [], [], [friday_call, later], rules) == []


def test_open_call_is_not_called_again(rules):
    still_open = replace(call(agreed=False), ended_at=None)
    assert listing(dt.date(2026, 12, 10), [], [], [still_open], rules) == []


def test_list_is_sorted_by_date_then_case_and_payload_has_the_contract_keys(rules):
    cases = [make_case("B-2"), make_case("A-1")]
    promises = [promise(FRIDAY, "100", id=1, case="B-2", call="c-b"),
                promise(FRIDAY, "100", id=2, case="A-1", call="c-a"),
                promise(MONDAY, "100", id=3, case="B-2", call="c-b")]
    calls = [call("c-b", case="B-2"), call("c-a", case="A-1")]
    items = listing(FRIDAY, promises, [], calls, rules, cases=cases, today=MONDAY)
    assert [(i.date, i.case_id) for i in items] == [(MONDAY, "B-2"), (FRIDAY, "A-1"),
                                                   (FRIDAY, "B-2")]
    assert set(items[0].to_payload()) == {"case_id", "date", "kind", "text", "call_id",
                                          "promise_id"}
    assert items[0].to_payload()["date"] == "2026-11-23"


def test_texts_have_no_placeholders_left(rules):
    complaint = {"date": "2026-11-02", "invoice": "C-1-F1", "subject": "kapotte levering",
                 "status": "open"}
    promises = [promise(FRIDAY, "400", id=1), promise(dt.date(2026, 12, 4), "100", id=2)]
    items = listing(dt.date(2026, 12, 10), promises, [paid(FRIDAY, "150")],
                    [call(agreed=False)], rules, cases=[make_case(complaints=[complaint])])
    assert {i.kind for i in items} == {"call_back", "chase_complaint", "call_again"}
    for item in items:
        assert "{" not in item.text and "[" not in item.text


@pytest.mark.parametrize("change, words", [
    ({"thank_you": "ja"}, ["thank_you", "true of false"]),
    ({"call_again_days": -1}, ["call_again_days"]),
    ({"texts": None}, ["texts"]),
    ({"texts": {"thank": "Bedank {company}"}}, ["check_payment", "ontbreekt"]),
])
def test_bad_followups_block_is_refused_in_dutch(block, change, words):
    with pytest.raises(PlaybookError) as err:
        parse_followup_rules({**block, **change}, "playbook.yml")
    assert all(w in str(err.value) for w in words)
    assert "playbook.yml" in str(err.value)


def test_unknown_placeholder_is_named(block):
    texts = {**block["texts"], "thank": "Bedank {bedrijf} voor {amount}"}
    with pytest.raises(PlaybookError, match=r"\{bedrijf\}"):
        parse_followup_rules({**block, "texts": texts}, "playbook.yml")


def test_missing_block_is_refused():
    with pytest.raises(PlaybookError, match="followups"):
        parse_followup_rules(None, "playbook.yml")
