"""Find amounts, dates and invoice numbers in Dutch debtor speech, with normalised values.

Number words become digits with text2num ("tweehonderd euro" → "200 euro"); calendar
dates and weekdays are resolved by dateparser. dateparser has no Dutch for relative
phrases such as "eind deze maand" or "over twee weken", so a small set of rules covers
those. Plain Python (no Rasa), so it is tested and benchmarked on its own.

Amounts keep every digit that was said: "1,234" is € 1,234 (three decimals), never
silently € 1,23, so the agreement validation can refuse it and the coach asks again.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import dateparser  # no types-dateparser in the venv
from dateutil.relativedelta import relativedelta  # no stubs
from text_to_num import alpha2digit

from bot.coach.business_days import add_business_days

MAX_SCAN_CHARS = 2000  # longer messages are scanned up to here; speech never needs more

WEEKDAYS = {"maandag": 0, "dinsdag": 1, "woensdag": 2, "donderdag": 3, "vrijdag": 4,
            "zaterdag": 5, "zondag": 6}
MONTHS = {"januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
          "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
          "jan": 1, "feb": 2, "mrt": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
          "sept": 9, "okt": 10, "nov": 11, "dec": 12}
SMALL_NUMBERS = {"een": 1, "één": 1, "twee": 2, "anderhalve": 1.5, "anderhalf": 1.5}

_WEEKDAY = "|".join(WEEKDAYS)
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_COUNT = r"\d+|een|één|twee|anderhalve|anderhalf"

# Amounts: "€ 1.250,50", "1250 euro", "EUR 75", "75,-", "500 euro en 50 cent", "200 per maand",
# and "1,234 euro" (three decimals, kept so that validation refuses it).
_NUMBER = (r"(?<![\d.,])(?:\d{1,3}(?:[.\s]\d{3})+(?:,\d{1,2})?|\d+,\d{3}(?![\d.,])"
           r"|\d+(?:[.,]\d{1,2})?)")
AMOUNT_RE = re.compile(
    rf"(?:€|\beur(?:o)?\b)\s*(?P<pre>{_NUMBER})(?:\s*,-)?"
    rf"|(?P<post>{_NUMBER})\s*(?:,-\s*)?(?:€|euro\b|eur\b|euries\b|ballen\b)"
    rf"(?:\s+en\s+(?P<cents>\d{{1,2}})\s*cent\b)?"
    rf"|(?P<bare>{_NUMBER})\s*,-"
    rf"|(?P<monthly>{_NUMBER})\s+(?:per|in de|elke|iedere)\s+maand\b",
    re.IGNORECASE)

# Invoice numbers: letter prefix + digits ("F2026-0087", "INV-4471", "VF-26-0312"), or
# digits that the speaker calls a factuur/nummer ("factuurnummer 20261187", "factuur 24-3310").
INVOICE_RE = re.compile(
    r"\b(?P<code>[A-Z]{1,4}[-/]?\d{2,}(?:[-/]\d{2,})*)\b"
    r"|(?:factuur(?:nummer|nr\.?)?|fact\.?|nummer|nr\.?|#)\s*:?\s*"
    r"(?P<digits>\d{4,}(?:[-/]\d+)?|\d{2,3}[-/]\d{3,}(?:[-/]\d+)?)\b",
    re.IGNORECASE)

_DATE_REGEXES = [
    ("relative_day",
     r"\b(?P<word>overmorgen|morgen(?:ochtend|vroeg|middag|avond)?"
     r"|vandaag|vanavond|vanmiddag|vanochtend)\b"),
    ("in_period",
     rf"\b(?P<prep>over|binnen)\s+(?P<n>{_COUNT})\s+"
     r"(?P<unit>dag|dagen|werkdagen|week|weken|maand|maanden)\b"),
    ("end_of",
     r"\b(?:eind|einde|uiterlijk eind|tegen het einde)\s+(?:van\s+)?"
     rf"(?P<which>deze|de|dit|volgende|komende)?\s*(?P<unit>week|maand|{_MONTH})\b"),
    ("begin_of",
     r"\b(?:begin|start|in het begin van)\s+(?:van\s+)?"
     rf"(?P<which>deze|de|volgende|komende)?\s*(?P<unit>week|maand|{_MONTH})\b"),
    ("mid_month",
     r"\b(?:half|medio|midden)\s+"
     rf"(?:(?P<which>deze|volgende|komende)\s+maand|(?P<month>{_MONTH}))\b"),
    ("day_month",
     rf"\b(?:(?:{_WEEKDAY})\s+)?(?P<day>\d{{1,2}})(?:e|ste|de)?\s+"
     rf"(?P<month>{_MONTH})\.?(?:\s+(?P<year>20\d\d))?\b"),
    ("numeric",
     r"(?<![\w.,/-])(?P<day>\d{1,2})[-/](?P<month>\d{1,2})"
     r"(?:[-/](?P<year>(?:20)?\d\d))?(?![\w,/-]|\.\d)"),
    ("next_week_day",
     rf"\b(?:volgende|komende)\s+week\s+(?P<wd>{_WEEKDAY})\b"
     rf"|\b(?P<wd2>{_WEEKDAY})\s+(?:volgende|komende)\s+week\b"),
    ("weekday", rf"\b(?:(?P<mod>aanstaande|komende|volgende|a\.s\.)\s+)?(?P<wd>{_WEEKDAY})\b"),
    ("next_period", r"\b(?:volgende|komende)\s+(?P<unit>week|maand)\b"),
]
DATE_PATTERNS: list[tuple[str, re.Pattern]] = [
    (name, re.compile(rx, re.IGNORECASE)) for name, rx in _DATE_REGEXES]
CALENDAR_KINDS = ("day_month", "numeric")  # a date said as day and month, not "vandaag"/"vrijdag"


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


def _count(word: str) -> float:
    return SMALL_NUMBERS.get(word.lower()) or float(word)


def _end_of_week(day: dt.date) -> dt.date:
    return day + dt.timedelta(days=4 - day.weekday()) if day.weekday() <= 4 else day


def _end_of_month(year: int, month: int) -> dt.date:
    return dt.date(year, month, 1) + relativedelta(months=1, days=-1)


def _month_ahead(month: int, today: dt.date) -> int:
    """The year of the next occurrence of ``month`` (this year if not past)."""
    return today.year if month >= today.month else today.year + 1


def _resolve(kind: str, m: re.Match, today: dt.date) -> dt.date | None:
    g = {k: (v.lower() if isinstance(v, str) else v) for k, v in m.groupdict().items()}
    if kind == "relative_day":
        word = g["word"]
        days = 2 if word == "overmorgen" else int(word.startswith("morgen"))
        return today + dt.timedelta(days=days)
    if kind == "in_period":
        n, unit = _count(g["n"]), g["unit"]
        if unit.startswith("werkdag"):
            return add_business_days(today, int(n))
        if unit.startswith("dag"):
            return today + dt.timedelta(days=int(n))
        if unit.startswith("we"):
            return today + dt.timedelta(days=round(7 * n))
        return today + relativedelta(months=int(n), days=round(30 * (n % 1)))
    if kind in ("end_of", "begin_of"):
        unit, nxt = g["unit"], g["which"] in ("volgende", "komende")
        if unit == "week":
            monday = today - dt.timedelta(days=today.weekday()) + dt.timedelta(weeks=nxt)
            return monday + dt.timedelta(days=4) if kind == "end_of" else max(monday, today)
        if unit == "maand":
            first = dt.date(today.year, today.month, 1) + relativedelta(months=nxt)
            if kind == "begin_of" and not nxt:  # "begin van de maand": the next first of a month
                first = first if first >= today else first + relativedelta(months=1)
            return _end_of_month(first.year, first.month) if kind == "end_of" else first
        month = MONTHS[unit]
        year = _month_ahead(month, today)
        return _end_of_month(year, month) if kind == "end_of" else dt.date(year, month, 1)
    if kind == "mid_month":
        if g["month"]:
            month = MONTHS[g["month"]]
            return dt.date(_month_ahead(month, today), month, 15)
        first = dt.date(today.year, today.month, 1) + relativedelta(months=g["which"] != "deze")
        return first.replace(day=15)
    if kind in ("day_month", "numeric"):
        day = int(g["day"])
        month = MONTHS[g["month"]] if kind == "day_month" else int(g["month"])
        if g["year"]:
            year = int(g["year"]) + (2000 if len(g["year"]) == 2 else 0)
        else:
            year = today.year
        try:
            found = dt.date(year, month, day)
        except ValueError:
            return None
        if not g["year"] and found < today - dt.timedelta(days=31):
            found = found.replace(year=year + 1)  # "10 januari" said in November: next year
        return found
    if kind == "next_week_day":
        wd = WEEKDAYS[g["wd"] or g["wd2"]]
        monday_next = today - dt.timedelta(days=today.weekday()) + dt.timedelta(weeks=1)
        return monday_next + dt.timedelta(days=wd)
    if kind == "weekday":
        parsed = dateparser.parse(g["wd"], languages=["nl"], settings={
            "RELATIVE_BASE": dt.datetime.combine(today, dt.time()), "PREFER_DATES_FROM": "future"})
        if parsed is None:
            return None
        found = parsed.date()
        if found == today:
            found += dt.timedelta(days=7)
        if g["mod"] == "volgende" and (found - today).days < 7 and today.weekday() >= 4:
            found += dt.timedelta(days=7)  # "volgende maandag" said on a Friday: a week later
        return found
    if kind == "next_period":
        if g["unit"] == "week":
            return _end_of_week(today - dt.timedelta(days=today.weekday()) + dt.timedelta(weeks=1))
        return dt.date(today.year, today.month, 1) + relativedelta(months=1)
    return None


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
        add("invoice_number", (code or m.group("digits")).upper(), m)
    for m in AMOUNT_RE.finditer(text):
        if _overlaps(m.start(), m.end(), taken):
            continue
        number = next(m.group(k) for k in ("pre", "post", "bare", "monthly") if m.group(k))
        value = parse_amount(number)
        if value is None:
            continue
        if m.group("cents"):
            value += Decimal(m.group("cents")) / 100
        add("amount", float(value), m)  # a JSON number for the NLU entity
    for kind, pattern in DATE_PATTERNS:
        for m in pattern.finditer(text):
            if _overlaps(m.start(), m.end(), taken):
                continue
            resolved = _resolve(kind, m, today)
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
