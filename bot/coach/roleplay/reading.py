"""A call's acts read in their context: what the debtor asked and what the collector had
asked for decide whether the collector's "ja" gives something away.

"Eind december. Nou ja, goed, als het dan maar geregeld wordt." after the collector asked for
Friday 11 December is a concession, though no word of it says so; "Ja hoor, dat is goed." to
a promise for Thursday is not; "Dan maken we er woensdag 16 december van." after the debtor
said "na de vijftiende" to a Friday deadline is one again. A collector who named no date
asked for payment now: within three business days, the term the tips propose. Dates already
past are dropped first: an invoice's due date is no deadline and no proposal. What counts
as the debtor asking for more is bot.coach.roleplay.debtor_asks.
"""
from __future__ import annotations

import datetime as dt
import re
from itertools import takewhile

from bot.coach.business_days import add_business_days
from bot.coach.roleplay import turns as moves
from bot.coach.roleplay.cues import (
    ACCEPT,
    CLOSING,
    EMPATHY,
    RULES,
    SAYING_BACK,
    SPARING,
    SUMMARY,
    THREAT,
    YES,
    asks_back,
    evident,
    says_back,
    summarised_in_passing,
)
from bot.coach.roleplay.debtor_asks import (
    PAYS,
    answers_ask,
    ask_stands,
    asks_more,
    mail_day,
)
from bot.coach.roleplay.terms import (
    SENTENCE_END,
    THIS_WEEK,
    VAGUE_DATE,
    ahead_only,
    amount_named,
    before_christmas,
    dates_of,
    deadline_words,
    exact_date,
    this_friday,
)
from bot.coach.roleplay.trade import (
    LESS,
    REJECTS,
    THIRD_PARTY_PAYS,
    UNASKED,
    asks_return,
    gives,
)
from bot.coach.roleplay.turns import ACCEPTANCE, COLLECTOR, Turn
from bot.coach.roleplay.written import SENDS, asks_for_invoice, resends_it, sends_invoice

# Asking the debtor to commit ("Lukt dat?", "Kunt u dat toezeggen?"), not checking what was
# agreed ("Klopt dat?").
COMMIT_QUESTION = re.compile(
    r"(\blukt (dat|het)\b|\b(kunt|kan) (u|je|ge) (dat|het|daar) (\w+ )?(toezeggen|beloven)"
    r"|\b(gaat|ga) (u|je|ge) (daarmee |daar )?akkoord|\bis dat haalbaar|\bzou dat (lukken|kunnen)"
    r"|\bgaat (dat|het) (\w+ )?lukken"
    r"|\bkunt u daarmee leven|^(\w+\W+)?is dat (goed|oké|ok|akkoord))[^.!?]*\?")
# Taking what was said as the plan ("… dan.", "Oké. …", "Eind van de maand. Oké.").
AS_PLAN = re.compile(r"\bdan\b|^(oké|ok|goed|prima|akkoord|nou ja)\b"
                     r"|[.!]\s*(oké|ok|goed|prima|akkoord)\W*$")
# Checking the debtor's story ("Klopt het dat dat geld op 28 oktober echt binnenkomt, is dat
# toegezegd?"): a question about a fact, however much its date lies past the collector's own.
CHECKS_STORY = re.compile(r"^(\w+\W+){0,2}klopt (het|dat)\b[^?]*\?"
                          r"|\bis (dat|het) (\w+ )?(toegezegd|bevestigd|zeker)\b[^?]*\?")
# Scorn put as praise ("Polen. Nou, mooi is dat."): no yes.
SCORN = re.compile(r"\b(mooi|lekker|prachtig|knap) is (dat|het)\b")
# A threat that names its term ("Als het vrijdag niet binnen is, …", "…, anders …").
TERM_OF_THREAT = re.compile(r"\b(als|zodra|anders|tenzij)\b")
NOW_DAYS = 3  # business days that still count as "now" when the collector named no date

