"""Which of a collector's concessions went without anything asked back, over the whole call.

A concession is paid for by a return asked since the debtor asked for what was given, in
the act itself or just after it ("Ik laat de rente vallen. Dan betaalt u wel vandaag de
helft."); not by a return that pays for another gift, nor for one given on top after the
debtor took the trade. bot.coach.roleplay.checks turns the result into the score and tip.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from bot.coach.roleplay import turns as moves
from bot.coach.roleplay.cues import YES, asks_back, says_back
from bot.coach.roleplay.trade import ADDS, COSTS, LESS, REJECTS, asks_for_more, gives
from bot.coach.roleplay.turns import ACCEPTANCE, COLLECTOR, Turn, collector_turns

# A second offer with a trade of its own ("En ik doe u nog een voorstel: …").
ANOTHER = re.compile(r"\bnog een (voorstel|aanbod)|\bdaarnaast\b|\bbovendien\b")
# Giving parts or time rather than less ("dan kom ik u tegemoet en splitsen we het").
PARTS = re.compile(r"splits|\bin (delen|termijnen|twee|drie|vier)\b|regeling|termijn|ruimte|tijd")
AFTER_ACTS = 4  # how far after a concession its return may still be asked


def unpaired_concessions(turns: Sequence[Turn]) -> list[Turn]:
    """Concessions with nothing asked back for them: not since the debtor asked for what
    was given (else in the two acts before), nor in the two acts after ("Ik laat de rente
    vallen. Dan betaalt u wel vandaag de helft." is a trade, not a gift), and not by one the
    debtor turned down before it was given ("Als jij de rest deze week betaalt, …" –
    "Alleen, deze week lukt echt niet." – "Nou ja, oké dan. Dertig april."; "Dan wil ik wel
    iets terug: dat deel van nu moet groter." – "… Meer echt niet." – … – "Nou, goed dan").
    "Ja, dan wil ik wel iets terug" to a split does not pay for the costs the debtor asks off
    later, nor does a split granted on a condition pay for the costs dropped after it ("In
    drie termijnen kan, als …" … "De rente en kosten laat ik vervallen."), nor for what is
    given on top ("die kosten laat ik ook vallen", or after the
    debtor took the trade: "Mooi. En de herinneringskosten laat ik vervallen"), nor does a
    split traded after the costs were dropped ("Die veertig euro laat ik vallen." … "in drie
    delen is akkoord, maar dan wel de eerste 1.280 euro deze vrijdag") pay for them."""
    unpaired = []
    for i, act in enumerate(turns):
        if act.speaker != COLLECTOR or act.intent != moves.OFFER_CONCESSION:
            continue
        ask = next((j for j in range(i - 1, -1, -1) if turns[j].speaker != COLLECTOR
                    and asks_for_more(turns[j])), None)
        since = (collector_turns(turns[ask + 1:i]) if ask is not None
                 else collector_turns(turns[:i])[-2:])
        closed = next((j for j in range(i - 1, ask if ask is not None else -1, -1)
                       if turns[j].speaker != COLLECTOR), None)
        refused = next((j for j in range(i - 1, ask if ask is not None else -1, -1)
                        if turns[j].speaker != COLLECTOR
                        and REJECTS.search(turns[j].text.lower())), None)
        if refused is not None:  # "Alleen, deze week lukt echt niet.", "Meer echt niet."
            later = {id(t) for t in turns[refused + 1:i]}
            since = [t for t in since if id(t) in later]
        if ADDS.search(act.text.lower()) or closed is not None and COSTS.search(
                act.text.lower()) and turns[closed].intent in ACCEPTANCE:  # costs on top
            since = []
        if COSTS.search(act.text.lower()):  # "In drie termijnen kan, als …" pays for the split
            since = [n for n in since if not _trades_other_gift(n)]
        after = [n for n in _answer_after(turns, i)  # "En ik doe u nog een voorstel: … laten
                 if not (gives(n.text.lower())    # vallen als …" trades its own gift
                         and ANOTHER.search(n.text.lower()))
                 and not (n.intent == moves.SUMMARISE  # the agreement's terms said back
                          and says_back(n.text.lower()))
                 and not (_gives_less_only(act) and _trades_other_gift(n))]
        if not any(asks_back(n) for n in [*since, act, *after]):
            unpaired.append(act)
    return unpaired


def _gives_less_only(act: Turn) -> bool:
    """The concession takes something off ("Die veertig euro laat ik vallen.") and gives no
    parts or time with it."""
    text = act.text.lower()
    return bool(LESS.search(text)) and not PARTS.search(text)


def _trades_other_gift(act: Turn) -> bool:
    """A return asked for a gift of its own that is not the costs ("In drie termijnen kan,
    als de eerste termijn deze vrijdag binnen is."): it pays for that gift, not for the
    costs given up later."""
    text = act.text.lower()
    return asks_back(act) and gives(text) and not COSTS.search(text)


def _answer_after(turns: Sequence[Turn], index: int) -> list[Turn]:
    """The collector's acts after ``index`` until the debtor takes the offer or another
    concession follows ("Goed, dan stel ik voor: maandag 17 mei." – "Ah nee, maandag is
    het Pinkstermaandag." – "Nee, inderdaad." – "Dan corrigeer ik mij: dinsdag 18 mei." –
    "Maar dan vraag ik wel iets terug: …"), at most ``AFTER_ACTS``, at least the next two
    unless the very next act is another gift, whose return is its own; the collector's first
    words after the debtor took it still count ("… En de dertigste is prima." – "Daar vraag
    ik wel twee dingen tegenover, Marco.")."""
    window: list[Turn] = []
    reply: list[Turn] = []  # the collector's first words after the debtor took it
    for at, act in enumerate(turns[index + 1:], start=index + 1):
        if act.speaker != COLLECTOR and (act.intent in ACCEPTANCE or YES.search(
                act.text.lower())):
            reply = [t for t in turns[at + 1:at + 2] if t.speaker == COLLECTOR]
            break
        if act.intent == moves.OFFER_CONCESSION:
            if act.speaker == COLLECTOR and not window:
                return []  # "Ja, dat moet wel kunnen." – "En die veertig euro kosten laat ik
                #            vallen." – "Maar dan wil ik vrijdag de eerste.": pays for the costs
            break
        if act.speaker == COLLECTOR:
            window.append(act)
    if len(window) <= 2:
        return collector_turns(turns[index + 1:])[:2]
    return [*window[:AFTER_ACTS], *reply]
