"""The words behind the costly moves (bot.coach.roleplay.cues): the model's reading of a
collector's act is kept, corrected or dropped by what the act says."""
from __future__ import annotations

import pytest

from bot.coach.roleplay import turns as moves
from bot.coach.roleplay.acts import split_acts
from bot.coach.roleplay.cues import evident, exact_date, read_acts
from bot.coach.roleplay.scorecard import score
from bot.coach.roleplay.turns import COLLECTOR, DEBTOR, Turn


def act(text: str, intent: str = "", **entities: list) -> Turn:
    return Turn(COLLECTOR, text, intent, entities)


@pytest.mark.parametrize("text, model, read", [
    ("Dank u wel dat u daar zo eerlijk over bent.", moves.THREATEN, ""),
    ("Anders draag ik het dossier over aan de deurwaarder.", moves.OFFER_CONCESSION,
     moves.THREATEN),
    ("Ik zet het vanmiddag voor u op de mail, dan heeft u het zwart op wit.", "",
     moves.ANNOUNCE_CONFIRMATION),
    ("Ik stuur de factuur nog even door per mail.", moves.ANNOUNCE_CONFIRMATION, ""),
    ("Ik haal de aanmaningskosten er voor deze keer af.", moves.ASK_IN_RETURN,
     moves.OFFER_CONCESSION),
    ("Als u vandaag de helft overmaakt, laat ik de rente vallen.", moves.ASK_IN_RETURN,
     moves.ASK_IN_RETURN),
    ("Meneer, zo moeilijk is het allemaal niet.", moves.SHOW_UNDERSTANDING, ""),
    ("Dat is lastig voor u, dat begrijp ik.", moves.SHOW_UNDERSTANDING,
     moves.SHOW_UNDERSTANDING),
])
def test_the_words_decide_the_costly_moves(text, model, read):
    assert evident(act(text, model)).intent == read


def test_a_summary_in_so_many_words_is_one_whatever_the_model_read():
    line = act("Dan vat ik het samen: u betaalt maandag 7 december € 800.",
               moves.STATE_PURPOSE, date=["2026-12-07"], amount=[800.0])
    assert evident(line).intent == moves.SUMMARISE


def test_saying_yes_to_the_debtors_own_split_gives_something_away():
    debtor = Turn(DEBTOR, "Vijfhonderd nu en de rest na de feestdagen.", "request_payment_plan",
                  {})
    yes = act("Ja hoor, dat vind ik goed.", moves.OFFER_CONCESSION)
    assert read_acts([debtor, yes])[1].intent == moves.OFFER_CONCESSION
    assert read_acts([act("Goedemorgen."), yes])[1].intent == ""


@pytest.mark.parametrize("text, exact", [
    ("uiterlijk vrijdag 11 december", True), ("morgen", True), ("op 18-12", True),
    ("eind volgende week", False), ("begin januari", False)])
def test_only_a_date_for_the_diary_is_exact(text, exact):
    assert exact_date(act(text, date=["2026-12-11"])) is exact


def test_a_clause_with_its_own_subject_is_its_own_act():
    text = ("Dus u betaalt € 800 op maandag 7 december onder vermelding van het factuurnummer, "
            "en ik stuur u vanmiddag een mail met deze afspraak.")
    assert len(split_acts(text)) == 2
    assert split_acts("Dat is goed, en ik dank u.") == ["Dat is goed, en ik dank u."]


def test_costs_given_away_are_not_the_amount_of_the_debt_and_a_vague_summary_earns_nothing():
    turns = [act("Ik bel over factuur 26-100.", moves.STATE_PURPOSE, invoice_number=["26-100"]),
             act("De herinneringskosten van 15 euro haal ik eraf.", moves.OFFER_CONCESSION,
                 amount=[15.0]),
             act("Dus volgende week dan?", moves.SUMMARISE, date=["2026-12-11"])]
    card = score(turns)
    assert card.result("invoice_amount").credit == 0.5
    assert card.result("summarised").credit == 0.0
    assert card.result("concession_return").credit == 0.0
