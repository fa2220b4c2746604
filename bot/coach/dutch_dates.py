"""Dates in Dutch speech: the patterns and how each resolves against today.

dateparser resolves weekday names; it has no Dutch for relative phrases such as "eind deze
maand" or "over twee weken", so a small set of rules covers those. A date said about
something already done ("ik heb eind oktober al betaald", "vrijdag overgemaakt",
"twee weken geleden") resolves to the past; every other date to the next such day.
"""
from __future__ import annotations

import datetime as dt
import re

import dateparser  # no types-dateparser in the venv
from dateutil.relativedelta import relativedelta  # no stubs

from bot.coach.business_days import add_business_days

WEEKDAYS = {"maandag": 0, "dinsdag": 1, "woensdag": 2, "donderdag": 3, "vrijdag": 4,
            "zaterdag": 5, "zondag": 6}
MONTHS = {"januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
          "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
          "jan": 1, "feb": 2, "mrt": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
          "sept": 9, "okt": 10, "nov": 11, "dec": 12}
# Days known by name; "na de kerst" and "na nieuwjaar" stay vague (no date of their own).
NAMED_DAYS = {"oudejaarsdag": (12, 31), "oudejaarsavond": (12, 31), "oudjaar": (12, 31),
              "nieuwjaarsdag": (1, 1), "kerstavond": (12, 24), "eerste kerstdag": (12, 25),
              "kerstmis": (12, 25), "tweede kerstdag": (12, 26), "pakjesavond": (12, 5),
              "sinterklaasavond": (12, 5), "koningsdag": (4, 27)}
SMALL_NUMBERS = {"een": 1, "één": 1, "twee": 2, "anderhalve": 1.5, "anderhalf": 1.5}

_WEEKDAY = "|".join(WEEKDAYS)
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_COUNT = r"\d+|een|één|twee|anderhalve|anderhalf"

_DATE_REGEXES = [
    ("relative_day",
     r"\b(?P<word>overmorgen|morgen(?:ochtend|vroeg|middag|avond)?|eergisteren|gisteren"
     r"|vandaag|vanavond|vanmiddag|vanochtend)\b"),
    ("ago",
     rf"\b(?P<n>{_COUNT})\s+(?P<unit>dag|dagen|week|weken|maand|maanden)\s+geleden\b"),
    ("in_period",
     rf"\b(?P<prep>over|binnen)\s+(?P<n>{_COUNT})\s+"
     r"(?P<unit>dag|dagen|werkdagen|week|weken|maand|maanden)\b"),
    ("end_of",
     r"\b(?:eind|einde|uiterlijk eind|tegen het einde)\s+(?:van\s+)?"
     rf"(?P<which>deze|de|dit|volgende|komende|vorige|afgelopen)?\s*"
     rf"(?P<unit>week|maand|{_MONTH})\b"),
    ("begin_of",
     r"\b(?:begin|start|in het begin van)\s+(?:van\s+)?"
     rf"(?P<which>deze|de|volgende|komende|vorige|afgelopen)?\s*"
     rf"(?P<unit>week|maand|{_MONTH})\b"),
    ("mid_month",
     r"\b(?:half|medio|midden)\s+"
     rf"(?:(?P<which>deze|volgende|komende)\s+maand|(?P<month>{_MONTH}))\b"),
    ("day_month",
     rf"\b(?:(?P<wd>{_WEEKDAY})\s+)?(?P<day>\d{{1,2}})(?:e|ste|de)?\s+"
     rf"(?P<month>{_MONTH})\.?(?:\s+(?P<year>20\d\d))?\b"),
    ("day_of_month",  # "(vrijdag) de achttiende" (made "de 18e" before matching), not "de 3e keer"
     rf"\b(?:(?P<wd>{_WEEKDAY})\s+)?(?:de|den)\s+(?P<day>[12]?\d|3[01])(?:e|ste|de)\b"
     r"(?!\s*(?:keer|week|weken|maand"
     r"|maanden|termijn|factuur|aanmaning|herinnering|brief|mail|rij|plaats|dag|persoon"
     r"|klant|helft|deel|\d))"),
    ("numeric",
     r"(?<![\w.,/-])(?P<day>\d{1,2})[-/](?P<month>\d{1,2})"
     r"(?:[-/](?P<year>(?:20)?\d\d))?(?![\w,/-]|\.\d)"),
    ("next_week_day",
     rf"\b(?:volgende|komende)\s+week\s+(?P<wd>{_WEEKDAY})\b"
     rf"|\b(?P<wd2>{_WEEKDAY})\s+(?:volgende|komende)\s+week\b"),
    ("weekday", rf"\b(?:(?P<mod>aanstaande|komende|volgende|a\.s\.)\s+)?(?P<wd>{_WEEKDAY})\b"),
    ("next_period", r"\b(?:volgende|komende)\s+(?P<unit>week|maand)\b"),
    ("named_day", rf"\b(?P<name>{'|'.join(NAMED_DAYS)})\b"),
    ("this_year", r"\bnog\s+dit\s+jaar\b|\bvoor\s+de\s+jaarwisseling\b"
                  r"|\b(?:voor\s+)?(?:het\s+)?einde?\s+van\s+(?:het|dit)\s+jaar\b"),
]
DATE_PATTERNS: list[tuple[str, re.Pattern]] = [
    (name, re.compile(rx, re.IGNORECASE)) for name, rx in _DATE_REGEXES]
