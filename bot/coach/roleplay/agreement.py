"""What was agreed in a call: an offer with an exact date and an amount, and the debtor's
yes to it. A yes is the debtor's answer to that offer ("Ja, ja, gewoon alles.", whatever the
model read), not a vaguer promise made later, nor a story that starts with "ja"; a debtor's
own exact promise that the collector takes, or states back with a yes, is agreed as well."""
from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import takewhile

from bot.coach.roleplay.cues import ACCEPT, YES
from bot.coach.roleplay.questions import SENTENCE_BREAK
from bot.coach.roleplay.terms import COST_AMOUNT, WHOLE_AMOUNT, amount_named, exact_date, vague_date
from bot.coach.roleplay.trade import ASKS_MORE, THIRD_PARTY_PAYS
from bot.coach.roleplay.turns import (
    ACCEPTANCE,
    ANNOUNCE_CONFIRMATION,
    COLLECTOR,
    EXCUSE_INTENTS,
    Turn,
)
from bot.coach.roleplay.written import EXPECTED

SHORT_YES = 6  # words in a first sentence that is a yes, not the start of a story
# A yes that no story starts with, however the sentence goes on ("Prima, dan kijk ik er
# vanmiddag naar."), unlike "Ja, nou, daar wilde ik u al over bellen".
FIRM_YES = re.compile(r"^(prima|akkoord|afgesproken|is goed|dat is goed|top)\b(?![\s,]*maar)")
# A yes or a promise on a condition that is not the debtor's to meet: someone else's approval,
# proof or payment ("Ja, als hij het bevestigt, hè.", "indien de directeur morgen tekent", "als
# die urenstaat klopt", "als zij vrijdag betalen") or something still to come ("Maar alleen
# als die creditnota er is, hè.", "…, als de rekening dan weer open is.").
ON_CONDITION = re.compile(
    r"\bals (\w+ ){1,2}(het|dat) goed ?vindt\b|\bals (\w+ ){1,3}(akkoord|accoord) (is|gaat|geeft)\b"
    rf"|{THIRD_PARTY_PAYS}"
    r"|\b(als|indien|mits) (\w+ ){1,3}(bevestigt|goedkeurt|goedgekeurd (is|wordt)|tekent"
    r"|(toestemming|groen licht) geeft|laat zien|aantoont)\b"
    r"|\balleen als\b|\bals (ik|we|wij|u|je|ge) (\w+ ){0,3}(creditnota|goedkeuring|toestemming)\b"
    r"|\bals (het|'t) goed is\W*$"  # "Dus de vijftiende, 812 euro, als het goed is."
    # everything released first ("Ja, als alles vrijgegeven is, ja.")
    r"|\bals (alles|het geld|de rekening) (\w+ )?(vrijgegeven|vrij) is\b"
    # someone who must be back first ("als meneer Jansen weer terug is", "als hij er is")
    r"|\bals (hij|zij|ze|meneer \w+|mevrouw \w+) (\w+ ){0,2}(terug|er|beter|hersteld) is\b"
    r"|\bals (de|die|onze|mijn) bank (\w+ ){0,4}(opgelost|geregeld|in orde)\b"
    r"|\bals (de|die|onze|mijn|uw) (bank)?rekening (\w+ ){0,2}open\b"
    r"|\bals (die|het|dat|hij|ze|de \w+) (\w+ )?klopt\b"
    # the debtor's own complaint still to be put right ("als het vrijdag in orde is")
    r"|\bals (het|dat|alles|die|de \w+) (\w+ )?(in orde|af|klaar|hersteld|gerepareerd) is\b")