def read_acts(turns: list[Turn], today: dt.date | None = None) -> list[Turn]:
    """Every act as ``evident`` reads it, and a collector's yes to a debtor who asks more
    than the collector asked for — a split, less, a vaguer date or a later one than the
    collector's own — read as what it is: a concession (split off when more follows in the
    same act). The ask stands until the collector answers it or the debtor takes the
    collector's term; a later date offered unasked to spare the debtor is a concession too.
    With ``today``, dates already past are dropped from the acts: an invoice's due date is
    no deadline."""
    read: list[Turn] = []
    asked_by: dt.date | None = None  # the latest date the collector asked for
    now = add_business_days(today, NOW_DAYS) if today else None  # when none was named
    pending: Turn | None = None  # the debtor's ask for more, until the collector answers
    summing_up = False  # "Dan vat ik het even samen." until the debtor speaks
    invoice_out = False  # the invoice goes out again, the collector said or the debtor asked
    held = False  # the collector answered the pending ask since the debtor last spoke
    refused: Turn | None = None  # an ask the collector held out against, until a new one
    for index, turn in enumerate(turns):
        turn = ahead_only(turn, today) if today else turn
        current = evident(turn)
        if read and read[-1].speaker == COLLECTOR and _normalises(current, read[-1]):
            current = current.read_as("")
        if summarised_in_passing(current):  # "Even op een rij, want ik zet het op de mail: …"
            read.append(current.read_as(moves.SUMMARISE))
        if current.speaker != COLLECTOR:
            answering = read[-1] if read and read[-1].speaker == COLLECTOR else None
            friday = this_friday(today) if today else None
            if asks_more(current, asked_by or now, answering, friday):
                pending, refused = current, None
            elif pending is not None and (held or not ask_stands(answering, current,
                                                                  asked_by or now)):
                refused, pending = pending if held else refused, None
            held = False
            invoice_out = invoice_out or asks_for_invoice(current.text.lower())
            summing_up = False
            read.append(current)
            continue
        if SPARING.search(current.text.lower()):  # "Dat wil ik u besparen.": a warning, then
            for i in range(len(read) - 1, -1, -1):
                if read[i].speaker != COLLECTOR:
                    break
                read[i] = _as_information(read[i])
            current = _as_information(current)
            if current.intent == moves.OFFER_CONCESSION and not dates_of(current):
                # "Dat wil ik u graag besparen, en met deze regeling hoeft dat ook niet.":
                # the wish to spare gives nothing itself
                current = current.read_as("")
        rest = list(takewhile(lambda t: t.speaker == COLLECTOR, turns[index + 1:]))
        if read and _after_yes(current, read[-1]):
            current = current.read_as(moves.SUMMARISE)
        elif current.intent == moves.SUMMARISE and (_asks_to_commit(current, rest) or (
                not summing_up and read and _continues_proposal(current, read[-1]))):
            current = current.read_as(moves.CONCRETE_PROPOSAL)
        if read and read[-1].speaker != COLLECTOR and _takes_offer_as_plan(current, read[-1]):
            current = current.read_as("")
        elif read and read[-1].speaker != COLLECTOR and _says_back_offer(current, read[-1]):
            current = current.read_as(moves.SUMMARISE)
        if summing_up and _part_of_summary(current):
            current = current.read_as(moves.SUMMARISE)
        if (current.intent == moves.SUMMARISE or _heads_summary(current)) \
                and says_back(current.text.lower()):
            summing_up, pending = True, None  # what follows says back what was agreed
        if sends_invoice(current.text.lower()):
            invoice_out = True
        elif invoice_out and current.intent == moves.ANNOUNCE_CONFIRMATION \
                and resends_it(current.text.lower()):  # "Dan zet ik hem zo in de mail."
            current = current.read_as("")
        around = [*_said_before(turns, index), *rest[:1]]  # where sparing words may stand
        if pending is not None and _gives_in(current, pending, asked_by, now, around) \
                and not _holds_firm(current, rest, asked_by or now) \
                or pending is None and (_moves_unasked(current, around, asked_by or now)
                                        or _gives_in_later(current, refused)):
            read.extend(_as_concession(current))
            pending = None
        else:
            if _waits_then_holds(current, rest, asked_by or now):
                current = current.read_as("")
            read.append(current)
            if asks_back(current):
                pending = None
            held = held or pending is not None and answers_ask(current, pending, asked_by or now)
        named = [] if mail_day(current) else _days_asked(current, today, asked_by)
        if pending is not None and REJECTS.search(current.text.lower()):
            named = [d for d in named if d not in dates_of(pending)]  # "… is mij te laat."
        asked_by = max([*([asked_by] if asked_by else []), *named], default=None)
    return read


