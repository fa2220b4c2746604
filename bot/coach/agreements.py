"""Which payments a line of the call agrees to, and the one check every agreed payment passes.

A collector must be able to trust the record of a call, so nothing is written down from a
bare "ja", a filler, noise, an unsure parse, a promise with a condition attached, or a
proposal the debtor never heard. Every door that records a payment (debtor line,
collector line, pane edit, REST, chat) runs the same ``validate_payment``. Plain
functions on plain values: no I/O, no Rasa.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from babel.dates import format_date

from bot.coach.business_days import holiday_name, on_or_after
from bot.coach.dutch_values import find_values, parse_amount
from bot.coach.errors import CoachError
from bot.coach.formatting import long_date
from bot.coach.money import CENT, format_euro
from bot.coach.playbook import AgreementRules
from bot.coach.promise_lines import (
    approves,
    fill_slots,
    has_extra_decimals,
    is_bare_reply,
    is_conditional,
    means_undisputed_part,
    payment_slots,
    says_the_rest,
    talks_about_paying,
)

DatedAmount = tuple[dt.date, Decimal]  # pay this amount by this date

PROMISE_INTENT = "promise_to_pay"
AFFIRM_INTENT = "affirm"
OPEN_BALANCE = "het openstaande saldo"

MAX_ROWS = 24  # agreements sent at once from the pane: a plan never has more
MAX_AMOUNT = Decimal(10) ** 12  # a trillion euros: no debt, only a slip of the keyboard


class AgreementError(CoachError, ValueError):
    """A payment that cannot be agreed."""


@dataclass(frozen=True)
class Checked:
    """A payment that passed validation, with Dutch flags for what needs a second look."""
    date: dt.date
    amount: Decimal
    flags: tuple[str, ...] = ()
    suggested_date: dt.date | None = None

    def to_payload(self) -> dict:
        return {"date": self.date.isoformat(), "amount": float(self.amount),
                "flags": list(self.flags),
                "suggested_date": self.suggested_date.isoformat() if self.suggested_date else None}


@dataclass(frozen=True)
class Capture:
    """What a debtor line records: payments in the order said; ``replaces_earlier`` when
    they take the place of this call's open agreements; ``note_key`` names a playbook
    message for the collector (why nothing was recorded, or what to know about it)."""
    payments: tuple[DatedAmount, ...]
    replaces_earlier: bool = False
    note_key: str | None = None

    @classmethod
    def nothing(cls, reason_key: str | None = None) -> Capture:
        return cls((), False, reason_key)


# --- validation ---------------------------------------------------------------------------

def _as_date(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value.strip():
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise AgreementError(f"'{value.strip()[:20]}' is geen geldige datum; "
                                 "gebruik bijvoorbeeld 2026-12-18.") from None
    raise AgreementError("Er is geen datum ingevuld.")


def parse_amount_text(value: object) -> Decimal:
    """An amount typed or sent (Dutch text "1.250,50", or a number) as exact cents. Raises
    AgreementError when it is no amount or has a third decimal ("1,234" is never € 1,23).
    Zero and negative numbers are returned: the caller says why they cannot be used."""
    amount = _as_amount(value)
    if abs(amount) >= MAX_AMOUNT:
        raise AgreementError("Dat bedrag is te groot om vast te leggen; controleer het bedrag.")
    if has_extra_decimals(amount):
        raise AgreementError(f"{_shown(amount)} heeft meer dan twee cijfers achter de komma; "
                             "noem het bedrag tot op de cent.")
    return amount.quantize(CENT)


def parse_rows(rows: object) -> list[DatedAmount]:
    """Agreements sent as [{"date", "amount", "text"?}] (pane, REST), in the order sent;
    raises AgreementError naming the row ("Afspraak 2: …")."""
    if not isinstance(rows, list):
        raise AgreementError("Stuur de afspraken als een lijst met per afspraak een datum en "
                             "een bedrag.")
    if len(rows) > MAX_ROWS:
        raise AgreementError(f"Er kunnen hoogstens {MAX_ROWS} afspraken tegelijk worden "
                             "vastgelegd.")
    payments = []
    for number, row in enumerate(rows, start=1):
        if not isinstance(row, dict):
            raise AgreementError(f"Afspraak {number}: vul een datum en een bedrag in.")
        try:
            payments.append((_as_date(row.get("date")), parse_amount_text(row.get("amount"))))
        except AgreementError as err:
            raise AgreementError(f"Afspraak {number}: {err.message}") from None
    return payments


def _as_amount(value: object) -> Decimal:
    """The amount exactly as given: a float keeps its digits ("1.234" stays three
    decimals), text is read as Dutch notation ("1.250,50")."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise AgreementError("Er is geen bedrag ingevuld.")
    if isinstance(value, str):
        amount = parse_amount(value.strip())
        if amount is None:
            raise AgreementError(f"'{value.strip()[:20]}' is geen geldig bedrag; "
                                 "gebruik bijvoorbeeld 1.250,50.")
        return amount
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise AgreementError(f"'{str(value)[:20]}' is geen geldig bedrag.")
    amount = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if not amount.is_finite():
        raise AgreementError("Dat is geen geldig bedrag; noem het bedrag in euro's en centen.")
    return amount


