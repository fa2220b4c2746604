"""How the collector treats the debtor, in so many words: understanding shown (and what only
sounds like it: sorry for one's own tone, unease about calling), a friendly close, and
letting go of the goal. bot.coach.roleplay.cues reads an act with these,
bot.coach.roleplay.checks the call around it. Plain Dutch patterns, lower case.
"""
from __future__ import annotations

import re

from bot.coach.roleplay import turns as moves
from bot.coach.roleplay.terms import deadline_words
from bot.coach.roleplay.trade import ON_THE_LINE, WAITING
from bot.coach.roleplay.turns import Turn

UNDERSTANDING = re.compile(r"begrijp|snap|vervelend|lastig|naar voor u"
                           r"|kan (ik )?me (\w+ ){0,2}voorstellen"
                           r"|dank u dat|fijn dat u|goed dat u|logisch"
                           r"|sorry(?!,? dat ik (\w+ ){0,2}(stoor|bel))"
                           r"|excuses|balen|rot|niet makkelijk|ken ik|klinkt|spijt|versta ik")
# Checking a fact ("Ik bel u nu op uw mobiel, begrijp ik?", "Als ik het goed begrijp, is hij
# er morgen?"): the words of understanding, none shown.
FACT_CHECK = re.compile(r"\b(begrijp|snap|hoor) ik( dat| het| u)?( goed| nou| nu| dan)?\s*\?"
                        r"|\bals ik (het |u |dat )?goed begrijp\b|\bbegrijp ik (het|dat|u) goed\b")
# Telling the debtor what anybody knows ("Dat kost gewoon geld, dat snapt iedereen.") or what
# they ought to see ("U begrijpt toch wel dat dit een uitzondering is?"): a put-down, no
# understanding.
KNOWN_TO_ALL = re.compile(r"\b(snapt|begrijpt|weet) (toch )?iedereen\b"
                          r"|\biedereen (snapt|begrijpt|weet) (dat|toch)\b"
                          r"|\b(u|je|ge|jij|jullie) (begrijpt|snapt|begrijpen|snappen) (toch )?"
                          r"(wel |ook )?(toch )?dat\b")
# Sorry for one's own tone ("Sorry, dat was niet netjes van me."): no understanding of the
# debtor's situation.
OWN_FAULT = re.compile(r"niet (netjes|aardig|nodig) van (me|mij)|mijn (fout|schuld)"
                       r"|ik (was|ging|reageerde) (\w+ ){0,2}(te ver|te fel|fel|kortaf)")