# A yes that leaves the debtor free ("Ja, ja. Als 't lukt, lukt 't.", "Ik zal zien wat ik
# kan doen.", "Ik leg het voor.") or waits on a condition: no agreement.
HEDGE = re.compile(r"\b(niks|niets) (te )?(beloven|garanderen|toezeggen)"
                   r"|\bgeen (garantie|beloftes?|toezegging)\b"
                   r"|\b(beloven|garanderen|toezeggen) (kan|wil|doe) ik (het |dat )?"
                   r"(niks|niets|niet)\b"
                   r"|\b(kan|wil|durf) ik (\w+ )?(niet|niks|niets) (beloven|garanderen|toezeggen)\b"
                   r"|\bals (het|'t) (lukt|goed is)\b|\bik zal (eens )?(zien|kijken)\b"
                   r"|\bwe zien (het )?wel\b"
                   r"|\b(we|wij|ik) (gaan|zullen|ga|zal) (het )?zien\b"
                   r"|\b(ons|mijn|m'n|me) (uiterste )?best (doen|te doen)\b"
                   r"|\bik (ga|zal) (het )?proberen\b|^(\w+\W+)?proberen\b"
                   r"|\bmet (\w+ ){1,3}(bespreken|overleggen)\b"
                   r"|\bmisschien\b|\bhopelijk\b|\bzo ongeveer\b|^(ja\W+)?zoiets\b"
                   # as long as business goes well ("als het weekend een beetje draait")
                   r"|\bals het (\w+ ){0,3}(meezit|mee zit|draait)\b"
                   # a message passed on ("Oké, ik zeg het tegen hem.", "Ik geef het door.")
                   r"|\bik (zeg|geef) (het|dat) (\w+ )?(tegen (hem|haar)|door)\b"
                   r"|\bzo niet\W+dan (moet|ga|zal|kan) ik (\w+ )?(even |eens )?(kijken|zien)\b"
                   # the debtor's own money still to come ("Als die binnen is, kan ik u …")
                   r"|\bals (die|dat|het geld|dat geld) (\w+ )?binnen is\b"
                   r"|\beerst (\w+ ){0,4}(bespreken|overleggen|voorleggen|navragen)\b"
                   r"|\bik (ga|zal) (het|dat) (\w+ )?voorleggen\b"
                   r"|\bik leg (het|dat) (\w+ ){0,2}voor\b"
                   r"|\b(ik )?beloof (ik )?(u |je )?(niks|niets)\b"
                   rf"|{ON_CONDITION.pattern}")
# The collector asks when the amount is paid ("… wanneer zou u die elfhonderdachtenveertig
# kunnen overmaken?"): the debtor's day answers it.
ASKS_WHEN = re.compile(r"\b(wanneer|welke (dag|datum))\b[^.!]*\?")
BARE_YES = re.compile(r"((h?m+|eh+)\W*)*(ja\W*)+")  # "Hmm, ja." after holding back
# Hearing the proposal out ("Mm.", "Hm hm."): no yes.
MURMUR = re.compile(r"(h?m+\W*)+")
ECHO = 2  # words of a day said back before the answer itself
# Taking it on, wherever in the turn ("Vijftienhonderd, vandaag nog... amai. Ja, goed, dat
# krijg ik wel rond.", "Als jij die pakbonnen stuurt, durf ik het aan.").
TAKES_IT_ON = re.compile(r"\b(dat|die|het) (krijg|kan) (ik|we) (\w+ )?rond\b"
                         r"|\bdurf (ik|we) (het|dat) (wel )?aan\b|\bdat gaat (wel )?lukken\b"
                         r"|\b(is|een) deal\b|^(ja\W+)+dat (doe|regel) ik\b"
                         r"|\bja\W+(oké\W+)?dat (doen|regelen) we\b"
                         r"|\bja\W+(dat|da) kan ik (wel )?doen\b"
                         r"|^(ja\W+)*(dat )?komt (wel )?goed\b"
                         r"|^(ja\W+)+(gewoon |dus )?(het|de) (hele|volledige|gehele) (bedrag|som)")
# A first sentence that is a whole yes and nothing else ("Ja, dat kan. En die veertig euro
# …", "Perfect. En ik geef u ook ons nieuw adres door."): it answers the proposal, whatever
# the turn goes on to raise, unless a "maar" follows.
WHOLE_YES = re.compile(r"(ja|oké|ok|nou)\W+(dat|da) (kan|is goed|lukt|is prima|is akkoord)\W*"
                       r"|(dat|da) (lukt|kan) (wel|best|prima)\W*"
                       r"|(prima|perfect|akkoord|afgesproken|uitstekend)\W*")
