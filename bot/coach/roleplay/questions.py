"""Whether a collector's question is open, closed or small talk, from its form.

The model reads "Maar die staat daar toch los van?" as an open question and "En als hij
dan aftekent, hoe snel wordt er dan betaald?" as a vague proposal; a trainer goes by the
form. A question that starts with a question word (after fillers, a preposition or a
leading "als …," clause) lets the debtor explain: open. One that starts with the verb, or
that leans on "toch" / "hè" / "of niet", asks for yes or no: closed — unless it asks to
tell or explain ("Kunt u mij vertellen wat er speelt?"). "Hoe is het?" and "Met wie spreek
ik?" are small talk, and so are "Hoe is het met Bobbie, loopt hij alweer?" and "Hoe
bevalt die nieuwe lichtbak eigenlijk?". "Wat als we
tien procent eraf doen?" starts with a question word but puts a proposal to yes or no:
closed, and "Waarom hoor ik dat nu pas?" is a reproach: closed too. "Op welke datum
precies?" asks for a fact off a paper: factual, not open.
"""
from __future__ import annotations

import re
from typing import Literal

QuestionKind = Literal["open", "closed", "social", "factual"]
SENTENCE_BREAK = re.compile(r"(?<=[.!?…])\s+")  # between the sentences of a turn
SHORT_WORDS = 3  # a sentence this short leads into or tags onto the one that matters

_FILLERS = (r"(?:(?:en|maar|dus|oké|ok|okay|ah|aha|nou|goed|ja|nee|tja|eh|ehm|uh|oh|o|hé|hey|want"
            r"|dan|zeg|kijk|prima|mooi|leuk|fijn|helder|duidelijk|hm|hmm)\b[,.!…]*\s+)*")
_LEAD_CLAUSE = r"(?:(?:als|zodra|stel dat|nu|omdat|voordat|nadat)\b[^,?]{0,80},\s*)?"
_PREPOSITION = r"(?:(?:naar|met|bij|voor|van|op|tot|vanaf|aan|over|om|in|door|uit)\s+)?"
_QUESTION_WORD = (r"(?:wat|wie|wiens|waar\w*|wanneer|waarom|hoe\w*|welke?|in hoeverre"
                  r"|hoeveel)\b")
_LEAD_IN = r"(?:\w+(?:\s+\w+){0,3},\s*)?"  # "Ik bel even, hoe staat 't ermee?"
OPEN_START = re.compile(rf"^{_FILLERS}{_LEAD_IN}{_LEAD_CLAUSE}{_PREPOSITION}{_QUESTION_WORD}")
FINITE_VERB = (r"(?:kan|kun|kunt|kunnen|kon|konden|is|zijn|ben|bent|was|waren|heeft|hebt|heb"
               r"|hebben|had|hadden|zou|zouden|zal|zult|zullen|wil|wilt|willen|gaat|gaan|ga|moogt"
               r"|komt|komen|klopt|kloppen|mag|mogen|moet|moeten|weet|weten|denkt|denk|doet"
               r"|doen|staat|lukt|zit|ligt|krijgt|krijg|ziet|vindt|begrijpt|snapt|herkent"
               r"|spreek|spreekt|hoort|betaalt|maakt|stuurt|belt|wordt|worden|heb)")
CLOSED_START = re.compile(rf"^{_FILLERS}{FINITE_VERB}\b")
# A statement said as a question ("Oké, dus u zou een deel wel meteen kunnen doen?"): yes or
# no; with a check after it ("Dus u betaalt vrijdag, klopt dat?") its form says nothing.
DECLARATIVE = re.compile(rf"^{_FILLERS}(?:u|je|jij|ge|gij|jullie|hij|zij|ze) {FINITE_VERB}\b"
                         r"(?![^?]*,\s*(?:klopt dat|is dat (?:zo|juist|correct))\s*\?)")
# Leaning towards its own answer ("…, toch?", "Die is ergens blijven hangen, denk ik?").
LEANING = re.compile(r"\btoch\b|\bhè\b|\b(denk|neem|vermoed|gok) ik( aan)?\W*$")
TAG = re.compile(r",?\s*\b(?:toch|of niet|niet dan|hè|he|ja)\s*\?+$")
TELL_ME = re.compile(rf"\b(?:vertellen|uitleggen|toelichten|aangeven|beschrijven)\b"
                     rf"|^{_FILLERS}weet (?:u|je|gij|ge) {_QUESTION_WORD}(?!\s*[,!])"
                     rf"|\b{_QUESTION_WORD}.*\b(?:vertellen|uitleggen|toelichten)\b"
                     rf"|^{_FILLERS}mag ik (?:u |je )?(?:\w+ )?vragen[:,]? {_QUESTION_WORD}")
PROPOSING = re.compile(rf"^{_FILLERS}(?:wat als|wat dacht (?:u|je|jij|gij|ge) (?:van|ervan)"
                       rf"|wat zegt (?:u|je|gij|ge) (?:van|ervan) als|hoe klinkt dat)\b")