# Understanding that stands on its own, whatever the model read ("Dat is balen.").
EMPATHY = re.compile(r"\b(ik )?(begrijp|snap) (het|dat|u|je|jullie|best|heel goed|goed|ik)\b"
                     r"|\bdat ken ik\b|\bik ken (het|dat)\b"
                     r"|vervelend|balen"
                     r"|kan (ik )?me (dat |het )?(heel |goed |best |zeker |wel |echt )*voorstellen"
                     r"|wat naar|wat rot|niet (zo )?makkelijk|ach gut|wat (een )?pech"
                     r"|(dat is|da'?s) (ook |wel |echt )?(lastig|sneu|zuur|jammer|pech|pittig)"
                     r"|(dat is|da'?s) (ook |echt )?niet (zo )?plezant"
                     r"|^(\w+\W+){0,2}(lastig|sneu|zuur|pittig) (hè|he|zeg)\b"
                     # "Geen zorgen, dat gebeurt, zeker in de zomer."
                     r"|\bgeen zorgen\W+(dat|da|zoiets) gebeurt\b"
                     r"|\bsamen met (u|je|jou|jullie) (\w+ )?uit(zoeken|te zoeken)\b"
                     r"|klinkt (als )?(een )?(flink )?(gedoe|vervelend|lastig|naar|heftig)"
                     r"|wat een gedoe|(dat is|wat) (ook )?heftig|(dat is|da'?s) (ook )?nie?t? niks"
                     r"|ambetant|\b(dat|da) versta ik\b|\bik versta (dat|het) (wel|best|goed)\b"
                     r"|kan (iedereen|de beste) (\w+ )?(gebeuren|overkomen)|overkomt iedereen"
                     r"|geloof ik (meteen|direct|graag|best|zeker)|kan ik me (goed )?indenken"
                     r"|\bdat? kan (\w+ )?gebeuren|\boei\b|(flinke|harde|zware|nare) klap"
                     r"|(ge zijt|u bent|je bent|jij bent) (\w+ )?niet de (enige|eerste)"
                     r"|gaat (bijna )?nooit (in één keer|meteen|vlekkeloos) goed"
                     r"|(u|je) bent (echt |heus )?niet de enige"
                     r"|\bspijt me\b|had (\w+ ){0,2}niet zo moeten (lopen|gaan)"
                     r"|(dat is|da'?s|heel|erg) (\w+ )?begrijpelijk"
                     r"|^(\w+\W+){0,2}(ja\W+)?(heel )?(logisch|begrijpelijk)\b(?!\W+(maar|toch)\b)"
                     r"|\bkomt (er )?(\w+ ){0,3}bij kijken\b"
                     r"|\b(gaat|glipt|schiet|raakt) er (\w+ ){0,2}(iets|wat) (mis|tussendoor"
                     r"|doorheen|zoek)\b"
                     r"|\b(dat is|da'?s|wat) een (\w+ )?(lastige|vervelende|nare|moeilijke|rotte)"
                     r" (positie|situatie|periode|tijd|toestand)\b"
                     r"|\biedereen (mag|moet|heeft) (\w+ ){0,2}(vakantie|vrij)\b"
                     # the debtor's plight shared by all ("iedereen moet weer opstarten hè")
                     r"|\biedereen (moet|moest) (\w+ )?(weer )?(opstarten|wennen)\b"
                     r"|\biedereen (wil|moet|is) (z'n|zijn|de) boeken (\w+ )?(dicht|rond|afsluiten)"
                     r"|\biedereen (zit|zat) (\w+ ){0,2}(met|krap|te springen)\b"
                     r"|\biedereen heeft (het )?(\w+ )?(druk|krap|moeilijk|zwaar|lastig)\b"
                     # "na de zomer is het bij veel bedrijven krap"
                     r"|\bbij (veel|zoveel|de meeste) (\w+ )?(bedrijven|ondernemers|zaken"
                     r"|organisaties|klanten) (\w+ ){0,2}(krap|druk|lastig|moeilijk|zwaar)\b"
                     r"|\b(is|blijft|da'?s) (\w+ ){0,2}(altijd|toch|echt) (een )?(\w+ )?gedoe\b"
                     r"|\b(dat|da) is (dan |toch |ook )?niet (uw|je|jouw|jullie) schuld\b"
                     r"|\bdat verklaart (\w+ )?(een hoop|veel|alles|het een en ander)\b"
                     r"|\b(dat is|da'?s) (ook |echt |natuurlijk )?niet (zo )?(simpel|makkelijk"
                     r"|eenvoudig)\b"
                     # "O, ja, dat is... dat is naar.", "Dat gebeurt makkelijk met twee keer
                     # hetzelfde bedrag."
                     r"|\b(dat is|da'?s) (ook |echt |wel |heel )?naar(?=\s*[.!,]|\s*$)"
                     r"|\b(dat|da|zoiets) gebeurt (\w+ )?(makkelijk|snel|vaak|wel eens|weleens)\b"
                     # others in the same boat ("Dat hoor ik vaker van praktijken, dat …"), not
                     # doubt ("… vaker van klanten, dat het al betaald is")
                     r"|\bhoor ik (wel |nu |ook )?vaker (van|bij) "
                     r"(?!(klanten|mensen|debiteuren|wanbetalers)\b)\w+")