def _shown(amount: Decimal) -> str:
    """An amount as given, never rounded: "€ 1,234" stays visible as what was said."""
    if has_extra_decimals(amount):
        return "€ " + format(amount, "f").replace(".", ",")
    return format_euro(amount)


def _day(day: dt.date) -> str:
    """"zaterdag 28 november": within the horizon the year is clear from the context."""
    return format_date(day, "EEEE d MMMM", locale="nl")


def date_flags(day: dt.date, latest: dt.date | None) -> tuple[tuple[str, ...], dt.date | None]:
    """Dutch flags for a date that may be agreed but deserves a second look (weekend,
    public holiday, after the case's ``latest`` date), and the next business day when the
    date itself is none."""
    flags = []
    holiday = holiday_name(day)
    if holiday:
        flags.append(f"{_day(day)} is {holiday}, een feestdag")
    elif day.weekday() >= 5:
        flags.append(f"{_day(day)} valt in het weekend")
    if latest is not None and day > latest:
        flags.append(f"{_day(day)} ligt na de uiterste termijn voor dit dossier ({_day(latest)})")
    suggested = on_or_after(day)
    return tuple(flags), suggested if suggested != day else None


def validate_payment(date: object, amount: object, *, ceiling: Decimal, today: dt.date,
                     latest: dt.date | None, rules: AgreementRules,
                     ceiling_label: str = OPEN_BALANCE) -> Checked:
    """The one check for an agreed payment, whatever door it came through. Raises
    AgreementError for what can never be agreed; flags what may be agreed but deserves a
    second look (weekend, public holiday, after the case's ``latest`` date)."""
    day, money = _as_date(date), parse_amount_text(amount)
    if day < today:
        raise AgreementError(f"{long_date(day)} ligt in het verleden; spreek een datum "
                             "vanaf vandaag af.")
    horizon = today + dt.timedelta(days=rules.horizon_days)
    if day > horizon:
        raise AgreementError(f"{long_date(day)} ligt te ver vooruit; spreek een datum af tot "
                             f"uiterlijk {long_date(horizon)}.")
    if money <= 0:
        raise AgreementError("Een bedrag moet groter zijn dan € 0,00.")
    if money > ceiling:
        raise AgreementError(f"{_shown(money)} is meer dan {ceiling_label} van "
                             f"{format_euro(ceiling)}.")
    return Checked(day, money, *date_flags(day, latest))