# The terms just proposed held to or put to the debtor again, with no new day or amount ("Die
# termijnen staan vast, ook als het regent.", "Dus we zijn het eens?"): a yes to it takes them.
KEEPS_TERMS = re.compile(r"\b(staan|staat|blijft|blijven) (\w+ )?(vast|staan)\b"
                         r"|\b(zijn|bent|zijt) (we|wij|u|ge|je) (het )?(dan |dus )?(\w+ )?eens\b"
                         r"|\bis dat (dan |dus )?(afgesproken|een deal|de afspraak)\b"
                         r"|\bhebben (we|wij) (dan |dus )?een (deal|afspraak)\b")
BUT_NEXT = re.compile(r"[.!?]\s*maar\b")
# Knowing the invoice ("Ja, ik ken hem. Het probleem is …", "Ja, die ken ik."): no yes to
# paying it.
KNOWS_IT = re.compile(r"((ja|jawel|ah|o|oh)\W+)*(ik ken (hem|haar|'m|die|het|dat)"
                      r"|(die|dat) ken ik|die heb ik (\w+ )?(hier|gezien|liggen))\W*")
# A proposal put politely as a question ("Misschien driehonderd op vrijdag …?").
OFFERED_POLITELY = re.compile(r"^(\w+\W+)?misschien\b")
# A greeting back ("Ja, goedemorgen ook. Met Peter de Groot."): the call starts, no yes.
GREETS = re.compile(r"\b(goede?|goeie|goei)(morgen|middag|avond|dag)\b|\bhallo\b|\bhoi\b")
# A yes to the mail announced after the proposal ("Ge moogt dat sturen, ja."), not to it.
ABOUT_THE_MAIL = re.compile(r"stur|mail|bevestig")
# What a debtor's "ja, …" is not a yes to a proposal in: "Ja, ik wou jullie al bellen, want
# die omvormer …" is a dispute.
NOT_A_YES = (*EXCUSE_INTENTS, *ASKS_MORE, "promise_vague", "deny")


def accepted_after(turns: Sequence[Turn], index: int) -> bool:
    """The debtor's answer to the act at ``index`` says yes to it; a promise made later, one
    for "eind van de maand", a hedged yes and a yes to the mail announced after the act are
    not a yes to this proposal, nor a bare "ja, ja" or a yes to an aside right after the
    debtor held back."""
    at = next((i for i in range(index + 1, len(turns)) if turns[i].speaker != COLLECTOR), None)
    if at is None:
        return False
    answer = turns[at]
    text = answer.text.lower()
    mailed = any(t.intent == ANNOUNCE_CONFIRMATION for t in turns[index + 1:at])
    if vague_date(answer) or HEDGE.search(text) or ABOUT_THE_MAIL.search(text) and mailed \
            or _on_condition(turns[index]):
        return False  # the act itself waits: "…, als de rekening dan weer open is."
    if EXPECTED.search(turns[index].text.lower()):
        return False  # "Ik zet op de mail dat we het hele bedrag vrijdag verwachten." – "Doe
        #               maar.": the firm's expectation put down, let be, not agreed
    if MURMUR.fullmatch(text.strip()):
        return False  # "Mm." hears the proposal out, whatever the model read
    first = _first_words(answer.text)
    act = turns[index]  # "Ik vraag Martijn of hij u vandaag nog even mailt.": a day for a mail;
    #                     "Dus u geeft aan Frank door dat die 1.800 euro nog openstaat?": no day
    aside = not (exact_date(act) or keeps_terms(act)) or not amount_named(act) and bool(
        ABOUT_THE_MAIL.search(act.text.lower()))
    if _held_back(turns, index) and (mailed or aside or BARE_YES.fullmatch(first.lower())):
        return False  # "Beloven kan ik niks." … "Ja, ja.": the debtor still holds back; "Ik
        #               leg het voor." – "Ik mail u de foto's." – "Oké, handig.": no yes to it
    if KNOWS_IT.fullmatch(first.lower().strip()) and not TAKES_IT_ON.search(text):
        return False
    # "Ja, nou, daar wilde ik u al over bellen." starts a story, not a yes
    whole_yes = bool(WHOLE_YES.fullmatch(first.lower().strip())) and not BUT_NEXT.search(text)
    return answer.intent in ACCEPTANCE or bool(TAKES_IT_ON.search(text)) or whole_yes or (
        answer.intent not in NOT_A_YES and (
        len(first.split()) <= SHORT_YES and bool(YES.search(first.lower()))
        and not GREETS.search(first.lower())
        or bool(FIRM_YES.search(first.lower()))))


