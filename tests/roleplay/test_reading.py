"""A call's acts read in their context (bot.coach.roleplay.reading, .checks): who gave in,
what was agreed and to what the debtor said yes."""
from __future__ import annotations

import datetime as dt

from bot.coach.roleplay import turns as moves
from bot.coach.roleplay.acts import split_acts
from bot.coach.roleplay.cues import evident
from bot.coach.roleplay.reading import read_acts
from bot.coach.roleplay.scorecard import score
from bot.coach.roleplay.turns import COLLECTOR, DEBTOR, Turn

TODAY = dt.date(2026, 12, 2)  # a Wednesday


def act(text: str, intent: str = "", **entities: list) -> Turn:
    return Turn(COLLECTOR, text, intent, entities)


def debtor_says(text: str, intent: str, **entities: list) -> Turn:
    return Turn(DEBTOR, text, intent, entities)


def test_understanding_in_two_words_is_an_act_before_the_question():
    assert split_acts("Snap ik. En wat hebben ze gezegd over wanneer dat geld komt?") == [
        "Snap ik.", "En wat hebben ze gezegd over wanneer dat geld komt?"]
    assert evident(act("Snap ik.", moves.OPEN_QUESTION)).intent == moves.SHOW_UNDERSTANDING
    assert split_acts("Oké. Wat is er gebeurd?") == ["Oké. Wat is er gebeurd?"]


def test_moving_ones_own_date_after_the_debtor_asks_for_more_is_a_concession():
    asked = act("Ik wil het uiterlijk vrijdag 4 december binnen hebben.", moves.STATE_PURPOSE,
                date=["2026-12-04"])
    later = debtor_says("Na de vijftiende, dan is het melkgeld binnen.", "request_extension",
                        date=["2026-12-15"])
    moved = act("Dan maken we er woensdag 16 december van.", moves.CONCRETE_PROPOSAL,
                date=["2026-12-16"])
    assert read_acts([asked, later, moved], TODAY)[-1].intent == moves.OFFER_CONCESSION
    kept = act("Dan wil ik toch vrijdag 4 december de helft zien.", moves.CONCRETE_PROPOSAL,
               date=["2026-12-04"])
    assert read_acts([asked, later, kept], TODAY)[-1].intent != moves.OFFER_CONCESSION


def test_without_a_date_of_ones_own_yes_to_a_date_weeks_away_gives_time():
    promise = debtor_says("Zeg maar de achttiende? Dan betaal ik alles in één keer.",
                          "promise_to_pay", date=["2026-12-18"])
    yes = act("Ja, prima, dat is goed.")
    assert read_acts([promise, yes], TODAY)[-1].intent == moves.OFFER_CONCESSION
    soon = debtor_says("Maandag 7 december betaal ik alles.", "promise_to_pay",
                       date=["2026-12-07"])
    assert read_acts([soon, yes], TODAY)[-1].intent != moves.OFFER_CONCESSION


def test_a_summary_says_back_what_was_agreed_and_gives_nothing():
    later = debtor_says("Tot vrijdag 11 december.", "request_extension", date=["2026-12-11"])
    summary = act("Goed. Dus vrijdag 11 december € 4.118,73 voor factuur 2026.0918.",
                  moves.CONCRETE_PROPOSAL, date=["2026-12-11"], amount=[4118.73])
    assert read_acts([later, summary], TODAY)[-1].intent == moves.SUMMARISE
    assert score([later, summary], today=TODAY).result("summarised").passed


def test_only_the_debtors_answer_accepts_a_proposal():
    proposal = act("Ik wil de € 4.870,00 vandaag nog geregeld hebben.", moves.CONCRETE_PROPOSAL,
                   date=["2026-12-02"], amount=[4870.0])
    refused = debtor_says("Vandaag? Dat gaat echt niet.", "cannot_pay", date=["2026-12-02"])
    vague = debtor_says("Eind van de maand betaal ik alles.", "promise_to_pay",
                        date=["2026-12-31"])
    turns = [proposal, refused, act("Eind van de maand dus.", "", date=["2026-12-31"]), vague]
    assert not score(turns, today=TODAY).result("concrete_agreement").passed
    yes = debtor_says("Ja, ja, gewoon alles. Mooi werk trouwens.", "greet")
    assert score([proposal, yes], today=TODAY).result("concrete_agreement").passed
    excuse = debtor_says("Ja, ik wou al bellen, want de omvormer doet het niet.",
                         "dispute_invoice")
    assert not score([proposal, excuse], today=TODAY).result("concrete_agreement").passed


def test_the_amount_may_come_from_the_debtors_question():
    turns = [debtor_says("Wanneer moet die € 1.500,00 er dan zijn?", "ask_invoice_details",
                         amount=[1500.0]),
             act("Lukt het u uiterlijk vrijdag 11 december?", moves.CONCRETE_PROPOSAL,
                 date=["2026-12-11"]),
             debtor_says("Ja, dat lukt wel.", "affirm")]
    assert score(turns, today=TODAY).result("concrete_agreement").passed


