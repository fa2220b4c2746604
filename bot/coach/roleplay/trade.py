"""What a collector gives and what they ask back for it, in so many words.

A concession gives something the debtor asked for (time, parts, less) and is not a refusal
in the same words ("Een regeling is niet mogelijk."); a return asked is a condition on what
the debtor does ("als u vandaag de helft betaalt", "Betaalt u vandaag de helft, dan …").
bot.coach.roleplay.cues reads an act with these, bot.coach.roleplay.reading and .checks
the call around it.
"""
from __future__ import annotations

import re

from bot.coach.roleplay.turns import Turn

# A concession on top of what was traded ("die kosten laat ik ook vallen", "en weet je wat, …",
# "En die veertig euro laat ik vallen" after "In twee keer kan, als …", "En voor het
# meerwerk, ja, da zien we in januari wel.").
ADDS = re.compile(r"\book\b|bovendien|daarnaast|weet (je|u|ge|gij) wat"
                  r"|^en ((voor|wat|over) )?(die|de|het|dat|uw|jullie)\b")
# Refusing what the debtor asked ("Een betalingsregeling is volgens onze voorwaarden niet
# mogelijk.", "Korting kan ik u niet geven."): the words of a concession, not given.
REFUSED = re.compile(
    r"\bgeen (\w+ ){0,2}(korting|uitstel|regeling|betalingsregeling|termijnen|ruimte)\b"
    r"|\b(korting|uitstel|regeling|betalingsregeling|termijnen|in delen)\b[^.!?]{0,60}"
    r"\b(niet|nooit) (\w+ ){0,2}(mogelijk|toegestaan|bespreekbaar|aan de orde|geven|doen"
    r"|toezeggen|aanbieden|akkoord|meer)\b"
    # the condition that ends it ("als een termijn niet binnen is, vervalt de regeling")
    r"|\b(vervalt|vervallen) (de|die|deze|uw|onze|het|ons) (\w+ )?(regeling|afspraak|akkoord)"
    # keeping the costs ("de rente laat ik staan")
    r"|\b(rente|kosten|intrest|boete)\w* (\w+ ){0,2}(laat|laten) (ik|we|wij) (\w+ )?staan\b")
# Turning the debtor's ask down ("Begin volgende week is niks.", "Dat is te laat.").
REJECTS = re.compile(r"\b(is|zijn) niks\b|\bgaat (echt |gewoon |helaas )?niet\b"
                     r"|\blukt (\w+ )?niet\b"
                     r"|\bkan (echt |helaas )?niet\b|\bte (laat|ruim|vaag)\b"
                     r"|\bniet (akkoord|goed genoeg)\b|\bmeer (\w+ ){0,3}niet\b"
                     r"|^nee\b(?!\W+(precies|inderdaad|natuurlijk|klopt|dat klopt)\b)")
# Sparing the debtor a tight date nobody asked to move ("dan zit u niet zo krap", "dan heeft
# u wat meer lucht", "dan heb je even rust", "ge moet u niet haasten", "dan wil ik best tot de
# twintigste wachten", "dan geef ik je gewoon tot eind volgende week", "neem gerust tot
# volgende week vrijdag", "zal ik dan maar gewoon na carnaval zeggen?", "dan heeft u even de
# tijd om dat met die bank te regelen", "dan geven we jullie gewoon wat lucht").
UNASKED = re.compile(r"\b(zit|zitten|bent|zijt) (u|je|ge|jullie) "
                     r"(\w+ )?niet zo krap\b|\b(heeft|hebt|heb|hebben) (u|je|ge|jullie) (\w+ )?"
                     r"(wat |even |een beetje )?(meer )?(adem)?(lucht|ruimte|speling|rust)\b"
                     r"|\bneem (\w+ )?(gerust|rustig|maar) (\w+ ){0,2}tot\b"
                     r"|\b(zit|zitten|bent|zijt) (u|je|ge|jullie) (zeker |wel |dan )?safe\b"
                     r"|\b(zal ik|zullen we|zullen wij) (dan )?maar gewoon (\w+ ){0,4}zeggen\b"
                     r"|\bniet (zo )?(gehaast|haastig)\b"
                     r"|\b(heeft|hebt|hebben) (u|je|ge|jullie) (\w+ )?(wat|meer) tijd\b"
                     r"|\b(heeft|hebt|hebben) (u|je|ge|jullie) (\w+ )?(de|genoeg) tijd om\b"
                     r"|\b(moet|hoeft) (u|je|ge) (u |je |zich )?(\w+ )?niet (te )?haasten\b"
                     r"|\b(wil|kan) (ik|we|wij) (\w+ )?(best|wel|gerust) (\w+ ){0,4}wachten\b"
                     r"|\b(geef|geven) (ik|we|wij) (u|je|jou|jullie|ge) "
                     r"(gewoon|maar|best|wel|rustig) (\w+ ){0,2}tot\b"
                     r"|\b(geef|geven) (ik|we|wij) (u|je|jou|jullie|ge) (\w+ ){0,2}"
                     r"(lucht|ademruimte)\b"
                     r"|\bals het (echt |toch |dan )?niet lukt\W+(dan )?mag (het|dat) (\w+ )?ook\b")