def _days_asked(act: Turn, today: dt.date | None, asked_by: dt.date | None) -> list[dt.date]:
    """The days the collector's act asks payment by: its dates still ahead ("deze week nog,
    uiterlijk donderdag 1 juli" asks for the Thursday), else this Friday for "deze week
    nog" (also when only today is named: "Ik wil vandaag afspreken dat die deze week
    betaald wordt."), and, when no day was asked yet, the last business day before
    Christmas for "U gaat het toch wel vóór de kerst betalen?"."""
    ahead = [d for d in dates_of(act) if today is None or d >= today]  # no past due date
    if today is not None and ahead and set(ahead) == {today} and deadline_words(act):
        ahead = []
    if ahead and act.intent == moves.THREATEN:  # the term, not the day of what follows:
        #   "Als het niet vandaag binnen is, staat de deurwaarder volgende week bij u op de
        #   stoep."; "Dan gaat het naar de deurwaarder en die staat binnen een week bij u.": none
        ahead = [min(ahead)] if TERM_OF_THREAT.search(act.text.lower()) else []
    if ahead or today is None:
        return ahead
    days = [this_friday(today)] if deadline_words(act) else []
    christmas = before_christmas(act, today)
    if christmas and asked_by is None and PAYS.search(act.text.lower()):
        days.append(christmas)
    return days


def _moves_unasked(act: Turn, around: list[Turn], expected: dt.date | None) -> bool:
    """The collector names a later date than their own (or, without one, than now) unasked,
    to spare the debtor, in the act or the one just before or after it in the same turn ("Of
    weet u wat, laten we vrijdag 2 juli zeggen, dan zit u niet zo krap.", "Zullen we dan maar
    zeggen eind april?" – "Dan heeft u wat lucht.", "Zullen we gewoon zeggen na de
    feestdagen, dan heb je even rust?" – "Maandag 8 januari, 812 euro, lukt dat?"): a gift as
    well."""
    dates = dates_of(act)
    words = " ".join(t.text.lower() for t in [act, *around])
    return (expected is not None and bool(dates) and min(dates) > expected
            and bool(UNASKED.search(words)) and not asks_return(act.text.lower()))


def _said_before(turns: list[Turn], index: int) -> list[Turn]:
    """The collector's act just before ``index`` in the same turn, if any."""
    before = turns[index - 1] if index else None
    return [before] if before is not None and before.speaker == COLLECTOR else []


def _asks_to_commit(act: Turn, rest: list[Turn]) -> bool:
    """What the model read as a summary, without the words of one, ends in asking the debtor
    to commit ("Dus zeshonderdtwintig euro morgen, en de rest op 30 november. Lukt dat?",
    "Dan gaan wij ervan uit dat … Kunt u dat toezeggen?", "… op vrijdag 5 februari." – "Is dat
    goed?"): a proposal, not a summary."""
    text = act.text.lower()
    asked = COMMIT_QUESTION.search(text) or rest and COMMIT_QUESTION.search(rest[0].text.lower())
    return bool(asked) and not SUMMARY.search(text)


# "Dus …", "Dan is het dus …": the terms said back.
SAID_BACK = re.compile(rf"{SAYING_BACK}(dan (is|wordt) het )?dus\b")