def test_an_invoice_number_without_the_word_before_it_counts_in_a_turn_about_an_invoice():
    turns = [act("Er staat nog een factuur open.", ""),
             act("100482, € 79,90.", "", amount=[79.9])]
    assert score(turns, today=TODAY).result("invoice_amount").passed
    phone = [act("Belt u mij terug op 0612345678?", ""), act("Het gaat om € 79,90.", "",
                                                             amount=[79.9])]
    assert not score(phone, today=TODAY).result("invoice_amount").passed


def test_an_open_question_with_a_when_clause_asks_nothing_back():
    turns = [debtor_says("Zeg maar de achttiende?", "promise_to_pay", date=["2026-12-18"]),
             act("De achttiende, de volle 8.745.", "", date=["2026-12-18"], amount=[8745.0]),
             act("En hoe zie je dat dan, als dat geld binnen is?", moves.OPEN_QUESTION)]
    assert not score(turns, today=TODAY).result("concession_return").passed


def test_a_summary_and_the_written_confirmation_in_one_sentence_are_two_acts():
    assert split_acts("Dus maandag 7 december € 5.580,00, ik stuur u vandaag een "
                      "bevestiging per mail.") == [
        "Dus maandag 7 december € 5.580,00", "Ik stuur u vandaag een bevestiging per mail."]


def test_yes_to_the_debtors_exact_day_and_amount_in_other_words_is_an_agreement():
    turns = [act("Kunt u hem dan morgen betalen?", moves.VAGUE_PROPOSAL, date=["2026-12-03"]),
             debtor_says("Morgen niet, maar maandag gaan die twaalfhonderdvijftig euro eruit.",
                         "promise_to_pay", date=["2026-12-07"], amount=[1250.0]),
             act("Oké, maandag is ook goed.", "", date=["2026-12-07"])]
    assert score(turns, today=TODAY).result("concrete_agreement").passed


def test_waiting_for_better_times_drops_the_goal_unless_an_exact_agreement_stands():
    excuse = debtor_says("Ik kan nu echt niks missen.", "cannot_pay")
    waits = [excuse, act("Nee, dat snap ik.", moves.SHOW_UNDERSTANDING),
             act("Nou ja, dan hoor ik het wel als het weer wat beter gaat.", "")]
    card = score(waits, today=TODAY)
    assert not card.result("understanding").passed
    assert not card.result("concession_return").passed
    agreed = [excuse, act("Nee, dat snap ik.", moves.SHOW_UNDERSTANDING),
              act("Kunt u maandag 7 december € 500 overmaken?", moves.CONCRETE_PROPOSAL,
                  date=["2026-12-07"], amount=[500.0]),
              debtor_says("Ja, dat lukt.", "affirm"),
              act("Mooi, dan hoor ik het wel als er iets verandert.", "")]
    assert score(agreed, today=TODAY).result("understanding").passed


def test_a_story_that_starts_with_ja_is_no_yes():
    proposal = act("Ik wil dat hij uiterlijk vrijdag 11 december binnen is, € 918,75.",
                   moves.CONCRETE_PROPOSAL, date=["2026-12-11"], amount=[918.75])
    story = debtor_says("Ja, nou, daar wilde ik u eigenlijk ook al over bellen. Een deel "
                        "was kapot.", "wrong_person")
    assert not score([proposal, story], today=TODAY).result("concrete_agreement").passed


def test_an_amount_including_the_reminder_costs_is_the_debt():
    turns = [act("Ik bel over uw jaarafrekening, factuurnummer 8100234577.", moves.STATE_PURPOSE,
                 invoice_number=["8100234577"]),
             act("Daarop staat nog € 612,35 open, inclusief de aanmaningskosten.", "",
                 amount=[612.35])]
    assert score(turns, today=TODAY).result("invoice_amount").passed


def test_a_summary_inside_the_announced_confirmation_counts_as_both():
    turns = [act("Mooi. Dan even op een rij, want ik zet het straks ook op de mail: vandaag, "
                 "2 december, € 1.000, en woensdag 16 december € 5.420.",
                 moves.ANNOUNCE_CONFIRMATION, date=["2026-12-02", "2026-12-16"],
                 amount=[1000.0, 5420.0])]
    card = score(turns, today=TODAY)
    assert card.result("summarised").passed and card.result("confirmation").passed


def test_yes_to_a_day_within_ones_own_term_gives_nothing_away():
    asked = act("Ik wil graag dat het bedrag deze week nog binnenkomt.", moves.STATE_PURPOSE)
    promise = debtor_says("We betalen maandag en woensdag; woensdag 9 december kan ik het "
                          "hele bedrag meenemen, anders maandag 14 december.", "promise_to_pay",
                          date=["2026-12-09", "2026-12-14"])
    yes = act("Woensdag 9 december, dat is goed.", moves.SUMMARISE, date=["2026-12-09"])
    today = dt.date(2026, 12, 7)
    turns = [asked, promise, yes]
    assert read_acts(turns, today)[-1].intent != moves.OFFER_CONCESSION
    card = score(turns, today=today)
    assert card.result("concrete_agreement").passed
    assert card.result("concession_return").passed