# Judging the debtor's own arrangement ("Helder, dat is ook een verstandige regeling."): no
# regeling offered.
DESCRIBED = re.compile(r"\b(dat|die|het) is (\w+ ){0,2}een (\w+ )?regeling\b")
# Asking whether the debtor has questions about it ("Heeft u nog vragen over de regeling?").
ABOUT_IT = re.compile(r"\bvragen (over|bij|rond|omtrent) [^.?!]*")
# Holding the line while the debtor asks someone ("Geen haast, ik wacht wel even."): no time
# given for paying.
ON_THE_LINE = re.compile(r"(geen haast\W+)?ik (wacht|blijf) (wel )?(even|eventjes)"
                         r"( aan de lijn| hangen)?\b")
# The debtor's ask said back as a question of a word or two ("Korting?").
ECHO_QUESTION = re.compile(r"(^|(?<=[.!?…]\s))\W*\w+( \w+)?\?")
# Letting the payment wait ("geen haast", "dan bel ik volgende week wel weer", "zet ik het
# on hold", "da zien we in januari wel"): a concession here, and giving up the goal in
# bot.coach.roleplay.warmth.
WAITING = (r"geen haast|geen stress|zien we (dan |\w+ \w+ )?wel\b|laten we (\w+ ){0,8}vergeten"
           r"|bel (ik|we|wij) (\w+ ){0,4}wel (weer|nog eens|een keer)\b"
           r"|wanneer het (u |je |jullie )?uitkomt|wacht ik (\w+ ){0,3}(tot|af|maar)\b|on hold"
           r"|laten (we )?(het|dat) (\w+ )?(even |maar )?rusten"
           r"|hoeft u (\w+ )?(niks|niets) te betalen")