def _after_yes(act: Turn, before: Turn) -> bool:
    """The terms said back with "dus" straight after the debtor's yes ("Ja, dat lukt wel." –
    "Prima. Dan is het dus vrijdag 9 juni, de 2.450 euro. Is dat goed?"): a summary, checked;
    not the same terms asked as a question ("Dus vrijdag 16 september, 1.275 euro?")."""
    return (before.speaker != COLLECTOR and (before.intent in ACCEPTANCE or bool(
        YES.search(before.text.lower()))) and bool(SAID_BACK.search(act.text.lower()))
        and not act.text.rstrip().endswith("?") and exact_date(act) and amount_named(act))


def _continues_proposal(act: Turn, before: Turn) -> bool:
    """What the model read as a summary, without the words of one, straight after the
    collector's own proposal in the same turn ("Zou u vrijdag 30 september de eerste helft
    kunnen doen, dus 925 euro? En de andere 925 euro op maandag 31 oktober.", "Drie
    termijnen kan, als de eerste dan wel deze vrijdag binnen is. Dus € 1.709,20 op vrijdag 10
    februari."): the rest of the proposal, before the debtor said yes to anything. Two
    readings stay summaries: the words of one ("Samengevat: …"), and words with no terms of
    their own ("Woensdag 7 november, 4.118,75 euro. Da's de afspraak.")."""
    return (before.speaker == COLLECTOR
            and before.intent in (moves.CONCRETE_PROPOSAL, moves.ASK_IN_RETURN)
            and (act.has("date") or act.has("amount")) and not SUMMARY.search(act.text.lower()))


def _normalises(act: Turn, before: Turn) -> bool:
    """"Dat begrijp ik. Voor een sportschool is dit de stilste tijd, dat hoor ik vaker.":
    after understanding in the same turn, "dat hoor ik vaker" says it happens to others
    too; it doubts nothing."""
    return (act.intent == moves.THREATEN and before.intent == moves.SHOW_UNDERSTANDING
            and not THREAT.search(act.text.lower()))


def _holds_firm(act: Turn, rest: list[Turn], expected: dt.date | None) -> bool:
    """The rest of the collector's turn keeps to the collector's own date, or, after a bare
    echo of the ask, turns it down or warns ("Begin volgende week. Nou, dan zet ik u op de
    lijst voor het incassobureau."): ``act`` gave nothing. A yes in words ("Goed, volgende
    week dan. Maar anders …") stays a yes."""
    echo = not ACCEPT.search(act.text.lower())
    if any(map(_presses_this_week, SENTENCE_END.split(act.text.lower().strip())[1:])):
        return True  # "Precies. Wat zou je deze week wel kunnen betalen?" presses on
    for later in rest:
        text = later.text.lower()
        if SENDS.search(text) and not (PAYS.search(text) or THREAT.search(text)):
            continue  # "Dan stuur ik hem vandaag nog een keer.": a day for the mail
        if _presses_this_week(text):
            return True
        dates = dates_of(later)
        own = expected is not None and all(d <= expected for d in dates)
        if own and (dates or echo and (THREAT.search(text) or REJECTS.search(text))):
            return True  # "Dan moet het ook echt eind van de maand zijn, anders …" takes it
    return False


def _presses_this_week(text: str) -> bool:
    """A question what the debtor can pay this week ("Wat zou je deze week wel kunnen
    betalen?"): the collector's term still stands."""
    return bool(THIS_WEEK.search(text) and PAYS.search(text)) and text.rstrip().endswith("?")


def _waits_then_holds(act: Turn, rest: list[Turn], expected: dt.date | None) -> bool:
    """A wait in words, with no day and nothing off, that the collector's own term or threat
    straight after takes back ("Dat zien we dan wel." – "Morgen betaald, anders
    deurwaarder."): defiance, no time given."""
    text = act.text.lower()
    warns = rest[:1] and (rest[0].intent == moves.THREATEN
                          or THREAT.search(rest[0].text.lower()))
    return (act.intent == moves.OFFER_CONCESSION and not dates_of(act) and bool(warns)
            and not LESS.search(text) and _holds_firm(act, rest[:1], expected))


