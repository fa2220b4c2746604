"""Advice per debtor utterance: filled texts, paired concessions, recorded agreements."""
import datetime as dt
import json
import re
from decimal import Decimal

import pytest

from bot.coach.advice import advise
from bot.coach.call import CallState

from unit_constants import DEMO_IDS, TODAY

EXCUSES = ("excuse_invoice_not_received", "excuse_contact_unavailable", "excuse_bank_problem",
           "excuse_waiting_for_customer")
ENTITY_VARIANTS = ({}, {"date": "2026-12-04"}, {"amount": 500},
                   {"invoice_number": "F2026-0087"},
                   {"date": ["2026-11-27"], "amount": [1000.0]})
PAYLOAD_KEYS = {"type", "intent", "confidence", "entities", "probing_questions", "proposals",
                "concessions", "avoid", "next_step"}


def strings(value):
    """Every string inside a payload (keys and values)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(key)
            yield from strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from strings(item)


@pytest.fixture
def ask(playbook, sample_cases):
    """advise() for a DEMO case id (or None) with a fresh or given call state."""
    def _ask(intent, case_id=None, entities=None, state=None, confidence=0.9):
        state = state if state is not None else CallState(case_id=case_id)
        case = sample_cases.get(case_id) if case_id else None
        return advise(intent, confidence, entities or {}, state, case, TODAY, playbook), state
    return _ask


def test_payload_is_json_and_has_the_contract_keys(ask):
    advice, _ = ask("cannot_pay", "DEMO-1")
    payload = advice.to_payload()
    assert PAYLOAD_KEYS <= set(payload)
    assert payload["type"] == "advice"
    assert payload["intent"] == "cannot_pay"
    decoded = json.loads(json.dumps(payload))
    assert decoded["proposals"][0]["kind"] == "installment_plan"
    assert isinstance(decoded["proposals"][0]["amount"], float)


@pytest.mark.parametrize("case_id", (None, *DEMO_IDS))
def test_no_placeholder_is_left_unfilled(ask, playbook, case_id):
    for intent in playbook.situations:
        for entities in ENTITY_VARIANTS:
            advice, _ = ask(intent, case_id, entities)
            payload = advice.to_payload()
            json.dumps(payload)
            for text in strings(payload):
                assert "{" not in text and "}" not in text, (intent, entities, text)
            assert "{" not in advice.to_text()


@pytest.mark.parametrize("case_id", (None, *DEMO_IDS))
def test_every_concession_gives_and_gets(ask, playbook, case_id):
    for intent in playbook.situations:
        advice, _ = ask(intent, case_id)
        for concession in advice.concessions:
            assert concession["give"].strip(), intent
            assert concession["get"].strip(), intent


@pytest.mark.parametrize("intent", EXCUSES)
@pytest.mark.parametrize("case_id", (None, "DEMO-1", "DEMO-3"))
def test_excuses_get_at_least_two_probing_questions(ask, intent, case_id):
    advice, _ = ask(intent, case_id)
    questions = [q for q in advice.probing_questions if q.strip()]
    assert len(questions) >= 2
    assert all("?" in q for q in questions), "probing questions are questions"


def test_probing_question_is_filled_with_the_invoice_numbers(ask):
    advice, _ = ask("excuse_invoice_not_received", "DEMO-1")
    assert any("F2026-0081 en F2026-0087" in q for q in advice.probing_questions)


def test_conditional_concessions_only_where_they_apply(ask):
    with_costs, _ = ask("request_discount", "DEMO-3")       # € 206,56 costs
    without, _ = ask("request_discount", "DEMO-1")           # no costs, not important
    assert any("206,56" in c["give"] for c in with_costs.concessions)
    assert without.concessions == ()
    stop, _ = ask("excuse_waiting_for_customer", "DEMO-3")  # delivery stop in force
    no_stop, _ = ask("excuse_waiting_for_customer", "DEMO-1")
    assert len(stop.concessions) == len(no_stop.concessions) + 1


def test_promise_with_a_date_records_the_balance(ask):
    advice, state = ask("promise_to_pay", "DEMO-1", {"date": "2026-11-27"})
    assert len(state.agreements) == 1
    agreement = state.agreements[0]
    assert agreement.date == dt.date(2026, 11, 27)
    assert agreement.amount == Decimal("2450.00")
    assert agreement.source == "debtor"
    assert any("Afspraak genoteerd" in n and "27 november 2026" in n for n in advice.notes)
    assert advice.agreements[0]["amount"] == 2450.0
    assert not any("Let op" in n for n in advice.notes), "27 November is within the limit"


def test_promise_with_date_and_amount_records_that_amount(ask):
    _, state = ask("promise_to_pay", "DEMO-1", {"date": "2026-11-27", "amount": 1000})
    assert state.agreements[0].amount == Decimal("1000.00")


def test_promise_with_two_dates_splits_amount_and_rest(ask):
    """"vrijdag 1.000 euro en de rest op 15 december": two agreements, the second is what
    remains of DEMO-1's € 2.450,00."""
    _, state = ask("promise_to_pay", "DEMO-1",
                   {"date": ["2026-11-27", "2026-12-15"], "amount": 1000.0})
    assert [(a.date, a.amount) for a in state.agreements] == [
        (dt.date(2026, 11, 27), Decimal("1000.00")), (dt.date(2026, 12, 15), Decimal("1450.00"))]
    assert state.agreed_total() == Decimal("2450.00")


