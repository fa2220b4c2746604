"""Whether the debtor asks for more than the collector asked for: a split, less, or a
later or vaguer date, and whether that ask still stands after the collector's next words. A
collector's yes to such an ask gives something away (bot.coach.roleplay.reading); a yes to
what the debtor already owed by the collector's own term does not.
"""
from __future__ import annotations

import datetime as dt
import re

from bot.coach.roleplay import turns as moves
from bot.coach.roleplay.agreement import SHORT_YES
from bot.coach.roleplay.cues import ABOUT_THE_DEBT, THREAT, YES
from bot.coach.roleplay.questions import question_kind
from bot.coach.roleplay.terms import (
    EXACT_DATE,
    SENTENCE_END,
    VAGUE_DATE,
    dates_of,
    this_week,
    vague_date,
)
from bot.coach.roleplay.trade import REJECTS, THIRD_PARTY_PAYS, asks_for_more
from bot.coach.roleplay.turns import ACCEPTANCE, COLLECTOR, Turn
from bot.coach.roleplay.written import SENDS

# The collector asks the debtor to send something, not to pay ("Stuurt u dan maar een
# betaalbewijs.").
ASKS_PROOF = re.compile(r"\b(stuurt|mailt) (u|je|ge|jij)\b|\b(u|je|ge) (\w+ ){0,3}(stuurt|mailt)\b")
# Only what the debtor can do about it ("Dat kan ik vragen."): no yes to the day.
CAN_ASK = re.compile(r"\bkan ik (\w+ )?(vragen|navragen|proberen|doorgeven|voorleggen)\b")
# A time the debtor puts on it, however vague ("volgende week", "na de kerst", "later"):
# "Ik kijk ernaar." and "Eerst zien dat het gemaakt wordt." ask for no time.
WHEN = re.compile(r"week|maand|jaar|weekend|kerst|feestdag|nieuwjaar|januari|februari|maart"
                  r"|later|straks|binnenkort|snel|morgen|\w+dag\b|tijd|eind|begin|zodra|als\b"
                  r"|wanneer|na\b|voor\b|rond|ergens")
# A debtor's question about the payment ("Kan het ook maandag?", "Zeg maar de achttiende?"),
# not about anything else.
PAYS = re.compile(r"betaa?l|overmaa?k|over te maken|maak .{0,30}over|stort|voldo"
                  r"|\b(kan|mag|kunnen|mogen|is|wordt|lukt|zou) (het|dat|dit|die)\b"
                  r"|\b(het|dat) ook\b|zeg maar|zullen we|wat (dacht|zegt) u")

# The collector's acts that put something on offer.
OFFERED = (moves.OFFER_CONCESSION, moves.ASK_IN_RETURN, moves.CONCRETE_PROPOSAL)


def _asks_how(debtor: Turn) -> bool:
    """The debtor ends on an open question and names no date of their own."""
    last = SENTENCE_END.split(debtor.text.strip())[-1]
    return (last.rstrip().endswith("?") and question_kind(last) == "open"
            and not dates_of(debtor))


