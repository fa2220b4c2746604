"""Whether a collector's sentence announces the written confirmation of the agreement.

A trainer counts "Ik zet het vanmiddag voor u op de mail" and "Ik bevestig de afspraak per
mail", not "Ik stuur de factuur nog even door", "Ik mail u het nummer van de monteur" or a
mail promised once the collector knows more: in writing, and about the agreement or sent
as it stands.
"""
from __future__ import annotations

import re

WRITTEN = re.compile(r"\bmail|\bbrief\b|\bbrieven\b|schriftelijk|op papier|per post|whats ?app"
                     r"|\bapp(je|t|en)?\b|\bsms\w*|\bberichtje\b"
                     r"|\bbevestig|zwart op wit")
# The collector sending something ("ik zet het in een mail", "u krijgt een mail").
SENDS = re.compile(r"\b(ik|wij|we) (\w+ ){0,3}(stuur|zet|mail|bevestig|leg)"
                   r"|(stuur|zet|mail|bevestig) (ik|wij|we)\b|(krijgt|ontvangt) u"
                   r"|u (krijgt|ontvangt)")
INVOICE = re.compile(r"factu(u)?r|nota\b|\brekening\b|(?<!in )kopie")  # not "met Kris in kopie"
# The invoice going along with the mail ("Ik zet dat in een mail naar u, met de factuur
# erbij", "…, samen met de factuur"): what is sent is still "dat", the agreement.
WITH_INVOICE = re.compile(r"\b(samen )?met (de|die|een|uw) (factuur|nota|kopie)\b( \w+)?"
                          r"( (erbij|mee)\b)?")
# The words a bare "I'll send it" is made of ("Ik zet het vanmiddag even voor u op de mail");
# any other word names what is sent ("Ik mail u het nummer van de monteur").
SEND_WORDS = frozenset(
    "u je jou jullie het dit dat deze die alles allemaal nog even straks vanmiddag vandaag "
    "vanavond morgen direct meteen zo wel ook gewoon netjes een de op per mail mailtje e-mail "
    "email brief briefje in na toe door voor naar bevestiging ter schriftelijk papier hem ze "
    "met datum data bedrag bedragen afspraak afspraken termijnen regeling da ge t berichtje "
    "erbij app appje whatsapp sms".split())
CLAUSE = re.compile(r"[,.;:!?]|\b(dan|zodat|want|en)\b")
# What else a collector may send: help, numbers, forms, a link.
OTHER_MATTER = re.compile(r"schuldhulp|budget|telefoonnummer|folder|formulier|betaallink"
                          r"|link|informatie over|inlog|gegevens|verzoek|contact op"
                          r"|(zodra|als|wanneer) ik (\w+ ){0,4}(weet|hoor|gevonden|uitgezocht)"
                          r"|\bik (ga|zal) (het|dat) (\w+ )?uitzoeken\b"
                          r"|\bals (het|dat|er) (\w+ )?niet klopt\b")
# What the firm expects, not what was agreed ("Dan bevestig ik per brief dat wij betaling eind
# februari verwachten.").
EXPECTED = re.compile(r"\bdat (wij|we|ik) (\w+ ){0,4}(verwachten|verwacht)\b")
ABOUT_AGREEMENT = re.compile(r"(?<!prijs)afspra(?!ak (\w+ ){0,3}maken)|\bbevestig|besproken"
                             r"|regeling"
                             r"|\bmet (het|de) (bedrag|datum)\b"
                             r"|overeengekomen|bedragen"
                             r"|\bdata\b|termijnen"
                             r"|samenvatting|op een rij|wat we (nu )?(hebben )?(af)?gesproken"
                             r"|\bdat (we|wij) (\w+ ){0,3}(hebben )?afgesproken\b")


# What the debtor is to send ("… en u mailt mij vandaag het ordernummer.", "als u me even de
# data van die gemiste beurten mailt"), or someone is to
# confirm first ("Dus als Martijn het bevestigt, betaalt u donderdag.", "ik stuur een mail naar
# Mark van verkoop of hij die korting even kan bevestigen"): not the collector's confirmation.
OTHERS_WRITE = re.compile(r"\b(u|je|jij|jullie|ge) (\w+ ){0,8}(mailt|stuurt|mailen|sturen)\b"
                          r"[^,.;]*|\bals (\w+ ){1,3}bevestig(t|en)\b"
                          r"|\b(mail|mailtje|bericht|berichtje) (\w+ ){0,2}naar (\w+ ){1,4}"
                          r"(of|om|dat) (hij|zij|ze|die) [^,.;]*")


def confirms(text: str) -> bool:
    """In writing, and about the agreement: resending the invoice is not confirming, nor
    is putting down what the firm expects, asking about a mail address ("Heeft u hem in de
    spam gekregen?") or a letter about something else ("een brief met het nummer van de
    schuldhulp")."""
    text = OTHERS_WRITE.sub(" ", text)
    if EXPECTED.search(text):
        return False
    about = bool(ABOUT_AGREEMENT.search(text))
    sends = SENDS.search(text)
    return bool(WRITTEN.search(text)) and (about or sends is not None and _bare(text, sends.end())
                                           and not (INVOICE.search(WITH_INVOICE.sub(" ", text))
                                                    or OTHER_MATTER.search(text)
                                                    or text.rstrip().endswith("?")))


# "Dan zet ik hem zo in de mail.": "hem" or "die" is a thing, not the agreement ("het").
THING = re.compile(r"\b(hem|die)\b")


def sends_invoice(text: str) -> bool:
    """The collector sends the invoice again ("ik stuur de factuur vandaag opnieuw")."""
    return bool(SENDS.search(text) and INVOICE.search(text))


# The debtor asks for the invoice ("Kunt u mij de factuur nog even mailen?").
ASKS_INVOICE = re.compile(r"\b(factuur|nota|rekening|kopie)\b[^.!?]*\b(mailen|sturen|opsturen"
                          r"|doorsturen|toesturen|e-mailen)\b[^.!?]*\?")


def asks_for_invoice(text: str) -> bool:
    """The debtor asks to have the invoice sent: "Ik mail hem vanmiddag." answers that."""
    return bool(ASKS_INVOICE.search(text))


def resends_it(text: str) -> bool:
    """A bare send of "hem" ("Dan zet ik hem zo in de mail."): after the collector said the
    invoice goes out again, that is the invoice, not the agreement."""
    sends = SENDS.search(text)
    return (sends is not None and not ABOUT_AGREEMENT.search(text)
            and bool(THING.search(text, sends.start())))


def _bare(text: str, start: int) -> bool:
    """Nothing but the sending itself from ``start`` to the end of the clause."""
    end = CLAUSE.search(text, start)
    return set(re.findall(r"[\w-]+", text[start:end.start() if end else None])) <= SEND_WORDS
