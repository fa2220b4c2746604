"""The kind of a collector's question by its form (bot.coach.roleplay.questions)."""
from __future__ import annotations

import pytest

from bot.coach.roleplay import turns as moves
from bot.coach.roleplay.cues import evident
from bot.coach.roleplay.questions import question_kind
from bot.coach.roleplay.turns import COLLECTOR, Turn


@pytest.mark.parametrize("text, kind", [
    ("Op welke datum precies?", "factual"),
    ("Welk factuurnummer staat in de omschrijving?", "factual"),
    ("Welk kenmerk heeft u erbij gezet?", "factual"),
    ("Welke datum kunt u mij dan zelf toezeggen?", "open"),
    ("Welke datum heeft de ontwikkelaar u genoemd voor de betaling?", "open"),
    ("Welk deel van de factuur zou u vrijdag wel kunnen betalen?", "open"),
])
def test_a_fact_to_read_off_a_paper_is_no_open_question(text, kind):
    assert question_kind(text) == kind


def test_a_factual_question_counts_as_no_open_question_whatever_the_model_read():
    read = evident(Turn(COLLECTOR, "Op welke datum precies?", moves.OPEN_QUESTION, {}))
    assert read.intent != moves.OPEN_QUESTION
    kept = evident(Turn(COLLECTOR, "Wanneer verwacht u dat geld binnen?", moves.OPEN_QUESTION,
                        {}))
    assert kept.intent == moves.OPEN_QUESTION


@pytest.mark.parametrize("text, kind", [
    ("Met wie kan ik daarover spreken?", "factual"),
    ("Met wie moet ik daarvoor zijn?", "factual"),
    ("Met wie overlegt u over de betaling?", "open"),
])
def test_asking_to_be_put_through_is_no_open_question(text, kind):
    assert question_kind(text) == kind


@pytest.mark.parametrize("text, kind", [
    ("Ja ja. Nou, weet u wat, zal ik dan maar gewoon na carnaval zeggen?", "closed"),
    ("Weet u wat er bij de bank misging?", "open"),
])
def test_weet_u_wat_as_an_aside_asks_nothing_open(text, kind):
    assert question_kind(text) == kind


@pytest.mark.parametrize("text, kind", [
    ("Hé, hoe is het daar?", "social"),
    ("Welk bedrag heeft u dan overgemaakt, en op welke datum?", "factual"),
    ("Welk bedrag kunt u deze week missen?", "open"),
    ("Op welk adres?", "factual"),
    ("Naar welk adres gaan jullie facturen normaal gesproken?", "open"),
    ("Wie doet dat bij u dan als Geert er niet is?", "factual"),
    ("Wie keurt de facturen bij u goed?", "open"),
    ("Moogt ge zelf een deel betalen?", "closed"),
    ("Ordernummer. Waarom moet bij jullie altijd alles zo moeilijk?", "closed"),
    ("Hoe kan het nou dat jullie drie herinneringen gewoon laten liggen?", "closed"),
    ("Hoe kan het dat die factuur nooit is aangekomen?", "open"),
    ("Hoe is 't, weer lekker begonnen na de zomer?", "social"),
    ("Hoe is het, en wanneer kunt u betalen?", "open"),
    ("Die is ergens blijven hangen bij jullie, denk ik?", "closed"),
    ("Dat was de levering van juli, neem ik aan?", "closed"),
    ("Oké, dus u zou een deel wel meteen kunnen doen?", "closed"),
    ("U gaat me toch niet vertellen dat u weer gaat schuiven?", "closed"),
])
def test_small_talk_facts_people_and_reproaches_are_no_open_questions(text, kind):
    assert question_kind(text) == kind


@pytest.mark.parametrize("text, kind", [
    ("Ah, verhuisd! Leuk, hoe bevalt de nieuwe winkel?", "social"),
    ("Top. Eh, wat is jullie nieuwe adres precies?", "factual"),
    ("Waarom zou ik dat geloven?", "closed"),
    ("Leuk, wat is er nodig om de factuur goedgekeurd te krijgen?", "open"),
    ("Wat is voor u een haalbaar bedrag deze maand?", "open"),
])
def test_small_talk_after_leuk_an_address_and_disbelief_are_no_open_questions(text, kind):
    assert question_kind(text) == kind


def test_a_why_about_being_the_dupe_is_a_reproach():
    assert question_kind("Waarom moet ik daar nou weer de dupe van worden?") == "closed"
    assert question_kind("Waarom is de betaling blijven liggen?") == "open"