# Giving in, in so many words; the last line is giving in by waiting or by a sigh.
# The rest left to be seen ("… en de rest zien we dan wel."): a vague term, and a gift.
REST_LEFT_OPEN = r"\bde rest zien (we|wij) (dan |later )?(nog )?wel\b"
CONCESSION = re.compile(
    r"korting|kwijtschel|(laat|laten) .{0,30}\bvallen|(haal|halen|haalt|trek|trekken|trekt) .{0,45}"
    r"\baf\b|eraf"
    r"|niet in rekening|rekenen (we|wij|ik) (dan )?niet"
    r"|hoeft u (alleen|niet|geen)\b|\bhoeft (het|dat) (\w+ )?niet (meer )?(voor|vóór)\b"
    r"|uitstel|extra (tijd|ruimte)|(geef|geven) (ik |we |wij )?(u |jullie )?(\w+ )?(de )?"
    r"(tijd|ruimte)\b|\b(weken|weekje|dagen|maandje|maand) extra\b"
    # the verb last ("Zal ik u anders tot eind volgende week de tijd geven?"), not time to
    # look something up ("de tijd geven om het na te kijken")
    r"|\b(u|je|jou|jullie|ge) (\w+ ){0,5}(de |wat |meer |extra )?(tijd|ruimte) (\w+ )?geven\b"
    r"(?! om (\w+ ){0,3}(na te (kijken|gaan|lezen)|te (bekijken|controleren|lezen|zoeken)))"
    r"|neem (\w+ ){0,2}(de|uw|je|jullie|alle) tijd"
    r"|laat (\w+ ){0,3}(maar )?(even |nog )?liggen|(laat|laten) (\w+ ){0,3}(maar )?(even )?staan\b"
    r"|(laat|laten) (ik|we|wij|het|dat|die|ze|hem) (\w+ ){0,3}zitten|\blaat (\w+ )?maar zitten\b"
    r"|\bhoeft (\w+ ){0,2}niet (meteen|direct|per se|perse) (deze week|vandaag|nu)\b"
    r"|(laat|laten) (\w+ ){0,3}vervallen"
    r"|houden we het (dan |maar )?zo\b"
    rf"|{REST_LEFT_OPEN}"
    # later still fine ("als het wat later wordt is het ook niet erg", "dan is de week erna
    # ook nog goed")
    r"|\bals het (wat |iets |een beetje )?later wordt\b"
    r"|\b(erna|daarna) (is )?ook (nog )?(goed|prima)\b"
    r"|\b(mag|kan) ((het|dat) )?(ook )?(best|gerust|prima) (\w+ )?(de week erna|later"
    r"|een week later)\b"
    r"|(betaal|betaalt|betalen|overmaakt|overmaken)\b[^.?!]{0,30}\bals het (u |je |jullie )?"
    r"(\w+ )?uitkomt"
    r"|wanneer (u|je|ge|gij|jij|jullie) (maar )?wil(t|len)?\b"
    r"|maar (\w+ )?wat (u|je|ge|jij|jullie) (\w+ )?(kan|kunt|kunnen|lukt|missen)\b"
    r"|\b(ik|we|wij) (kan|kunnen|mag|mogen|wil|willen) (\w+ ){0,4}per (kwartaal|maand|week)\b"
    r"|(?<!hangt )(?<!zijn we )(?<!zijn wij )(?<!bent u )(?<!ben je )\ber (\w+ ){0,4}vanaf\b"
    r"|in (delen|termijnen|twee|drie|vier)|betalingsregeling|regeling|coulance"
    r"|\b(twee|drie|vier|vijf|zes|\d+) (termijnen|delen) (is|zijn|kan|mag|lukt)\b"
    r"|tegemoet ?(te )?k[ow]m"
    r"|mag u (het )?(later|in)|verleng"
    # moving the date oneself ("dan schuiven we het op naar maandag"), not "dan schuift alles
    # een week op" said of the debtor's bookkeeping
    r"|\b(ik|we|wij) (\w+ ){0,3}(op|door|ver)?schui(f|ven)\b"
    r"|\b(op|door|ver)?schui(f|ven) (ik|we|wij)\b"
    r"|\b(termijn|betaling|datum|deadline)\w* (\w+ ){0,2}(ver)?schuift\b"
    r"|\b(ver)?schuift (\w+ ){0,2}(termijn|betaling|\w*datum|deadline)"
    r"|\w*datum (\w+ ){0,3}(op|door|ver)schuiven\b"
    r"|(procent|%) (korting|eraf|af|minder)\b|(korting|eraf|af) van (\w+ )?(procent|%)"
    r"|af (mag|mogen|kan|kunt) halen"
    r"|splitsen|schrap|streep (\w+ ){0,4}door|scheelt u|in de wacht\b"
    r"|wachten we (\w+ ){0,2}(tot|af|even|maar)|als het niet anders kan"
    r"|wacht (u|je|jullie) (\w+ ){0,2}(tot|af|even|maar)"
    r"|vooruit dan|dan moet het (dan )?maar|het is niet anders|nou ja\W*goed"
    r"|\b(we|wij|ik) (willen|wil) (ook |echt )?niet moeilijk doen\b"
    r"|wordt het (dan )?maar\b|betaal (het )?maar (\w+ ){0,3}(als|wanneer|zodra)\b"
    # giving in to be rid of it ("Betaal die 1.500 dan maar, dan zijn we ervan af.")
    r"|\bbetaal (\S+ ){0,3}dan maar\b|\b(zijn|ben) (we|wij|ik|u|je) (er )?(van )?af\b"
    r"|\b(zijn|ben) (we|wij|ik) ervan af\b"
    r"|doe (het )?dan (ook )?maar|doen we dat (dan )?maar"
    r"|hoor ik het (dan )?wel (als|zodra|wanneer) (het|u|je|jullie) (weer )?(wat )?"
    r"(beter|kan|lukt)"
    rf"|{WAITING}")