# a date said by its day ("11 december", "11-12", "de elfde"), not "vandaag" or "vrijdag"
CALENDAR_KINDS = ("day_month", "numeric", "day_of_month", "named_day")



# What makes a clause about the past: a participle of paying, a past form ("was", "betaalde"),
# "geleden", "gisteren", "vorige" — and nothing that points ahead ("ga", "zal", "uiterlijk",
# "volgende").
PAST_CUE = re.compile(
    r"\b(?:was|waren|stond|stonden|lag|lagen|betaalde|betaalden|maakten?|stuurden?|boekten?"
    r"|stortten?"
    r"|betaald|overgemaakt|overgeboekt|gestort|voldaan|afgeschreven|verstuurd|verzonden"
    r"|gedaan|ontvangen|geleden|gisteren|eergisteren|vorige|afgelopen|opgeleverd|geleverd"
    r"|afgeleverd|besteld|gestuurd|gemaild|gefactureerd|vervallen|verlopen|uitgevoerd|sinds"
    r"|geweest|gebeurd|overgeschreven|geboekt|doorgestort|gepind)\b",
    re.IGNORECASE)
FUTURE_CUE = re.compile(
    r"\b(?:ga|gaan|gaat|zal|zullen|kan|kunnen|wil|willen|betaal|maak|komt|komende|volgende"
    r"|aanstaande|uiterlijk|morgen|overmorgen|straks|binnenkort|voor|vóór|wordt|worden|plan|moet"
    r"|moeten|tegen|graag|krijgen)\b",
    re.IGNORECASE)
PAST_VERB = re.compile(r"\b(?:was|waren|stond|stonden|lag|lagen|had|hadden|geweest|heb|hebt"
                       r"|heeft|hebben)\b", re.IGNORECASE)
# Words that point ahead unless the verb is past ("die stond voor eind november", "die had
# half november betaald moeten zijn"); "die moet tegen vrijdag betaald zijn" and "ik had graag
# … tegen vrijdag betaald" point ahead.
AHEAD_UNLESS_PAST = {"voor", "vóór", "moet", "moeten", "tegen"}
RECENT_MONTHS = 2  # a bare month name this many months back or less is the one just gone
CLAUSE_END = re.compile(r"[.;:!?]|,|\b(?:maar|en|dus|want)\b", re.IGNORECASE)


def about_the_past(text: str, start: int, end: int) -> bool:
    """Whether the clause around text[start:end] speaks of something already done."""
    clause = _clause(text, start, end)
    ahead = _ahead(clause)
    if PAST_VERB.search(clause):
        ahead -= AHEAD_UNLESS_PAST
    return bool(PAST_CUE.search(clause)) and not ahead