CLOSING = re.compile(r"\b(fijne?|prettige?|goede) (dag|middag|avond|ochtend|morgen|weekend|week"
                     r"|reis|feestdagen|kerst|jaarwisseling|\w*maand)\b|bedankt(?! dat)"
                     r"|dank (u|je)( wel)?\b(?! (wel )?dat)|dank (u|je) voor"
                     r"|leuk (je|u|jullie) (weer )?(even )?(te )?(gesproken|spreken)"
                     r"|wens (ik )?(u|je|jullie)|sterkte|de groeten|graag gedaan"
                     r"|\bsucces (met|op|bij|morgen|vandaag|straks|vanavond)\b|\bveel succes\b"
                     r"|\bdank voor (uw|je|jouw|jullie)\b"
                     # "Dank je wel dat je zo meedenkt", "Als er iets is, bel je me gewoon"
                     r"|\bdank (u|je) (wel )?dat (u|je|jij|ge) (zo |even )?(mee ?denkt|meedacht)\b"
                     r"|\bals er (iets|wat) is,? (bel|mail|app) (je|u|ge) (me|mij|ons)\b"
                     r"|\bmerci\b|zet (\'?m|hem|em) op"
                     r"|\b(jij|u|gij|jullie) ook,? (doei|dag|hoor|ciao)\b"
                     r"|goeie (dag|middag|avond|morgen|reis|feestdagen|week)"
                     r"|nog (een |eventueel )?vragen|vragen (heeft|hebt|hebben)|fijn dat (we|u|je)"
                     r"|prettig (gesprek|weekend)|dank ik (u|je|jullie)\b|(fijne|prettige) dagen"
                     r"|gelukkig (nieuw ?jaar|nieuwjaar)"
                     r"|(gezond|goed) (en \w+ )?(nieuw ?jaar|20\d\d)"
                     r"|\bgeniet\b|\balaaf\b|goede start|\bveel plezier\b|\bbeterschap\b"
                     r"|\bnog een (goeie|goede|fijne|prettige|mooie) (service|dienst|avond|dag"
                     r"|middag|voorstelling|wedstrijd)\b")
# The collector's own unease about calling ("Het is een beetje vervelend, maar ik bel over
# een factuur.", "Sorry dat ik u stoor"): no understanding of the debtor's situation.
UNEASE = re.compile(r"\b(het|dit) is (\w+ ){0,3}(vervelend|lastig|ongemakkelijk)\W+(maar )?"
                    r"(ik|we|wij) bel|\b(vervelend|lastig|sorry) dat (ik|we|wij) (u |je |jullie )?"
                    r"(\w+ )?(bel|stoor)")