# Asking something back: a condition ("als u", "mits", "in ruil") about what the debtor
# does (pays, confirms, sends, signs, names a date) — "als hij terug is" is no return.
CONDITION = re.compile(
    r"\bals (u|ge|je|jij|jullie|we|wij|ik|de|het|die|dat)\b(?! (\w+ ){0,2}niet\b)|\bmits\b"
    r"|\bals (hij|ie|ze) (\w+ ){0,4}(binnen|betaald|overgemaakt|bijgeschreven)\b"
    r"|op (één |een )?voorwaarde|in ruil"
    # another invoice paid along ("als dan ook 32-0188 meegaat")
    r"|\bals (dan )?(ook )?(factuur )?\S*\d\S* (ook )?(meegaat|mee gaat|meekomt)\b"
    r"|\b(zolang|zodra) (u|ge|je|jij|jullie|het (bedrag|geld)|de (betaling|rest|eerste|regeling))\b"
    r"|(maar )?dan (wil|vraag|verwacht|moet) ik|maar dan|verwacht ik|wil ik (dan )?wel"
    r"|wat kunt u|wat krijg ik|vraag ik|\bdan \w+ (u|je|jullie) wel\b|\bwel dat (u|je)\b"
    r"|\b(stuur|mail|bel) (me|mij) (dan )?(\w+ ){0,2}wel\b"
    # "Betaalt u …, dan …", not "Belt u ons maar als …, dan …" nor the tail of a courtesy
    # ("… een mailtje terugstuurt dat u akkoord bent, dan …")
    r"|^(\w+\W+){0,2}?(?!(weet|dat|wat|niet|met|het|tot|want) )\w+t (u|je|jullie|ge) "
    r"(?!(\w+ )?maar als\b)[^.?!]*,\s*dan\b")
COMMITMENT = re.compile(
    r"betaal|betalen|overmaak|overgemaakt|over ?te ?maken|maakt .{0,30}over|overschrij[fv]"
    r"|doorstort|binnen|aanbetaling|termijn|eerste|helft|bevestig|stuur|teken|datum|€|euro|\d|incasso"
    r"|belt|laat weten|toezeg|aanbied|teruggeven|betaalbewijs|kopie|ordernummer|regeling"
    r"|saldo|hoofdsom|voldoe|vastleg|reactie|akkoord|rest|honderd|duizend"
    r"|klaar ?zet|klaargezet|screenshot|schermafdruk"
    # pushing it through the debtor's approval ("als jij hem vandaag met voorrang neerlegt")
    r"|voorrang|neerleg|neer ?te ?leggen|doorzet|door ?te ?zetten")
TRADE = re.compile(r"tegenover|in ruil|\bonder (\w+ )?voorwaarden?\b"
                   r"|iets (van (u|je|jullie) |voor |daarvoor )?terug|wat krijg ik"
                   r"|vraag (ik|we|wij) (\w+ ){0,3}(voor |daarvoor )?terug"
                   r"|\brekenen (we|wij|ik) (daarover |daarvoor |daar |dan |wel )*(een )?"
                   r"(?!geen |niet )(\w+ )?(rente|intrest|vergoeding)\b"
                   r"|wat kunt u (ons |mij )?(bieden|doen)|\bu betaalt\b.{0,80}\bdan mag\b")
# What the debtor asks that the collector gives by saying yes: more time, parts, less.
ASKS_MORE = ("request_payment_plan", "request_discount", "request_extension")
COSTS = re.compile(r"kosten|rente|intrest|korting|boete")
# The words of asking less ("korting", "die kosten eraf", "tien procent", "minder").
LESS = re.compile(r"korting|kosten|rente|intrest|boete|\baf\b|eraf|minder|procent|%|kwijtschel"
                  r"|vallen|schrap|niet (\w+ ){0,2}(betalen|rekenen)|coulance|tegemoet|goedkoper"
                  r"|te (duur|veel|hoog)")
# The words of asking to pay in parts ("in twee keer", "per maand", "een regeling").
SPLIT = re.compile(r"termijn|\bdel(en|tjes)\b|\bdeel|\bkeer\b|regeling|\bper (maand|week|kwartaal)"
                   r"|spreid|stukje|stuk(s|ken)\b|afbetal|maandelijks|helft|\brest\b|eerst|beetje"
                   r"|\bsplits|gedeelte|\d|euro|honderd")
# Only what was owed anyway ("Maar dan wel het hele bedrag, die vierduizend?"): asking the whole
# amount on the later day asks nothing in return for it.
OWED_ANYWAY = re.compile(r"\b(hele|volledige|gehele|totale) (bedrag|som)\b|\bin één keer\b")
SOONER = re.compile(r"vandaag|morgen|\w+dag\b|week|uiterlijk|\bvoor\b|datum|\d|eerste|helft"
                    r"|bevestig|teken|stuur|mail|afspr|afgesproken")  # as agreed: on its days
