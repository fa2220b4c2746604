"""Reading CAMT.053: what becomes a statement line, and every malformed file refused whole."""
import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from bot.bank.camt053 import parse_camt053
from bot.bank.statements import StatementError, parse_statement, read_statement
from tests.bank.camt_builder import document, entry

SAMPLE = Path(__file__).resolve().parents[2] / "docs" / "samples" / "afschrift-camt053.xml"


def test_credit_entry_becomes_a_line_with_all_details():
    [line] = parse_camt053(document(entry("1250.50", ref="2026112700001")))
    assert line.booking_date == dt.date(2026, 11, 27)
    assert line.amount == Decimal("1250.50") and line.credit
    assert line.counterparty == "Bloemisterij De Vries"
    assert line.iban == "NL81RABO0312345678"
    assert line.remittance == "Factuur F2026-0081"
    assert line.external_id == "2026112700001"
    assert line.where == "Ntry 1"


def test_debit_entry_is_read_but_marked_as_money_out():
    lines = parse_camt053(document(entry("12.50", indicator="DBIT", name="Bank")))
    assert [(ln.credit, ln.counterparty) for ln in lines] == [(False, "Bank")]


def test_debit_only_statement_has_no_credits():
    lines = parse_camt053(document(entry("10.00", indicator="DBIT", ref="A"),
                                   entry("20.00", indicator="DBIT", ref="B")))
    assert len(lines) == 2 and not any(ln.credit for ln in lines)


def test_pending_entries_are_skipped():
    lines = parse_camt053(document(entry(ref="A", status="<Sts>PDNG</Sts>"), entry(ref="B")))
    assert [ln.external_id for ln in lines] == ["B"]


def test_newer_versions_read_their_own_namespace_and_status_code():
    ns = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"
    details = ("<TxDtls><RltdPties><Dbtr><Pty><Nm>Bytewerk Solutions B.V.</Nm></Pty></Dbtr>"
               "<DbtrAcct><Id><IBAN>NL44 RABO 0123 4567 89</IBAN></Id></DbtrAcct></RltdPties>"
               "<RmtInf><Ustrd>VF-26-0347</Ustrd><Ustrd>tweede regel</Ustrd>"
               "<Strd><CdtrRefInf><Ref>1234567890123456</Ref></CdtrRefInf></Strd>"
               "</RmtInf></TxDtls>")
    raw = document(entry("968.00", status="<Sts><Cd>BOOK</Cd></Sts>", details=details),
                   namespace=ns)
    [line] = parse_camt053(raw)
    assert line.counterparty == "Bytewerk Solutions B.V."
    assert line.iban == "NL44RABO0123456789"
    assert line.remittance == "VF-26-0347 tweede regel 1234567890123456"


def test_date_time_booking_date_is_read():
    raw = document(entry().replace("<BookgDt><Dt>2026-11-27</Dt></BookgDt>",
                                   "<BookgDt><DtTm>2026-11-30T09:15:00+01:00</DtTm></BookgDt>"))
    assert parse_camt053(raw)[0].booking_date == dt.date(2026, 11, 30)


def test_batch_entry_gives_one_line_per_transaction():
    tx = ("<TxDtls><Refs><AcctSvcrRef>TX-{n}</AcctSvcrRef></Refs><Amt Ccy=\"EUR\">{amount}</Amt>"
          "<RltdPties><Dbtr><Nm>Payer {n}</Nm></Dbtr></RltdPties>"
          "<RmtInf><Ustrd>nota {n}</Ustrd></RmtInf></TxDtls>")
    details = tx.format(n=1, amount="100.00") + tx.format(n=2, amount="50.25")
    lines = parse_camt053(document(entry("150.25", details=details)))
    assert [(ln.amount, ln.external_id, ln.where) for ln in lines] == [
        (Decimal("100.00"), "TX-1", "Ntry 1 TxDtls 1"),
        (Decimal("50.25"), "TX-2", "Ntry 1 TxDtls 2")]


