"""Read an ISO 20022 CAMT.053 bank statement (what Dutch banks export as XML).

Any version (camt.053.001.02 up to .13) is read: the namespace is taken from the root
element instead of being fixed. The file is parsed with defusedxml, which refuses entity
tricks, and read in full before anything is returned: one bad entry fails the whole file, so
an import never stores half a statement.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from stdnum import iban as iban_numbers

from bot.bank.lines import StatementError, StatementLine, with_fingerprints

NAMESPACE_PREFIX = "urn:iso:std:iso:20022:tech:xsd:camt.053."
NOT_PROVIDED = "NOTPROVIDED"


def parse_camt053(data: bytes) -> list[StatementLine]:
    """Every booked entry of every statement in the file, credits and debits, in file order."""
    root = _parse_xml(data)
    namespace, name = _split_tag(root.tag)
    if name != "Document" or not namespace.startswith(NAMESPACE_PREFIX):
        found = f"{name} ({namespace})" if namespace else name
        raise StatementError(f"geen CAMT.053-afschrift: het hoofdelement is {found}, "
                             f"verwacht Document in de namespace {NAMESPACE_PREFIX}…")
    xml = _Names(namespace)
    statement = root.find(xml.path("BkToCstmrStmt"))
    if statement is None:
        raise StatementError("geen CAMT.053-afschrift: BkToCstmrStmt ontbreekt")
    statements = statement.findall(xml.path("Stmt"))
    if not statements:
        raise StatementError("BkToCstmrStmt: er staat geen Stmt (rekeningafschrift) in")
    lines: list[StatementLine] = []
    number = 0
    for stmt in statements:
        for entry in stmt.findall(xml.path("Ntry")):
            number += 1
            lines.extend(_entry_lines(entry, f"Ntry {number}", xml))
    return with_fingerprints(lines, "camt053")


def _split_tag(tag: str) -> tuple[str, str]:
    """("urn:…camt.053.001.02", "Document") from "{urn:…camt.053.001.02}Document"."""
    if tag.startswith("{"):
        namespace, _, name = tag[1:].partition("}")
        return namespace, name
    return "", tag


def _parse_xml(data: bytes) -> Element:
    if not data.strip():
        raise StatementError("geen geldig XML: het bestand is leeg")
    try:
        return fromstring(data)
    except ParseError as err:
        line, column = err.position
        raise StatementError(f"geen geldig XML: fout op regel {line}, kolom {column + 1}") from err
    except DefusedXmlException as err:
        raise StatementError("geen geldig XML: DTD's en entiteiten zijn niet toegestaan") from err


class _Names:
    """Element paths in the statement's own namespace."""

    def __init__(self, namespace: str) -> None:
        self.prefix = "{" + namespace + "}"

    def path(self, path: str) -> str:
        return "/".join(self.prefix + step for step in path.split("/"))

    def text(self, element: Element | None, path: str) -> str:
        if element is None:
            return ""
        found = element.find(self.path(path))
        return (found.text or "").strip() if found is not None else ""


def _entry_lines(entry: Element, where: str, xml: _Names) -> list[StatementLine]:
    if not _is_booked(entry, xml):
        return []
    credit = _credit(xml.text(entry, "CdtDbtInd"), where)
    booked = _booking_date(entry, where, xml)
    details = entry.findall(xml.path("NtryDtls/TxDtls"))
    if len(details) <= 1:
        amount = _amount(entry.find(xml.path("Amt")), where)
        tx = details[0] if details else None
        return [_line(entry, tx, amount, credit, booked, where, xml, "")]
    lines = []
    for n, tx in enumerate(details, start=1):
        at = f"{where} TxDtls {n}"
        amount_element = tx.find(xml.path("Amt"))
        if amount_element is None:
            amount_element = tx.find(xml.path("AmtDtls/TxAmt/Amt"))
        tx_indicator = xml.text(tx, "CdtDbtInd")
        tx_credit = _credit(tx_indicator, at) if tx_indicator else credit
        lines.append(_line(entry, tx, _amount(amount_element, at), tx_credit, booked, at, xml,
                           f"/{n}"))
    return lines