# A return that costs the debtor nothing ("als je me even laat weten dat je de mail hebt
# ontvangen", "als u me een mailtje stuurt dat u het gezien heeft", "als jij me een seintje
# geeft als hij eruit is", "als ge wel het factuurnummer vermeldt bij de overschrijving", "als
# ge mij efkes uw nieuw rekeningnummer mailt", "als u mij een e-mail stuurt zodra de betaling
# de deur uit is"):
# word that something happened, a courtesy, not a trade.
TRIVIAL = re.compile(r"(\bals (u|je|jij|ge|jullie) (\w+ ){0,5})?"
                     r"\b(weten|horen|mailtje|mail|berichtje|seintje|appje|belletje) "
                     r"(\w+ ){0,2}(stuurt|sturen|geeft|geven|doet|doen)?\W*"
                     r"(dat|of|als|wanneer|zodra) (het|u|je|ge|jij|jullie|dat|hij|ze|die"
                     r"|de (\w+ )?(betaling|overboeking|overschrijving)) "
                     r"(\w+ ){0,4}(ontvangen|gekregen|gezien|betaald|overgemaakt|binnen|gedaan"
                     r"|eruit|verstuurd|de deur uit|goedgekeurd|geregeld|geboekt|ingeboekt"
                     r"|verwerkt|vertrokken|verzonden|weg|eraf|afgemeld|vrijgegeven|afgetekend"
                     r"|ligt|klaarligt|klaarstaat)\b"
                     # word by mail or phone ("als u me dan even mailt dat u hem gevonden
                     # heeft")
                     r"|\bals (u|je|jij|ge|jullie) (me|mij|ons) (dan )?(even |eventjes )?"
                     r"(mailt|appt|belt|laat weten) (dat|of|zodra) (\w+ ){0,4}(gevonden|ontvangen"
                     r"|gezien|binnen|gedaan|betaald|overgemaakt)\b"
                     # the reference on the transfer ("als ge wel het factuurnummer vermeldt")
                     r"|\bals (u|je|jij|ge|jullie) (\w+ ){0,2}(het|uw|ons|de) (factuurnummer"
                     r"|kenmerk|referentie|betalingskenmerk)\w* (\w+ ){0,3}vermeld\w*"
                     # a detail for the files ("als ge mij uw nieuw rekeningnummer mailt")
                     r"|\bals (u|je|jij|ge|jullie) (\w+ ){0,5}(uw|je|jullie|het) (nieuwe? )?"
                     r"(mobiele |vaste |directe )?"
                     r"(rekeningnummer|iban|mailadres|e-mailadres|adres|telefoonnummer|nummer)"
                     r" (\w+ ){0,4}(door)?(mailt|stuurt|geeft)\b"
                     # a reply to the collector's own mail ("als u de bevestiging even terugmailt")
                     r"|\bals (u|je|jij|ge|jullie) (\w+ ){0,8}"
                     r"(terugmailt|terugstuurt|beantwoordt)\b"
                     # a word if things change ("als je dan wel even laat weten als er iets
                     # tussenkomt")
                     r"|\bals (u|je|jij|ge|jullie) (\w+ ){0,3}(laat|laten) weten "
                     r"(als|wanneer|zodra) er (\w+ )?(iets|wat) "
                     r"(tussenkomt|tussen komt|misgaat|mis gaat|verandert)\b")
# Someone else paying first ("als zij vrijdag betalen", "mits de gemeente maandag betaalt",
# "zodra uw klant betaald heeft"): a condition the debtor does not meet, so no return asked
# and no firm agreement (bot.coach.roleplay.agreement).
THIRD_PARTY_PAYS = (r"\b(als|zodra|mits|op voorwaarde dat) (zij|ze|hij|die \w+"
                    r"|het (?!bedrag|geld|saldo|restant)\w+"
                    r"|de (?!rest|helft|eerste|tweede|factuur|termijn|bedrag|betaling)\w+"
                    r"|(mijn|onze|uw|jullie|je) (klant|opdrachtgever|afnemer)) (\w+ ){0,3}"
                    r"(betalen|betaalt|betaald hebben|betaald heeft|overmaken|overmaakt)\b")