# "Waarom heeft u die proef dan goedgekeurd?", "Waarom zou ik dat geloven?", "Waarom moet ik
# daar nou weer de dupe van worden?", "Waarom hoor ik
# dat nu pas?", "Waarom moet bij
# jullie altijd alles zo moeilijk?", "Hoe kan het nou dat jullie drie herinneringen laten
# liggen?": a reproach put as a question, which asks for no explanation.
REPROACH = re.compile(rf"^{_FILLERS}waarom\b[^,]*\b(?:dan|niet|nooit|toch|altijd|nu pas|pas nu)\b"
                      rf"|^{_FILLERS}waarom zou (?:ik|ik u|ik dat|we|wij) (?:\w+ )?geloven\b"
                      rf"|^{_FILLERS}waarom\b[^,]*\b(?:nou weer|de dupe)\b"
                      rf"|^{_FILLERS}hoe kan (?:het|dat) (?:nou|nu|toch) (?:\w+ )?dat\b")
SOCIAL = re.compile(rf"^{_FILLERS}(?:hoe (?:is|gaat)(?: het)?(?: met (?:u|je|jou|jullie))?"
                    rf"(?: ermee| daar| bij jullie)?(?: vandaag)?"
                    rf"|alles goed(?: daar| met (?:u|je))?"
                    rf"|met wie (?:spreek|heb) ik(?: het genoegen)?)\s*\?*$"
                    # small talk after "hoe is 't" ("Hoe is 't, weer lekker begonnen?")
                    rf"|^{_FILLERS}hoe (?:is|gaat) (?:het|'t),\s+(?!en\b|maar\b)"
                    rf"(?![^?]*\b(?:wanneer|wat|waarom|hoeveel|welke?)\b)[^?]*\?$"
                    rf"|^{_FILLERS}hoe (?:bevalt|bevallen) (?:de|die|het|dat|uw|je|jullie) "
                    rf"|^{_FILLERS}hoe (?:is|gaat) (?:het )?met "
                    rf"(?!de |het |die |dat |uw |je |jullie |onze |ons )\w+,")

# Asking for a fact to read off a paper ("Op welke datum precies?", "Welk factuurnummer
# staat in de omschrijving?", "Welk bedrag heeft u dan overgemaakt?", "Op welk adres?",
# "Wat is jullie nieuwe adres precies?", not "Naar welk adres gaan jullie facturen normaal
# gesproken?") or for who does a task ("Wie doet dat bij u als Geert er niet is?"): it lets
# the debtor explain nothing; "Welke datum kunt u toezeggen?" asks them to commit and "Welke
# datum heeft de klant u genoemd?" to tell.
FACTUAL = re.compile(rf"^{_FILLERS}{_PREPOSITION}welke? (\w+ )?(factuurnummer|nummer"
                     rf"|rekeningnummer|iban|kenmerk|omschrijving|mededeling|referentie"
                     rf"|ordernummer|bedrag)\b(?![^?]*\b(kunt|kan|kunnen|zou|zouden|wilt|wil|lukt"
                     rf"|past|haalbaar)\b)"
                     rf"|^{_FILLERS}{_PREPOSITION}welke? (datum|dag|adres|mailadres|e-mailadres)"
                     rf"( \w+)?\?$"
                     # "Wat is jullie nieuwe adres precies?"
                     rf"|^{_FILLERS}wat is (uw|jullie|je|jouw|het) (\w+ )?(adres|mailadres"
                     rf"|e-mailadres|telefoonnummer|rekeningnummer|iban)\b"
                     # asking to be put through ("Met wie kan ik daarover spreken?")
                     rf"|^{_FILLERS}met wie (kan|moet|mag) ik (\w+ ){{0,2}}(spreken|zijn|praten)\b"
                     rf"|^{_FILLERS}wie (doet|regelt) (dat|dit|het|die) (\w+ ){{0,3}}als\b")


def tagged_statement(text: str) -> bool:
    """A statement with a short check question after it ("€ 2.000 op 15 december en de rest
    op 15 januari. Klopt dat?"): the statement is the act."""
    *head, last = SENTENCE_BREAK.split(" ".join(text.split()))
    return (bool(head) and last.endswith("?") and len(last.split()) <= SHORT_WORDS
            and len(" ".join(head).split()) > SHORT_WORDS)


def question_kind(sentence: str) -> QuestionKind | None:
    """The kind of question ``sentence`` is (the last sentence when what leads into it is a
    word or two), or None when it is no question, a statement with a check question after
    it, or its form says nothing ("Dus u betaalt vrijdag, klopt dat?" stays what the model
    read)."""
    text = " ".join(sentence.lower().split())
    if not text.endswith("?"):
        return None
    if tagged_statement(text):
        return None
    *head, last = SENTENCE_BREAK.split(text)
    if head and len(" ".join(head).split()) < SHORT_WORDS:  # "Vijfhonderd. En wanneer …?"
        text = last
    if SOCIAL.search(text):
        return "social"
    if FACTUAL.search(text):
        return "factual"
    if PROPOSING.search(text) or REPROACH.search(text):
        return "closed"
    if CLOSED_START.search(text):
        return "open" if TELL_ME.search(text) else "closed"
    if DECLARATIVE.search(text):
        return "closed"
    if OPEN_START.search(text) and not TAG.search(text):
        return "open"
    if LEANING.search(text):
        return "closed"
    return None