def test_without_bank_reference_the_id_is_stable_across_reads():
    raw = document(entry(ref=None), entry(ref=None))
    first, second = parse_camt053(raw), parse_camt053(raw)
    assert [ln.external_id for ln in first] == [ln.external_id for ln in second]
    # Two identical transfers on one day are still two lines with different ids.
    assert first[0].external_id != first[1].external_id


def test_end_to_end_id_is_used_with_day_and_amount_when_no_bank_reference():
    refs = "<Refs><EndToEndId>E2E-9</EndToEndId></Refs>"
    [line] = parse_camt053(document(entry(ref=None, extra_tx=refs)))
    assert line.external_id == "E2E-9/2026-11-27/100.00"


@pytest.mark.parametrize("raw, words", [
    (document(entry(ref="A"), entry(amount=None, ref="B")), ["Ntry 2", "Amt ontbreekt"]),
    (document(entry(ccy="USD")), ["Ntry 1", "USD", "EUR"]),
    (document(entry(amount="12,50")), ["Ntry 1", "'12,50'", "geen bedrag"]),
    (document(entry(amount="-5.00")), ["Ntry 1", "geen positief bedrag"]),
    (document(entry(amount="1.234")), ["Ntry 1", "centen"]),
    (document(entry(indicator=None)), ["Ntry 1", "CdtDbtInd ontbreekt"]),
    (document(entry(indicator="CRED")), ["Ntry 1", "CRDT of DBIT"]),
    (document(entry(booked=None)), ["Ntry 1", "BookgDt ontbreekt"]),
    (document(entry(booked="2026-02-30")), ["Ntry 1", "geen geldige datum"]),
])
def test_malformed_entry_names_the_entry_and_the_element(raw, words):
    with pytest.raises(StatementError) as err:
        parse_camt053(raw)
    assert all(w in str(err.value) for w in words), str(err.value)


def test_bad_xml_names_the_line():
    raw = document(entry()).replace(b"</Ntry>", b"</Ntri>", 1)
    raw = raw.replace(b"<Document", b"\n\n<Document", 1)
    with pytest.raises(StatementError, match=r"geen geldig XML: fout op regel 4"):
        parse_camt053(raw)


@pytest.mark.parametrize("raw, words", [
    (b"", ["geen geldig XML", "leeg"]),
    (b"<Document><BkToCstmrStmt/></Document>", ["geen CAMT.053"]),
    (document(entry(), namespace="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"),
     ["geen CAMT.053", "pain.001"]),
    (b'<Invoice xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"/>',
     ["geen CAMT.053", "Invoice"]),
    (b'<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"/>', ["BkToCstmrStmt"]),
    (b'<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>'
     b'</BkToCstmrStmt></Document>', ["Stmt"]),
])
def test_empty_or_foreign_xml_is_refused(raw, words):
    with pytest.raises(StatementError) as err:
        parse_camt053(raw)
    assert all(w in str(err.value) for w in words), str(err.value)


def test_entity_tricks_are_refused():
    raw = (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x "boom">]>'
           b'<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">&x;</Document>')
    with pytest.raises(StatementError, match="niet toegestaan"):
        parse_camt053(raw)


def test_sample_statement_reads_in_full():
    lines = read_statement(SAMPLE)
    assert [ln.where for ln in lines] == [f"Ntry {n}" for n in range(1, 6)]
    assert [ln.credit for ln in lines] == [True, True, True, False, True]
    assert len({ln.external_id for ln in lines}) == 5


def test_format_is_taken_from_the_name_or_the_content():
    raw = document(entry())
    assert len(parse_statement(raw, "afschrift.xml")) == 1
    assert len(parse_statement(raw, "download")) == 1
    with pytest.raises(StatementError, match="kan niet worden gelezen"):
        read_statement(SAMPLE.with_name("bestaat-niet.xml"))
