"""The words that must be there before a collector's act counts as certain moves.

The model reads a sentence's intent; for the moves that cost or earn the most points a
wrong reading is expensive ("Dank u dat u daar open over bent." read as a threat, "Dan gaat
het dossier naar de advocaat." as a concession). So the scorecard asks for evidence in the
words as well: a threat names a measure or reproaches, a concession gives something, a
return asked is a condition on what the debtor does, a confirmation is written and about
the agreement, understanding and a friendly close say so (bot.coach.roleplay.warmth), and
a question's form says whether it is open (bot.coach.roleplay.questions); what is given and
what is asked back is in bot.coach.roleplay.trade, whether a date or amount is exact in
bot.coach.roleplay.terms. Plain Dutch patterns, lower case; each says what it is evidence
of. What the call around an act adds is in bot.coach.roleplay.reading.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from bot.coach.roleplay import turns as moves
from bot.coach.roleplay.questions import question_kind, tagged_statement
from bot.coach.roleplay.terms import amount_named, exact_date
from bot.coach.roleplay.trade import TRADE, asks_return, gives
from bot.coach.roleplay.turns import COLLECTOR, Turn
from bot.coach.roleplay.warmth import (
    CLOSING,
    EMPATHY,
    FACT_CHECK,
    KNOWN_TO_ALL,
    OWN_FAULT,
    UNDERSTANDING,
    UNEASE,
)
from bot.coach.roleplay.written import confirms

THREAT = re.compile(
    r"advocaat|deurwaarder|incassobureau|incassotraject|rechter|rechtbank|dagvaard|beslag"
    r"|op slot|(zetten|leggen) .{0,40}\b(stop|stil)\b"
    r"|stoppen (we|wij|ik)|stop(gezet|zetten)|blokker|gevolgen|laatste (keer|kans)"
    # "nog steeds niet", but not of a third party in a question what then ("En wat doet u als
    # die klant op de 22e nog steeds niet betaald heeft?")
    r"|^(?!.*\bals (zij|ze|hij|die \w+|de \w+) ).*\bnog steeds niet"
    r"|alweer (niet|te laat|geen)|^alweer\W*$|(derde|tweede) keer"
    r"|\bhet kan (\w+ )?(toch )?niet (zo )?zijn dat\b"
    # reproaches put as questions or hindsight ("Hoe kan het nou dat …", "Waarom moet bij
    # jullie altijd alles zo moeilijk?", "Dat had allang geregeld moeten zijn.")
    r"|(^|[.!?] )(nou,? )?hoe kan (het|dat) (nou|nu|toch) (\w+ )?dat\b"
    r"|\baltijd alles zo (moeilijk|ingewikkeld|lastig)\b"
    r"|\b(wanneer|hoe lang) (\w+ ){0,3}(nou|nu) eens\b"
    r"|\b(dit|dat|het) ((kan|gaat) zo niet langer|zo niet langer (kan|gaat))\b"
    r"|\b(dat|het) had (al(lang)?|toch|eigenlijk|gewoon) (?!(ik|we|wij) )(\w+ )?moeten\b"
    r"|(had(den)? (u|je|jullie|ge|gij)|(u|je|jullie|ge|gij) had(den|t)?)\b.{0,60}"
    r"(moeten|mogen|kunnen)(?! (krijgen|ontvangen|horen)\b)"  # not what we owed them
    r"|\bnu is (het|'t) te laat\b|\btoen kon het (\w+ )?wel\b"
    r"|(wel|ook|best|nogal) (een beetje )?(vreemd|raar)"
    r"|niet ons probleem|uw (eigen )?probleem|gaat u betalen of niet"
    r"|grappig genoeg|altijd net (als|wanneer)|zei(den)? (u|je|jullie) (\w+ ){0,3}ook\b"
    r"|(houd|hou|houden) .{0,30}\blevering\w* .{0,10}\btegen|levering\w* tegen"
    r"|\b(speelt|spelen|speelde) (\w+ ){0,3}spel(letje|leke)?\b"
    r"|\b(we|wij) (stoppen|staken) (\w+ ){0,2}(levering|leveranties|diensten)"
    r"|(u|je|ge|gij|jij|jullie) (bent|zijt|zijn|is) (\w+ )?altijd (te )?laat"
    r"|elke keer (is er )?(weer )?(iets|wat)\b|daar gaan we weer|\bwat is er nu weer\b"
    r"|\b((hebt|heeft|had) (ge|u|je|jullie)|(ge|u|je|jullie) (hebt|heeft|had)) (dat|het) "
    r"(\w+ ){0,3}ook (al )?gezegd\b"
    r"|\bwaarom (betalen|betaalt|doen|doet) (jullie|u|je|ge) (\w+ ){0,2}(nooit|altijd)\b"
    r"|\baltijd (iemand|een) ander\w* (z'n|zijn|'s)? ?schuld\b"
    r"|\bal (twee|drie|vier|vijf|zes|\d+) keer (ge)?(beld|bel|gemaild|gevraagd)\b"
    r"|\b(moesten|moest) (we|wij|ik) (\w+ ){0,2}(twee|drie|vier|vijf|\d+) keer "
    r"(\w+ )?(bellen|mailen)\b"
    r"|\b(jullie|u|je|ge) (bent|zijn|zijt|is) (\w+ )?niet (de|het) (snelste|beste) betaler"
    r"|^anders (\w+ ){0,2}(haal|zet|stop|neem|leg|stuur) (ik|we|wij)\b"
    r"|\banders (hoort|horen) (u|je|jullie|ge|gij) (\w+ )?van (ons|mij)\b"
    r"|\banders weet (u|je|ge|jij|jullie) (wel )?wat er (\w+ )?(gebeurt|gaat gebeuren)\b"
    # "Als het morgen niet binnen is, halen we de bus op."
    r"|\bals (het|dat|u|je|ge) (\w+ ){0,3}niet (\w+ ){0,2}(binnen|betaald|betaalt|overmaakt)\b"
    r"[^.?!]{0,12}\b(halen|nemen|zetten|stoppen|sluiten) (we|wij|ik)\b"
    # a consequence spelled out ("Dan kunt u morgen niet eens meer rijden."), a sneer ("Er is
    # bij jullie ook altijd wel iemand weg, hè", "bij een normaal bedrijf")
    r"|\b(kunt|kan) (u|je|ge|jullie) (\w+ ){0,2}niet eens meer\b"
    r"|\baltijd wel (iemand (\w+ )?(weg|ziek|afwezig|op vakantie)|een (reden|excuus|smoes))\b"
    r"|\bbij een normaal bedrijf\b"
    r"|\b(steeds|altijd|elke keer|telkens) (weer )?hetzelfde (verhaal|liedje|riedeltje) "
    r"(bij|met) (jullie|u|je)\b"
    # a lecture or weariness ("wij zijn geen bank", "ik ga niet weer achter u moeten bellen")
    r"|\bgeen (nette|fatsoenlijke|correcte) manier van zakendoen\b"
    r"|\b(wij|we) leveren,? en (u|jullie|je|ge) betaal?t niet\b"
    r"|\b(uw|je|jullie) eigen verantwoordelijkheid\b"
    r"|\btoch (uw|je|jullie) verantwoordelijkheid\b"  # "da's toch uw verantwoordelijkheid"
    r"|\b(u|je|ge|jij|jullie) (gaat|gaan) (me|mij) toch niet vertellen\b"
    r"|\b(ben|zijn) (het|'t) (\w+ ){0,4}zat\b|\b(andere|verdere|zwaardere) maatregelen\b"
    r"|\bwordt het (\w+ ){0,4}(een stuk |veel |flink )?duurder\b"
    r"|\b(wij|we) zijn geen bank\b|\bzaken (\w+ )?(beter )?op orde\b|\bons probleem niet\b"
    r"|\b(niet )?(weer|opnieuw|nog eens|nog een keer) achter (u|je|jou|jullie) aan"
    r"|\bniet (weer|opnieuw|nog eens|nog een keer) achter (u|je|jou|jullie) (\w+ ){0,2}bellen"
    # why the debtor never called ("Waarom heeft u dan nooit even gebeld?")
    r"|\bwaarom (heeft|hebt|heb|had|hadden) (u|je|ge|jullie) (dan |toen )?(nooit|niet eens) "
    r"(even |eens )?(gebeld|gereageerd|gemeld|iets laten horen|laten weten)")
# Doubting the debtor's story ("Dat hoor ik vaker."): a reproach, unless the same sentence
# shows understanding ("Dat hoor ik wel vaker, zo'n bankoverstap gaat nooit in één keer goed.").
DOUBT = re.compile(r"hoor ik .{0,30}vaker|hoor ik elke keer|hoor ik (\w+ ){0,3}bij (elk|ieder)"
                   r"|zeggen ze (nou )?allemaal"
                   r"|zegt (nou )?iedereen"
                   r"|\b(zag|hoorde|las) (ik )?anders\b|\bhoorde ik (\w+ ){0,3}ook al\b")
# A warning about the firm's own rules or a step it regrets, said to spare the debtor
# ("volgens onze algemene voorwaarden gaat het dan naar het incassobureau. Dat wil ik u graag
# besparen.", "… moeten we het dossier helaas overdragen. Dat wil ik u liever besparen.", "…
# volgens onze vaste procedure overgedragen. Dat is geen dreigement, zo werkt het bij ons.",
# "Ik wil u wel eerlijk zeggen hoe het bij ons verder loopt: … Dat is een vaste procedure,
# dat beslis ik niet zelf."):
# informing, not threatening, when both the rule or regret and the wish to spare or to
# inform are said.
RULES = re.compile(r"volgens (onze|de) (\w+ )?(voorwaarden|regels|afspraken|procedure|werkwijze)"
                   r"|\bhoe het (bij ons |hier )?(verder )?(loopt|gaat|werkt)\b"
                   r"|\bhoe (onze|de) (\w+ )?(procedure|werkwijze|regels?) (\w+ )?"
                   r"(werkt|werken|loopt)\b"
                   r"|\bhelaas\b|genoodzaakt"
                   r"|\bmoet (ik|we|wij) (\w+ ){0,4}(overdragen|uit handen geven)")
# The firm's procedure said as a plain fact ("…, gaat het dossier volgens onze vaste procedure
# naar het incassobureau."), with nothing harsh added to it (costs, the bailiff at the door,
# no more deliveries, "dat beloof ik u"): informing, not threatening, even unsoftened.
PROCEDURE = re.compile(r"\bvolgens (onze|de) (vaste |gebruikelijke |normale |standaard )?"
                       r"(procedure|werkwijze|voorwaarden|regels)\b")
HANDED_OVER = re.compile(r"\b(ons |een |het |onze )?(extern\w* )?(incassobureau|incassotraject"
                         r"|incassopartner)\b")
HARSH = re.compile(r"kosten|duurder|dubbel|beloof|stoep|lever|slot|zwart|\bluister\b|beslag"
                   r"|rechter|faillissement|deurwaarder|vergeten|fluiten|\bzat\b")
SPARING = re.compile(r"voorkomen|besparen|behoeden|niet om (u|je|jullie) (onder druk|bang)"
                     r"|\bniet op uit(komen|draaien)\b|\bis dat (ook )?niet nodig\b"
                     r"|waar (u|je|jullie) aan toe (bent|bén|is)"
                     r"|\b((dat|het) is|da'?s) geen (dreigement|dreiging|bedreiging)\b"
                     r"|\bzo werkt (het|dat) (\w+ ){0,2}(bij ons|nu eenmaal|gewoon)\b"
                     r"|\b(dat|het) is (een |onze )?vaste procedure\b|\bbeslis ik niet (zelf)?\b"
                     r"|\b(zeg|vertel) (ik )?(het|dat) (u|je|jullie) (\w+ )?liever nu\b"
                     r"|\b(dat|het) (zeg|vertel) ik (u|je|jullie) (\w+ )?liever "
                     r"(nu|vooraf|meteen)\b"
                     r"|\bik (wil|ga) (ook |wel |u )?eerlijk (zijn|tegen (u|je|jullie) zijn)\b"
                     r"|\b(wil|zeg) ik (u |je |jullie )?(\w+ )?eerlijk zeggen\b"
                     r"|\bik wil (het|dat) (u |je |jullie )?(wel |ook )?eerlijk zeggen\b"
                     r"|\bdaar gaan (we|wij|ik) (\w+ )?niet van uit\b"
                     r"|\bdat wil niemand\b"
                     r"|\b(dat|die) willen (we|wij) (allebei|alle twee|geen van beiden) (liever )?"
                     r"(niet|voorkomen)\b"
                     r"|\bzodat (u|je|ge|jullie) weet hoe het (\w+ )?(loopt|gaat|werkt)\b"
                     # "… naar ons incassobureau. Maar dat gaat vast goed."
                     r"|\bmaar (dat|het) (gaat|komt) (vast|vast wel|zeker) goed\b"
                     r"|\b(dat|het) zal (vast |wel )?niet nodig zijn\b")
SUMMARY = re.compile(r"samenvat|samengevat|samen te vatten|vat .{0,20}samen|op een rij"
                     r"|even herhalen|herhaal"
                     r"|nog even (kort )?(terug|na)|(we|wij) spreken (dus )?af"
                     r"|spreken (we|wij) (dus )?af"
                     r"|dus (we hebben|afgesproken)|afgesproken is|voor de duidelijkheid"
                     r"|resumerend|als ik het (goed )?(samenvat|begrijp)"
                     r"|(noteer|schrijf) (ik )?(het |dat )?(dus |als volgt|zo op)"
                     r"|noteer ik\s*:|\bik noteer\s*:"
                     r"|\bstel (ik|we|wij) (\w+ )?vast wat|wat (we|wij) (zijn )?overeengekomen"
                     r"|\blees (ik|we) (\w+ ){0,4}(voor|terug)\b")
# The words a saying back may open with ("Goed. Dus …", "Prima. Dan is het dus …").
SAYING_BACK = r"^(?:(?:goed|oké|ok|prima|mooi|top|fijn|helder|akkoord)\W+)*"
# "Goed. Dus woensdag 16 december € 4.118,73 voor factuur 2026.0918.": the agreement said
# back, with its date and amount, after it was made.
SAYS_BACK = re.compile(rf"{SAYING_BACK}dus\b(?!.*\?\s*$)")
# The same, checked with the debtor ("Dus u betaalt € 2.178,00 uiterlijk vrijdag 18 juni, klopt
# dat?").
CHECKED_BACK = re.compile(rf"{SAYING_BACK}dus\b.*[,.]\s*(klopt dat|toch|is dat (juist|correct))"
                          r"\?\s*$")
# Putting a proposal ("Dan stel ik voor dat u …", "Zullen we afspreken dat …").
PROPOSES = re.compile(r"\bstel (ik|wij|we) (u |je |jullie )?voor\b|\b(mijn|ons) voorstel\b"
                      r"|\b(zullen|kunnen) (we|wij) (dan )?afspreken\b")
# What a statement of purpose is about ("O, leuk! Graag!" is none).
ABOUT_THE_DEBT = re.compile(r"factuur|rekening|nota|bedrag|betal|openst|achterstand|vervallen"
                            r"|herinnering|aanmaning|euro|€|\d|termijn|afspr|regelen|bel|binnen|wacht|weken"
                            r"|uiterlijk|vandaag|morgen|week|dag\b|maand|kerst|geld|schuld")
# Why the collector calls, in so many words ("Ik bel over uw achterstand.").
PURPOSE = re.compile(r"\b(?:ik|wij|we) bel(?:len)? (?:u |je |jou |jullie )?(?:even |eigenlijk )*"
                     r"(?:over|in verband met|vanwege|naar aanleiding van|omdat|voor)\b"
                     r"|(?:\bhet|'t) (?:gaat|is) (?:weer |even |nog )?(?:om|over|voor) "
                     r"(?:uw |je |de |onze )?(?:openstaande )?"
                     r"(?:factuur|rekening|nota|achterstand)")
# Saying yes to what was asked, at the start of a sentence ("Ja hoor, maandag is ook goed.",
# "Eind december. Nou ja, goed, …") or after the day said back ("Woensdag 9 december, dat is
# goed."); a bare "ja" or "oké" is only listening.
ACCEPT = re.compile(r"(^|[.!?…]\s+)(eh\W*|ehm\W*|nou\W*|oké\W*|ok\W*|ah\W*|allez\W*)*"
                    r"(ja\W*)?(helemaal\W*)?(hoor|prima"
                    r"|goed|perfect"
                    r"|akkoord|afgesproken|top|mooi|dat kan"
                    r"|((dat|'t|het) is|da'?s) (ook )?(goed|prima|akkoord)"
                    r"|\w+ is ook (goed|prima|akkoord)|precies"
                    r"|dat vind ik goed|vooruit|nou ja\W*goed|is goed|dan doen we dat"
                    r"|doe (dan |dat |het )?maar|dat (moet|zal|mag) (wel |ook )?kunnen"
                    r"|dan (moet|zal) (dat|het) (dan )?maar"
                    r"|dat is (correct|juist)|dat klopt(?![\s,]*maar))\b"
                    r"|,\s*(prima|(dat is|da'?s) (ook |helemaal )?(goed|prima|akkoord)|dat kan"
                    r"|akkoord"
                    r"|afgesproken|maar goed)(\W*$|,)")
# The debtor's yes to what was just proposed ("Ja, ja, gewoon alles.", "Dat lukt wel."),
# whatever the model read; "ja, maar …" is no yes.
YES = re.compile(r"^(?:(?:eh|ehm|nou|oké|ok|o)\W+)*(?:ja|jawel|jazeker|prima|akkoord|afgesproken"
                 r"|mooi|perfect|uitstekend|(dat |da )?klopt"
                 r"|goed|is goed|dat is goed|dat kan|dat lukt|dat moet lukken|doen we|top|zeker"
                 r"|oké|ok)\b(?![\s,]*maar\b)")
QUESTIONS = (moves.OPEN_QUESTION, moves.CLOSED_QUESTION)
# The collector's sentence opens with sending it in writing ("Ik stuur u een mailtje met die
# afspraak: … zodra …"): a confirmation, whatever condition it then repeats.
MAILS_FIRST = re.compile(r"^(\w+\W+){0,2}(ik|wij|we) (stuur|zet|mail|bevestig)")


def evident(turn: Turn) -> Turn:
    """The collector's act with its intent set by the evidence in its words: a threat, a
    written confirmation or a summary named in so many words is one, whatever the model
    read; so are understanding, a friendly close and the form of a question
    (bot.coach.roleplay.questions); a threat, concession, confirmation, show of
    understanding or return asked without its words is not (intent ""), nor is a question
    without a question mark in a punctuated line, nor a summary that sets a condition.
    Debtor acts are returned as they are."""
    if turn.speaker != COLLECTOR:
        return turn
    text = turn.text.lower()
    intent = turn.intent
    kind = question_kind(text)
    if threatens(text):
        intent = moves.THREATEN
    elif THREAT.search(text) and intent in (moves.THREATEN, moves.ASK_IN_RETURN):
        intent = ""  # the procedure said as a fact informs; it asks nothing back
    elif MAILS_FIRST.search(text) and confirms(text):
        intent = moves.ANNOUNCE_CONFIRMATION  # "Ik stuur u een mailtje met die afspraak: …"
    elif intent == moves.ASK_IN_RETURN and asks_return(text):
        pass
    elif intent == moves.STATE_PURPOSE and asks_return(text) and not PURPOSE.search(text):
        intent = moves.ASK_IN_RETURN  # "Dan ga ik akkoord met maandag, maar daar vraag ik …"
    elif confirms(text):
        intent = moves.ANNOUNCE_CONFIRMATION
    elif intent == moves.SUMMARISE and text.rstrip().endswith("?") and not says_back(text) \
            and not tagged_statement(text):  # "Dus maandag, en dan het hele bedrag?"
        intent = moves.CLOSED_QUESTION
    elif SUMMARY.search(text) and (turn.has("date") or turn.has("amount")) \
            or (SAYS_BACK.search(text) or CHECKED_BACK.search(text)) and exact_date(turn) \
            and turn.has("amount"):
        intent = moves.SUMMARISE
    elif intent == moves.STATE_PURPOSE and PROPOSES.search(text) and exact_date(turn) \
            and amount_named(turn):  # "Dan stel ik voor dat u … vrijdag € 3.612,50 …"
        intent = moves.CONCRETE_PROPOSAL
    elif intent == moves.SUMMARISE and asks_return(text):
        intent = moves.ASK_IN_RETURN
    elif gives(text) and not asks_return(text) and kind != "open":  # not "Hoe is die extra
        intent = moves.OFFER_CONCESSION  #                               tijd ontstaan?"
    elif UNEASE.search(text):  # "Het is een beetje vervelend, maar ik bel over …"
        intent = moves.STATE_PURPOSE if PURPOSE.search(text) else ""
    elif kind is None and EMPATHY.search(FACT_CHECK.sub(" ", text)):
        intent = moves.SHOW_UNDERSTANDING
    elif kind in ("social", "factual") or (intent in QUESTIONS and "?" not in text
                               and text.rstrip()[-1:] in (".", "!")):
        intent = moves.STATE_PURPOSE if kind is None and PURPOSE.search(text) else ""
    elif kind == "open" and not (intent in _NEEDS_WORDS and _NEEDS_WORDS[intent](text)
                                 and intent != moves.STATE_PURPOSE):
        intent = moves.OPEN_QUESTION  # "Hoe komt het dat …?" read as a threat is a question
    elif kind == "closed" and intent in (moves.OPEN_QUESTION, moves.SUMMARISE):
        intent = moves.CLOSED_QUESTION
    elif kind is None and CLOSING.search(text) and (intent != moves.SHOW_UNDERSTANDING
                                                    or not UNDERSTANDING.search(text)):
        intent = moves.POSITIVE_CLOSE
    elif kind is None and PURPOSE.search(text) and (intent in (
            "", "nlu_fallback", moves.INTRODUCE, moves.SUMMARISE)
            or intent == moves.CONCRETE_PROPOSAL and not turn.has("date")):
        intent = moves.STATE_PURPOSE
    elif intent in _NEEDS_WORDS and not _NEEDS_WORDS[intent](text):
        intent = ""
    return turn if intent == turn.intent else turn.read_as(intent)


_NEEDS_WORDS = {
    moves.THREATEN: lambda text: threatens(text),
    moves.STATE_PURPOSE: lambda text: bool(PURPOSE.search(text) or ABOUT_THE_DEBT.search(text)),
    moves.OFFER_CONCESSION: lambda text: gives(text),
    moves.ANNOUNCE_CONFIRMATION: lambda text: confirms(text),
    moves.SHOW_UNDERSTANDING: lambda text: bool(UNDERSTANDING.search(FACT_CHECK.sub(" ", text)))
    and not (OWN_FAULT.search(text) and not EMPATHY.search(text)) and not KNOWN_TO_ALL.search(text),
    moves.ASK_IN_RETURN: lambda text: asks_return(text),
    moves.POSITIVE_CLOSE: lambda text: bool(CLOSING.search(text))}


# "… vaker, in de transport", "… vaker bij ondernemers", "… vaker deze maand", "na de zomer
# is het bij veel bedrijven krap, dat hoor ik vaker": it happens to others too, or at this
# time of year.
ELSEWHERE_TOO = re.compile(r"vaker,? (hoor,? |hè,? )?(in|bij|met|van) "
                           r"|\bbij (veel|zoveel|de meeste|meer) (\w+ )?(bedrijven|klanten"
                           r"|ondernemers|zaken|mensen|organisaties)\b"
                           r"|vaker,? (\w+ )?(rond )?deze (tijd|maand|periode|week|weken|dagen)\b"
                           r"|\bdeze (tijd|maand|periode|week|weken|dagen) (\w+ )?vaker\b")
# Laughing along ("Haha, dat hoor ik vaker, die krijgen we altijd als laatste terug."): a joke.
LAUGH = re.compile(r"\b(haha|hihi|hehe)\w*")


def threatens(text: str) -> bool:
    """A threat, a reproach or doubt of the debtor's story, not the firm's procedure said as a
    plain fact (``PROCEDURE``)."""
    plain = PROCEDURE.search(text) and not HARSH.search(text) \
        and not THREAT.search(HANDED_OVER.sub(" ", text))
    return bool(THREAT.search(text)) and not plain or doubts(text)


def doubts(text: str) -> bool:
    """Doubting the debtor's story out loud ("Dat hoor ik vaker, dat iedereen al betaald
    heeft."), not the same words said to show that it happens to everyone ("Dat hoor ik
    vaker hoor, in de transport.")."""
    return bool(DOUBT.search(text)) and not EMPATHY.search(text) \
        and not ELSEWHERE_TOO.search(text) and not LAUGH.search(text)


