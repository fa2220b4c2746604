"""A collector's line as dialogue acts: one sentence, one act.

"Dus nog even op een rijtje: u betaalt € 500 op vrijdag. Ik stuur u vandaag een
bevestiging per mail." is a summary and the announcement of the written confirmation (so
is the same said as one sentence, joined by ", en ik stuur …"); read
as one line it would earn only one of them. The scorecard and the live checklist therefore
read each sentence as its own turn, and a tip quotes the sentence that earned or lost the
points. A very short piece ("Oké.", "Kijk,") belongs to the sentence after it, unless it
shows understanding: "Snap ik. En wat hebben ze gezegd over wanneer het geld komt?" is
understanding and an open question.
"""
from __future__ import annotations

import re

# A sentence ends at . ! ? or ; followed by a space — but not inside an amount ("1.000"),
# a date ("4.12") or an abbreviation such as "bijv." or "o.a." followed by lower case.
_END = re.compile(r"(?<=[.!?;])\s+(?=[^\sa-z])")
# "…, allebei onder vermelding van F-88217, en ik stuur u vanmiddag een mail…" and "Dus
# maandag 7 december € 5.580,00, ik stuur u vandaag een bevestiging": a new clause with its
# own subject is a new act, when both sides are long enough to be one.
_NEW_CLAUSE = re.compile(r",\s+(?=(?:en\s+)?(?:ik|wij|we)\s)")
# Understanding said in a word or two, an act of its own however short.
_UNDERSTANDING = re.compile(r"^(?:(?:ja|oké|ah|oh|o|oei|och|ach|jee|nou|hm|tja)\W+)*"
                            r"(?:(?:dat|ik) )?(?:snap|begrijp) (?:ik|het)\b"
                            r"|^(?:(?:ja|oké|ah|oh|o|oei|och|ach|jee|nou|hm|tja)\W+)*"
                            r"(?:wat |dat is |echt )?"
                            r"(?:vervelend|balen|sneu|zuur|lastig)\b",
                            re.IGNORECASE)
MIN_ACT_WORDS = 3
MIN_CLAUSE_WORDS = 5


def split_acts(text: str) -> list[str]:
    """The sentences of ``text``, short pieces joined to the next one; never empty."""
    pieces = [clause for sentence in _END.split(text.strip()) if sentence.strip()
              for clause in _clauses(sentence.strip())]
    acts: list[str] = []
    carry = ""
    for piece in pieces:
        piece = f"{carry} {piece}".strip() if carry else piece
        if len(piece.split()) < MIN_ACT_WORDS and not _UNDERSTANDING.match(piece):
            carry = piece
            continue
        acts.append(piece)
        carry = ""
    if carry:
        if acts:
            acts[-1] = f"{acts[-1]} {carry}"
        else:
            acts.append(carry)
    return acts or [text.strip()]


def _clauses(sentence: str) -> list[str]:
    parts = _NEW_CLAUSE.split(sentence)
    if len(parts) > 1 and all(len(p.split()) >= MIN_CLAUSE_WORDS for p in parts):
        return [parts[0], *(p[:1].upper() + p[1:] for p in parts[1:])]
    return [sentence]