def month_just_gone(kind: str, m: re.Match, today: dt.date, text: str) -> bool:
    """A month named with no word for past or future ("voor de bakwagen van eind november",
    said in December) is the one just gone when it ended at most two months ago; "ik
    betaal eind oktober" points ahead."""
    named = (m.groupdict().get("unit") or m.groupdict().get("month") or "").lower()
    return (kind in ("end_of", "begin_of", "mid_month") and named in MONTHS
            and 0 < (today.month - MONTHS[named]) % 12 <= RECENT_MONTHS
            and not _ahead(_clause(text, m.start(), m.end())) - AHEAD_UNLESS_PAST)


def _clause(text: str, start: int, end: int) -> str:
    before = [m.end() for m in CLAUSE_END.finditer(text, 0, start)]
    after = CLAUSE_END.search(text, end)
    return text[before[-1] if before else 0:after.start() if after else len(text)]


def _ahead(clause: str) -> set[str]:
    return {m.group().lower() for m in FUTURE_CUE.finditer(clause)}


def _count(word: str) -> float:
    return SMALL_NUMBERS.get(word.lower()) or float(word)


def _end_of_week(day: dt.date) -> dt.date:
    return day + dt.timedelta(days=4 - day.weekday()) if day.weekday() <= 4 else day


def _same_day(day: dt.date, year: int) -> dt.date:
    """The same day and month in ``year`` (29 February becomes the 28th)."""
    try:
        return day.replace(year=year)
    except ValueError:
        return day.replace(year=year, day=28)


def _end_of_month(year: int, month: int) -> dt.date:
    return dt.date(year, month, 1) + relativedelta(months=1, days=-1)


def _month_year(month: int, today: dt.date, past: bool) -> int:
    """The year of the next occurrence of ``month`` (this year if not past), or with
    ``past`` of the last one (this year if not ahead)."""
    if past:
        return today.year if month <= today.month else today.year - 1
    return today.year if month >= today.month else today.year + 1


def _named_weekday_year(found: dt.date, weekday: int, today: dt.date) -> dt.date:
    """Of this year's, last year's and next year's ``found``, the nearest that falls on
    ``weekday``; ``found`` itself when none does (a slip of the tongue)."""
    years = sorted((found.year - 1, found.year, found.year + 1),
                   key=lambda y: abs((_same_day(found, y) - today).days))
    return next((_same_day(found, y) for y in years
                 if _same_day(found, y).weekday() == weekday), found)


def _day_of_month(day: int, today: dt.date, past: bool) -> dt.date | None:
    """"de achttiende": the next 18th from today (this one when it is today), or with
    ``past`` the last one; a day the month lacks moves to the next month that has it."""
    step = -1 if past else 1
    first = dt.date(today.year, today.month, 1)
    for months in range(0, 3 * step, step):
        month = first + relativedelta(months=months)
        try:
            found = month.replace(day=day)
        except ValueError:
            continue
        if (found >= today) if not past else (found <= today):
            return found
    return None


def _day_of_month_on(day: int, weekday: int, today: dt.date, past: bool) -> dt.date | None:
    """"vrijdag de dertigste": the nearest such day (ahead, or with ``past`` gone) that falls
    on ``weekday`` within a year; the plain day of the month when none does (a slip)."""
    step = -1 if past else 1
    first = dt.date(today.year, today.month, 1)
    for months in range(0, 13 * step, step):
        try:
            found = (first + relativedelta(months=months)).replace(day=day)
        except ValueError:
            continue
        if found.weekday() == weekday and ((found >= today) if not past else (found <= today)):
            return found
    return _day_of_month(day, today, past)


PERIOD_SHIFT = {"volgende": 1, "komende": 1, "vorige": -1, "afgelopen": -1}


