"""The terms in a collector's act: whether its date is one a debtor can put in the diary,
whether its amount is the debt or only the costs, and the words for a term the date reader
does not resolve ("deze week nog"). bot.coach.roleplay.cues, .agreement, .reading and
.checks read proposals, agreements and deadlines with these.
"""
from __future__ import annotations

import datetime as dt
import re

from bot.coach.business_days import on_or_before
from bot.coach.roleplay.trade import COSTS, REST_LEFT_OPEN
from bot.coach.roleplay.turns import Turn

MONTHS = (r"(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober"
          r"|november|december)")
VAGUE_DATE = re.compile(r"eind van de|begin (van )?(de )?(volgende )?(week|maand|januari)"
                        r"|\bergens\b"
                        r"|rond (de|die|pasen|kerst\w*|carnaval|pinksteren|hemelvaart)\b"
                        r"|zo snel (mogelijk|als)|na de feestdagen|binnenkort"
                        r"|in de loop van|half (januari|februari|december)"
                        rf"|\b(eind|medio) {MONTHS}\b|na de kerst"
                        r"|na de \w*(vak|vakantie)\b|na de zomer\b"
                        rf"|{REST_LEFT_OPEN}"
                        rf"|\b(\w*dag|{MONTHS}|morgen|week|maand)\W+of zo\b"
                        rf"|\b(eerste|tweede|derde|laatste) week (van )?(de maand|{MONTHS})")
# An amount of costs itself ("veertig euro aanmaningskosten", "€ 40 rente", "de kosten van
# 15 euro").
COST_AMOUNT = re.compile(r"(€\s*[\d.,]+|\b\w+ euro)\s+(\w+\s+)?\w*(kosten|rente)\b"
                         r"|\w*(kosten|rente) van (€\s*[\d.,]+|\w+ euro)")
# An amount given as a rough size ("ruim veertienhonderd euro", "zo'n 800 euro"): not the
# open amount a debtor can pay to the cent.
APPROXIMATE = re.compile(r"\b(ruim|ongeveer|zo'?n|circa|ca\.|pakweg|bijna|rond(om)? de|een kleine"
                         r"|iets (meer|minder) dan|om en nabij|tegen de)\s+(de\s+)?"
                         r"(€\s*\d|\d[\d.,]*\s*(euro|€)|\w*(honderd|duizend)\w*\b|\w+ euro\b)")
INCLUDING = re.compile(r"\binclusief\b|\bincl\b|\bmet (de )?\w*kosten erbij")
EXACT_DATE = re.compile(
    r"maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|vandaag|morgen"
    rf"|\b\d{{1,2}}(e|ste|de)? {MONTHS}|\b\d{{1,2}}[-/.]\d{{1,2}}\b"
    r"|\bden? (\d{1,2}(e|ste|de)|\w*(tiende|elfde|twaalfde|tigste))\b"
    r"|oudejaarsdag|oudjaar|nieuwjaarsdag|kerstavond|kerstdag|kerstmis")
WHOLE_AMOUNT = re.compile(r"(hele|volle|volledige|gehele|totale|openstaande) bedrag|alles in "
                          r"één keer|in één keer|\bde volle [\d.,]+\b"
                          # the invoice itself paid ("Kunt ge hem dan betalen tegen vrijdag?")
                          r"|\b(de|die|uw|deze) factuur (\w+ ){0,4}"
                          r"(betalen|betaald|voldoen|voldaan)"
                          r"|\bhem (\w+ ){0,3}(betalen|betaald|voldoen|voldaan)\b")
DEADLINE = re.compile(r"deze week|voor het weekend|eind van (deze|de) week|vandaag nog"
                      r"|binnen (\w+ )?(werk)?dagen")
# "vóór de kerst", "voor de feestdagen": the last business day before Christmas.
BEFORE_CHRISTMAS = re.compile(r"\bv[oó][oó]r (de )?(kerst|kerstmis|kerstdagen|feestdagen"
                              r"|kerstvakantie)\b")


# This week, said by a debtor as the time they will pay ("dan betaal ik hem deze week nog
# wel"), in a sentence that does not deny it ("deze week lukt het niet").
THIS_WEEK = re.compile(r"\bdeze week\b|\bvoor het weekend\b|\beind van deze week\b")
DENIED = re.compile(r"\b(niet|geen)\b")
SENTENCE_END = re.compile(r"[.!?…]+\s+")  # between the sentences of a turn


def this_week(turn: Turn) -> bool:
    """The turn names this week as its time and does not deny it."""
    return any(THIS_WEEK.search(s) and not DENIED.search(s)
               for s in SENTENCE_END.split(turn.text.lower()))


def as_date(value: object) -> dt.date | None:
    """A date entity's value as a date; None for one the reader could not resolve."""
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def dates_of(turn: Turn) -> list[dt.date]:
    """The dates the turn names."""
    return [d for d in map(as_date, turn.entities.get("date") or []) if d is not None]


def deadline_words(turn: Turn) -> bool:
    """A term in words the date reader does not resolve ("deze week nog")."""
    return bool(DEADLINE.search(turn.text.lower()))


def this_friday(today: dt.date) -> dt.date:
    """What "deze week nog" asks for."""
    return today + dt.timedelta(days=max(4 - today.weekday(), 0))


def before_christmas(turn: Turn, today: dt.date) -> dt.date | None:
    """The last business day before Christmas, when the act asks for payment before it and
    Christmas is still to come this year."""
    if not BEFORE_CHRISTMAS.search(turn.text.lower()) or today > dt.date(today.year, 12, 24):
        return None
    return on_or_before(dt.date(today.year, 12, 24))


def vague_date(turn: Turn) -> bool:
    """"eind van de maand", "ergens volgende week": a date the debtor can still stretch."""
    return bool(VAGUE_DATE.search(turn.text.lower()))


def exact_date(turn: Turn) -> bool:
    """A date a debtor can put in the diary ("vrijdag 11 december", "morgen"), not "eind
    volgende week" or "begin januari", even when those were resolved to a day."""
    return turn.has("date") and bool(EXACT_DATE.search(turn.text.lower()))


def amount_named(turn: Turn) -> bool:
    """An amount, or the whole amount in words ("het volledige bedrag")."""
    return turn.has("amount") or bool(WHOLE_AMOUNT.search(turn.text.lower()))


def debt_amount(turn: Turn) -> bool:
    """An exact amount of the debt itself, not of costs or interest given away ("€ 612,35,
    inclusief de aanmaningskosten" is the debt, and so is an amount named next to the
    costs), nor a rough size ("ruim veertienhonderd euro")."""
    text = turn.text.lower()
    costs = len(COST_AMOUNT.findall(text))  # "€ 2.118,75, plus veertig euro aanmaningskosten"
    named = len(turn.entities.get("amount") or []) - len(APPROXIMATE.findall(text))
    return named > 0 and (not COSTS.search(text) or bool(INCLUDING.search(text))
                          or named > costs)


def ahead_only(turn: Turn, today: dt.date) -> Turn:
    """Without the dates before this week ("deze week" may be read as its Monday)."""
    dates = turn.entities.get("date")
    if not dates:
        return turn
    monday = today - dt.timedelta(days=today.weekday())
    ahead = [v for v in dates if (as_date(v) or monday) >= monday]
    return Turn(turn.speaker, turn.text, turn.intent, {**turn.entities, "date": ahead})