def keeps_terms(turn: Turn) -> bool:
    """The act holds to the terms on the table or asks for a yes to them (``KEEPS_TERMS``)."""
    return bool(KEEPS_TERMS.search(turn.text.lower()))


def _first_words(text: str) -> str:
    """The answer's first sentence; after the day said back on its own ("Vrijdag... ja.
    Vrijdag moet lukken."), the sentence that follows it."""
    sentences = SENTENCE_BREAK.split(text.strip())
    if len(sentences) > 1 and len(sentences[0].split()) <= ECHO and not YES.search(
            sentences[0].lower()):
        return sentences[1]
    return sentences[0]


def _held_back(turns: Sequence[Turn], index: int) -> bool:
    """The debtor's last answer before the act at ``index`` held back ("Noteer maar wat je
    wilt. Maar beloven kan ik niks."): a bare "ja, ja" to the same proposal said again, or
    a yes to the mail about it, does not turn that into an agreement."""
    before = next((t for t in reversed(turns[:index]) if t.speaker != COLLECTOR), None)
    return before is not None and bool(HEDGE.search(before.text.lower()))


def concrete_at(turns: Sequence[Turn], index: int) -> bool:
    """The collector's act at ``index``, with their acts just before it ("Vrijdag 4
    december dus?" … "En dan het hele bedrag?"), the debtor's question it answers
    ("Wanneer moet die € 1.500,00 er zijn?" – "Uiterlijk vrijdag 11 december."), names an
    exact date and an amount; so does the debtor's yes to the collector's question that
    names both ("Betaalt u vrijdag?" – "Ja, goed, die € 2.640 staat vrijdag op uw
    rekening.")."""
    before = [t for t in turns[max(index - 4, 0):index] if t.speaker == COLLECTOR][-2:]
    asked = [turns[index - 1]] if index and turns[index - 1].speaker != COLLECTOR \
        and not _on_condition(turns[index - 1]) else []
    answer = next((t for t in turns[index + 1:] if t.speaker != COLLECTOR), None)
    if answer is not None and (exact_date(answer) or exact_date(turns[index])) \
            and _payment(answer) and accepted_after(turns, index):
        return not vague_date(answer)  # "Betaalt u vrijdag?" – "Ja, die € 2.640 staat …"
    pair = [*before, *asked, *_taken_day(turns, index), *_taken_amount(turns, index),
            turns[index]]
    return (any(exact_date(t) for t in pair) and any(_payment(t) for t in pair)
            and not vague_date(turns[index]))


def _taken_day(turns: Sequence[Turn], index: int) -> list[Turn]:
    """The debtor's exact day that the collector took since, with no other day named in
    between ("Maandag zestien augustus." … "Nou ja, goed." – "Maar dan wel het hele
    bedrag?"): the day the act at ``index`` goes with."""
    day = next((j for j in range(index - 1, -1, -1) if turns[j].speaker != COLLECTOR
                and exact_date(turns[j])), None)
    if day is None or vague_date(turns[day]) or _on_condition(turns[day]):
        return []  # "Als ik die creditnota maandag heb, dan maak ik woensdag de 2.800 over."
    since = [t for t in turns[day + 1:index] if t.speaker == COLLECTOR]
    offered = set(turns[day].entities.get("date") or [])
    if any(set(t.entities.get("date") or []) - offered for t in since):
        return []
    return [turns[day]] if any(ACCEPT.search(t.text.lower()) for t in since) else []