def check_total(existing_total: Decimal, new_amounts: list[Decimal] | tuple[Decimal, ...],
                ceiling: Decimal, ceiling_label: str = OPEN_BALANCE) -> str | None:
    """A Dutch warning when the open agreements would total more than ``ceiling``, so the
    collector can choose which one holds; None when they fit."""
    total = existing_total + sum(new_amounts, Decimal("0"))
    if total <= ceiling:
        return None
    return (f"Samen komen de afspraken op {format_euro(total)}; dat is meer dan "
            f"{ceiling_label} van {format_euro(ceiling)}. Kies welke afspraak geldt of pas "
            "een bedrag aan.")


# --- capture ------------------------------------------------------------------------------

def debtor_promise(text: str, intent: str, confidence: float, *, today: dt.date,
                   open_balance: Decimal, undisputed: Decimal | None, agreed: Decimal,
                   rules: AgreementRules) -> Capture:
    """The payments a debtor's own promise records. ``agreed`` is the total of this call's
    open agreements; ``undisputed`` the part of the balance not under dispute (None or
    equal to the balance when nothing is disputed)."""
    if intent != PROMISE_INTENT:
        return Capture.nothing()
    if confidence < rules.min_confidence:
        return Capture.nothing("promise_unsure")
    if is_conditional(text):
        return Capture.nothing("promise_conditional")
    found = find_values(text, today)
    if not any(f.entity == "date" for f in found):
        return Capture.nothing("promise_without_date")
    slots = payment_slots(found, text)
    if slots is None:
        return Capture.nothing("promise_unclear")
    disputed = undisputed is not None and undisputed < open_balance
    limit = undisputed if undisputed is not None and disputed else open_balance
    undisputed_only = disputed and means_undisputed_part(text)
    whole = limit if undisputed_only else open_balance
    stated = sum((a for _, a in slots if a is not None), Decimal("0"))
    has_rest = any(a is None for _, a in slots) and (stated > 0 or says_the_rest(text))
    if has_rest and whole - agreed - stated > 0:  # the rest of what is still unagreed
        payments, replaces = fill_slots(slots, whole - agreed - stated), False
    elif has_rest and stated == 0:  # "de rest" when everything was already agreed
        return Capture.nothing("promise_nothing_left")
    else:
        payments = fill_slots(slots, whole - stated)
        total = sum((a for _, a in payments), Decimal("0"))
        replaces = agreed > 0 and agreed + total > limit
    if not payments:
        return Capture.nothing("promise_nothing_left")
    note = "promise_replaces" if replaces else "promise_undisputed" if undisputed_only else None
    return Capture(tuple(payments), replaces, note)


def acceptance(text: str, intent: str, confidence: float, offer_payments: Sequence[DatedAmount],
               rules: AgreementRules) -> tuple[DatedAmount, ...] | None:
    """The payments of a concrete proposal made in this call, when the debtor clearly says
    yes to it ("ja prima", "akkoord"). A bare "ja" is no agreement: ask the debtor to
    repeat amount and date (playbook message ``confirm_explicitly``)."""
    if not offer_payments or intent != AFFIRM_INTENT or confidence < rules.min_confidence:
        return None
    if is_bare_reply(text) or is_conditional(text) or not approves(text):
        return None
    return tuple(offer_payments)


def offer_from_collector_line(text: str, today: dt.date,
                              open_balance: Decimal) -> tuple[DatedAmount, ...] | None:
    """A concrete proposal in the collector's own words ("Kunt u dan uiterlijk woensdag
    9 december 1.000 euro overmaken?"); a date without amount proposes the open balance.
    None when the line names no date or does not talk about paying."""
    found = find_values(text, today)
    if not any(f.entity == "date" for f in found):
        return None
    if not any(f.entity == "amount" for f in found) and not talks_about_paying(text):
        return None
    slots = payment_slots(found, text)
    if slots is None:
        return None
    stated = sum((a for _, a in slots if a is not None), Decimal("0"))
    return tuple(fill_slots(slots, open_balance - stated)) or None