def asks_more(debtor: Turn, asked_by: dt.date | None, answering: Turn | None = None,
              friday: dt.date | None = None) -> bool:
    """The debtor asks for a split, less or more time, turns down the collector's day, makes
    paying wait on someone else paying first, or offers a later or vaguer date than the one
    the collector asked for; a yes to the day the collector just proposed
    (``answering``) takes it, whatever else the turn says. "Deze week nog" is this
    ``friday``: within a term of three business days from Tuesday, after "vandaag" not."""
    if debtor.speaker == COLLECTOR:
        return False
    if answering is not None and answering.intent in OFFERED and _asks_how(debtor):
        return False  # "… in drie delen splitsen. Maar dan vraag ik …" – "Hoe had je dat dan
        #               in gedachten?" asks what is on offer, not for more
    if asks_for_more(debtor) or re.search(THIRD_PARTY_PAYS, debtor.text.lower()):
        return True  # "… als die corporatie vrijdag betaalt, dan maak ik maandag …" waits
    if answering is not None and answering.has("date") and not mail_day(answering) \
            and question_kind(answering.text) != "open" and REJECTS.search(debtor.text.lower()) \
            and all(d <= max(dates_of(answering)) for d in dates_of(debtor)):
        return True  # "Dat moet vandaag binnen zijn." – "Vandaag? Dat gaat niet lukken, …"
    if answering is not None and answering.has("date") and _says_yes(debtor) \
            and not mail_day(answering):
        return False  # "Dinsdag 22 december?" – "Ja, dat is goed. Daarna zijn we dicht."
    dates = [*dates_of(debtor), *([friday] if friday and this_week(debtor) else [])]
    if debtor.text.rstrip().endswith("?") and not PAYS.search(debtor.text.lower()):
        return False  # "O ja, wordt er op tweede kerstdag wel opgehaald?" asks, offers nothing
    if asked_by is not None and any(d > asked_by for d in dates):
        return True
    if answering is not None and question_kind(answering.text) == "closed" \
            and not ABOUT_THE_DEBT.search(answering.text.lower()):
        return False  # "Zal ik na carnaval een offerte maken?" – "Ja, dan kan ik het in maart …"
    if answering is not None and ASKS_PROOF.search(answering.text.lower()) and not dates:
        return False  # "Stuurt u dan een betaalbewijs." – "Ik zal het doorgeven.": no payment
    vague = (debtor.intent == "promise_vague" and bool(WHEN.search(debtor.text.lower()))
             or vague_date(debtor))
    return vague and not any(asked_by is None or d <= asked_by for d in dates)


def mail_day(collector: Turn) -> bool:
    """The collector's date is the day something goes out ("Ik stuur hem vandaag nog opnieuw
    naar jouw eigen adres."): a yes to it takes no day to pay, and it sets no term."""
    text = collector.text.lower()
    return bool(SENDS.search(text)) and not PAYS.search(text)


def _says_yes(debtor: Turn) -> bool:
    """The debtor's turn starts with a short yes without a day of its own ("Ja, dat is goed.
    In één keer, dat is makkelijker."): it takes what was proposed."""
    first = SENTENCE_END.split(debtor.text.strip())[0]
    return (len(first.split()) <= SHORT_YES and bool(YES.search(first.lower()))
            and not EXACT_DATE.search(first.lower()) and not CAN_ASK.search(first.lower()))


def answers_ask(act: Turn, ask: Turn, expected: dt.date | None) -> bool:
    """The collector turns the ask down, keeps to their own date or warns in a statement
    ("Tegelijk wil ik wel graag dat deze factuur vóór het einde van het jaar geregeld is.",
    "Nou, dan zet ik u alvast op de lijst voor het incassobureau."); a warning on the
    debtor's own term ("Als het na de bouwvak niet binnen is, …") takes that term."""
    text = act.text.lower()
    if text.rstrip().endswith("?"):
        return False
    own = [d for d in dates_of(act) if expected is None or d <= expected]
    term = VAGUE_DATE.search(text)
    on_the_ask = term is not None and term.group(0) in ask.text.lower()
    return bool(REJECTS.search(text) or own
                or (act.intent == moves.THREATEN or THREAT.search(text)) and not on_the_ask)


def ask_stands(answering: Turn | None, debtor: Turn, expected: dt.date | None) -> bool:
    """The debtor's ask is still open when the collector, without answering it
    (``answers_ask``), only asked about it or warned on its term ("Vrijdag gaat niet?" –
    "Nee, echt niet."; "Als het na de bouwvak niet binnen is, stuur ik de deurwaarder." –
    "Dat hoeft nou ook weer niet.") and the debtor did not take the collector's own term: a
    yes after that still gives it. A yes to a question about something else ("Is de factuur
    inhoudelijk verder in orde?") leaves it open too."""
    if answering is None or not (answering.text.rstrip().endswith("?")
                                 or answering.intent == moves.THREATEN):
        return False
    if answering.intent != moves.THREATEN and not answering.has("date") \
            and not PAYS.search(answering.text.lower()):
        return True  # "Is de factuur inhoudelijk verder in orde?" – "Ja hoor.": not the day
    return not (debtor.intent in ACCEPTANCE or YES.search(debtor.text.lower())
                or any(expected is None or d <= expected for d in dates_of(debtor)))