def _taken_amount(turns: Sequence[Turn], index: int) -> list[Turn]:
    """The debtor's amount that the collector took since, with no other amount named in
    between ("In drie keer zou wel gaan. Zeshonderd per keer." – "Ja, dat is goed." – "Kan de
    eerste dan vrijdag de zeventiende?"): the amount the act at ``index`` goes with."""
    offer = next((j for j in range(index - 1, -1, -1) if turns[j].speaker != COLLECTOR), None)
    if offer is None or not _payment(turns[offer]) or _on_condition(turns[offer]):
        return []
    since = [t for t in turns[offer + 1:index] if t.speaker == COLLECTOR]
    if any(t.has("amount") for t in since):
        return []
    return [turns[offer]] if since and ACCEPT.search(since[0].text.lower()) else []


def _on_condition(turn: Turn) -> bool:
    """The turn waits on a condition that is not the debtor's to meet (``ON_CONDITION``)."""
    return bool(ON_CONDITION.search(turn.text.lower()))


def _payment(turn: Turn) -> bool:
    """An amount to pay: of the debt or the whole of it, not the costs given away ("de
    veertig euro aanmaningskosten laat ik vallen")."""
    text = turn.text.lower()
    costs_only = len(turn.entities.get("amount") or []) == 1 and bool(COST_AMOUNT.search(text))
    return turn.has("amount") and not costs_only or bool(WHOLE_AMOUNT.search(text))


def took_debtors_promise(turns: Sequence[Turn]) -> bool:
    """The debtor named an exact date and the amount, or a date for the amount the
    collector just named ("… dan kom je op elfhonderdachtenzeventig." – "Prima. Dan maak
    ik dat vrijdag de achttiende over."), or the amount right after a date the collector
    took ("Vrijdag 8 januari." – "Goed." – "En dan de hele 1240 euro, hè."), and the
    collector's answer says yes to it ("Maandag de 21e. Nou ja, goed, dan wordt het
    maandag.", "Helemaal goed.")."""
    for i, t in enumerate(turns):
        if t.speaker == COLLECTOR or HEDGE.search(_as_offered(t.text)) or not _taken(turns, i):
            continue
        dated = exact_date(t) and not vague_date(t)
        yes_to_amount = (i > 0 and turns[i - 1].speaker == COLLECTOR
                         and _payment(turns[i - 1]) and bool(
                             YES.search(t.text.lower()) or ASKS_WHEN.search(
                                 turns[i - 1].text.lower())))
        if dated and (_payment(t) or yes_to_amount) or _payment(t) and _taken_day(turns, i):
            return True
    return False


def _as_offered(text: str) -> str:
    """The debtor's turn without the "misschien" that puts a proposal as a question
    ("Misschien driehonderd op vrijdag de 21ste, en de rest op maandag 31 juli?"): the
    terms are offered, not hedged."""
    text = text.lower().strip()
    return OFFERED_POLITELY.sub("", text) if text.endswith("?") else text


def _taken(turns: Sequence[Turn], index: int) -> bool:
    """The collector's answer to the debtor's turn at ``index`` says yes to it."""
    answer = takewhile(lambda a: a.speaker == COLLECTOR, turns[index + 1:])
    return any(ACCEPT.search(a.text.lower()) for a in answer)


def takes_offer(turns: Sequence[Turn], index: int) -> bool:
    """The collector's act at ``index`` says yes to the date the debtor just offered
    ("Dat deel wil ik maandag betalen." – "Ja, € 4.812,50. Maandag 14 december, dat is
    goed."); whether that yes gave something away is the concession check's business. A
    yes that waits on someone else ("Dan noteer ik: zodra de gemeente betaald heeft, betaalt
    u …") takes nothing."""
    offer = next((t for t in reversed(turns[:index]) if t.speaker != COLLECTOR), None)
    return (offer is not None and (exact_date(offer) or offer.intent == "promise_to_pay")
            and not _on_condition(turns[index])
            and offer.intent != "deny" and not vague_date(offer)
            and not HEDGE.search(offer.text.lower())  # "… dus ik beloof niks." – "Prima."
            and bool(ACCEPT.search(turns[index].text.lower())))
