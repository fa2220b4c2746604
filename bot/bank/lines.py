"""One line of a bank statement, whatever the file format it came from."""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, replace
from decimal import Decimal

from bot.coach.ledger import Payment


class StatementError(ValueError):
    """A statement file cannot be read; the Dutch message names the element or the line."""


@dataclass(frozen=True)
class StatementLine:
    """A booked credit (money in) or debit (money out) on our account.

    ``where`` says where it stood in the file ("Ntry 3", "regel 4") so a collector can find it;
    ``external_id`` is the bank's own reference, or a fingerprint of the line when the bank
    gives none, so that importing the same file twice adds nothing.
    """

    booking_date: dt.date
    amount: Decimal
    credit: bool
    counterparty: str
    iban: str
    remittance: str
    external_id: str
    where: str

    def to_payment(self, case_id: str, source: str) -> Payment:
        if not self.credit:
            raise ValueError(f"{self.where}: an outgoing amount is not a payment by a debtor")
        return Payment(id=None, case_id=case_id, date=self.booking_date, amount=self.amount,
                       reference=self.remittance, source=source,
                       counterparty=self.counterparty, iban=self.iban,
                       external_id=self.external_id)

    def to_payload(self) -> dict:
        return {"date": self.booking_date.isoformat(), "amount": float(self.amount),
                "credit": self.credit, "counterparty": self.counterparty, "iban": self.iban,
                "remittance": self.remittance, "external_id": self.external_id,
                "where": self.where}


def with_fingerprints(lines: list[StatementLine], prefix: str) -> list[StatementLine]:
    """Give lines without a bank reference a stable id made from their content.

    Identical lines (same day, amount, account and text) are told apart by how many came
    before them, so importing the same file twice, or an overlapping one, adds nothing new.
    """
    seen: dict[tuple, int] = {}
    result = []
    for line in lines:
        if line.external_id:
            result.append(line)
            continue
        key = (line.booking_date.isoformat(), str(line.amount), line.credit, line.iban,
               line.counterparty, line.remittance)
        seen[key] = seen.get(key, 0) + 1
        digest = hashlib.sha256("\x1f".join(map(str, (*key, seen[key]))).encode("utf-8"))
        result.append(replace(line, external_id=f"{prefix}:{digest.hexdigest()[:20]}"))
    return result