def resolve_date(kind: str, m: re.Match, today: dt.date, past: bool = False) -> dt.date | None:
    """The date a match of DATE_PATTERNS[kind] means, said on ``today`` about the future or,
    with ``past``, about something already done; None for an impossible date."""
    g = {k: (v.lower() if isinstance(v, str) else v) for k, v in m.groupdict().items()}
    if kind == "relative_day":
        word = g["word"]
        days = {"overmorgen": 2, "gisteren": -1, "eergisteren": -2}.get(
            word, int(word.startswith("morgen")))
        return today + dt.timedelta(days=days)
    if kind == "ago":
        n, unit = _count(g["n"]), g["unit"]
        if unit.startswith("dag"):
            return today - dt.timedelta(days=int(n))
        if unit.startswith("we"):
            return today - dt.timedelta(days=round(7 * n))
        return today - relativedelta(months=int(n), days=round(30 * (n % 1)))
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
        unit, shift = g["unit"], PERIOD_SHIFT.get(g["which"] or "", 0)
        if unit == "week":
            monday = today - dt.timedelta(days=today.weekday()) + dt.timedelta(weeks=shift)
            if kind == "end_of":
                return monday + dt.timedelta(days=4)
            return monday if shift < 0 or past else max(monday, today)
        if unit == "maand":
            first = dt.date(today.year, today.month, 1) + relativedelta(months=shift)
            if kind == "begin_of" and not shift and not past:  # the next first of a month
                first = first if first >= today else first + relativedelta(months=1)
            return _end_of_month(first.year, first.month) if kind == "end_of" else first
        month = MONTHS[unit]
        year = _month_year(month, today, past)
        return _end_of_month(year, month) if kind == "end_of" else dt.date(year, month, 1)
    if kind == "mid_month":
        if g["month"]:
            month = MONTHS[g["month"]]
            return dt.date(_month_year(month, today, past), month, 15)
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
        if not g["year"] and g.get("wd"):  # "donderdag 17 december": the year it is a Thursday
            return _named_weekday_year(found, WEEKDAYS[g["wd"].lower()], today)
        if not g["year"] and past and found > today:
            found = _same_day(found, year - 1)  # "28 december betaald", said in January
        elif not g["year"] and not past and found < today:
            # the nearer of the two: "10 januari" said in November is next year's; "30
            # september" said in December is the invoice's date, just gone
            ahead = _same_day(found, year + 1)
            found = ahead if (ahead - today) < (today - found) else found
        elif not g["year"] and not past and not g.get("wd") and found > today:
            gone = _same_day(found, year - 1)  # "twintig december" said in January: just gone
            found = gone if (today - gone) < (found - today) else found
        return found
    if kind == "day_of_month":
        if g["wd"]:  # "vrijdag de achttiende": the next 18th that is a Friday
            return _day_of_month_on(int(g["day"]), WEEKDAYS[g["wd"]], today, past)
        return _day_of_month(int(g["day"]), today, past)
    if kind == "next_week_day":
        wd = WEEKDAYS[g["wd"] or g["wd2"]]
        monday_next = today - dt.timedelta(days=today.weekday()) + dt.timedelta(weeks=1)
        return monday_next + dt.timedelta(days=wd)
    if kind == "weekday":
        if past:  # "vrijdag overgemaakt": the last Friday before today
            return today - dt.timedelta(days=(today.weekday() - WEEKDAYS[g["wd"]]) % 7 or 7)
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
    if kind == "named_day":  # the next one, or with ``past`` the last one (today's counts)
        month, day = NAMED_DAYS[" ".join(g["name"].split())]
        found = dt.date(today.year, month, day)
        if past and found > today:
            return _same_day(found, today.year - 1)
        return _same_day(found, today.year + 1) if not past and found < today else found
    if kind == "this_year":
        return dt.date(today.year, 12, 31)
    if kind == "next_period":
        if g["unit"] == "week":
            return _end_of_week(today - dt.timedelta(days=today.weekday()) + dt.timedelta(weeks=1))
        return dt.date(today.year, today.month, 1) + relativedelta(months=1)
    return None