def _line(entry: Element, tx: Element | None, amount: Decimal, credit: bool, booked: dt.date,
          where: str, xml: _Names, suffix: str) -> StatementLine:
    party = "Dbtr" if credit else "Cdtr"
    name = (xml.text(tx, f"RltdPties/{party}/Nm")
            or xml.text(tx, f"RltdPties/{party}/Pty/Nm"))
    account = iban_numbers.compact(xml.text(tx, f"RltdPties/{party}Acct/Id/IBAN"))
    remittance = _remittance(entry, tx, xml)
    external_id = _external_id(entry, tx, xml, suffix)
    return StatementLine(booking_date=booked, amount=amount, credit=credit, counterparty=name,
                         iban=account, remittance=remittance, external_id=external_id,
                         where=where)


def _is_booked(entry: Element, xml: _Names) -> bool:
    """Only booked entries are money on the account; pending or informative ones are skipped.
    Up to version .07 the status is a code in Sts, from .08 on in Sts/Cd."""
    status = xml.text(entry, "Sts/Cd") or xml.text(entry, "Sts")
    return status in ("", "BOOK")


def _credit(indicator: str, where: str) -> bool:
    if indicator == "CRDT":
        return True
    if indicator == "DBIT":
        return False
    if not indicator:
        raise StatementError(f"{where}: CdtDbtInd ontbreekt")
    raise StatementError(f"{where}: CdtDbtInd moet CRDT of DBIT zijn, niet {indicator!r}")


def _amount(element: Element | None, where: str) -> Decimal:
    if element is None:
        raise StatementError(f"{where}: Amt ontbreekt")
    currency = element.get("Ccy", "")
    if currency != "EUR":
        shown = currency or "zonder valuta"
        raise StatementError(f"{where}: Amt in {shown}; alleen bedragen in EUR worden ingelezen")
    text = (element.text or "").strip()
    try:
        amount = Decimal(text)
    except InvalidOperation as err:
        raise StatementError(f"{where}: {text!r} in Amt is geen bedrag") from err
    exponent = amount.as_tuple().exponent  # a letter for NaN and infinity
    if not amount.is_finite() or not isinstance(exponent, int) or amount <= 0 or exponent < -2:
        raise StatementError(f"{where}: {text!r} in Amt is geen positief bedrag in centen")
    return amount.quantize(Decimal("0.01"))


def _booking_date(entry: Element, where: str, xml: _Names) -> dt.date:
    for path in ("BookgDt/Dt", "BookgDt/DtTm", "ValDt/Dt", "ValDt/DtTm"):
        text = xml.text(entry, path)
        if text:
            try:
                return dt.datetime.fromisoformat(text).date() if "T" in text \
                    else dt.date.fromisoformat(text)
            except ValueError as err:
                raise StatementError(f"{where}: {text!r} in {path} is geen geldige datum") from err
    raise StatementError(f"{where}: BookgDt ontbreekt")


def _remittance(entry: Element, tx: Element | None, xml: _Names) -> str:
    """All free-text remittance lines and structured creditor references, in file order;
    without any, the bank's additional entry text."""
    parts: list[str] = []
    if tx is not None:
        for info in tx.findall(xml.path("RmtInf")):
            parts += [(e.text or "").strip() for e in info.findall(xml.path("Ustrd"))]
            parts += [(e.text or "").strip()
                      for e in info.findall(xml.path("Strd/CdtrRefInf/Ref"))]
        if not any(parts):
            parts.append(xml.text(tx, "AddtlTxInf"))
    if not any(parts):
        parts.append(xml.text(entry, "AddtlNtryInf"))
    return " ".join(p for p in parts if p)


def _external_id(entry: Element, tx: Element | None, xml: _Names, suffix: str) -> str:
    """The bank's own reference for the booking (within a batch each transaction gets its
    own), else the payer's EndToEndId tied to this entry; "" leaves it to a fingerprint."""
    own = xml.text(tx, "Refs/AcctSvcrRef")
    if own and suffix:
        return own
    entry_ref = xml.text(entry, "AcctSvcrRef")
    if entry_ref:
        return entry_ref + suffix
    if own:
        return own
    end_to_end = xml.text(tx, "Refs/EndToEndId")
    if end_to_end and end_to_end != NOT_PROVIDED:
        # The payer chooses this one and may reuse it: only unique together with day and amount.
        booked = xml.text(entry, "BookgDt/Dt") or xml.text(entry, "BookgDt/DtTm")
        amount = xml.text(tx, "Amt") or xml.text(entry, "Amt")
        return f"{end_to_end}/{booked}/{amount}"
    return ""