# Letting go of the goal out loud: no date, no hurry, wait and see.
DROPS_GOAL = re.compile(rf"{WAITING}|wachten we (\w+ ){{0,3}}(tot|af|maar)"
                        r"|wacht (u|je|jullie) (\w+ ){0,3}(tot|af|maar)"
                        r"|(wij|we) lopen (heus )?niet weg"
                        r"|\b(factuur|rekening|nota|bedrag|het|dat|die) (\w+ )?(loopt|lopen) "
                        r"(heus |toch )?niet weg"
                        r"|\bmaak(t)? (u|je) (zich|je) (\w+ ){0,3}(over|om) (de|die|deze|uw|je|het)"
                        r" (factuur|rekening|nota|betaling|bedrag)\w* (\w+ ){0,2}geen zorgen"
                        r"|zie (ik )?(het|dat) (dan )?wel\b(?! \w)|kijk (\w+ )?maar wanneer"
                        r"|hoor ik het (dan )?wel|\b(we|wij) horen het (dan )?wel\b"
                        r"|\bhoor ik (dan |het )?wel (\w+ ){0,2}wanneer (u|je|ge|jullie) "
                        r"(\w+ )?(kunt|kan|kunnen) betalen\b"
                        r"|\b(u|je|ge) moet (zich|je|u) (\w+ ){0,4}geen zorgen (\w+ )?maken\b"
                        r"|maakt (niet|niks) uit|doe (maar )?rustig( aan)?\b|komt wel goed"
                        r"|\bals (u|je|ge|jij|jullie) (er )?(aan ?toe ?komt|eraan toekomt)\b"
                        r"|laten we het (\w+ ){0,3}(zo|tot)\b|is (dan )?(eigenlijk )?wel prima"
                        r"|\blaten (we|wij) (het|dat|da) (\w+ ){0,3}liggen\b"
                        r"|niet (echt |zo'?n )?haast|laat (het|dat) (dan )?maar (even )?zitten"
                        r"|\bhet komt (later |straks )?wel\b"
                        r"|\bdan is (het|'t|dat) (\w+ )?zo\W*$"  # "Ah ja, allez, dan is 't zo."
                        # "Dan zoek ik het zelf wel even uit."
                        r"|\bzoek ik het (zelf )?wel (even )?uit\b"
                        r"|\bik bel (u |je )?(\w+ )?wel (een keer|nog eens|weer) (terug)?"
                        r"|\b(het geld|het|dat|die) komt (heus |vast |best |toch )*wel een keer\b"
                        r"|(niet|geen) druk (om|over) (te )?maken|in de wacht"
                        r"|niet (te )?forceren"
                        r"|\bbetaalt? (\w+ ){0,3}(als|wanneer|zodra) (u|je|ge|jij|jullie) "
                        r"(het )?(kunt|kan|kunnen|tijd (hebt|heeft|hebben))\b"
                        r"|\bals het (nu )?niet gaat\W+dan gaat het niet\b"
                        # "dan moet u ook niet aan ons gaan betalen voordat u zelf iets binnen
                        # heeft"
                        r"|\b(moet|hoeft) (u|je|ge) (\w+ ){0,4}niet (\w+ ){0,4}betalen "
                        r"(voordat|voor|tot) (u|je|ge) (zelf )?(iets|wat|geld)\b"
                        r"|\bbetaal\w* (\w+ ){0,2}maar (als|wanneer|zodra) het (u |je |jullie )?"
                        r"(past|uitkomt|lukt)\b"
                        r"|\bneem(t)? ((u|je|ge) )?(\w+ )?(vooral|gerust|rustig) de tijd\b"
                        r"|\b(dossier|factuur) (\w+ ){0,2}stil\b"
                        r"|\blaat (u|je|ge) (het )?maar weten wanneer\b"
                        r"|\bhoeft (het|dat) (van mij )?(\w+ )?niet (meer )?"
                        r"(volgende week|deze week|vrijdag|meteen|direct|nu)\b"
                        r"|\b(wil|ga) (ik )?(u|je|jou|jullie) (ook )?niet in de problemen"
                        r" brengen\b"
                        # the collector's own day too tight ("vrijdag is misschien ook wel erg
                        # krap voor u"), the debtor's word taken ("dan zal het wel onderweg zijn")
                        r"|\b(te|erg|nogal|wat) krap voor (u|je|jou|jullie|ge)\b"
                        r"|\bzal (het|dat|die|hij|ie|ze) (\w+ )?wel (onderweg|binnen|goed|in orde"
                        r"|geregeld|betaald) (zijn|komen|gaan)\b")

# Asking the debtor to look it up ("Kunt ge efkes in uw bank kijken?"): no proposal.
LOOK_IT_UP = re.compile(r"\b(kijken|nakijken|checken|controleren|opzoeken|navragen)\?")
# Holding to payment after understanding ("Maar ze moet wel betaald worden, hè.").
PRESSES = re.compile(r"\bmoet (\w+ ){0,3}(wel|toch|echt) (\w+ )?(betaald|binnen|voldaan)\b")


def drops_goal(turn: Turn) -> bool:
    """The collector says in so many words that the payment can wait."""
    return bool(DROPS_GOAL.search(ON_THE_LINE.sub(" ", turn.text.lower())))


def gives_way(act: Turn) -> bool:
    """A concession right after understanding, or a vague proposal that names no term
    ("Betaal maar wat u kunt."), not one that presses for this week ("Maar u kunt toch wel
    deze week iets betalen?") or that it be paid all the same ("Maar ze moet wel betaald
    worden, hè.")."""
    return act.intent == moves.OFFER_CONCESSION or act.intent == moves.VAGUE_PROPOSAL and not (
        act.has("date") or deadline_words(act) or PRESSES.search(act.text.lower())
        or LOOK_IT_UP.search(act.text.lower()))
