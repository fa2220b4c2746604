"""The words that must be there before a collector's act counts as certain moves.

The model reads a sentence's intent; for the moves that cost or earn the most points a
wrong reading is expensive ("Dank u dat u daar open over bent." read as a threat, "Dan gaat
het dossier naar de advocaat." as a concession). So the scorecard asks for evidence in the
words as well: a threat names a measure or reproaches, a concession gives something, a
confirmation is written and about the agreement, understanding says so. Plain Dutch
patterns, lower case; each says what it is evidence of.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from bot.coach.roleplay import turns as moves
from bot.coach.roleplay.turns import COLLECTOR, Turn

THREAT = re.compile(
    r"advocaat|deurwaarder|incassobureau|incassotraject|rechter|rechtbank|dagvaard|beslag"
    r"|op slot|(zetten|leggen) .{0,40}\b(stop|stil)\b"
    r"|stoppen (we|wij|ik)|stop(gezet|zetten)|blokker|gevolgen|laatste (keer|kans)"
    r"|nog steeds niet|alweer|(derde|tweede) keer|had(den)? (u|je|jullie)\b.{0,40}(moeten|mogen)"
    r"|niet ons probleem|uw (eigen )?probleem|gaat u betalen of niet"
    r"|hoor ik .{0,30}vaker|grappig genoeg|altijd net (als|wanneer)")
CONCESSION = re.compile(
    r"korting|kwijtschel|(laat|laten) .{0,30}\bvallen|haal .{0,45}\baf\b|eraf"
    r"|niet in rekening|rekenen (we|wij|ik) (dan )?niet|hoeft u (alleen|niet|geen)"
    r"|uitstel|extra tijd|(geef|geven) (ik |we |wij )?(u |jullie )?(\w+ )?(de )?tijd"
    r"|in (delen|termijnen|twee|drie|vier)|betalingsregeling|regeling|coulance|tegemoet"
    r"|mag u (het )?(later|in)|schuif|verleng|\d+ ?(procent|%)|af (mag|mogen|kan|kunt) halen"
    r"|splitsen")
IN_RETURN = re.compile(r"\bals u\b|\bmits\b|op voorwaarde|in ruil|vraag ik|wil ik (dan )?wel"
                       r"|dan verwacht ik|daar staat tegenover")
WRITTEN = re.compile(r"\bmail|e-mail|brief|schriftelijk|op papier|per post|bevestiging"
                     r"|bevestig|zwart op wit")
INVOICE = re.compile(r"factuur|nota|rekening|kopie")
ABOUT_AGREEMENT = re.compile(r"afspra|bevestig|besproken|regeling|overeengekomen"
                             r"|samenvatting|op een rij|wat we (nu )?(hebben )?(af)?gesproken")
SUMMARY = re.compile(r"samenvat|samengevat|vat .{0,20}samen|op een rij|even herhalen"
                     r"|nog even (kort )?terug|(we|wij) spreken (dus )?af"
                     r"|dus (we hebben|afgesproken)|afgesproken is")
VAGUE_DATE = re.compile(r"eind van de|begin (van )?(de )?(volgende )?(week|maand|januari)|ergens"
                        r"|rond (de|die)|zo snel (mogelijk|als)|na de feestdagen|binnenkort"
                        r"|in de loop van|half (januari|februari|december)")
OWN_PROPOSAL = ("promise_to_pay", "request_payment_plan", "request_discount", "promise_vague")
UNDERSTANDING = re.compile(r"begrijp|snap|vervelend|lastig|naar voor u|kan me voorstellen"
                           r"|kan ik me voorstellen|dank u dat|fijn dat u|goed dat u|sorry"
                           r"|excuses|balen|rot|niet makkelijk|ken ik|klinkt")
COSTS = re.compile(r"kosten|rente|korting|boete")
EXACT_DATE = re.compile(
    r"maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|vandaag|morgen"
    r"|\b\d{1,2}(e|ste|de)? (januari|februari|maart|april|mei|juni|juli|augustus|september"
    r"|oktober|november|december)|\b\d{1,2}[-/.]\d{1,2}\b")
WHOLE_AMOUNT = re.compile(r"(hele|volledige|gehele|totale|openstaande) bedrag|alles in "
                          r"één keer|het hele bedrag|in één keer")


def evident(turn: Turn, before: Turn | None = None) -> Turn:
    """The collector's act with its intent set by the evidence in its words: a threat, a
    written confirmation or a summary named in so many words is one, whatever the model
    read; a threat, concession, confirmation or show of understanding without its words is
    not (intent ""), except a "ja, dat is goed" to the debtor's own proposal (``before``),
    which gives what they asked. Debtor acts are returned as they are."""
    if turn.speaker != COLLECTOR:
        return turn
    text = turn.text.lower()
    intent = turn.intent
    if THREAT.search(text):
        intent = moves.THREATEN
    elif intent == moves.ASK_IN_RETURN and IN_RETURN.search(text):
        pass
    elif _confirms(text):
        intent = moves.ANNOUNCE_CONFIRMATION
    elif SUMMARY.search(text) and (turn.has("date") or turn.has("amount")):
        intent = moves.SUMMARISE
    elif CONCESSION.search(text) and not IN_RETURN.search(text):
        intent = moves.OFFER_CONCESSION
    elif intent == moves.OFFER_CONCESSION and before is not None \
            and before.intent in OWN_PROPOSAL:
        pass
    elif intent in _NEEDS_WORDS and not _NEEDS_WORDS[intent](text):
        intent = ""
    return turn if intent == turn.intent else Turn(turn.speaker, turn.text, intent,
                                                  turn.entities)


_NEEDS_WORDS = {
    moves.THREATEN: lambda text: bool(THREAT.search(text)),
    moves.OFFER_CONCESSION: lambda text: bool(CONCESSION.search(text)),
    moves.ANNOUNCE_CONFIRMATION: lambda text: _confirms(text),
    moves.SHOW_UNDERSTANDING: lambda text: bool(UNDERSTANDING.search(text))}


def _confirms(text: str) -> bool:
    """In writing, and about the agreement: resending the invoice is not confirming."""
    return bool(WRITTEN.search(text)) and bool(ABOUT_AGREEMENT.search(text)
                                               or not INVOICE.search(text))


def read_acts(turns: list[Turn]) -> list[Turn]:
    """Every act as ``evident`` reads it, each with the act before it."""
    return [evident(t, turns[i - 1] if i else None) for i, t in enumerate(turns)]


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
    """An amount of the debt itself, not of costs or interest given away."""
    return turn.has("amount") and not COSTS.search(turn.text.lower())


def has_phrase(text: str, phrases: Iterable[str]) -> bool:
    """One of ``phrases`` as a word or words of its own in ``text`` (any case, any spaces)."""
    lowered = " ".join(text.lower().split())
    return any(re.search(rf"(?<!\w){re.escape(p)}(?!\w)", lowered) for p in phrases)
