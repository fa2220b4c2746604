"""Find amounts, dates and invoice numbers in Dutch debtor speech, with normalised values.

Number words become digits with text2num ("tweehonderd euro" → "200 euro"); dates are
read by bot.coach.dutch_dates. Plain Python (no Rasa), so it is tested and benchmarked on
its own.

Amounts keep every digit that was said: "1,234" is € 1,234 (three decimals), never
silently € 1,23, so the agreement validation can refuse it and the coach asks again.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from text_to_num import alpha2digit

from bot.coach.dutch_dates import (
    CALENDAR_KINDS,
    DATE_PATTERNS,
    about_the_past,
    month_just_gone,
    resolve_date,
)

MAX_SCAN_CHARS = 2000  # longer messages are scanned up to here; speech never needs more

# Amounts: "€ 1.250,50", "1250 euro", "EUR 75", "75,-", "500 euro en 50 cent", "612 euro 50",
# "die 612,50" (two decimals after a comma: money, unless a unit follows), "200 per maand",
# "zeshonderd per keer", "die 5.600" (a thousands point: money, unless a unit follows), and
# "1,234 euro" (three decimals, kept so that validation refuses it).
_NUMBER = (r"(?<![\d.,])(?:\d{1,3}(?:[.\s]\d{3})+(?:,\d{1,2})?|\d+,\d{3}(?![\d.,])"
           r"|\d+(?:[.,]\d{1,2})?)")
# Not money when a unit or a month follows ("50 dagen", "2,50 meter", "15 december").
_NOT_A_UNIT = (r"(?!\s*(?:%|(?:procent|meter|m|cm|mm|km|kilo|kg|gram|liter|uur|minuten|dagen|dag"
               r"|weken|week|maanden|maand|jaar|keer|stuks|termijnen|euro|eur|jan(?:uari)?"
               r"|feb(?:ruari)?|maart|mrt|apr(?:il)?|mei|juni?|juli?|aug(?:ustus)?"
               r"|sep(?:t|tember)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b))")
AMOUNT_RE = re.compile(
    rf"(?:€|\beur(?:o)?\b)\s*(?P<pre>{_NUMBER})(?:\s*,-)?"
    rf"|(?P<post>{_NUMBER})\s*(?:,-\s*)?(?:€|euro\b|eur\b|euries\b|ballen\b)"
    rf"(?:\s+en\s+(?P<cents>\d{{1,2}})\s*cent\b"
    rf"|\s+(?P<spoken_cents>\d{{2}})(?!\d|[.,:/-]\d){_NOT_A_UNIT})?"
    rf"|(?P<bare>{_NUMBER})\s*,-"
    rf"|(?P<decimal>(?<![\d.,])\d{{1,3}}(?:\.\d{{3}})*,\d{{2}})(?!\d|[.,]\d){_NOT_A_UNIT}"
    rf"|(?P<monthly>{_NUMBER})\s+(?:(?:per|in de|elke|iedere)\s+maand|per\s+(?:keer|termijn))\b"
    rf"|(?P<grouped>(?<![\d.,])[1-9]\d{{0,2}}(?:\.\d{{3}})+)(?![\d.,]?\d){_NOT_A_UNIT}",
    re.IGNORECASE)

# A sum of a thousand or more said in words without "euro" ("Goed dan, tweeduizend
# driehonderdzestig, maandag."): on a collection call that is money, unless a unit or a
# year follows or leads.
SPOKEN_THOUSANDS = re.compile(
    r"(?<![\d.,/-])(?<!\bin )(?<!\bsinds )(?<!\bjaar )\d{4,6}(?![\d/-]|[.,]\d)"
    r"(?!\s*(?:dagen|weken|maanden|jaar|stuks|kilo|km|kilometer|meter|liter|mensen|man"
    r"|keer|exemplaren|flyers|folders|uur)\b)", re.IGNORECASE)
# Invoice numbers as Dutch bookkeeping writes them: letter prefix + digits ("F2026-0087",
# "INV-4471", "F-88123"), digits that the speaker calls a factuur/nota/nummer ("factuurnummer
# 20261187", "factuur 26.0412", "factuur F 2026 207"), or year-or-series + number on their own
# ("24-3310", "2026/0412").
INVOICE_RE = re.compile(
    r"\b(?!EUR)(?P<code>[A-Z]{1,4}[-/]?\d{2,}(?:[-/.]\d{2,})*)\b"
    r"|(?:factuur(?:nummer|nr\.?)?|fact\.?|nota|nummer|nr\.?|#)\s*:?\s*"
    r"(?:(?P<spaced>(?-i:[A-Z]{1,4})\s\d{2,4}(?:\s\d{2,6})+)\b|"
    r"(?<=nummer )(?P<short>\d{3})\b(?!\s*(?:€|euro\b|eur\b|,-))|"
    r"(?P<digits>\d{4,}(?:[-/.]\d+)?|\d{2,4}(?:[-/.]\d{2,4})*[-/.]\d{3,}(?:[-/.]\d+)?)\b"
    r"(?!\s*(?:€|euro\b|eur\b|,-)))"
    r"|(?<![\w.,/-])(?P<series>\d{2,4}[-/]\d{3,6})(?![\w/-]|[.,]\d)",
    re.IGNORECASE)

@dataclass(frozen=True)
class Found:
    """One recognised value: ``entity`` is amount, date or invoice_number; ``kind`` names
    the date pattern (e.g. "day_month", "relative_day") and is "" for the others."""
    entity: str
    value: str | float  # an ISO date, a float amount (a JSON number) or an invoice number
    start: int
    end: int
    text: str
    kind: str = ""

    def as_date(self) -> dt.date:
        """The value of a date entity, which holds an ISO date."""
        return dt.date.fromisoformat(str(self.value))


def parse_amount(text: str) -> Decimal | None:
    """"1.250,50" → 1250.50, "2.450" → 2450, "1250.50" → 1250.50, "75" → 75, as an exact
    Decimal: "1,234" stays 1.234 (not rounded) so validation can refuse the third decimal.
    None for anything that is not a positive, finite amount."""
    s = re.sub(r"\s", "", text)
    if "," in s and "." in s:
        if s.rfind(",") > s.rfind("."):
            s = s.replace(".", "").replace(",", ".")
        else:
            s = s.replace(",", "")
    elif "," in s:
        s = s.replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3})+", s):
        s = s.replace(".", "")
    if not re.fullmatch(r"\d+(?:\.\d+)?|\.\d+", s):  # no "NaN", "1e9", "-5", "1.2.3"
        return None
    try:
        value = Decimal(s)
    except InvalidOperation:
        return None
    return value if value > 0 else None


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(start < t_end and t_start < end for t_start, t_end in taken)


def _position_map(original: str, converted: str) -> list[int]:
    """For each offset in ``converted`` (number words replaced by digits), the offset in
    ``original``, so entity spans point at what the user actually typed."""
    mapping = [0] * (len(converted) + 1)
    matcher = difflib.SequenceMatcher(None, converted, original, autojunk=False)
    for tag, c1, c2, o1, o2 in matcher.get_opcodes():
        for i in range(c1, c2 + 1):
            if tag == "equal":
                mapping[i] = o1 + (i - c1)
            else:  # a replaced stretch: its start maps to the start, its end to the end
                mapping[i] = o2 if i == c2 and i > c1 else o1
    return mapping


def find_values(text: str, today: dt.date) -> list[Found]:
    """All amounts, dates and invoice numbers in ``text``, left to right, no overlaps.
    Positions and ``text`` of each Found refer to the original input."""
    original = text[:MAX_SCAN_CHARS]
    text = alpha2digit(original, "nl")
    position = _position_map(original, text) if text != original else list(range(len(text) + 1))
    found: list[Found] = []
    taken: list[tuple[int, int]] = []

    def add(entity: str, value: str | float, m: re.Match, kind: str = "") -> None:
        start, end = position[m.start()], position[m.end()]
        found.append(Found(entity, value, start, end, original[start:end], kind))
        taken.append((m.start(), m.end()))

    for m in INVOICE_RE.finditer(text):
        code = m.group("code")
        if code and not re.search(r"\d{3}", code):
            continue
        number = (code or m.group("spaced") or m.group("short") or m.group("digits")
                  or m.group("series"))
        add("invoice_number", number.upper(), m)
    for m in AMOUNT_RE.finditer(text):
        if _overlaps(m.start(), m.end(), taken):
            continue
        number = next(m.group(k) for k in ("pre", "post", "bare", "decimal", "monthly",
                                           "grouped")
                      if m.group(k))
        value = parse_amount(number)
        if value is None:
            continue
        cents = m.group("cents") or m.group("spoken_cents")
        if cents:
            value += Decimal(cents) / 100
        add("amount", float(value), m)  # a JSON number for the NLU entity
    for m in SPOKEN_THOUSANDS.finditer(text):
        start, end = position[m.start()], position[m.end()]
        if not _overlaps(m.start(), m.end(), taken) and re.search(r"duizend|honderd",
                                                                    original[start:end]):
            add("amount", float(m.group()), m)
    for kind, pattern in DATE_PATTERNS:
        for m in pattern.finditer(text):
            if _overlaps(m.start(), m.end(), taken):
                continue
            past = about_the_past(text, m.start(), m.end()) or month_just_gone(kind, m, today,
                                                                               text)
            resolved = resolve_date(kind, m, today, past)
            if resolved is not None:
                add("date", resolved.isoformat(), m, kind)
    return sorted(found, key=lambda f: f.start)


def promised_date(found: list[Found]) -> dt.date | None:
    """The date a one-date promise is for, when a line names several: the latest date said
    as day and month ("uiterlijk vrijdag 11 december" wins over "vandaag" in "vandaag lukt
    het niet, maar uiterlijk vrijdag 11 december"), else the latest date named."""
    dates = [f for f in found if f.entity == "date"]
    calendar = [f for f in dates if f.kind in CALENDAR_KINDS]
    chosen = calendar or dates
    return max(f.as_date() for f in chosen) if chosen else None