def _as_information(act: Turn) -> Turn:
    """A warning about the firm's rules in a turn that says it is meant to spare the debtor
    ("… volgens onze algemene voorwaarden naar het incassobureau. Dat zeg ik niet om u onder
    druk te zetten.") informs; it is no threat."""
    if act.intent == moves.THREATEN and RULES.search(act.text.lower()):
        return act.read_as("")
    return act


def _heads_summary(act: Turn) -> bool:
    """"Dan stel ik vast wat wij zijn overeengekomen.": the words of a summary with no date
    or amount yet, what follows gives them."""
    text = act.text.lower()
    return (bool(SUMMARY.search(text)) and not (act.has("date") or act.has("amount"))
            and not text.rstrip().endswith("?") and act.intent not in (
                moves.THREATEN, moves.ANNOUNCE_CONFIRMATION, moves.OPEN_QUESTION,
                moves.CLOSED_QUESTION))


def _part_of_summary(act: Turn) -> bool:
    """A sentence with a date or an amount after "Dan vat ik het even samen." ("Vrijdag 18
    december maakt u € 4.000 over.") sums up as well; a good wish for tonight ("Merci, en nog
    een goeie service vanavond!") closes."""
    return (act.has("date") or act.has("amount")) and act.intent not in (
        moves.THREATEN, moves.ANNOUNCE_CONFIRMATION, moves.OPEN_QUESTION, moves.CLOSED_QUESTION,
        moves.POSITIVE_CLOSE)


ECHO_WORDS = 8  # a date and an amount said back, with no more than a word or two around them
# The debtor's offer taken as the plan ("Allez, vrijdag tweeduizend dan."): a yes, no summary.
TAKEN_AS_PLAN = re.compile(r"\bdan\W*$")


def _takes_offer_as_plan(act: Turn, offer: Turn) -> bool:
    """A summary in the model's reading or the debtor's terms said back, straight after the
    debtor's offer in a few words ending in "dan", takes that offer; it sums nothing up."""
    text = act.text.lower().strip()
    summary = act.intent == moves.SUMMARISE or _says_back_offer(act, offer)
    return (summary and len(text.split()) <= ECHO_WORDS
            and bool(TAKEN_AS_PLAN.search(text)) and not SUMMARY.search(text))


def _says_back_offer(act: Turn, offer: Turn) -> bool:
    """The debtor's date and amount said straight back ("… gaat die 1980 euro donderdag
    mee." – "Donderdag de tiende, 1980 euro."): a summary of what the debtor offered."""
    amounts = act.entities.get("amount") or []
    return (len(act.text.split()) <= ECHO_WORDS and not act.text.rstrip().endswith("?")
            and exact_date(act) and bool(amounts)
            and set(dates_of(act)) <= set(dates_of(offer))
            and set(amounts) <= set(offer.entities.get("amount") or []))