def asks_back(act: Turn) -> bool:
    """A return asked, also inside a proposal or summary ("Als u morgen € 2.000 overmaakt,
    ga ik akkoord met …", "Daar staat wel tegenover dat …"); a threat or a warning is no
    return, nor is an open question unless it asks what the debtor offers ("Wat kunt u
    daar tegenover zetten?")."""
    text = act.text.lower()
    if act.intent == moves.OPEN_QUESTION or question_kind(text) == "open":
        return bool(TRADE.search(text))  # "Hoe zie je dat, als dat geld binnen is?"
    return act.intent == moves.ASK_IN_RETURN or (act.intent != moves.THREATEN
                                                 and not THREAT.search(text)
                                                 and asks_return(text))


def summarised_in_passing(act: Turn) -> bool:
    """A written confirmation that also sums up the agreement with its date and amount
    ("Dan even op een rij, want ik zet het ook op de mail: vandaag € 1.000, …"): two acts
    in one sentence."""
    return (act.intent == moves.ANNOUNCE_CONFIRMATION and bool(SUMMARY.search(act.text.lower()))
            and exact_date(act) and amount_named(act))


def says_back(text: str) -> bool:
    """A summary in so many words ("Dan vat ik het samen: …", "Goed. Dus maandag …")."""
    return bool(SUMMARY.search(text) or SAYS_BACK.search(text))


def has_phrase(text: str, phrases: Iterable[str]) -> bool:
    """One of ``phrases`` as a word or words of its own in ``text`` (any case, any spaces)."""
    lowered = " ".join(text.lower().split())
    return any(re.search(rf"(?<!\w){re.escape(p)}(?!\w)", lowered) for p in phrases)