# A hope, no condition ("Dus als het goed is dinsdag 2 mei"), or a later term said to be fine
# ("als het eind november binnen is vind ik het ook prima").
HOPING = re.compile(r"\bals (het|alles) goed (is|gaat)\b"
                    r"|\bals (het|dat|die) (\w+ ){0,4}binnen is,? (vind ik het|is het|is dat) "
                    r"(ook )?(prima|goed|oké|best)\b")
# What happens when the debtor fails ("Mist u een termijn, dan is het hele restant direct
# opeisbaar."): a sanction, not a return; a return asked before it in the same sentence
# ("dan wil ik wel dat de eerste helft er morgen is, en dat u akkoord gaat dat het restant
# direct opeisbaar is …") stays one.
SANCTION = re.compile(r"(?:(?!\ben dat\b)[^.!?])*(\b(mist|mis|missen) (u|je|jullie|ge|jij) "
                      r"(\w+ ){0,3}(termijn|betaling|afspraak)|\bopeisbaar\b)[^.!?]*")
# Paying itself: asked without a term ("maar dan moet het ook echt binnen zijn", "als u maar
# betaalt"), it is what was owed anyway, no return.
PAYING = re.compile(r"betaal|betalen|overmaak|overgemaakt|over ?te ?maken|maakt .{0,30}over"
                    r"|overschrij[fv]|doorstort|binnen|voldoe")
# A request without a term: no return for what is given ("als u het zo snel mogelijk overmaakt",
# "Als die 812 er maar komt.").
ASAP = re.compile(r"zo (snel|spoedig) (mogelijk|als)|\ber maar (komt|is)\b")
# A split the debtor proposes as a question ("als ik de helft nu betaal en de rest als die
# klant betaald heeft, is dat goed?"), whatever the model read it as.
PARTS_PROPOSED = re.compile(r"\bhelft\b.{0,60}\brest\b"
                            r"|\bin (twee|drie|vier|\d) (keer|delen|termijnen)\b")


def gives(text: str) -> bool:
    """The words of a concession that is given, not refused nor asked about ("Geen
    regeling, maar ik laat de rente vallen." gives; "Een regeling is niet mogelijk." and
    "Heeft u nog vragen over de regeling?" do not)."""
    kept = ON_THE_LINE.sub(" ", DESCRIBED.sub(" ", REFUSED.sub(" ", text)))
    kept = ABOUT_IT.sub(" ", kept)
    kept = ECHO_QUESTION.sub(" ", kept)  # "Korting? Waarom heeft u de proef goedgekeurd?"
    return bool(CONCESSION.search(kept))


def asks_for_more(turn: Turn) -> bool:
    """The debtor asks for a split, less or more time, also in a turn the model read as
    something else ("Dat is goed. En die intresten, moet dat echt?"); asking less or in parts
    needs a word for it ("Ja, goed, dat krijg ik wel rond" is no ask for a discount, "Dan
    kan ik het in maart in het bestuur brengen." none for a split)."""
    text = turn.text.lower()
    if turn.intent == "request_discount" and not LESS.search(text) \
            or turn.intent == "request_payment_plan" and not SPLIT.search(text):
        return False
    return turn.intent in ASKS_MORE or "?" in text and bool(
        COSTS.search(text) or PARTS_PROPOSED.search(text))


def asks_return(text: str) -> bool:
    """A condition about what the debtor does in return ("als u vandaag de helft
    betaalt", "mits u de regeling tekent", "wat kunt u ons bieden als …"): the commitment
    comes in or after the condition; "Dan betaal je als de bank het weer doet.", "als u
    het zo snel mogelijk overmaakt", a courtesy ("als je me laat weten dat je de mail
    hebt ontvangen") and a sanction ("Mist u een termijn, dan …") ask nothing back."""
    if OWED_ANYWAY.search(text) and not SOONER.search(OWED_ANYWAY.sub(" ", text)):
        return False
    text = re.sub(THIRD_PARTY_PAYS, " ", TRIVIAL.sub(" ", HOPING.sub(" ", text)))
    if TRADE.search(text):  # "Daartegenover vraag ik wel dat, als een termijn niet …"
        return True
    text = SANCTION.sub(" ", text)
    if not SOONER.search(text) and not COMMITMENT.search(PAYING.sub(" ", text)):
        return False  # "…, maar dan moet het ook echt binnen zijn.": only what was owed
    return not ASAP.search(text) and any(
        COMMITMENT.search(text, m.start()) for m in CONDITION.finditer(text))
