"""Hint mode: right after each trainee line, one short suggestion of what would work
better (or a word of encouragement when the move was a good one)."""
from __future__ import annotations

from collections.abc import Sequence

from bot.coach.roleplay import turns as moves
from bot.coach.roleplay.tips import Example
from bot.coach.roleplay.turns import Turn, said


def hint(turns: Sequence[Turn], example: Example, promised: bool) -> str:
    """A hint on the last turn (a collector line) given the call so far."""
    turn = turns[-1]
    intent = turn.intent
    open_questions = len(said(turns, moves.OPEN_QUESTION))
    if intent == moves.THREATEN:
        return ("Dreigen maakt de debiteur defensief. Toon eerst begrip en vraag dan open "
                "door naar de oorzaak.")
    if intent == moves.VAGUE_PROPOSAL:
        return (f"Te vaag: noem een exacte datum en een bedrag, bijvoorbeeld “Kunt u "
                f"{example.amount} uiterlijk {example.deadline} overmaken?”")
    if intent == moves.OFFER_CONCESSION:
        return ("U gaf iets weg zonder iets terug te vragen. Maak het voorwaardelijk: "
                "“Als u …, dan kan ik …”.")
    if intent == moves.CLOSED_QUESTION:
        return "Dit levert alleen ja of nee op. Stel een open vraag: wat, hoe, wie, wanneer?"
    if intent == moves.INTRODUCE:
        return ("Noem nu het doel van uw telefoontje: factuurnummer, bedrag en de termijn "
                "waarbinnen u het geld wilt hebben.")
    if intent == moves.STATE_PURPOSE:
        if not turn.has("date"):
            return "Noem ook de termijn: vóór welke datum wilt u het geld binnen hebben?"
        if not (turn.has("invoice_number") and turn.has("amount")):
            return "Goed doel met termijn. Noem er ook het factuurnummer en het bedrag bij."
        return "Helder doel. Luister nu naar de reactie en vraag open door."
    if intent in moves.PROPOSALS and not turn.is_concrete:
        missing = "een datum" if not turn.has("date") else "een bedrag"
        return f"Maak het voorstel compleet: er ontbreekt nog {missing}."
    if intent in moves.PROPOSALS and open_questions < 2 and not promised:
        return ("Concreet voorstel, goed. Vraag eerst nog even open door naar de reden, dan "
                "sluit uw voorstel beter aan.")
    if intent in moves.PROPOSALS:
        return "Concreet voorstel, goed. Blijft de debiteur twijfelen, vraag dan wat er nodig is."
    if intent == moves.OPEN_QUESTION:
        return "Goede open vraag. Luister naar het antwoord en laat merken dat u het begrijpt."
    if intent == moves.SHOW_UNDERSTANDING:
        return ("Goed dat u begrip toont. Houd wel vast aan uw doel: "
                "stel nu een concrete afspraak voor.")
    if intent == moves.SUMMARISE:
        if not (turn.has("date") or turn.has("amount")):
            return "Noem in de samenvatting de datum en het bedrag zelf."
        if not said(turns, moves.ANNOUNCE_CONFIRMATION):
            return "Goede samenvatting. Kondig nu aan dat u de afspraak schriftelijk bevestigt."
        return "Goede samenvatting. Sluit nu positief af."
    if intent == moves.ANNOUNCE_CONFIRMATION:
        if not said(turns, moves.SUMMARISE):
            return "Vat de afspraken ook even samen, met datum en bedrag."
        return "Goed. Rond nu vriendelijk af en vraag of er nog vragen zijn."
    if intent == moves.POSITIVE_CLOSE:
        if promised and not said(turns, moves.SUMMARISE):
            return "Mooi afgesloten, maar vat de afspraak volgende keer eerst samen."
        return "Mooi afgesloten. Beëindig het rollenspel om uw scorekaart te zien."
    return "Dat was niet duidelijk. Formuleer het als één heldere zin aan de debiteur."