def _gives_in(act: Turn, ask: Turn, asked_by: dt.date | None, now: dt.date | None,
              around: list[Turn]) -> bool:
    """Yes to the debtor's ``ask``: in words ("Ja hoor", "vooruit dan"), by taking over the
    debtor's later date ("Nou ja, dan maandag.") or vague term ("Oké. Na de kerstvakantie
    dan."), or by moving the collector's own date (``asked_by``) later, with nothing asked
    back. ``now`` stands in for a date the collector never named. A summary in so many
    words says back what was agreed, scorn ("Nou, mooi is dat.") says no yes and thanks
    ("Bedankt, Ruud, en succes volgende week met die klus.") take no date: none of them
    gives anything."""
    text = act.text.lower()
    spared = " ".join([text, *(t.text.lower() for t in around)])
    if text.rstrip().endswith("?") and not SENTENCE_END.search(text.strip()) \
            and not PAYS.search(text) and not UNASKED.search(spared):
        return False  # "Is uw zaak dan gesloten tot half januari?" asks, gives nothing
    if act.intent in (moves.ASK_IN_RETURN, moves.THREATEN) or asks_return(text) \
            or CHECKS_STORY.search(text) or CLOSING.search(text) and not ACCEPT.search(text) \
            or REJECTS.search(text) or SCORN.search(text) or THREAT.search(text) \
            or EMPATHY.search(text) or act.intent == moves.SUMMARISE and says_back(text):
        return False  # a warning's day ("… op 5 juni overgedragen …") is no day given
    if re.search(THIRD_PARTY_PAYS, ask.text.lower()) and ACCEPT.search(text):
        return True  # "… als die corporatie vrijdag betaalt, …" – "Dat is goed. Maandag dan."
    expected = asked_by or now
    if asked_by in dates_of(act) and not ACCEPT.search(text) \
            and not re.search(THIRD_PARTY_PAYS, text):  # not the day someone else pays
        return False  # "Wij vroegen vrijdag 19 februari, woensdag de 24e is dus vijf dagen
        #               later.": weighs the two dates, takes neither
    if expected is not None and dates_of(act) and all(d <= expected for d in dates_of(act)) \
            and not _takes_over_term(text, ask):
        return False  # "Woensdag 9 december, dat is goed.": within the collector's own term
    later = {d for d in dates_of(ask) if expected is None or d > expected}
    moved = asked_by is not None and bool(dates_of(act)) and min(dates_of(act)) > asked_by
    # more than asked: "Dan kan hij dat deze week nog meenemen." – "neem gerust tot volgende
    # week vrijdag"; "vrijdag of zo" – "zal ik er vrijdag volgende week van maken?" – "Dan
    # zit ge niet zo krap."
    further = expected is not None and bool(dates_of(act)) and min(dates_of(act)) > max(
        [expected, *dates_of(ask)]) and bool(UNASKED.search(spared))
    return (bool(ACCEPT.search(text)) or further
            or (act.intent == moves.OFFER_CONCESSION and gives(text))
            or bool(later & set(dates_of(act))) or moved or _takes_over_term(text, ask))


def _gives_in_later(act: Turn, refused: Turn | None) -> bool:
    """The debtor's vague term taken as the plan after all, once the collector held out
    against it ("Eind juli. Geweldig." – "…, gaan we andere maatregelen nemen." – "Ik geef het
    door." – "Eind juli dan.")."""
    text = act.text.lower()
    return refused is not None and _takes_over_term(text, refused) and not asks_return(text)


def _takes_over_term(text: str, ask: Turn) -> bool:
    """The debtor's vague term said back in a few words as the plan ("… dan kijk ik er na
    de kerstvakantie wel even naar." – "Oké. Na de kerstvakantie dan."; "Eind van de maand
    of zo." – "Eind van de maand. Oké.", however near that end is); a bare echo ("Na de
    kerst.") doubts it, and "dan zal het wel bij ons ergens misgegaan zijn" says no time."""
    term = VAGUE_DATE.search(text)
    return (term is not None and term.group(0) in ask.text.lower()
            and len(text.split()) <= ECHO_WORDS and bool(AS_PLAN.search(text)))


def _as_concession(act: Turn) -> list[Turn]:
    """The "ja" as a concession; the sentences after it in the same act ("Goed. Dan hebben
    we afgesproken …") are read on their own when long enough to be an act or when they
    close the call ("Eind oktober. Prima. Bedankt, dag.")."""
    match = ACCEPT.search(act.text.lower())
    end = SENTENCE_END.search(act.text, match.end()) if match else None
    rest = act.text[end.end():] if end else ""
    if end is None or len(rest.split()) < 3 and not CLOSING.search(rest.lower()):
        return [act.read_as(moves.OFFER_CONCESSION)]
    return [Turn(act.speaker, act.text[:end.end()].strip(), moves.OFFER_CONCESSION, {}),
            evident(Turn(act.speaker, rest, act.intent, act.entities))]
