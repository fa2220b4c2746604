"""Read a simple bank export as CSV: ``datum;bedrag;naam;iban;omschrijving``.

For banks or bookkeeping packages without CAMT.053. The header row is required (columns may
come in any order, extra columns are ignored), the separator is ``;`` or ``,``, dates are
Dutch (DD-MM-JJJJ) or ISO, amounts Dutch ("1.250,50", a minus for money going out). Every row
is checked before anything is returned: one bad row fails the whole file.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
from decimal import Decimal

from stdnum import iban as iban_numbers

from bot.bank.lines import StatementError, StatementLine, with_fingerprints

COLUMNS = ("datum", "bedrag", "naam", "iban", "omschrijving")
_DUTCH_AMOUNT = re.compile(r"(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d{1,2})?")
_DOT_DECIMAL_AMOUNT = re.compile(r"\d+\.\d{1,2}")
_DATE_FORMATS = ("%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d", "%Y%m%d")


def parse_csv_statement(data: bytes) -> list[StatementLine]:
    """Every row of the export as a statement line, in file order."""
    text = _decode(data)
    header_line = text.lstrip("\n").split("\n", 1)[0]
    if not header_line.strip():
        raise StatementError(f"regel 1: de kopregel ontbreekt (verwacht {';'.join(COLUMNS)})")
    delimiter = ";" if header_line.count(";") >= header_line.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [h.strip().lower() for h in next(reader)]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise StatementError(f"regel 1: kolom(men) {', '.join(missing)} ontbreken in de kopregel "
                             f"(verwacht {';'.join(COLUMNS)})")
    position = {c: header.index(c) for c in COLUMNS}
    lines = []
    for row in reader:
        where = f"regel {reader.line_num}"
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise StatementError(f"{where}: {len(row)} kolommen in plaats van {len(header)}; "
                                 f"staat er een scheidingsteken '{delimiter}' in een veld?")
        cell = {c: row[i].strip() for c, i in position.items()}
        amount, credit = _amount(cell["bedrag"], where)
        lines.append(StatementLine(
            booking_date=_date(cell["datum"], where), amount=amount, credit=credit,
            counterparty=cell["naam"], iban=_iban(cell["iban"], where),
            remittance=cell["omschrijving"], external_id="", where=where))
    return with_fingerprints(lines, "csv")


def _decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252 as older Dutch bank exports use."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _amount(text: str, where: str) -> tuple[Decimal, bool]:
    """The amount and whether it came in (no sign or +) or went out (-)."""
    sign, digits = (text[0], text[1:].strip()) if text[:1] in "+-" and text else ("", text)
    if _DUTCH_AMOUNT.fullmatch(digits):
        amount = Decimal(digits.replace(".", "").replace(",", "."))
    elif _DOT_DECIMAL_AMOUNT.fullmatch(digits):
        amount = Decimal(digits)
    else:
        raise StatementError(f"{where}: {text!r} is geen bedrag")
    if amount == 0:
        raise StatementError(f"{where}: het bedrag is nul")
    return amount.quantize(Decimal("0.01")), sign != "-"


def _date(text: str, where: str) -> dt.date:
    for form in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, form).date()
        except ValueError:
            continue
    raise StatementError(f"{where}: {text!r} is geen geldige datum (DD-MM-JJJJ of JJJJ-MM-DD)")


def _iban(text: str, where: str) -> str:
    if not text:
        return ""
    if not iban_numbers.is_valid(text):
        raise StatementError(f"{where}: {text!r} is geen geldig IBAN")
    return iban_numbers.compact(text)
