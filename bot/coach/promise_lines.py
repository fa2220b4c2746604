"""How a Dutch call line is read for payment agreements: fillers, conditions, "de rest",
"het deel dat klopt", and which amount belongs to which date.

Kept apart from the rules in agreements.py so that the Dutch phrasing can grow (new
fillers, new ways to attach a condition) without touching what gets recorded.
"""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from bot.coach.dutch_values import CALENDAR_KINDS, Found, promised_date
from bot.coach.money import CENT

# Words that on their own only show the debtor is listening: "ja", "oké", "hmm".
FILLER_WORDS = frozenset({
    "ja", "jaa", "jaaa", "jaja", "jawel", "hoor", "oké", "oke", "ok", "okay", "okee", "goed",
    "hmm", "hm", "hmmm", "mm", "mmm", "mhm", "uh", "uhm", "eh", "ehm", "euh", "nou", "tja",
    "ah", "aha", "oh", "o"})
APPROVAL_RE = re.compile(
    r"\b(?:ja|jawel|prima|akkoord|goed|afgesproken|doen we|deal|top|uitstekend|zeker|"
    r"natuurlijk|in orde|dat kan|komt goed|oké|oke|ok|okay|okee)\b")
CONDITIONAL_RE = re.compile(
    r"\b(?:mits|indien|tenzij|zodra|op voorwaarde dat|alleen (?:als|wanneer)|behalve als"
    r"|als (?:jullie|u|je|jij|ik|wij|we|mijn|onze|ons|de|het|die|er))\b")
NOT_CONDITIONAL_RE = re.compile(r"\bzo \w+ als\b")  # "zo snel als ik kan" is no condition
UNDISPUTED_RE = re.compile(
    r"\b(?:onbetwist\w*|(?:deel|gedeelte|bedrag|stuk) (?:dat|wat) (?:wel )?klopt"
    r"|wat (?:er )?(?:wel )?klopt)\b")
REST_RE = re.compile(r"\b(?:de rest|het restant|het resterende|de resterende|het overige"
                     r"|wat (?:er )?overblijft)\b", re.IGNORECASE)
PAYMENT_WORDS_RE = re.compile(
    r"\b(?:betaal\w*|betal\w*|overmak\w*|overgemaakt|over te maken|overboek\w*|"
    r"voldoe\w*|voldaan|stort\w*|binnen|bijgeschreven|regeling|termijn\w*|bedrag|saldo"
    r"|(?:maakt?|maken) [^.?!]*\bover)\b")

Slot = tuple[dt.date, Decimal | None]  # None: "the rest", or everything when no amount was said


def normal(text: str) -> str:
    """Lower case, punctuation as spaces, single spaces: "Ja, prima!" → "ja prima"."""
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def is_bare_reply(text: str) -> bool:
    """A reply of only fillers ("ja", "oké", "hmm"): listening, not agreeing."""
    return all(word in FILLER_WORDS for word in normal(text).split())


def approves(text: str) -> bool:
    return bool(APPROVAL_RE.search(normal(text)))


def is_conditional(text: str) -> bool:
    """"als jullie er tien procent af halen…", "mits…", "op voorwaarde dat…"."""
    return bool(CONDITIONAL_RE.search(NOT_CONDITIONAL_RE.sub(" ", normal(text))))


def means_undisputed_part(text: str) -> bool:
    """"het deel dat wel klopt", "het onbetwiste deel", "wat wel klopt"."""
    return bool(UNDISPUTED_RE.search(normal(text)))


def says_the_rest(text: str) -> bool:
    return bool(REST_RE.search(text))


def talks_about_paying(text: str) -> bool:
    return bool(PAYMENT_WORDS_RE.search(normal(text)))


def has_extra_decimals(amount: Decimal) -> bool:
    exponent = amount.normalize().as_tuple().exponent  # a letter for NaN and infinity
    return isinstance(exponent, int) and exponent < -2


def _exact(value: object) -> Decimal:
    """An NLU amount (a float) as Decimal, to the cent unless a third decimal was said."""
    amount = Decimal(str(value))
    return amount if has_extra_decimals(amount) else amount.quantize(CENT)


def _gap(a: Found, b: Found) -> int:
    return max(a.start - b.end, b.start - a.end, 0)


def payment_slots(found: list[Found], text: str) -> list[Slot] | None:
    """Dates with the amount said for them, in the order said. A date named before any
    amount and not tied to one ("vandaag lukt het niet, maar vrijdag 500 euro") is context,
    not a payment. None when amounts and dates do not pair up (more amounts than dates, or
    several calendar dates without any amount): nobody guesses."""
    dates = [f for f in found if f.entity == "date"]
    amounts = [f for f in found if f.entity == "amount"]
    if len(amounts) > len(dates):
        return None
    if not amounts:  # several calendar dates without amounts: instalments of what?
        calendar = [d for d in dates if d.kind in CALENDAR_KINDS]
        if len(calendar) > 1:
            return None
        day = promised_date(dates)  # None only when no date was named
        return [(day, None)] if day is not None else []
    if len(amounts) == len(dates):
        paired = dict(zip(dates, amounts, strict=False))
    else:  # more dates than amounts: an amount goes with the date said next to it
        paired, free = {}, list(dates)
        for amount in amounts:
            date = min(free, key=lambda d: (_gap(amount, d), d.start))
            free.remove(date)
            paired[date] = amount
    first = min(f.start for f in (*paired, *paired.values()))
    rest = REST_RE.search(text)
    leftovers = [d for d in dates if d not in paired]
    rest_date = (min(leftovers, key=lambda d: abs(d.start - rest.start()))
                 if rest and leftovers else None)
    return [(d.as_date(), _exact(paired[d].value) if d in paired else None)
            for d in dates if d in paired or d.start > first or d is rest_date]


def fill_slots(slots: list[Slot], remainder: Decimal) -> list[tuple[dt.date, Decimal]]:
    """The first open slot gets ``remainder`` (when positive); other open slots are dropped."""
    payments = []
    for date, amount in slots:
        if amount is None:
            amount, remainder = remainder, Decimal("0")
            if amount <= 0:
                continue
        payments.append((date, amount))
    return payments
