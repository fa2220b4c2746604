"""Advice per debtor utterance: filled texts, paired concessions, computed proposals.
Recording agreements is tested with the call service (tests/coach/test_calls.py)."""
import json
import re
from decimal import Decimal

import pytest

from bot.coach.advice import advise

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
    elif isinstance(value, list | tuple):
        for item in value:
            yield from strings(item)


@pytest.fixture
def ask(playbook, sample_cases):
    """advise() for a DEMO case id (or None); returns (advice, its payload)."""
    def _ask(intent, case_id=None, entities=None, confidence=0.9):
        case = sample_cases.get(case_id) if case_id else None
        advice = advise(intent, confidence, entities or {}, case, TODAY, playbook)
        return advice, advice.to_payload()
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
    advice, _ = ask("zingt_een_liedje", "DEMO-1")
    assert advice.intent == "unknown"
    assert advice.label == "Algemeen advies"
    assert "F2026-0081" in advice.say


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


def test_address_question_names_the_email_on_file_not_the_company(ask):
    advice, _ = ask("excuse_invoice_not_received", "DEMO-1")
    questions = " ".join(advice.probing_questions)
    assert "Is a.devries@example.nl nog het goede adres voor onze facturen?" in questions
    assert "adres Bloemisterij" not in questions
    general, _ = ask("excuse_invoice_not_received", None)
    assert ("Is het e-mailadres in onze administratie nog het goede adres voor onze facturen?"
            in general.probing_questions)


def test_invoice_words_follow_the_number_of_invoices(ask):
    two, _ = ask("excuse_invoice_not_received", "DEMO-1")
    one, _ = ask("excuse_invoice_not_received", "DEMO-6")
    assert two.say.startswith("Vervelend dat u de facturen niet hebt ontvangen.")
    assert one.say.startswith("Vervelend dat u de factuur niet hebt ontvangen.")
    for advice in (one, two):
        text = advice.to_text()
        assert " hij " not in text and " hem " not in text
    assert any("zoeken naar de facturen F2026-0081 en F2026-0087" in q
               for q in two.probing_questions)
    assert any("u de facturen nu hebt ontvangen" in c["get"] for c in two.concessions)


def test_our_reply_address_comes_from_the_settings(ask):
    from bot.coach.settings import default_settings
    advice, _ = ask("claim_already_paid", "DEMO-1")
    assert any(default_settings().reply_to in q for q in advice.probing_questions)


@pytest.mark.parametrize("case_id", (None, *DEMO_IDS))
def test_no_square_bracket_placeholder_anywhere(ask, playbook, case_id):
    for intent in playbook.situations:
        advice, _ = ask(intent, case_id)
        for text in strings(advice.to_payload()):
            assert not re.search(r"\[[^\]]*\]", text), (intent, text)


def test_greeting_advice_says_the_opening_line_with_our_name(ask, monkeypatch):
    monkeypatch.setenv("INCASSO_NOW", "2026-11-23T15:00")
    advice, _ = ask("greet", "DEMO-1")
    assert advice.say.startswith("Goedemiddag mevrouw De Vries, u spreekt met Sanne de Wit van "
                                 "Groenhof Interieur.")


def test_of_several_dates_the_advice_works_with_the_latest(ask):
    """"vandaag niet, wel uiterlijk woensdag 2 december": the extension asked for is the
    later date (within the profile's limit), not today."""
    _, payload = ask("request_extension", "DEMO-1", {"date": ["2026-11-23", "2026-12-02"]})
    extension = next(p for p in payload["proposals"] if p["kind"] == "extension")
    assert extension["date"] == "2026-12-02" and "2 december" in extension["text"]
