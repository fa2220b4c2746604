"""Reading the simple CSV bank export: Dutch dates and amounts, refused whole when wrong."""
import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from bot.bank.csv_statement import parse_csv_statement
from bot.bank.statements import StatementError, parse_statement, read_statement

SAMPLE = Path(__file__).resolve().parents[2] / "docs" / "samples" / "afschrift.csv"
HEADER = "datum;bedrag;naam;iban;omschrijving\n"


def parse(text: str, encoding: str = "utf-8"):
    return parse_csv_statement(text.encode(encoding))


def test_rows_become_lines_with_dutch_dates_and_amounts():
    lines = parse(HEADER + "27-11-2026;1.250,50;Bloemisterij De Vries;NL81 RABO 0312 3456 78;"
                           "Factuur F2026-0081\n2026-11-30;-35,00;Kantoor Noord;;toner\n")
    first, second = lines
    assert (first.booking_date, first.amount, first.credit) == (
        dt.date(2026, 11, 27), Decimal("1250.50"), True)
    assert first.iban == "NL81RABO0312345678" and first.where == "regel 2"
    assert (second.booking_date, second.amount, second.credit, second.iban) == (
        dt.date(2026, 11, 30), Decimal("35.00"), False, "")


@pytest.mark.parametrize("written, amount", [
    ("500", "500.00"), ("500,5", "500.50"), ("+12.480,00", "12480.00"), ("1250.50", "1250.50"),
    ("1.250", "1250.00"),
])
def test_amount_notations(written, amount):
    [line] = parse(HEADER + f"27-11-2026;{written};X;;y\n")
    assert line.amount == Decimal(amount)


def test_comma_separated_file_with_quoted_amounts_and_columns_in_another_order():
    [line] = parse('omschrijving,naam,datum,bedrag,iban,extra\n'
                   '"nota 12, deel 2",Firma,27/11/2026,"1.000,00",,x\n')
    assert (line.remittance, line.counterparty, line.amount) == (
        "nota 12, deel 2", "Firma", Decimal("1000.00"))


def test_windows_export_with_bom_and_crlf_and_cp1252():
    [line] = parse("\ufeff" + HEADER.replace("\n", "\r\n") + "27-11-2026;10,00;Café;;x\r\n")
    assert line.counterparty == "Café"
    [latin] = parse(HEADER + "27-11-2026;10,00;Café;;x\n", encoding="cp1252")
    assert latin.counterparty == "Café"


def test_reading_twice_gives_the_same_ids_and_twin_rows_differ():
    text = HEADER + "27-11-2026;10,00;A;;x\n27-11-2026;10,00;A;;x\n"
    first, second = parse(text), parse(text)
    assert [ln.external_id for ln in first] == [ln.external_id for ln in second]
    assert first[0].external_id != first[1].external_id


@pytest.mark.parametrize("text, words", [
    (HEADER + "27-11-2026;10,00;A;;x\n28-11-2026;10,00;B;;y\n27-11-2026;12,3,4;C;;z\n",
     ["regel 4", "'12,3,4' is geen bedrag"]),
    (HEADER + "31-02-2026;10,00;A;;x\n", ["regel 2", "'31-02-2026'", "geen geldige datum"]),
    (HEADER + "27-11-2026;0,00;A;;x\n", ["regel 2", "nul"]),
    (HEADER + "27-11-2026;10,00;A;NL00RABO0312345678;x\n", ["regel 2", "geen geldig IBAN"]),
    (HEADER + "27-11-2026;10,00;A\n", ["regel 2", "3 kolommen"]),
    ("datum;bedrag;naam\n27-11-2026;10,00;A\n", ["regel 1", "iban", "omschrijving", "ontbreken"]),
    ("27-11-2026;10,00;A;;x\n", ["regel 1", "ontbreken"]),
    ("", ["regel 1", "kopregel ontbreekt"]),
])
def test_malformed_file_names_the_line(text, words):
    with pytest.raises(StatementError) as err:
        parse(text)
    assert all(w in str(err.value) for w in words), str(err.value)


def test_blank_lines_are_skipped_and_header_only_is_empty():
    assert parse(HEADER) == []
    assert len(parse(HEADER + "\n27-11-2026;10,00;A;;x\n\n")) == 1


def test_sample_export_reads_in_full():
    lines = read_statement(SAMPLE)
    assert [ln.where for ln in lines] == ["regel 2", "regel 3", "regel 4", "regel 5"]
    assert [ln.credit for ln in lines] == [True, True, False, True]
    assert parse_statement(SAMPLE.read_bytes(), "") == lines
