"""Which case a bank statement line pays, and why: never a guess.

In order of certainty: an invoice number in the remittance text, the debtor's IBAN on file,
and last the payer's name together with an amount that equals an open promise or the
balance. A line that fits none of these, or fits several cases, is reported unmatched with
the reason, for the collector to book by hand.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from difflib import SequenceMatcher

from bot.bank.lines import StatementLine
from bot.coach.cases import Case
from bot.coach.formatting import join_nl, short_date
from bot.coach.ledger import Promise
from bot.coach.money import format_euro

HOW = ("factuurnummer", "iban", "naam en bedrag")
NAME_SIMILARITY = 0.85
_LEGAL_FORMS = {"bv", "nv", "vof", "cv", "bvba", "gmbh", "ltd", "zn", "en"}
_WINDOW = 4  # an invoice number split over at most this many words ("F2026 0081")


@dataclass(frozen=True)
class Match:
    line: StatementLine
    case_id: str | None
    reason_nl: str
    how: str | None

    @property
    def reason(self) -> str:
        return self.reason_nl

    def to_payload(self) -> dict:
        return {"line": self.line.to_payload(), "case_id": self.case_id,
                "reason": self.reason_nl, "how": self.how}


def match_lines(lines: Iterable[StatementLine], cases: Iterable[Case],
                promises: Iterable[Promise],
                balances: dict[str, Decimal] | None = None) -> list[Match]:
    """One Match per line, in the order given. ``promises`` are the live (not cancelled)
    promises; ``balances`` the open balance per case id (default: the case's invoices)."""
    cases = list(cases)
    balances = balances or {}
    amounts: dict[str, dict[Decimal, str]] = {
        c.id: {balances.get(c.id, c.balance): "het openstaande saldo"} for c in cases}
    for promise in sorted(promises, key=lambda p: p.date, reverse=True):
        if promise.cancelled_at is None and promise.case_id in amounts:
            label = f"de toezegging voor {short_date(promise.date)}"
            amounts[promise.case_id][promise.amount] = label
    return [_match(line, cases, amounts) for line in lines]


def split_known(lines: Iterable[StatementLine], known_ids: Iterable[str],
                ) -> tuple[list[StatementLine], list[StatementLine]]:
    """(new lines, lines imported before) by the bank reference, so a re-import adds nothing."""
    seen = set(known_ids)
    new: list[StatementLine] = []
    known: list[StatementLine] = []
    for line in lines:
        (known if line.external_id in seen else new).append(line)
        seen.add(line.external_id)
    return new, known


def _match(line: StatementLine, cases: list[Case],
           amounts: dict[str, dict[Decimal, str]]) -> Match:
    if not line.credit:
        return Match(line, None, "afschrijving: geen betaling van een debiteur", None)
    by_invoice = _by_invoice(line.remittance, cases)
    if len(by_invoice) == 1:
        (case, numbers), = by_invoice.items()
        return Match(line, case.id, f"factuurnummer {join_nl(numbers)} in de omschrijving",
                     "factuurnummer")
    if len(by_invoice) > 1:
        ids = join_nl(sorted(c.id for c in by_invoice))
        return Match(line, None, f"factuurnummers van meerdere dossiers ({ids}): "
                                 "boek de betaling met de hand", None)
    candidates = [c for c in cases if line.iban and c.contact.iban == line.iban]
    if len(candidates) == 1:
        return Match(line, candidates[0].id, f"IBAN {line.iban} staat bij {candidates[0].company}",
                     "iban")
    return _by_name_and_amount(line, candidates or cases, amounts, shared_iban=len(candidates) > 1)


def _by_name_and_amount(line: StatementLine, cases: list[Case],
                        amounts: dict[str, dict[Decimal, str]], shared_iban: bool) -> Match:
    named = [c for c in cases if _same_name(line.counterparty, c.company)]
    paid = format_euro(line.amount)
    fitting = [c for c in named if line.amount in amounts[c.id]]
    if len(fitting) == 1:
        case = fitting[0]
        return Match(line, case.id, f"naam lijkt op {case.company} en {paid} is gelijk aan "
                     f"{amounts[case.id][line.amount]}", "naam en bedrag")
    if len(fitting) > 1:
        ids = join_nl(sorted(c.id for c in fitting))
        return Match(line, None, f"naam en bedrag passen bij meerdere dossiers ({ids})", None)
    if named:
        return Match(line, None, f"naam lijkt op {named[0].company}, maar {paid} past bij geen "
                                 "toezegging en niet bij het saldo: controleer met de hand", None)
    if shared_iban:
        ids = join_nl(sorted(c.id for c in cases))
        return Match(line, None, f"IBAN {line.iban} staat bij meerdere dossiers ({ids})", None)
    return Match(line, None, "geen factuurnummer, bekend IBAN of naam met passend bedrag gevonden",
                 None)


def _tokens(text: str) -> list[str]:
    return re.findall(r"[0-9A-Z]+", _plain(text).upper())


def _plain(text: str) -> str:
    """Without accents, so "Café" on the statement matches "Cafe" in the case file."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(ch))


def _by_invoice(remittance: str, cases: list[Case]) -> dict[Case, list[str]]:
    """Cases with an invoice number in the text, however it was split by spaces or dashes,
    but only as whole words: "20261342" does not match inside a longer payment reference."""
    words = _tokens(remittance)
    runs = {"".join(words[i:j]) for i in range(len(words))
            for j in range(i + 1, min(i + _WINDOW, len(words)) + 1)}
    found: dict[Case, list[str]] = {}
    for case in cases:
        numbers = [inv.number for inv in case.invoices if "".join(_tokens(inv.number)) in runs]
        if numbers:
            found[case] = numbers
    return found


def _company_words(name: str) -> str:
    return " ".join(w for w in re.findall(r"[0-9a-z]+", _plain(name).lower().replace(".", ""))
                    if w not in _LEGAL_FORMS)


def _same_name(counterparty: str, company: str) -> bool:
    """The payer's name is the company's, give or take legal form, case, dots and accents."""
    ours, theirs = _company_words(company), _company_words(counterparty)
    if not ours or not theirs:
        return False
    return ours == theirs or SequenceMatcher(None, ours, theirs).ratio() >= NAME_SIMILARITY
