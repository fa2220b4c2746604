"""Matching statement lines to cases: invoice number, IBAN, name and amount; never a guess."""
import datetime as dt
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from bot.bank.lines import StatementLine
from bot.bank.matching import match_lines, split_known
from bot.bank.statements import read_statement
from bot.coach.cases import case_from_dict
from bot.coach.ledger import Promise

ROOT = Path(__file__).resolve().parents[2]


def make_case(case_id, company, invoices, iban=""):
    return case_from_dict({
        "id": case_id, "company": company, "contact": {"name": "mevrouw Test", "iban": iban},
        "invoices": [{"number": number, "date": "2026-09-01", "due_date": "2026-10-01",
                      "amount": amount} for number, amount in invoices]})


CASES = [
    make_case("DEMO-1", "Bloemisterij De Vries",
              [("F2026-0081", "1000.00"), ("F2026-0087", "1450.00")], iban="NL81RABO0312345678"),
    make_case("DEMO-6", "Fysiotherapie Het Anker", [("20261342", "385.20")]),
    make_case("DEMO-3", "Transportbedrijf Hoekstra & Zn. B.V.", [("INV-4471", "2180.00")]),
]


def line(amount="100.00", *, text="", name="", iban="", credit=True, ref="R-1"):
    return StatementLine(booking_date=dt.date(2026, 11, 27), amount=Decimal(amount),
                         credit=credit, counterparty=name, iban=iban, remittance=text,
                         external_id=ref, where="Ntry 1")


def one(statement_line, promises=(), balances=None, cases=CASES):
    [match] = match_lines([statement_line], cases, list(promises), balances)
    return match


@pytest.mark.parametrize("text", ["Factuur F2026-0081", "f2026 0081 deel 1", "F2026.0081",
                                  "betaling F20260081"])
def test_invoice_number_in_the_text_matches_tolerant_of_case_and_spaces(text):
    match = one(line(text=text, name="Iemand Anders"))
    assert (match.case_id, match.how) == ("DEMO-1", "factuurnummer")
    assert "F2026-0081" in match.reason_nl


def test_invoice_number_inside_a_longer_reference_does_not_match():
    match = one(line(text="betalingskenmerk 1234202613425678"))
    assert match.case_id is None


def test_invoices_of_two_cases_in_one_line_are_not_guessed():
    match = one(line(text="F2026-0081 en 20261342"))
    assert match.case_id is None and match.how is None
    assert "DEMO-1" in match.reason_nl and "DEMO-6" in match.reason_nl


def test_iban_of_the_debtor_matches_when_no_invoice_number():
    match = one(line("12.34", text="onze betaling", iban="NL81RABO0312345678"))
    assert (match.case_id, match.how) == ("DEMO-1", "iban")


def test_iban_shared_by_two_cases_is_not_guessed():
    twin = make_case("DEMO-9", "Bloemisterij De Vries Oost", [("X-1", "50.00")],
                     iban="NL81RABO0312345678")
    match = one(line("12.34", iban="NL81RABO0312345678"), cases=CASES + [twin])
    assert match.case_id is None and "meerdere dossiers" in match.reason_nl


def test_name_and_balance_match():
    match = one(line("385.20", name="FYSIOTHERAPIE HET ANKER", text="nota"))
    assert (match.case_id, match.how) == ("DEMO-6", "naam en bedrag")
    assert "openstaande saldo" in match.reason_nl


def test_name_with_legal_form_and_an_open_promise_amount_match():
    promise = Promise(id=1, case_id="DEMO-3", call_id="c", date=dt.date(2026, 11, 27),
                      amount=Decimal("1000.00"), source="debtor", line="")
    match = one(line("1000.00", name="Transportbedrijf Hoekstra en Zn BV"), [promise])
    assert (match.case_id, match.how) == ("DEMO-3", "naam en bedrag")
    assert "toezegging" in match.reason_nl
    cancelled = replace(promise, cancelled_at=dt.datetime(2026, 11, 24, 9, 0))
    payer = "Transportbedrijf Hoekstra en Zn BV"
    assert one(line("1000.00", name=payer), [cancelled]).case_id is None


def test_name_with_an_amount_that_fits_nothing_is_reported_not_guessed():
    match = one(line("99.99", name="Fysiotherapie Het Anker"))
    assert match.case_id is None
    assert "Fysiotherapie Het Anker" in match.reason_nl and "met de hand" in match.reason_nl


def test_open_balance_given_by_the_caller_is_used():
    match = one(line("285.20", name="Fysiotherapie Het Anker"),
                balances={"DEMO-6": Decimal("285.20")})
    assert match.case_id == "DEMO-6"


def test_unknown_payer_and_debits_are_unmatched():
    assert one(line("247.50", name="J. Pietersen", text="Bestelling 5531")).case_id is None
    debit = one(line("1000.00", text="F2026-0081", credit=False))
    assert debit.case_id is None and "afschrijving" in debit.reason_nl


def test_matched_credit_becomes_a_payment_of_that_case():
    match = one(line("1000.00", text="F2026-0081", name="Bloemisterij De Vries",
                     iban="NL81RABO0312345678", ref="2026112700001"))
    payment = match.line.to_payment(match.case_id, "camt053")
    assert (payment.case_id, payment.amount, payment.external_id, payment.source) == (
        "DEMO-1", Decimal("1000.00"), "2026112700001", "camt053")
    with pytest.raises(ValueError):
        line(credit=False).to_payment("DEMO-1", "camt053")


def test_reimport_skips_lines_already_booked():
    lines = [line(ref="A"), line(ref="B"), line(ref="B")]
    new, known = split_known(lines, {"A"})
    assert [ln.external_id for ln in new] == ["B"]
    assert [ln.external_id for ln in known] == ["A", "B"]


def test_sample_statements_match_the_demo_cases():
    raw = yaml.safe_load((ROOT / "bot" / "cases" / "sample_cases.yml").read_text(encoding="utf-8"))
    demo = [case_from_dict(data) for data in raw["cases"]]
    samples = ROOT / "docs" / "samples"
    camt = match_lines(read_statement(samples / "afschrift-camt053.xml"), demo, [])
    assert [(m.case_id, m.how) for m in camt] == [
        ("DEMO-1", "factuurnummer"), ("DEMO-4", "factuurnummer"), ("DEMO-6", "naam en bedrag"),
        (None, None), (None, None)]
    csv = match_lines(read_statement(samples / "afschrift.csv"), demo, [])
    assert [m.case_id for m in csv] == ["DEMO-1", "DEMO-7", None, None]
