"""The state of one call: which case, what was proposed last, and what was agreed.

It round-trips through plain JSON-able dicts so any channel can keep it: Rasa slots, a
web session, a chat thread.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from bot.coach.money import euros


@dataclass(frozen=True)
class Agreement:
    """A payment promise made in this call: pay ``amount`` (if known) by ``date``."""
    date: dt.date
    amount: Decimal | None
    text: str
    source: str  # "debtor" (the debtor's own promise) or "proposal" (accepted proposal)
    installments: tuple[tuple[dt.date, Decimal], ...] = ()

    def to_dict(self) -> dict:
        return {"date": self.date.isoformat(),
                "amount": float(self.amount) if self.amount is not None else None,
                "text": self.text, "source": self.source,
                "installments": [{"date": d.isoformat(), "amount": float(a)}
                                 for d, a in self.installments]}

    @classmethod
    def from_dict(cls, data: dict) -> "Agreement":
        return cls(date=dt.date.fromisoformat(data["date"]),
                   amount=euros(data["amount"]) if data.get("amount") is not None else None,
                   text=data.get("text", ""), source=data.get("source", "debtor"),
                   installments=tuple((dt.date.fromisoformat(i["date"]), euros(i["amount"]))
                                      for i in data.get("installments") or ()))

    def payments(self) -> list[tuple[dt.date, Decimal | None]]:
        """Each expected payment: the instalments, or the single amount on the date."""
        return list(self.installments) or [(self.date, self.amount)]


@dataclass
class CallState:
    case_id: str | None = None
    agreements: list[Agreement] = field(default_factory=list)
    last_proposals: list[dict] = field(default_factory=list)
    situations: list[str] = field(default_factory=list)

    def agree_to(self, agreement: Agreement) -> None:
        """Record an agreement; one for the same date replaces the earlier one."""
        self.agreements = [a for a in self.agreements if a.date != agreement.date] + [agreement]
        self.agreements.sort(key=lambda a: a.date)

    def agreed_total(self) -> Decimal:
        return sum((a.amount for a in self.agreements if a.amount is not None), Decimal("0.00"))

    def to_dict(self) -> dict:
        return {"case_id": self.case_id, "agreements": [a.to_dict() for a in self.agreements],
                "last_proposals": self.last_proposals, "situations": self.situations}

    @classmethod
    def from_dict(cls, data: dict | None) -> "CallState":
        data = data or {}
        return cls(case_id=data.get("case_id"),
                   agreements=[Agreement.from_dict(a) for a in data.get("agreements") or ()],
                   last_proposals=list(data.get("last_proposals") or ()),
                   situations=list(data.get("situations") or ()))