def test_promise_without_a_date_records_nothing(ask):
    advice, state = ask("promise_to_pay", "DEMO-1", {"amount": 1000})
    assert state.agreements == []
    assert not any("Afspraak genoteerd" in n for n in advice.notes)


def test_second_promise_without_amount_does_not_promise_more_than_is_owed(ask):
    """After a promise of the whole balance, a later date without an amount must not add
    the whole balance a second time (the confirmation e-mail would ask for € 4.900)."""
    _, state = ask("promise_to_pay", "DEMO-1", {"date": "2026-11-27"})
    ask("promise_to_pay", "DEMO-1", {"date": "2026-12-04"}, state=state)
    assert state.agreed_total() <= Decimal("2450.00")


def test_too_late_promise_adds_a_warning(ask):
    """Standard profile: extension up to 10 business days, i.e. Monday 7 December."""
    advice, state = ask("promise_to_pay", "DEMO-1", {"date": "2027-01-15"})
    assert state.agreements[0].date == dt.date(2027, 1, 15)   # still recorded
    warnings = [n for n in advice.notes if n.startswith("Let op")]
    assert len(warnings) == 1
    assert "15 januari 2027" in warnings[0]
    assert "7 december 2026" in warnings[0]


def test_affirm_after_a_proposal_records_it_with_instalments(ask):
    plan, state = ask("request_payment_plan", "DEMO-1")
    proposed = plan.proposals[0]
    assert proposed.kind == "installment_plan" and len(proposed.installments) == 3
    advice, state = ask("affirm", "DEMO-1", state=state)
    assert len(state.agreements) == 1
    agreement = state.agreements[0]
    assert agreement.source == "proposal"
    assert agreement.amount == Decimal("2450.00")
    assert agreement.date == proposed.date
    assert agreement.installments == tuple((i.date, i.amount) for i in proposed.installments)
    assert state.last_proposals == []
    assert any("Afspraak genoteerd" in n for n in advice.notes)


def test_affirm_again_does_not_record_twice(ask):
    _, state = ask("request_extension", "DEMO-1")
    ask("affirm", "DEMO-1", state=state)
    ask("affirm", "DEMO-1", state=state)
    assert len(state.agreements) == 1


def test_affirm_without_a_proposal_records_nothing(ask):
    advice, state = ask("affirm", "DEMO-1")
    assert state.agreements == []
    assert advice.agreements == ()
    assert not any("Afspraak genoteerd" in n for n in advice.notes)


def test_affirm_after_greeting_records_nothing(ask):
    """A greeting proposes nothing, so 'ja' to it is no agreement."""
    _, state = ask("greet", "DEMO-1")
    ask("affirm", "DEMO-1", state=state)
    assert state.agreements == []


@pytest.mark.parametrize("intent", ["cannot_pay", "promise_vague", "dispute_invoice", "greet",
                                    "request_discount", "unknown"])
def test_advice_without_a_case_is_general_and_has_no_exact_amounts(ask, intent):
    advice, _ = ask(intent, None)
    assert any("algemeen" in note for note in advice.notes)
    for text in strings(advice.to_payload()):
        assert "€" not in text, text
        assert not re.search(r"\d+,\d\d\b", text), text
    assert all(p["amount"] is None for p in advice.to_payload()["proposals"])


def test_unknown_intent_gives_general_advice(ask):
    advice, state = ask("zingt_een_liedje", "DEMO-1")
    assert advice.intent == "unknown"
    assert advice.label == "Algemeen advies"
    assert "F2026-0081" in advice.say
    assert state.situations == ["unknown"]


def test_named_disputed_invoice_sets_the_undisputed_amount(ask):
    advice, _ = ask("dispute_invoice", "DEMO-1", {"invoice_number": "f2026-0087"})
    undisputed = [p for p in advice.proposals if p.kind == "undisputed_part"]
    assert undisputed and undisputed[0].amount == Decimal("1000.00")
    assert any("1.000,00" in c["get"] for c in advice.concessions)


def test_to_text_shows_say_questions_and_next_step(ask):
    advice, _ = ask("cannot_pay", "DEMO-3")
    text = advice.to_text()
    assert advice.say in text
    assert all(q in text for q in advice.probing_questions)
    assert advice.next_step in text
    assert "90%" in text
