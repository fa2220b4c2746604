"""Cases ("dossiers"): what a collector has at hand before calling a debtor.

A case holds the contact, the open invoices and the history that decides how firm the
collector can be: payment behaviour, creditworthiness, earlier agreements and whether
they were kept, reminders sent, complaints and how important the customer is.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from stdnum import iban as iban_numbers

from bot.coach.money import euros

PAYMENT_BEHAVIOURS = ("good", "average", "poor")
CREDITWORTHINESS = ("good", "moderate", "poor")
REMINDER_KINDS = ("herinnering", "aanmaning", "ingebrekestelling", "veertiendagenbrief")
COMPLAINT_STATUSES = ("open", "resolved")


class CaseError(ValueError):
    """A case (or a file of cases) is not usable; the message says where and why, in Dutch."""


@dataclass(frozen=True)
class Contact:
    name: str
    role: str = ""
    phone: str = ""
    email: str = ""
    iban: str = ""  # the debtor's bank account, compact form; matches bank statement lines


@dataclass(frozen=True)
class Invoice:
    number: str
    date: dt.date
    due_date: dt.date
    amount: Decimal
    description: str = ""
    delivered_on: dt.date | None = None

    def days_overdue(self, today: dt.date) -> int:
        return max(0, (today - self.due_date).days)


@dataclass(frozen=True)
class EarlierAgreement:
    made_on: dt.date
    promised_date: dt.date
    amount: Decimal
    kept: bool
    note: str = ""


@dataclass(frozen=True)
class Reminder:
    date: dt.date
    kind: str


@dataclass(frozen=True)
class Complaint:
    date: dt.date
    invoice: str
    subject: str
    status: str

    @property
    def is_open(self) -> bool:
        return self.status == "open"


@dataclass(frozen=True)
class Case:
    id: str
    company: str
    contact: Contact
    invoices: tuple[Invoice, ...]
    sector: str = ""
    payment_terms_days: int = 30
    payment_behaviour: str = "average"
    average_days_late: int = 0
    creditworthiness: str = "good"
    important_customer: bool = False
    revenue_share: float = 0.0
    earlier_agreements: tuple[EarlierAgreement, ...] = ()
    reminders: tuple[Reminder, ...] = ()
    complaints: tuple[Complaint, ...] = ()
    administration_fee: Decimal = Decimal("0.00")
    interest: Decimal = Decimal("0.00")
    delivery_stop: bool = False
    notes: str = ""
    consumer: bool = False  # a private person: the statutory collection-costs rules apply

    @property
    def fourteen_day_letter(self) -> dt.date | None:
        """When the latest 14-day letter ("veertiendagenbrief") went out, if one did."""
        letters = [r.date for r in self.reminders if r.kind == "veertiendagenbrief"]
        return max(letters) if letters else None

    @property
    def balance(self) -> Decimal:
        """What the debtor owes on invoices, without fees or interest."""
        return sum((inv.amount for inv in self.invoices), Decimal("0.00"))

    @property
    def costs(self) -> Decimal:
        return self.administration_fee + self.interest

    @property
    def disputed_invoices(self) -> tuple[Invoice, ...]:
        disputed = {c.invoice for c in self.complaints if c.is_open}
        return tuple(inv for inv in self.invoices if inv.number in disputed)

    @property
    def undisputed_balance(self) -> Decimal:
        return self.balance - sum((inv.amount for inv in self.disputed_invoices), Decimal("0.00"))

    @property
    def broken_agreements(self) -> int:
        return sum(1 for a in self.earlier_agreements if not a.kept)

    def oldest_due_date(self) -> dt.date:
        """A case always has invoices (case_from_dict refuses one without)."""
        return min(inv.due_date for inv in self.invoices)

    def max_days_overdue(self, today: dt.date) -> int:
        return max((inv.days_overdue(today) for inv in self.invoices), default=0)


# --- building cases from plain data (YAML, CSV rows, SQLite JSON) ------------------------

def _require(data: dict, key: str, where: str) -> object:
    value = data.get(key)
    if value is None or value == "":
        raise CaseError(f"{where}: het veld '{key}' ontbreekt")
    return value


def _date(value: object, where: str, key: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as err:
        raise CaseError(f"{where}: '{key}' is geen geldige datum (JJJJ-MM-DD): {value!r}") from err


def _optional_date(value: object, where: str, key: str) -> dt.date | None:
    return None if value in (None, "") else _date(value, where, key)


def _amount(value: object, where: str, key: str) -> Decimal:
    if isinstance(value, bool):
        raise CaseError(f"{where}: '{key}' is geen bedrag: {value!r}")
    try:
        amount = euros(value)
    except ValueError as err:
        raise CaseError(f"{where}: '{key}' is geen bedrag: {value!r}") from err
    if amount < 0:
        raise CaseError(f"{where}: '{key}' mag niet negatief zijn: {value!r}")
    return amount


def _iban(value: object, where: str) -> str:
    """An IBAN in compact form ("NL91ABNA0417164300"), or "" when none is on file."""
    text = "" if value is None else str(value).strip()
    if not text:
        return ""
    if not iban_numbers.is_valid(text):
        raise CaseError(f"{where}: 'iban' is geen geldig IBAN: {text!r}")
    return iban_numbers.compact(text)


def _int(value: Any, where: str, key: str) -> int:
    """``value`` as read from a case file; int() refuses what it cannot convert."""
    try:
        return int(value)
    except (TypeError, ValueError) as err:
        raise CaseError(f"{where}: '{key}' moet een geheel getal zijn, niet {value!r}") from err


def _share(value: Any, where: str, key: str) -> float:
    """``value`` as read from a case file; float() refuses what it cannot convert."""
    try:
        share = float(value)
    except (TypeError, ValueError) as err:
        raise CaseError(
            f"{where}: '{key}' moet een getal tussen 0 en 1 zijn, niet {value!r}") from err
    if not 0 <= share <= 1:
        raise CaseError(f"{where}: '{key}' moet tussen 0 en 1 liggen, niet {value!r}")
    return share


_YES = {True, "true", "ja", "yes", "1"}
_NO = {False, "false", "nee", "no", "0", None, ""}


def _bool(value: object, where: str, key: str) -> bool:
    normalised = value.strip().lower() if isinstance(value, str) else value
    if normalised in _YES:
        return True
    if normalised in _NO:
        return False
    raise CaseError(f"{where}: '{key}' moet ja of nee zijn, niet {value!r}")


def _mappings(data: dict, key: str, where: str) -> list[dict]:
    items = _list(data, key, where)
    if not all(isinstance(item, dict) for item in items):
        raise CaseError(f"{where}: elk item in '{key}' moet een mapping zijn")
    return items


def _choice(value: object, allowed: tuple[str, ...], where: str, key: str) -> str:
    if value not in allowed:
        raise CaseError(f"{where}: '{key}' moet een van {', '.join(allowed)} zijn, niet {value!r}")
    return str(value)


def _list(data: dict, key: str, where: str) -> list:
    value = data.get(key) or []
    if not isinstance(value, list):
        raise CaseError(f"{where}: '{key}' moet een lijst zijn")
    return value


def case_from_dict(data: object, where: str = "dossier") -> Case:
    """Validate plain data (as in sample_cases.yml) into a Case, or raise CaseError."""
    if not isinstance(data, dict):
        raise CaseError(f"{where}: een dossier moet een mapping zijn, geen {type(data).__name__}")
    case_id = str(_require(data, "id", where)).strip().upper()
    where = f"{where} {case_id}"
    contact_data = data.get("contact") or {}
    if not isinstance(contact_data, dict):
        raise CaseError(f"{where}: 'contact' moet een mapping zijn")
    contact = Contact(
        name=str(_require(contact_data, "name", f"{where} contact")),
        role=str(contact_data.get("role", "")),
        phone=str(contact_data.get("phone", "")),
        email=str(contact_data.get("email", "")),
        iban=_iban(contact_data.get("iban"), f"{where} contact"),
    )
    invoices = []
    for i, inv in enumerate(_list(data, "invoices", where), start=1):
        at = f"{where} factuur {i}"
        if not isinstance(inv, dict):
            raise CaseError(f"{at}: een factuur moet een mapping zijn")
        invoices.append(Invoice(
            number=str(_require(inv, "number", at)),
            date=_date(_require(inv, "date", at), at, "date"),
            due_date=_date(_require(inv, "due_date", at), at, "due_date"),
            amount=_amount(_require(inv, "amount", at), at, "amount"),
            description=str(inv.get("description", "")),
            delivered_on=_optional_date(inv.get("delivered_on"), at, "delivered_on"),
        ))
    if not invoices:
        raise CaseError(f"{where}: een dossier heeft minstens één openstaande factuur nodig")
    fees = data.get("fees") or {}
    if not isinstance(fees, dict):
        raise CaseError(f"{where}: 'fees' moet een mapping zijn")
    return Case(
        id=case_id,
        company=str(_require(data, "company", where)),
        contact=contact,
        invoices=tuple(invoices),
        sector=str(data.get("sector", "")),
        payment_terms_days=_int(data.get("payment_terms_days", 30), where, "payment_terms_days"),
        payment_behaviour=_choice(data.get("payment_behaviour", "average"), PAYMENT_BEHAVIOURS,
                                  where, "payment_behaviour"),
        average_days_late=_int(data.get("average_days_late", 0), where, "average_days_late"),
        creditworthiness=_choice(data.get("creditworthiness", "good"), CREDITWORTHINESS,
                                 where, "creditworthiness"),
        important_customer=_bool(data.get("important_customer"), where, "important_customer"),
        revenue_share=_share(data.get("revenue_share", 0.0), where, "revenue_share"),
        earlier_agreements=tuple(
            EarlierAgreement(
                made_on=_date(_require(a, "made_on", where), where, "made_on"),
                promised_date=_date(_require(a, "promised_date", where), where, "promised_date"),
                amount=_amount(_require(a, "amount", where), where, "amount"),
                kept=_bool(a.get("kept"), where, "kept"),
                note=str(a.get("note", "")),
            )
            for a in _mappings(data, "earlier_agreements", where)
        ),
        reminders=tuple(
            Reminder(date=_date(_require(r, "date", where), where, "date"),
                     kind=_choice(r.get("kind"), REMINDER_KINDS, where, "kind"))
            for r in _mappings(data, "reminders", where)
        ),
        complaints=tuple(
            Complaint(date=_date(_require(c, "date", where), where, "date"),
                      invoice=str(c.get("invoice", "")),
                      subject=str(_require(c, "subject", where)),
                      status=_choice(c.get("status", "open"), COMPLAINT_STATUSES, where, "status"))
            for c in _mappings(data, "complaints", where)
        ),
        administration_fee=_amount(fees.get("administration", 0), where, "fees.administration"),
        interest=_amount(fees.get("interest", 0), where, "fees.interest"),
        delivery_stop=_bool(data.get("delivery_stop"), where, "delivery_stop"),
        notes=str(data.get("notes", "")),
        consumer=_bool(data.get("consumer"), where, "consumer"),
    )


def case_to_dict(case: Case) -> dict:
    """The inverse of case_from_dict, JSON-friendly (dates as ISO text, amounts as text)."""
    def d(value: dt.date | None) -> str | None:
        return value.isoformat() if value else None

    return {
        "id": case.id,
        "company": case.company,
        "sector": case.sector,
        "contact": {"name": case.contact.name, "role": case.contact.role,
                    "phone": case.contact.phone, "email": case.contact.email,
                    "iban": case.contact.iban},
        "invoices": [{"number": i.number, "date": d(i.date), "due_date": d(i.due_date),
                      "amount": str(i.amount), "description": i.description,
                      "delivered_on": d(i.delivered_on)} for i in case.invoices],
        "payment_terms_days": case.payment_terms_days,
        "payment_behaviour": case.payment_behaviour,
        "average_days_late": case.average_days_late,
        "creditworthiness": case.creditworthiness,
        "important_customer": case.important_customer,
        "revenue_share": case.revenue_share,
        "earlier_agreements": [{"made_on": d(a.made_on), "promised_date": d(a.promised_date),
                                "amount": str(a.amount), "kept": a.kept, "note": a.note}
                               for a in case.earlier_agreements],
        "reminders": [{"date": d(r.date), "kind": r.kind} for r in case.reminders],
        "complaints": [{"date": d(c.date), "invoice": c.invoice, "subject": c.subject,
                        "status": c.status} for c in case.complaints],
        "fees": {"administration": str(case.administration_fee), "interest": str(case.interest)},
        "delivery_stop": case.delivery_stop, "consumer": case.consumer,
        "notes": case.notes,
    }

