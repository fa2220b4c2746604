"""A collector's line as dialogue acts: one sentence, one act.

"Dus nog even op een rijtje: u betaalt € 500 op vrijdag. Ik stuur u vandaag een
bevestiging per mail." is a summary and the announcement of the written confirmation; read
as one line it would earn only one of them. The scorecard and the live checklist therefore
read each sentence as its own turn, and a tip quotes the sentence that earned or lost the
points. A very short piece ("Oké.", "Kijk,") belongs to the sentence after it.
"""
from __future__ import annotations

import re

# A sentence ends at . ! ? or ; followed by a space — but not inside an amount ("1.000"),
# a date ("4.12") or an abbreviation such as "bijv." or "o.a." followed by lower case.
_END = re.compile(r"(?<=[.!?;])\s+(?=[^\sa-z])")
MIN_ACT_WORDS = 3


def split_acts(text: str) -> list[str]:
    """The sentences of ``text``, short pieces joined to the next one; never empty."""
    pieces = [p.strip() for p in _END.split(text.strip()) if p.strip()]
    acts: list[str] = []
    carry = ""
    for piece in pieces:
        piece = f"{carry} {piece}".strip() if carry else piece
        if len(piece.split()) < MIN_ACT_WORDS:
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
