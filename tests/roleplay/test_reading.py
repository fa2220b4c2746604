"""A call's acts read in their context (bot.coach.roleplay.reading, .checks): who gave in,
what was agreed and to what the debtor said yes."""
from __future__ import annotations

import datetime as dt

import pytest

from bot.coach.roleplay import turns as moves
from bot.coach.roleplay.acts import split_acts
from bot.coach.roleplay.cues import evident
from bot.coach.roleplay.reading import read_acts
from bot.coach.roleplay.scorecard import score
from bot.coach.roleplay.terms import vague_date
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


def test_saying_it_can_happen_to_anyone_gives_nothing_away():
    ask = debtor_says("Kunnen die kosten er niet af?", "request_discount")
    comfort = act("Dat kan iedereen gebeuren, hoor.", moves.OFFER_CONCESSION)
    assert read_acts([ask, comfort], TODAY)[-1].intent == moves.SHOW_UNDERSTANDING


def test_waiting_it_out_after_understanding_loses_the_understanding():
    excuse = debtor_says("De bank moet de nieuwe rekening nog openen, dat duurt weken.",
                         "excuse_bank_problem")
    turns = [excuse, act("Wat vervelend.", moves.SHOW_UNDERSTANDING),
             act("Hoe lang gaat dat nog duren?", moves.OPEN_QUESTION),
             debtor_says("Geen idee, een paar weken misschien.", "promise_vague"),
             act("Ach, dat snap ik.", moves.SHOW_UNDERSTANDING),
             act("Nou, dan wachten we dat rustig even af.", "")]
    assert not score(turns, today=TODAY).result("understanding").passed


def test_stating_back_the_debtors_offer_with_a_yes_is_an_agreement():
    offer = debtor_says("Het deel dat klopt kan ik vrijdag overmaken, dat is dan "
                        "drieduizend-nog-wat.", "nlu_fallback", date=["2026-12-04"])
    turns = [offer, act("Ja, € 3.210,00.", moves.CONCRETE_PROPOSAL, amount=[3210.0]),
             act("Vrijdag 4 december, dat is goed.", "", date=["2026-12-04"]),
             debtor_says("En de rest, krijg ik daar een creditnota voor?", "request_discount")]
    assert score(turns, today=TODAY).result("concrete_agreement").passed
    refused = [debtor_says("Nee, vrijdag gaat echt niet.", "deny", date=["2026-12-04"]),
               *turns[1:]]
    assert not score(refused, today=TODAY).result("concrete_agreement").passed


def test_yes_in_passing_to_the_debtors_day_and_amount_is_an_agreement():
    turns = [act("Lukt het om de € 860,00 deze week nog over te maken?", moves.CLOSED_QUESTION,
                 amount=[860.0]),
             debtor_says("Als u hem vandaag nog mailt, gaan die achthonderdzestig euro vrijdag "
                         "de deur uit.", "promise_to_pay", date=["2026-12-04"], amount=[860.0]),
             act("Vrijdag de vierde, prima, dat is helemaal goed.", "", date=["2026-12-04"])]
    assert score(turns, today=TODAY).result("concrete_agreement").passed


def test_the_sentences_after_dan_vat_ik_samen_are_the_summary():
    turns = [act("Goed, dan zet ik het even op een rij.", moves.SUMMARISE),
             act("Maandag 7 december maakt u € 1.500 over.", moves.CONCRETE_PROPOSAL,
                 date=["2026-12-07"], amount=[1500.0])]
    assert score(turns, today=TODAY).result("summarised").passed
    alone = [turns[1]]
    assert not score(alone, today=TODAY).result("summarised").passed


def test_costs_given_away_are_no_amount_to_agree_on():
    turns = [act("Zou maandag 7 december kunnen?", moves.CONCRETE_PROPOSAL, date=["2026-12-07"]),
             debtor_says("Misschien, ik moet het vragen.", "promise_vague"),
             act("De vijfentwintig euro herinneringskosten laat ik dan vallen.",
                 moves.OFFER_CONCESSION, amount=[25.0]),
             debtor_says("Oh, dank u.", "affirm")]
    assert not score(turns, today=TODAY).result("concrete_agreement").passed


def test_a_when_clause_about_something_else_asks_nothing_back():
    ask = debtor_says("Kan het naar januari? De bank heeft onze rekening nog dicht.",
                      "request_extension", date=["2027-01-15"])
    turns = [ask, act("Neem gerust de tijd, hoor.", ""),
             act("Dan betaalt u gewoon als de bank het weer doet.", "")]
    assert not score(turns, today=TODAY).result("concession_return").passed
    traded = [ask, act("Januari kan, als u vandaag € 200 overmaakt.", "")]
    assert score(traded, today=TODAY).result("concession_return").passed


def test_a_return_asked_for_the_split_does_not_pay_for_the_costs_asked_later():
    plan = debtor_says("Kan ik het in drie keer betalen?", "request_payment_plan")
    deal = [plan, act("Dat kan, maar dan wil ik wel vandaag de eerste € 300 zien.",
                      moves.ASK_IN_RETURN, amount=[300.0]),
            debtor_says("Goed, dat lukt.", "affirm"),
            act("Dan wordt het € 300 vandaag, € 300 op 4 januari en € 300 op 4 februari.",
                moves.OFFER_CONCESSION, amount=[300.0, 300.0, 300.0],
                date=["2026-12-02", "2027-01-04", "2027-02-04"])]
    assert score(deal, today=TODAY).result("concession_return").passed
    costs = [*deal, debtor_says("En die rente van € 35, kan die eraf?", "request_discount"),
             act("Ja hoor, die haal ik eraf.", moves.OFFER_CONCESSION)]
    assert not score(costs, today=TODAY).result("concession_return").passed


def test_a_deadline_named_after_the_debtors_story_is_not_early():
    opening = act("Ik bel over factuur 2026-118 van € 940,00.", moves.STATE_PURPOSE,
                  invoice_number=["2026-118"], amount=[940.0])
    story = debtor_says("Onze boekhouder is ziek, dus alles ligt stil.",
                        "excuse_contact_unavailable")
    late = [opening, story, act("Hoe regelt u het nu?", moves.OPEN_QUESTION),
            debtor_says("Ik kan het klaarzetten.", "promise_vague"),
            act("Ik wil het graag uiterlijk vrijdag binnen hebben.", moves.STATE_PURPOSE,
                date=["2026-12-04"])]
    assert not score(late, today=TODAY).result("purpose_deadline").passed
    early = [opening, act("Ik wil het graag uiterlijk vrijdag binnen hebben.",
                          moves.STATE_PURPOSE, date=["2026-12-04"])]
    assert score(early, today=TODAY).result("purpose_deadline").passed


def test_yes_to_an_offer_with_a_vague_remainder_is_no_agreement():
    offer = debtor_says("Vrijdag € 400 en de rest ergens eind van de maand.", "promise_vague",
                        date=["2026-12-04", "2026-12-31"], amount=[400.0])
    turns = [offer, act("Goed, dan doen we het zo.", "")]
    assert not score(turns, today=TODAY).result("concrete_agreement").passed


def test_a_warning_about_the_rules_said_to_spare_the_debtor_is_no_threat():
    warning = act("Volgens onze algemene voorwaarden gaat het dossier na 31 december naar de "
                  "deurwaarder.", moves.THREATEN, date=["2026-12-31"])
    spare = [warning, act("Dat wil ik u juist graag besparen.", "")]
    assert score(spare, today=TODAY).result("no_threats").passed
    bare = [warning, act("Dus u weet het.", "")]
    assert not score(bare, today=TODAY).result("no_threats").passed
    threat = [act("Anders stuur ik de deurwaarder, dat wil ik u besparen.", moves.THREATEN)]
    assert not score(threat, today=TODAY).result("no_threats").passed


def test_a_warning_is_no_return_for_what_was_given():
    turns = [debtor_says("Kan die toeslag van € 60 eraf?", "request_discount"),
             act("Vooruit, die laat ik ook vervallen.", moves.OFFER_CONCESSION),
             act("Volgens onze voorwaarden gaat het naar het incassobureau als het niet op "
                 "23 december binnen is.", moves.THREATEN, date=["2026-12-23"]),
             act("Dat zeg ik niet om u onder druk te zetten.", "")]
    card = score(turns, today=TODAY)
    assert card.result("no_threats").passed
    assert not card.result("concession_return").passed


def test_yes_to_the_debtors_exact_offer_may_come_later_in_the_same_turn():
    offer = debtor_says("Dan betalen wij dus € 3.120,40 op de drieëntwintigste.", "nlu_fallback",
                        date=["2026-12-23"], amount=[3120.4])
    for answer in (["Dat is correct."],
                   ["Maandag de 21e dan.", "Nou ja, goed, dan wordt het de drieëntwintigste."]):
        turns = [offer, *(act(text, "") for text in answer)]
        assert score(turns, today=TODAY).result("concrete_agreement").passed
    assert not score([offer, act("Dat klopt, maar dan graag eerder.", "")],
                     today=TODAY).result("concrete_agreement").passed


def test_letting_the_invoices_lie_and_waiting_to_see_gives_in_and_drops_the_goal():
    ask = debtor_says("Is het erg als het nog even blijft liggen?", "request_extension")
    turns = [debtor_says("Mijn man is ziek, alles ligt stil.", "excuse_contact_unavailable"),
             act("Ach, wat naar.", moves.SHOW_UNDERSTANDING),
             act("Hoe gaat het nu met hem?", moves.OPEN_QUESTION), ask,
             act("Weet je wat, laat die facturen maar even liggen.", ""),
             act("En die rente, die doe ik er ook wel vanaf.", ""),
             act("Ik zie het wel.", "")]
    card = score(turns, today=TODAY)
    assert not card.result("concession_return").passed
    assert not card.result("understanding").passed


def test_believing_the_debtor_shows_understanding():
    assert evident(act("Ja, dat geloof ik meteen, dat hoor ik van iedereen.",
                       moves.INTRODUCE)).intent == moves.SHOW_UNDERSTANDING


def test_asking_for_payment_as_soon_as_possible_is_no_return():
    turns = [debtor_says("Kan ik het in twee keer betalen?", "request_payment_plan"),
             act("Dat is goed, als u het eerste deel zo snel mogelijk overmaakt.", "")]
    assert not score(turns, today=TODAY).result("concession_return").passed


def test_a_day_already_gone_is_no_deadline_to_move():
    turns = [act("Ik zie uw betaling, die is maandag 30 november binnengekomen.", "",
                 date=["2026-11-30"]),
             debtor_says("De tweede moet mijn compagnon nog aftekenen, die is er morgen.",
                         "excuse_contact_unavailable", date=["2026-12-03"]),
             act("Dan stel ik voor dat u hem morgen aftekent en betaalt.", moves.CONCRETE_PROPOSAL,
                 date=["2026-12-03"])]
    assert read_acts(turns, TODAY)[-1].intent != moves.OFFER_CONCESSION


def test_costs_dropped_on_top_of_a_trade_are_a_gift():
    ask = debtor_says("Kan er iets af voor de te donkere brochures?", "request_discount")
    trade = act("Ik geef twintig procent korting, maar dan betaalt u vandaag de rest.",
                moves.ASK_IN_RETURN, date=["2026-12-02"])
    assert score([ask, trade], today=TODAY).result("concession_return").passed
    on_top = [ask, trade, debtor_says("Dat lukt.", "affirm"),
              act("O, en die veertig euro aanmaningskosten laat ik ook vallen.", "",
                  amount=[40.0])]
    assert not score(on_top, today=TODAY).result("concession_return").passed


def test_a_yes_that_says_back_the_day_and_the_amount_agrees_to_the_question():
    turns = [act("Ik bel over factuur 2026-77, € 2.640.", moves.STATE_PURPOSE,
                 invoice_number=["2026-77"], amount=[2640.0]),
             act("Betaalt u vrijdag of niet?", moves.CLOSED_QUESTION, date=["2026-12-04"]),
             debtor_says("Ja, goed, vrijdag dan. Die € 2.640 staat vrijdag op uw rekening.",
                         "promise_to_pay", date=["2026-12-04"], amount=[2640.0])]
    assert score(turns, today=TODAY).result("concrete_agreement").passed
    elsewhere = [turns[0], act("Is de baas er vandaag?", moves.CLOSED_QUESTION,
                               date=["2026-12-02"]),
                 debtor_says("Die zit op een beurs, de extra's waren € 340.", "dispute_invoice",
                             amount=[340.0])]
    assert not score(elsewhere, today=TODAY).result("concrete_agreement").passed


def test_a_firm_yes_may_go_on_after_its_comma():
    proposal = act("Dan spreken we af: u betaalt de € 986,40 uiterlijk maandag 7 december.",
                   moves.SUMMARISE, date=["2026-12-07"], amount=[986.4])
    answer = debtor_says("Prima, dan kijk ik er vanmiddag meteen even naar.", "nlu_fallback")
    assert score([proposal, answer], today=TODAY).result("concrete_agreement").passed
    story = debtor_says("Ja, nou, daar wilde ik u eigenlijk al over bellen.", "nlu_fallback")
    assert not score([proposal, story], today=TODAY).result("concrete_agreement").passed


def test_an_open_question_with_a_when_clause_is_no_return_whatever_the_model_read():
    turns = [debtor_says("Ik wacht nog op mijn opdrachtgever.", "excuse_waiting_for_customer",
                         date=["2026-12-18"]),
             act("Hoe zie je dat dan voor ons, als dat binnen is?", moves.ASK_IN_RETURN),
             act("Goed, de achttiende dan.", "", date=["2026-12-18"])]
    assert not score(turns, today=TODAY).result("concession_return").passed


def test_a_hedged_yes_and_a_yes_to_the_mail_are_no_agreement():
    plan = act("Dan stel ik voor: duizend euro vrijdag, de rest, 1.380 euro, op 22 december.",
               moves.CONCRETE_PROPOSAL, date=["2026-12-04", "2026-12-22"],
               amount=[1000.0, 1380.0])
    hedged = debtor_says("Ja, ja. Als 't lukt, lukt 't.", "affirm")
    assert not score([plan, hedged], today=TODAY).result("concrete_agreement").passed
    mail = [plan, act("Ik bevestig dat per mail.", moves.ANNOUNCE_CONFIRMATION),
            debtor_says("Ge moogt dat sturen, ja.", "affirm")]
    assert not score(mail, today=TODAY).result("concrete_agreement").passed
    firm = debtor_says("Ja, dat is goed, zo doen we het.", "affirm")
    assert score([plan, firm], today=TODAY).result("concrete_agreement").passed


def test_the_debtors_day_and_amount_said_straight_back_is_a_summary():
    promise = debtor_says("Als ik hem vandaag heb, gaat die 1980 euro donderdag mee.",
                          "promise_to_pay", date=["2026-12-02", "2026-12-03"], amount=[1980.0])
    echo = act("Donderdag de derde, 1980 euro.", "", date=["2026-12-03"], amount=[1980.0])
    assert read_acts([promise, echo], TODAY)[-1].intent == moves.SUMMARISE
    other = act("Donderdag de derde, 2500 euro.", "", date=["2026-12-03"], amount=[2500.0])
    assert read_acts([promise, other], TODAY)[-1].intent != moves.SUMMARISE


def test_a_proposal_in_the_words_of_a_purpose_is_a_proposal():
    proposal = act("Dan stel ik voor dat het volledige bedrag van € 3.612,50 uiterlijk vrijdag "
                   "4 december bij ons binnen is.", moves.STATE_PURPOSE,
                   date=["2026-12-04"], amount=[3612.5])
    assert evident(proposal).intent == moves.CONCRETE_PROPOSAL
    yes = debtor_says("Ja, dat is prima. Dat regel ik.", "affirm")
    assert score([proposal, yes], today=TODAY).result("concrete_agreement").passed


def test_interest_asked_off_in_a_yes_and_given_on_top_of_a_trade_is_a_gift():
    trade = act("Als u vandaag € 1.000 overmaakt, mag de rest op vrijdag 4 december.",
                moves.ASK_IN_RETURN, date=["2026-12-02", "2026-12-04"], amount=[1000.0])
    ask = debtor_says("Dat is goed. En die intresten, moet dat echt?", "affirm")
    gift = act("Ach nee, laat die maar vallen.", moves.OFFER_CONCESSION)
    assert not score([trade, ask, gift], today=TODAY).result("concession_return").passed


def test_a_return_later_in_the_same_turn_pays_for_the_split():
    ask = debtor_says("Mag ik het in twee keer doen?", "request_payment_plan")
    turn = [act("In twee keer is goed.", moves.OFFER_CONCESSION),
            act("Ik stel voor: € 740 op vrijdag 4 december en € 740 op vrijdag 18 december.",
                moves.CONCRETE_PROPOSAL, date=["2026-12-04", "2026-12-18"],
                amount=[740.0, 740.0]),
            act("Dan heeft u de Sinterklaasomzet al binnen."),
            act("In ruil vraag ik wel dat u het plan vandaag ondertekend terugstuurt.",
                moves.ASK_IN_RETURN)]
    assert score([ask, *turn], today=TODAY).result("concession_return").passed
    assert not score([ask, *turn[:3]], today=TODAY).result("concession_return").passed


def test_a_yes_on_someone_elses_approval_is_no_agreement():
    plan = act("Dus € 1.400 op vrijdag 4 december en € 1.400 op vrijdag 8 januari.",
               moves.SUMMARISE, date=["2026-12-04", "2027-01-08"], amount=[1400.0, 1400.0])
    assert not score([plan, debtor_says("Ja, als Ronald het goed vindt, hè.", "affirm")],
                     today=TODAY).result("concrete_agreement").passed
    assert not score([plan, debtor_says("Dat moet ik eerst met mijn compagnon bespreken.",
                                        "affirm")], today=TODAY).result(
        "concrete_agreement").passed


def test_turning_the_debtors_later_day_down_gives_nothing():
    asked = act("Die moet vandaag binnen zijn.", "", date=["2026-12-02"])
    later = debtor_says("Begin volgende week, ik doe mijn best.", "promise_vague",
                        date=["2026-12-07"])
    no = act("Begin volgende week is niks.", "", date=["2026-12-07"])
    assert read_acts([asked, later, no], TODAY)[-1].intent != moves.OFFER_CONCESSION


def test_a_yes_to_the_proposed_day_or_a_question_asks_for_nothing_more():
    asked = act("Dan gaan we voor dinsdag 8 december, het hele bedrag?",
                moves.CONCRETE_PROPOSAL, date=["2026-12-08"])
    yes = debtor_says("Ja, dat is goed. Daarna zijn we trouwens dicht tot 4 januari.",
                      "affirm", date=["2027-01-04"])
    top = act("Top.")
    assert read_acts([asked, yes, top], TODAY)[-1].intent != moves.OFFER_CONCESSION
    question = debtor_says("O ja, wordt er op tweede kerstdag wel gewoon opgehaald?",
                           "promise_vague", date=["2026-12-26"])  # about another matter
    sure = act("Ja hoor, we rijden gewoon.")
    assert read_acts([asked, question, sure], TODAY)[-1].intent != moves.OFFER_CONCESSION
    unasked = debtor_says("Ja, ja. Volgende week regel ik het, echt.", "promise_vague",
                          date=["2026-12-09"])
    fine = act("Goed, volgende week dan.", "", date=["2026-12-09"])
    purpose = act("Ik wil het uiterlijk vrijdag 4 december binnen hebben.", moves.STATE_PURPOSE,
                  date=["2026-12-04"])
    assert read_acts([purpose, act("Dat snap ik."), unasked, fine],
                     TODAY)[-1].intent == moves.OFFER_CONCESSION


def test_a_bare_yes_after_holding_back_is_no_agreement():
    asked = act("Zal ik dan noteren dat de € 2.318,40 vrijdag 4 december betaald wordt?",
                moves.CLOSED_QUESTION, date=["2026-12-04"], amount=[2318.4])
    held = debtor_says("Noteer maar wat je wilt. Maar beloven kan ik niks.", "excuse_bank_problem")
    noted = act("Dan noteer ik: betaling van € 2.318,40 op vrijdag 4 december.",
                moves.SUMMARISE, date=["2026-12-04"], amount=[2318.4])
    turns = [asked, held, noted, debtor_says("Ja, ja.", "affirm")]
    assert not score(turns, today=TODAY).result("concrete_agreement").passed
    firm = [asked, held, noted, debtor_says("Ja, dat beloof ik, vrijdag staat het er.",
                                            "promise_to_pay", date=["2026-12-04"])]
    assert score(firm, today=TODAY).result("concrete_agreement").passed


def test_the_words_of_a_summary_head_the_sentences_with_the_agreement():
    heads = act("Dan stel ik vast wat wij zijn overeengekomen.", "nlu_fallback")
    agreed = act("U voldoet uiterlijk woensdag 9 december een bedrag van € 3.420,00.",
                 moves.CONCRETE_PROPOSAL, date=["2026-12-09"], amount=[3420.0])
    assert read_acts([heads, agreed], TODAY)[-1].intent == moves.SUMMARISE
    assert read_acts([act("Goed."), agreed], TODAY)[-1].intent == moves.CONCRETE_PROPOSAL


def test_hem_in_the_mail_after_the_invoice_goes_out_again_is_the_invoice():
    resend = act("Dus ik stuur de factuur vandaag opnieuw naar het goede adres.", "")
    mail = act("Dan zet ik hem zo in de mail.", moves.ANNOUNCE_CONFIRMATION)
    assert read_acts([resend, mail], TODAY)[-1].intent != moves.ANNOUNCE_CONFIRMATION
    assert read_acts([mail], TODAY)[-1].intent == moves.ANNOUNCE_CONFIRMATION
    agreement = act("Dan zet ik het zo in de mail.", moves.ANNOUNCE_CONFIRMATION)
    assert read_acts([resend, agreement], TODAY)[-1].intent == moves.ANNOUNCE_CONFIRMATION


def test_a_vague_answer_to_a_request_for_proof_asks_for_no_time():
    proof = act("Oké. Stuurt u dan maar een betaalbewijs.", "")
    vague = debtor_says("Ja, ik zal het doorgeven. Als ik eraan denk.", "promise_vague")
    assert read_acts([proof, vague, act("Prima.")], TODAY)[-1].intent != moves.OFFER_CONCESSION
    pay = act("Wanneer kunt u betalen?", moves.OPEN_QUESTION)
    assert read_acts([pay, vague, act("Prima.")], TODAY)[-1].intent == moves.OFFER_CONCESSION


def test_a_step_the_firm_regrets_said_to_spare_the_debtor_is_no_threat():
    regret = act("Als het dinsdag niet binnen is, moeten we het dossier helaas overdragen aan ons "
                 "incassobureau. Dat wil ik u liever besparen.", moves.THREATEN)
    assert score([regret], today=TODAY).result("no_threats").passed
    plain = act("Als het dinsdag niet binnen is, gaat het naar ons incassobureau. Dat wil ik u "
                "liever besparen.", moves.THREATEN)
    assert not score([plain], today=TODAY).result("no_threats").passed


def test_yes_to_a_promise_without_a_time_gives_no_time():
    ask = act("Wanneer kan ik het geld verwachten?", moves.OPEN_QUESTION)
    timeless = debtor_says("Ja ja. Ik kijk ernaar, zei ik toch.", "promise_vague")
    assert read_acts([ask, timeless, act("Goed.")], TODAY)[-1].intent != moves.OFFER_CONCESSION
    later = debtor_says("Ik kijk er na de kerst wel naar.", "promise_vague")
    assert read_acts([ask, later, act("Goed.")], TODAY)[-1].intent == moves.OFFER_CONCESSION


def test_reading_the_agreement_back_heads_a_summary():
    heads = act("Dank u. Dan lees ik de afspraak voor u terug.", moves.POSITIVE_CLOSE)
    agreed = act("U maakt morgen, donderdag 3 december, € 4.127,35 over.",
                 moves.CONCRETE_PROPOSAL, date=["2026-12-03"], amount=[4127.35])
    assert read_acts([heads, agreed], TODAY)[-1].intent == moves.SUMMARISE


def test_a_question_about_paying_later_asks_for_the_later_day():
    asked = act("Dan gaan we voor dinsdag 8 december, het hele bedrag?",
                moves.CONCRETE_PROPOSAL, date=["2026-12-08"])
    later = debtor_says("Zullen we zeggen dat ik het volgende week dinsdag overmaak?",
                        "promise_vague", date=["2026-12-15"])
    assert read_acts([asked, later, act("Ja hoor.")], TODAY)[-1].intent == moves.OFFER_CONCESSION


def test_the_rest_of_the_turn_decides_whether_an_echo_gave_in():
    asked = act("Dat geld moet vandaag nog binnen zijn.", "", date=["2026-12-02"])
    vague = debtor_says("Ze zeggen begin volgende week, maar ik ga niks beloven.", "promise_vague",
                        date=["2026-12-07"])
    echo = act("Begin volgende week.", "", date=["2026-12-07"])
    warns = act("Nou, dan zet ik u alvast op de lijst voor het incassobureau.", moves.THREATEN)
    assert read_acts([asked, vague, echo, warns], TODAY)[2].intent != moves.OFFER_CONCESSION
    yes = act("Goed, volgende week dan.", "", date=["2026-12-07"])
    assert read_acts([asked, vague, yes, warns], TODAY)[2].intent == moves.OFFER_CONCESSION
    own = act("Lukt het vandaag met een losse betaling?", "", date=["2026-12-02"])
    assert read_acts([asked, vague, echo, own], TODAY)[2].intent != moves.OFFER_CONCESSION


def test_it_happens_more_often_after_understanding_doubts_nothing():
    shown = act("Dat begrijp ik.", moves.SHOW_UNDERSTANDING)
    often = act("Voor een sportschool is dit de stilste tijd, dat hoor ik vaker.", "")
    assert read_acts([shown, often], TODAY)[-1].intent != moves.THREATEN
    assert read_acts([act("Goed."), often], TODAY)[-1].intent == moves.THREATEN


def test_a_question_about_the_debtors_situation_gives_nothing():
    asked = act("Ik verzoek u het restant uiterlijk vrijdag 4 december te voldoen.", "",
                date=["2026-12-04"])
    vague = debtor_says("In de loop van januari komt er wel wat binnen.", "promise_vague")
    closed = act("Is uw zaak dan gesloten tot half januari?", moves.CLOSED_QUESTION,
                 date=["2027-01-15"])
    assert read_acts([asked, vague, closed], TODAY)[-1].intent != moves.OFFER_CONCESSION
    moved = act("Zullen we dan 15 januari zeggen?", moves.CLOSED_QUESTION, date=["2027-01-15"])
    assert read_acts([asked, vague, moved], TODAY)[-1].intent == moves.OFFER_CONCESSION


def test_a_vague_answer_about_another_matter_asks_for_no_time():
    offer = act("Zal ik daar na carnaval eens een offerte voor maken?", moves.CLOSED_QUESTION)
    later = debtor_says("Ja, graag. Dan kan ik het in maart in het bestuur brengen.",
                        "promise_vague")
    fine = act("Goed, dan zet ik dat voor maart in mijn agenda.", "")
    assert read_acts([offer, later, fine], TODAY)[-1].intent != moves.OFFER_CONCESSION


def test_this_week_within_the_collectors_own_term_gives_nothing():
    asked = act("Zou u hem dan zo snel mogelijk willen betalen?", moves.VAGUE_PROPOSAL)
    week = debtor_says("Ja hoor, als ik hem heb, dan betaal ik hem deze week nog wel.",
                       "promise_vague")
    fine = act("Deze week, dat is helemaal goed.", moves.OFFER_CONCESSION)
    assert read_acts([asked, week, fine], TODAY)[-1].intent != moves.OFFER_CONCESSION
    sooner = act("Ik wil het morgen binnen hebben.", moves.STATE_PURPOSE, date=["2026-12-03"])
    assert read_acts([sooner, week, fine], TODAY)[-1].intent == moves.OFFER_CONCESSION
    denied = debtor_says("Deze week lukt het niet, dat zeg ik u eerlijk.", "promise_vague")
    assert read_acts([asked, denied, fine], TODAY)[-1].intent == moves.OFFER_CONCESSION


def test_the_debtors_vague_term_taken_as_the_plan_is_a_concession():
    later = debtor_says("Stuur hem maar opnieuw, dan kijk ik er na de kerstvakantie wel even "
                        "naar.", "excuse_invoice_not_received")
    taken = act("Oké. Na de kerstvakantie dan.", "nlu_fallback")
    assert read_acts([later, taken], TODAY)[-1].intent == moves.OFFER_CONCESSION
    echo = act("Na de kerstvakantie.", "")  # a bare echo doubts it
    assert read_acts([later, echo], TODAY)[-1].intent != moves.OFFER_CONCESSION
    somewhere = debtor_says("Ergens in november. Mijn vrouw doet dat.", "claim_already_paid")
    blame = act("Dan, eh, dan zal het wel bij ons ergens misgegaan zijn.", "")
    assert read_acts([somewhere, blame], TODAY)[-1].intent != moves.OFFER_CONCESSION


def test_scorn_put_as_praise_is_no_yes():
    asked = act("En ik wil dat geld deze week hebben.", moves.STATE_PURPOSE)
    away = debtor_says("Meneer is er deze week niet, hij is maandag 7 december pas terug.",
                       "excuse_contact_unavailable", date=["2026-12-07"])
    scorn = act("Polen. Nou, mooi is dat.", moves.OFFER_CONCESSION)
    assert read_acts([asked, away, scorn], TODAY)[-1].intent != moves.OFFER_CONCESSION
    fine = act("Nou, mooi, dan maandag.", "")
    assert read_acts([asked, away, fine], TODAY)[-1].intent == moves.OFFER_CONCESSION


def test_understanding_in_a_word_after_a_hum_is_an_act_of_its_own():
    assert split_acts("Hm, vervelend. Hoe lang staat dat bij die handelaar al open dan?") == [
        "Hm, vervelend.", "Hoe lang staat dat bij die handelaar al open dan?"]


def test_checking_the_debtors_story_or_thanking_them_gives_nothing():
    asked = act("Ik wil graag afspreken dat die uiterlijk morgen betaald wordt.",
                moves.STATE_PURPOSE, date=["2026-12-03"])
    later = debtor_says("Onze afnemer betaalt pas op 28 december, dan kan ik betalen.",
                        "excuse_waiting_for_customer", date=["2026-12-28"])
    check = act("Klopt het dat dat geld op 28 december echt binnenkomt, is dat toegezegd?",
                moves.OFFER_CONCESSION, date=["2026-12-28"])
    assert read_acts([asked, later, check], TODAY)[-1].intent != moves.OFFER_CONCESSION
    thanks = act("Bedankt, Ruud, en succes op 28 december met die klus.", moves.POSITIVE_CLOSE,
                 date=["2026-12-28"])
    assert read_acts([asked, later, thanks], TODAY)[-1].intent == moves.POSITIVE_CLOSE
    given = act("Allez, 't is goed, 28 december dan.", "", date=["2026-12-28"])
    warning = act("Ik ga niet weer achter u moeten bellen.", moves.THREATEN)
    assert [t.intent for t in read_acts([asked, later, given, warning], TODAY)][2] == \
        moves.OFFER_CONCESSION


def test_a_yes_that_closes_the_call_is_a_concession_and_a_close():
    asked = act("Ik zou hem graag deze week nog betaald zien.", moves.STATE_PURPOSE)
    later = debtor_says("Nou, ze zeiden eind van de maand. Eind december, zeg maar.",
                        "request_extension", date=["2026-12-31"])
    close = act("Eind december. Prima. Bedankt, dag.", moves.OFFER_CONCESSION,
                date=["2026-12-31"])
    read = read_acts([asked, later, close], TODAY)
    assert [t.intent for t in read[2:]] == [moves.OFFER_CONCESSION, moves.POSITIVE_CLOSE]


def test_a_vague_week_of_a_month_asks_for_more():
    from bot.coach.roleplay.terms import vague_date
    assert vague_date(debtor_says("Ja, tweede week januari of zo.", "promise_to_pay"))
    assert not vague_date(debtor_says("Ja, 12 januari.", "promise_to_pay"))


def test_the_day_the_invoice_goes_out_again_sets_no_term():
    resend = act("Ik stuur hem vandaag nog opnieuw naar jouw eigen adres.", "",
                 date=["2026-12-02"])
    later = debtor_says("Ja graag. Nou, dan betaal ik 'm eind volgende week.",
                        "request_extension", date=["2026-12-11"])
    taken = act("Eind volgende week… nou, zeg maar vrijdag de elfde dan?",
                moves.CLOSED_QUESTION, date=["2026-12-11", "2026-12-04"])
    # "vandaag nog" for the mail is no term of this Friday that the 4th would keep to
    assert read_acts([resend, later, taken], TODAY)[-1].intent == moves.OFFER_CONCESSION


def test_the_debtors_later_day_still_stands_after_a_question_and_a_no():
    asked = act("Ik wil dat uiterlijk vrijdag op de rekening hebben.", moves.STATE_PURPOSE,
                date=["2026-12-04"])
    later = debtor_says("Dus als dat binnen is, kan ik dinsdag betalen.", "promise_to_pay",
                        date=["2026-12-08"])
    probe = act("Vrijdag gaat niet?", "", date=["2026-12-04"])
    no = debtor_says("Nee, echt niet, dan sta ik rood.", "cannot_pay")
    taken = act("Goed. Dinsdag dan.", "", date=["2026-12-08"])
    assert read_acts([asked, later, probe, no, taken], TODAY)[-1].intent \
        == moves.OFFER_CONCESSION
    firm = act("Nou, dan zet ik u alvast op de lijst voor het incassobureau.",
               moves.THREATEN)
    angry = debtor_says("Doe wat u niet laten kunt.", "express_anger")
    bye = act("Prima. Dag.", "")
    assert read_acts([asked, later, firm, angry, bye], TODAY)[-1].intent \
        != moves.OFFER_CONCESSION


def test_a_later_day_offered_unasked_to_spare_the_debtor_is_a_concession():
    asked = act("Ik wil graag dat die deze week nog, uiterlijk donderdag 3 december, "
                "betaald wordt.", moves.STATE_PURPOSE, date=["2026-12-03"])
    yes = debtor_says("Ja, dat moet lukken.", "affirm")
    spared = act("Of weet u wat, laten we vrijdag 4 december zeggen, dan zit u niet zo krap.",
                 "", date=["2026-12-04"])
    assert read_acts([asked, yes, spared], TODAY)[-1].intent == moves.OFFER_CONCESSION
    kept = act("Laten we vrijdag 4 december zeggen.", "", date=["2026-12-04"])
    assert read_acts([asked, yes, kept], TODAY)[-1].intent != moves.OFFER_CONCESSION


def test_asking_how_a_split_on_offer_would_go_asks_for_nothing_more():
    split = act("We kunnen het bedrag in drie delen splitsen.", moves.OFFER_CONCESSION)
    back = act("Maar dan vraag ik wel iets terug: dat de eerste termijn morgen binnen is.",
               moves.ASK_IN_RETURN, date=["2026-12-03"])
    how = debtor_says("Drie delen. Hoe had je dat dan in gedachten?", "request_payment_plan")
    detail = act("Dan vrijdag 18 december € 1.800.", moves.OFFER_CONCESSION,
                 date=["2026-12-18"], amount=[1800.0])
    read = read_acts([split, back, how, detail], TODAY)
    assert read[-1].intent != moves.OFFER_CONCESSION
    assert score([split, back, how, detail], today=TODAY).result("concession_return").passed


def test_a_summary_in_two_sentences_has_its_date_and_amount():
    agreed = debtor_says("Zo is het.", "affirm")
    amounts = act("Dan vat ik het even samen: factuur F-2026-118 van 9.360 euro betaal je in "
                  "drie termijnen van 3.120 euro.", moves.SUMMARISE, amount=[9360.0, 3120.0])
    dates = act("De eerste maak jij vrijdag 4 december over, de tweede op 18 december.",
                moves.SUMMARISE, date=["2026-12-04", "2026-12-18"])
    assert score([amounts, dates, agreed], today=TODAY).result("summarised").passed
    apart = [amounts, agreed, dates]
    assert not score(apart, today=TODAY).result("summarised").passed


def test_a_warning_about_the_procedure_one_hopes_to_avoid_is_no_threat():
    rule = act("Als een betaalafspraak niet wordt nagekomen, gaat een dossier volgens onze "
               "procedure naar het incassobureau.", moves.THREATEN)
    spared = act("Daar wil ik niet op uitkomen, en met deze afspraak is dat ook niet nodig.")
    assert score([rule, spared], today=TODAY).result("no_threats").passed
    assert score([rule], today=TODAY).result("no_threats").passed  # a plain fact too
    dearer = act("Als een betaalafspraak niet wordt nagekomen, gaat een dossier volgens onze "
                 "procedure naar het incassobureau, en dat wordt een stuk duurder voor u.",
                 moves.THREATEN)
    assert not score([dearer], today=TODAY).result("no_threats").passed


def test_mailing_the_invoice_the_debtor_asked_for_confirms_nothing():
    asked = debtor_says("Vrijdag moet lukken. Kunt u mij de factuur nog even mailen?",
                        "promise_to_pay", date=["2026-12-04"])
    mailed = act("Ik mail hem vanmiddag naar u.", moves.ANNOUNCE_CONFIRMATION)
    assert not score([asked, mailed], today=TODAY).result("confirmation").passed
    told = debtor_says("Vrijdag moet lukken.", "promise_to_pay", date=["2026-12-04"])
    assert score([told, mailed], today=TODAY).result("confirmation").passed


def test_the_condition_in_a_summary_pays_for_no_gift():
    gift = act("Weet je wat, die veertig euro aanmaningskosten laat ik alvast vallen.",
               moves.OFFER_CONCESSION, amount=[40.0])
    fine = debtor_says("Haha, prima.", "affirm")
    summary = act("Dus even samengevat: als de urenstaat klopt maak jij vrijdag 4 december de "
                  "4.980 euro over.", moves.SUMMARISE, date=["2026-12-04"], amount=[4980.0])
    assert not score([gift, fine, summary], today=TODAY).result("concession_return").passed


def test_the_deadline_comes_with_the_invoice_named_after_welke_factuur():
    purpose = act("Ik bel over een factuur.", moves.STATE_PURPOSE)
    which = debtor_says("Welke factuur?", "ask_invoice_details")
    named = act("Factuur 5531, van 1.180 euro. We zouden hem graag deze week nog ontvangen.",
                "", invoice_number=["5531"], amount=[1180.0])
    assert score([purpose, which, named], today=TODAY).result("purpose_deadline").passed


def test_a_day_or_so_is_no_exact_day():
    promise = debtor_says("Als het klopt, betaal ik het hele bedrag. Vrijdag 4 december of zo.",
                          "promise_to_pay", date=["2026-12-04"])
    assert vague_date(promise)
    assert not vague_date(debtor_says("Moet ik daar iets voor tekenen of zo?", "affirm"))


def test_terms_put_with_is_dat_goed_after_them_are_a_proposal_not_a_summary():
    terms = Turn(COLLECTOR, "Mooi. Dan de tweede 1.000 op vrijdag 22 januari en de laatste 960 "
                 "op vrijdag 5 februari.", moves.SUMMARISE,
                 {"date": ["2027-01-22", "2027-02-05"], "amount": [1000.0]})
    check = Turn(COLLECTOR, "Is dat goed?", moves.CLOSED_QUESTION, {})
    assert moves.SUMMARISE not in [t.intent for t in read_acts([terms, check])]
    assert moves.SUMMARISE in [t.intent for t in read_acts([terms])]


def test_a_later_date_offered_unasked_to_spare_the_debtor_is_a_concession():
    from bot.coach.roleplay.concessions import unpaired_concessions
    later = act("Zullen we dan maar zeggen eind december?", moves.VAGUE_PROPOSAL,
                date=["2026-12-31"])
    spare = act("Dan heeft u wat lucht.", "nlu_fallback")
    assert unpaired_concessions(read_acts([later, spare], TODAY)) != []
    assert unpaired_concessions(read_acts([later], TODAY)) == []
    own = act("Ik wil graag dat hij deze week nog betaald wordt.", moves.STATE_PURPOSE)
    until = act("Dan geef ik je gewoon tot eind volgende week.", "", date=["2026-12-11"])
    assert unpaired_concessions(read_acts([own, until], TODAY)) != []
    first = act("Ik geef u tot vrijdag 11 december.", moves.STATE_PURPOSE, date=["2026-12-11"])
    assert unpaired_concessions(read_acts([first], TODAY)) == []
    hurry = act("Weet ge wat, ge moet u niet haasten, betaal maar ten laatste vrijdag 18 december.",
                "", date=["2026-12-18"])
    assert unpaired_concessions(read_acts([hurry], TODAY)) != []
    time = act("Heeft u even tijd? Ik wil graag afspreken dat hij uiterlijk vrijdag 11 december "
               "betaald is.", moves.STATE_PURPOSE, date=["2026-12-11"])
    assert unpaired_concessions(read_acts([time], TODAY)) == []


def test_nergens_is_no_vague_date():
    excuse = debtor_says("Die heb ik hier nergens zien passeren, eerlijk gezegd.",
                         "excuse_invoice_not_received")
    assert not vague_date(excuse)
    assert vague_date(debtor_says("Volgende week ergens, hoop ik.", "promise_vague"))


def test_more_time_than_the_debtor_asked_and_rest_offered_unasked_are_concessions():
    from bot.coach.roleplay.concessions import unpaired_concessions
    asked = debtor_says("Mijn boekhouder komt op donderdag, dan kan hij dat deze week nog "
                        "meenemen.", "excuse_contact_unavailable", date=["2026-12-03"])
    further = act("Ah, maar weet ge wat, neem gerust tot volgende week vrijdag, de elfde.",
                  "nlu_fallback", date=["2026-12-11"])
    assert unpaired_concessions(read_acts([asked, further], TODAY)) != []
    kept = act("Dan spreken we vrijdag de vierde af.", "", date=["2026-12-04"])
    assert unpaired_concessions(read_acts([asked, kept], TODAY)) == []
    rest = act("Weet je wat, zullen we gewoon zeggen na de feestdagen, dan heb je even rust?",
               moves.OPEN_QUESTION)
    day = act("Maandag 4 januari, 812 euro, lukt dat?", moves.CONCRETE_PROPOSAL,
              date=["2027-01-04"], amount=[812.0])
    assert unpaired_concessions(read_acts([rest, day], TODAY)) != []
    assert unpaired_concessions(read_acts([day], TODAY)) == []
    air = act("Dan hebt ge wat ademruimte na het verlof.", "nlu_fallback")
    later = act("Laten we vrijdag 18 december zeggen.", "", date=["2026-12-18"])
    assert unpaired_concessions(read_acts([later, air], TODAY)) != []


def test_yes_to_a_later_day_than_before_christmas_gives_time():
    from bot.coach.roleplay.concessions import unpaired_concessions
    today = dt.date(2028, 12, 20)  # a Wednesday; Christmas Day is a Monday
    ask = act("U gaat het toch wel vóór de kerst betalen, hè?", "nlu_fallback")
    later = debtor_says("Dan maak ik het na de kerst meteen over. Woensdag de 27e.",
                        "promise_to_pay", date=["2028-12-27"])
    taken = act("Eh, ja, oké, dat is goed. Woensdag dan.", "", date=["2028-12-27"])
    assert unpaired_concessions(read_acts([ask, later, taken], today)) != []
    friday = debtor_says("Dan maak ik het vrijdag over.", "promise_to_pay",
                         date=["2028-12-22"])
    assert unpaired_concessions(read_acts([ask, friday, taken], today)) == []
    # small talk about the season asks no day; a day asked before stays the day
    chat = act("Iedereen wil nog voor de kerst z'n steiger weg hebben.", "nlu_fallback")
    assert unpaired_concessions(read_acts([chat, later, taken], today)) == []
    own = act("Ik wil het uiterlijk vrijdag binnen hebben.", "", date=["2028-12-22"])
    monday = debtor_says("Woensdag de 27e.", "promise_to_pay", date=["2028-12-27"])
    assert unpaired_concessions(read_acts([own, ask, monday, taken], today)) != []


def test_a_warning_about_the_next_step_called_a_fixed_procedure_is_no_threat():
    step = act("Ik wil u wel eerlijk zeggen hoe het bij ons verder loopt: als een factuur na "
               "twee herinneringen niet betaald is, gaat het dossier op 4 januari naar ons "
               "incassobureau.", moves.THREATEN, date=["2027-01-04"])
    fixed = act("Dat is een vaste procedure, dat beslis ik niet zelf.", "nlu_fallback")
    assert moves.THREATEN not in [t.intent for t in read_acts([step, fixed], TODAY)]
    assert moves.THREATEN in [t.intent for t in read_acts([step], TODAY)]


def test_settling_for_a_later_day_with_dan_maar_is_a_concession():
    from bot.coach.roleplay.concessions import unpaired_concessions
    settle = act("Nou, weet u wat, zal ik dan maar gewoon na de kerst zeggen?",
                 moves.OPEN_QUESTION)
    day = act("Dan maakt u 'm woensdag over, de negende.", moves.SUMMARISE,
              date=["2026-12-09"])
    assert unpaired_concessions(read_acts([settle, day], TODAY)) != []
    ask = act("Zullen we woensdag de negende zeggen?", moves.CONCRETE_PROPOSAL,
              date=["2026-12-09"])
    assert unpaired_concessions(read_acts([ask], TODAY)) == []


def test_offering_more_time_than_asked_as_a_question_gives_it():
    from bot.coach.roleplay.concessions import unpaired_concessions
    asked = debtor_says("Normaal dinsdag. Dan kan ik u direct betalen, woensdag of zo.",
                        "promise_to_pay", date=["2026-12-08", "2026-12-09"])
    more = act("Weet ge wat, zal ik er voor de zekerheid vrijdag volgende week van maken?",
               "nlu_fallback", date=["2026-12-11"])
    spare = act("Dan zit ge niet zo krap.", "nlu_fallback")
    assert unpaired_concessions(read_acts([asked, more, spare], TODAY)) != []
    assert unpaired_concessions(read_acts([asked, more], TODAY)) == []


def test_saying_how_the_procedure_works_to_spare_the_debtor_is_no_threat():
    told = act("Ik wil u wel eerlijk zeggen hoe onze procedure werkt: als de betaling maandag "
               "niet binnen is, gaat het dossier automatisch door naar ons incassobureau, en "
               "dat wil ik u graag besparen.", moves.THREATEN, date=["2026-12-07"])
    assert score([told], today=TODAY).result("no_threats").passed


def test_a_later_week_offered_so_the_debtor_has_time_gives_it():
    from bot.coach.roleplay.concessions import unpaired_concessions
    later = act("Oké. Zal ik anders zeggen, is volgende week ook goed?", moves.CLOSED_QUESTION,
                date=["2026-12-11"])
    spare = act("Dan heeft u even de tijd om dat met die bank te regelen.", "nlu_fallback")
    assert unpaired_concessions(read_acts([later, spare], TODAY)) != []
    assert unpaired_concessions(read_acts([later], TODAY)) == []


def test_moving_from_today_to_next_week_after_a_reproach_gives_time():
    from bot.coach.roleplay.concessions import unpaired_concessions
    today = act("Dat geld moet vandaag binnen.", "", date=["2026-12-02"])
    why = act("Waarom laat je ons dan zes weken wachten zonder iets te laten horen?",
              "nlu_fallback")
    wait = debtor_says("Zodra Van Dijk mij betaalt, krijg jij je geld.", "promise_vague")
    week = act("Volgende week, en dan wel alles.", "", date=["2026-12-11"])
    assert unpaired_concessions(read_acts([today, why, wait, week], TODAY)) != []


def test_being_honest_about_the_fixed_procedure_is_no_threat():
    told = act("Prima. Ik wil ook eerlijk zijn: lukt het helemaal niet, dan gaat het dossier "
               "volgens onze vaste procedure op 22 december naar het incassobureau.",
               moves.THREATEN, date=["2026-12-22"])
    assert score([told], today=TODAY).result("no_threats").passed
    blunt = act("Lukt het niet, dan gaat het dossier op 22 december naar het incassobureau.",
                moves.THREATEN, date=["2026-12-22"])
    assert not score([blunt], today=TODAY).result("no_threats").passed


def test_giving_some_air_before_a_later_day_is_a_concession():
    from bot.coach.roleplay.concessions import unpaired_concessions
    when = debtor_says("Ze zeiden na de feestdagen, maar dat zeiden ze vorige maand ook.",
                       "affirm")
    air = act("Weet je wat, dan geven we jullie gewoon wat lucht.", "")
    day = act("Zal ik noteren dat jullie uiterlijk woensdag 30 december het hele bedrag "
              "overmaken?", moves.CONCRETE_PROPOSAL, date=["2026-12-30"])
    assert unpaired_concessions(read_acts([when, air, day], TODAY)) != []


def test_taking_the_debtors_vague_end_of_month_is_a_concession_however_near():
    from bot.coach.roleplay.concessions import unpaired_concessions
    when = act("Wanneer betaalt u?", moves.OPEN_QUESTION)
    vague = debtor_says("Mijn boekhouder is weg tot half december. Eind van de maand of zo.",
                        "excuse_contact_unavailable", date=["2026-12-15", "2026-12-04"])
    took = act("Eind van de maand. Oké.", "", date=["2026-12-04"])
    assert unpaired_concessions(read_acts([when, vague, took], TODAY)) != []


def test_saying_honestly_how_the_procedure_goes_is_no_threat():
    told = act("Dan gaat het dossier volgens onze vaste procedure naar het incassobureau, dat "
               "wil ik u gewoon eerlijk zeggen.", moves.THREATEN)
    assert score([told], today=TODAY).result("no_threats").passed


def test_moving_the_day_to_when_the_debtors_customer_has_paid_is_a_concession():
    from bot.coach.roleplay.concessions import unpaired_concessions
    asked = act("Die willen we graag uiterlijk maandag 7 december binnen hebben.",
                moves.STATE_PURPOSE, date=["2026-12-07"])
    later = debtor_says("Ze hebben maandag beloofd. Als dat binnen is, kan ik jou woensdag "
                        "betalen.", "promise_to_pay", date=["2026-12-07", "2026-12-09"])
    moved = act("Dus als de gemeente maandag betaalt, maak jij woensdag 9 december de 9.870 "
                "euro over?", moves.CLOSED_QUESTION, date=["2026-12-07", "2026-12-09"],
                amount=[9870.0])
    assert unpaired_concessions(read_acts([asked, later, moved], TODAY)) != []


def test_a_yes_traded_only_for_word_that_the_payment_left_is_unpaid():
    from bot.coach.roleplay.concessions import unpaired_concessions
    asked = act("Ik zou graag afspreken dat ze ten laatste maandag betaald is.",
                moves.STATE_PURPOSE, date=["2026-12-07"])
    split = debtor_says("Ik zou de helft maandag kunnen betalen en de rest de vijftiende.",
                        "request_payment_plan", date=["2026-12-07", "2026-12-15"])
    yes = act("Da's goed, als ge mij efkes laat weten wanneer de eerste betaling vertrokken is.",
              moves.ASK_IN_RETURN)
    assert unpaired_concessions(read_acts([asked, split, yes], TODAY)) != []


def test_a_later_day_after_turning_the_debtors_day_down_is_a_concession():
    from bot.coach.roleplay.concessions import unpaired_concessions
    asked = act("Ik verzoek u het bedrag deze week te voldoen.", "")
    ask = debtor_says("Kan het eind van de maand worden?", "excuse_contact_unavailable",
                      date=["2026-12-31"])
    no = act("Eind van de maand is mij te laat.", "nlu_fallback", date=["2026-12-31"])
    later = act("Ik kan u tot de vijftiende geven, als u mij even een berichtje stuurt zodra "
                "het betaald is.", "", date=["2026-12-15"])
    assert unpaired_concessions(read_acts([asked, ask, no, later], TODAY)) != []


def test_agreeing_today_on_payment_this_week_asks_for_friday():
    from bot.coach.roleplay.concessions import unpaired_concessions
    asked = act("Ik bel over een achterstallige factuur en wil vandaag afspreken dat die deze "
                "week betaald wordt.", moves.STATE_PURPOSE, date=["2026-12-02"])
    part = debtor_says("Alles behalve die zaterdag. De rest klopt.", "promise_to_pay",
                       date=["2026-12-05"])
    offer = act("Dan stel ik voor: het onbetwiste deel, € 6.200,00, betaalt u donderdag 3 "
                "december.", moves.OFFER_CONCESSION, date=["2026-12-03"], amount=[6200.0])
    assert unpaired_concessions(read_acts([asked, part, offer], TODAY)) == []


def test_nee_precies_agrees_and_then_gives_time():
    from bot.coach.roleplay.concessions import unpaired_concessions
    asked = act("We willen hem graag uiterlijk vrijdag binnen hebben.", moves.STATE_PURPOSE,
                date=["2026-12-04"])
    hope = debtor_says("Ik hoop volgende week, maar ik heb het niet in de hand.", "promise_vague",
                       date=["2026-12-11"])
    gift = act("Nee, precies. Nou, weet u wat, dan doen we het zo: u maakt het over, in elk "
               "geval voor het eind van de maand.", moves.VAGUE_PROPOSAL, date=["2026-12-31"])
    assert unpaired_concessions(read_acts([asked, hope, gift], TODAY)) != []


def test_the_debtors_offer_taken_with_dan_is_no_summary():
    offer = debtor_says("Ik kan vrijdag tweeduizend euro overschrijven.", "promise_to_pay",
                        date=["2026-12-04"], amount=[2000.0])
    taken = act("Allez, vrijdag tweeduizend dan.", moves.SUMMARISE, date=["2026-12-04"],
                amount=[2000.0])
    assert read_acts([offer, taken], TODAY)[-1].intent != moves.SUMMARISE
    echo = act("Vrijdag 4 december, tweeduizend euro.", "", date=["2026-12-04"],
               amount=[2000.0])
    assert read_acts([offer, echo], TODAY)[-1].intent == moves.SUMMARISE


def test_yes_to_a_vague_term_around_easter_is_a_concession():
    from bot.coach.roleplay.concessions import unpaired_concessions
    ask = debtor_says("Ik betaal als het seizoen weer begint, rond Pasen of zo.", "nlu_fallback")
    yes = act("Ja, oké, da's goed.", "")
    assert unpaired_concessions(read_acts([ask, yes], TODAY)) != []


def test_a_threat_asks_for_its_term_not_for_the_day_of_what_follows():
    from bot.coach.roleplay.concessions import unpaired_concessions
    threat = act("Als het niet vandaag binnen is, komt de deurwaarder volgende week langs.",
                 moves.THREATEN, date=["2026-12-02", "2026-12-11"])
    ask = debtor_says("Dat hoeft toch niet meteen? Maandag misschien.", "nlu_fallback",
                      date=["2026-12-07"])
    yes = act("Maandag dan.", "", date=["2026-12-07"])
    assert unpaired_concessions(read_acts([threat, ask, yes], TODAY)) != []


def test_a_later_term_offered_if_it_does_not_work_out_is_a_concession():
    from bot.coach.roleplay.concessions import unpaired_concessions
    asked = act("Ik wil graag dat hij uiterlijk maandag 7 december betaald is.",
                moves.STATE_PURPOSE, date=["2026-12-07"])
    fallback = act("En als het echt niet lukt, mag het ook eind van de maand.",
                   moves.VAGUE_PROPOSAL, date=["2026-12-31"])
    assert unpaired_concessions(read_acts([asked, fallback], TODAY)) != []
    assert unpaired_concessions(read_acts([asked], TODAY)) == []


def test_the_debtors_term_taken_after_holding_out_against_it_is_a_concession():
    from bot.coach.roleplay.concessions import unpaired_concessions
    asked = act("Die moet deze week nog betaald worden.", moves.STATE_PURPOSE)
    ask = debtor_says("Nee, dat wordt eind januari.", "promise_vague", date=["2027-01-29"])
    firm = [act("Eind januari. Fantastisch.", "", date=["2027-01-29"]),
            act("Als het er dan niet is, nemen we andere maatregelen.", "")]
    relay = debtor_says("Ik geef het door.", "promise_vague")
    taken = act("Eind januari dan.", "", date=["2027-01-29"])
    assert unpaired_concessions(read_acts([asked, ask, *firm, relay], TODAY)) == []
    assert unpaired_concessions(read_acts([asked, ask, *firm, relay, taken], TODAY)) != []


@pytest.mark.parametrize("spare", [
    "Maar dat gaat vast goed.",
    "Da's geen dreigement, maar ik wil dat u het weet.",
])
def test_a_procedural_warning_with_reassurance_is_no_threat(spare):
    warning = act("Als het vrijdag niet binnen is, moet ik het volgens onze procedure "
                  "doorzetten naar het incassobureau.", moves.THREATEN, date=["2026-12-04"])
    assert score([warning, act(spare, "")], today=TODAY).result("no_threats").passed
    bare = act("Als het vrijdag niet binnen is, moet ik het doorzetten naar het incassobureau.",
               moves.THREATEN, date=["2026-12-04"])
    assert not score([bare], today=TODAY).result("no_threats").passed


@pytest.mark.parametrize("rule, spare", [
    ("gaat het dossier volgens onze vaste werkwijze naar het incassobureau.",
     "Dat wil ik u graag besparen."),
    ("gaat het dossier volgens onze procedure naar het incassobureau.",
     "Daar gaan we nu niet van uit, maar ik wil het u wel eerlijk zeggen."),
])
def test_a_standing_way_of_working_said_honestly_is_no_threat(rule, spare):
    warning = act(f"Als een termijn niet op tijd binnen is, {rule}", moves.THREATEN)
    assert score([warning, act(spare, "")], today=TODAY).result("no_threats").passed


def test_a_remainder_left_open_is_no_exact_agreement():
    offer = act("Zullen we zeggen 300 euro op vrijdag 8 januari?", moves.CONCRETE_PROPOSAL,
                date=["2027-01-08"], amount=[300.0])
    back = act("Dus 300 euro op vrijdag 8 januari, en de rest zien we dan wel.",
               moves.SUMMARISE, date=["2027-01-08"], amount=[300.0])
    whole = act("Dus 300 euro op vrijdag 8 januari, en de rest op vrijdag 22 januari.",
                moves.SUMMARISE, date=["2027-01-08", "2027-01-22"], amount=[300.0])
    yes = debtor_says("Ja, prima.", "affirm")
    hedge = debtor_says("Ik ga mijn best doen.", "promise_vague")
    assert not score([offer, hedge, back, yes], today=TODAY).result(
        "concrete_agreement").passed
    assert score([offer, hedge, whole, yes], today=TODAY).result("concrete_agreement").passed


def test_the_deadline_may_come_with_the_second_purpose_before_the_story():
    person = act("Ik bel even voor mevrouw Smit van de boekhouding.", moves.STATE_PURPOSE)
    her = debtor_says("Daar spreekt u mee.", "affirm")
    purpose = act("Ik bel over een factuur die we graag nog deze week binnen hebben.",
                  moves.STATE_PURPOSE)
    story = debtor_says("Die ligt nog bij mijn collega, die is ziek.",
                        "excuse_contact_unavailable")
    late = act("Ik wil hem graag deze week nog binnen hebben.", moves.STATE_PURPOSE)
    assert score([person, her, purpose, story], today=TODAY).result(
        "purpose_deadline").passed
    assert not score([person, her, story, late], today=TODAY).result(
        "purpose_deadline").passed


def test_a_threat_without_a_term_names_no_day_to_pay():
    from bot.coach.roleplay.concessions import unpaired_concessions
    asked = act("Dat moet vandaag binnen zijn.", moves.STATE_PURPOSE, date=["2026-12-02"])
    threat = act("Dan gaat het naar de deurwaarder en die staat binnen een week bij u op de "
                 "stoep.", moves.THREATEN, date=["2026-12-09"])
    ask = debtor_says("Vrijdag komt er geld binnen, dan maak ik het over.", "promise_to_pay",
                      date=["2026-12-04"])
    taken = act("Vrijdag dan.", "", date=["2026-12-04"])
    assert unpaired_concessions(read_acts([asked, threat, ask, taken], TODAY)) != []


def test_a_warning_said_so_the_debtor_knows_how_it_goes_is_no_threat():
    warning = act("Als het dan niet binnen is, gaat het dossier volgens onze vaste procedure "
                  "naar het incassobureau.", moves.THREATEN)
    told = act("Dat zeg ik erbij zodat u weet hoe het loopt.", "")
    assert score([warning, told], today=TODAY).result("no_threats").passed


def test_doe_dan_maar_die_helft_takes_the_debtors_offer():
    offer = debtor_says("Ik maak vrijdag de helft over, 306 euro.", "promise_to_pay",
                        date=["2026-12-04"], amount=[306.0])
    taken = act("Nou, doe dan maar die helft.", "")
    again = debtor_says("Prima. Vrijdag 306 euro.", "promise_to_pay", date=["2026-12-04"],
                        amount=[306.0])
    assert score([offer, taken, again], today=TODAY).result("concrete_agreement").passed


def test_a_yes_once_the_debtors_complaint_is_put_right_is_no_agreement():
    offer = act("Dan vat ik samen: wij herstellen vrijdag de deur, en als dat in orde is, "
                "betaalt u dinsdag 8 december het volledige bedrag van € 5.640,00.",
                moves.SUMMARISE, date=["2026-12-04", "2026-12-08"], amount=[5640.0])
    waits = debtor_says("Als het in orde is, ja.", "affirm")
    plain = act("Dan vat ik samen: u betaalt dinsdag 8 december het volledige bedrag van "
                "€ 5.640,00.", moves.SUMMARISE, date=["2026-12-08"], amount=[5640.0])
    firm = debtor_says("Ja, dat is goed.", "affirm")
    assert not score([offer, waits], today=TODAY).result("concrete_agreement").passed
    assert not score([plain, waits], today=TODAY).result("concrete_agreement").passed
    assert score([plain, firm], today=TODAY).result("concrete_agreement").passed



def test_dat_kan_ik_vragen_with_a_later_day_asks_for_more():
    from bot.coach.roleplay.concessions import unpaired_concessions
    asked = act("Dan laat u het vrijdag door uw collega goedkeuren.", "", date=["2026-12-04"])
    ask = debtor_says("Dat kan ik vragen. Dan gaat het mee in de betaalrun van maandag, eerder "
                      "lukt niet.", "promise_to_pay", date=["2026-12-07"])
    taken = act("Maandag de 7e dan.", "", date=["2026-12-07"])
    assert unpaired_concessions(read_acts([asked, ask, taken], TODAY)) != []


def test_hmm_ja_after_holding_back_and_a_customer_paying_first_agree_nothing():
    proposal = act("Zal ik noteren woensdag 9 december?", moves.CONCRETE_PROPOSAL,
                   date=["2026-12-09"])
    hedge = debtor_says("Ja, zoiets. Ik ga mijn best doen, maar beloven kan ik niks.",
                        "promise_vague")
    noted = act("Dan noteer ik woensdag 9 december, € 2.980,00.", moves.SUMMARISE,
                date=["2026-12-09"], amount=[2980.0])
    murmur = debtor_says("Hmm, ja.", "affirm")
    assert not score([proposal, hedge, noted, murmur], today=TODAY).result(
        "concrete_agreement").passed
    waits = act("Dus we noteren: vrijdag 4 december 7.300 euro, op voorwaarde dat uw klant "
                "betaald heeft.", moves.SUMMARISE, date=["2026-12-04"], amount=[7300.0])
    yes = debtor_says("Ja, zo is het goed.", "affirm")
    assert not score([waits, yes], today=TODAY).result("concrete_agreement").passed


def test_a_later_day_of_ones_own_after_the_debtor_says_today_will_not_do_gives_time():
    from bot.coach.roleplay.concessions import unpaired_concessions
    today = act("Dat moet vandaag binnen zijn.", "", date=["2026-12-02"])
    cannot = debtor_says("Vandaag? Dat gaat niet lukken, er staat weinig op de rekening.",
                         "cannot_pay", date=["2026-12-02"])
    friday = act("Kunt u vrijdag betalen of niet?", moves.CLOSED_QUESTION, date=["2026-12-04"])
    vague = debtor_says("Ik ga mijn best doen.", "promise_vague")
    taken = act("Nou goed, dan maar vrijdag.", moves.SUMMARISE, date=["2026-12-04"])
    assert unpaired_concessions(read_acts([today, cannot, friday, vague, taken], TODAY)) != []
    kept = debtor_says("Vandaag? Ja, dat gaat lukken.", "affirm", date=["2026-12-02"])
    assert unpaired_concessions(read_acts([today, kept, friday, vague, taken], TODAY)) == []


def test_a_yes_to_another_question_leaves_the_debtors_later_term_standing():
    from bot.coach.roleplay.concessions import unpaired_concessions
    when = act("En wanneer verwacht u dat hij tekent?", moves.OPEN_QUESTION)
    later = debtor_says("Nou, ergens volgende week denk ik.", "promise_vague",
                        date=["2026-12-11"])
    other = act("Is de factuur inhoudelijk verder in orde?", moves.CLOSED_QUESTION)
    yes = debtor_says("Ja hoor, daar is niks mis mee.", "affirm")
    taken = act("Goed. Dan ga ik ervan uit dat het volgende week in orde komt.",
                moves.VAGUE_PROPOSAL, date=["2026-12-11"])
    assert unpaired_concessions(read_acts([when, later, other, yes, taken], TODAY)) != []


def test_we_will_see_then_before_ones_own_threat_gives_no_time():
    from bot.coach.roleplay.concessions import unpaired_concessions
    term = act("Als het morgen niet op onze rekening staat, gaat het naar de deurwaarder.",
               moves.THREATEN, date=["2026-12-03"])
    court = debtor_says("Nou, dan zien we elkaar bij de rechter.", "promise_vague")
    see = act("Dat zien we dan wel.", moves.OFFER_CONCESSION)
    again = act("Morgen betaald, anders deurwaarder.", moves.THREATEN, date=["2026-12-03"])
    assert unpaired_concessions(read_acts([term, court, see, again], TODAY)) == []
    assert unpaired_concessions(read_acts([term, court, see], TODAY)) != []


def test_taking_a_day_that_waits_on_the_debtors_customer_gives_it():
    from bot.coach.roleplay.concessions import unpaired_concessions
    ask = act("U gaat toch wel betalen als zij betaald hebben, hè?", "")
    waits = debtor_says("Ja natuurlijk. Als die corporatie vrijdag betaalt, dan maak ik maandag "
                        "7 december die 9.870 naar jullie over.", "promise_to_pay",
                        date=["2026-12-04", "2026-12-07"], amount=[9870.0])
    taken = act("Dat is goed. Maandag dan.", "", date=["2026-12-07"])
    assert unpaired_concessions(read_acts([ask, waits, taken], TODAY)) != []


def test_o_vervelend_is_an_act_before_the_question():
    assert split_acts("O, vervelend. Hoe zit dat precies, waar loopt het bij hun op vast?") == [
        "O, vervelend.", "Hoe zit dat precies, waar loopt het bij hun op vast?"]


def test_terms_followed_by_gaat_dat_lukken_are_a_proposal():
    terms = act("Dan zetten we het op maandag 7 december, het hele bedrag van 3.412,50.",
                moves.SUMMARISE, date=["2026-12-07"], amount=[3412.5])
    asked = act("Gaat dat lukken?", "")
    assert read_acts([terms, asked], TODAY)[0].intent == moves.CONCRETE_PROPOSAL


def test_a_safe_date_offered_unasked_and_a_day_after_gaat_echt_niet_give_time():
    from bot.coach.roleplay.concessions import unpaired_concessions
    safe = act("Wel, zal ik dan zeggen dat ge tot eind februari hebt?", "",
               date=["2027-02-26"])
    spared = act("Dan zit ge zeker safe.")
    assert unpaired_concessions(read_acts([safe, spared], TODAY)) != []
    tomorrow = act("Ik wil 'm morgen betaald hebben.", moves.STATE_PURPOSE, date=["2026-12-03"])
    later = debtor_says("Morgen gaat echt niet. Volgende week vrijdag.", "request_extension",
                        date=["2026-12-03", "2026-12-11"])
    meant = act("Morgen was de bedoeling.", "", date=["2026-12-03"])
    still = debtor_says("Ja, maar het gaat echt niet.", "cannot_pay")
    taken = act("Goed. Vrijdag 11 december dan, als u me dan even mailt dat u hem gevonden "
                "heeft.", "", date=["2026-12-11"])
    assert unpaired_concessions(read_acts([tomorrow, later, meant, still, taken], TODAY)) != []


def test_terms_added_to_ones_own_proposal_are_no_summary():
    first = act("Zou u op vrijdag 4 december de eerste helft kunnen doen, dus 925 euro?",
                moves.CONCRETE_PROPOSAL, date=["2026-12-04"], amount=[925.0])
    second = act("En de andere 925 euro op donderdag 31 december.", moves.SUMMARISE,
                 date=["2026-12-31"], amount=[925.0])
    yes = debtor_says("Ja, dat moet lukken.", "affirm")
    assert not score([first, second, yes], today=TODAY).result("summarised").passed
    later = [first, yes, second]
    assert score(later, today=TODAY).result("summarised").passed


def test_taking_the_debtors_word_just_before_the_understanding_loses_it():
    claim = debtor_says("Die hebben we al betaald, hoor. Vorige week al.", "claim_already_paid")
    turns = [claim, act("Ja, nee, dan zal het wel onderweg zijn.", ""),
             act("Vervelend dat u hiervoor gebeld wordt, hoor.", moves.SHOW_UNDERSTANDING)]
    assert not score(turns, today=TODAY).result("understanding").passed
    checked = [claim, act("Vervelend dat u hiervoor gebeld wordt, hoor.",
                          moves.SHOW_UNDERSTANDING)]
    assert score(checked, today=TODAY).result("understanding").passed


def test_a_yes_that_presses_for_this_week_in_the_same_breath_gives_nothing():
    turns = [act("Die moet uiterlijk vrijdag 4 december betaald zijn.", moves.STATE_PURPOSE,
                 date=["2026-12-04"]),
             act("Hoe staat het daar nu mee en wanneer verwacht je dat geld?",
                 moves.OPEN_QUESTION),
             debtor_says("Nou, ze hebben eind deze maand toegezegd. Maar ja, toezeggen...",
                         "nlu_fallback", date=["2026-12-31"])]
    pressed = act("Precies. Wat zou je deze week wel kunnen betalen, als je naar je kas kijkt?",
                  moves.OFFER_CONCESSION)
    assert score([*turns, pressed], today=TODAY).result("concession_return").passed
    taken = act("Precies.", moves.OFFER_CONCESSION)
    assert not score([*turns, taken], today=TODAY).result("concession_return").passed


def test_the_day_in_a_warning_about_the_procedure_gives_no_time():
    asked = act("Ik wil met u afspreken dat dit bedrag uiterlijk vrijdag 4 december is voldaan.",
                moves.STATE_PURPOSE, date=["2026-12-04"])
    bank = debtor_says("De bank is bezig, ik hoop dat het maandag 7 december loopt.",
                       "excuse_bank_problem", date=["2026-12-07"])
    warning = act("Ik wijs u er wel op dat het dossier volgens onze vaste procedure op 18 "
                  "december wordt overgedragen aan een incassobureau.", moves.OFFER_CONCESSION,
                  date=["2026-12-18"])
    assert score([asked, bank, warning], today=TODAY).result("concession_return").passed


def test_dus_after_ones_own_conditional_offer_spells_it_out_and_after_a_yes_sums_it_up():
    offer = act("Drie termijnen kan, als de eerste termijn dan wel deze vrijdag binnen is.",
                moves.ASK_IN_RETURN, date=["2026-12-04"])
    spelled = act("Dus € 1.709,20 op vrijdag 4 december.", moves.SUMMARISE,
                  date=["2026-12-04"], amount=[1709.2])
    assert not score([offer, spelled], today=TODAY).result("summarised").passed
    yes = debtor_says("Ja, dat lukt wel.", "affirm")
    back = act("Prima. Dan is het dus vrijdag 4 december, de € 1.709,20.",
               moves.CONCRETE_PROPOSAL, date=["2026-12-04"], amount=[1709.2])
    check = act("Is dat goed?", moves.CLOSED_QUESTION)
    assert score([offer, yes, back, check], today=TODAY).result("summarised").passed


def test_asking_the_debtor_to_look_it_up_after_understanding_gives_nothing_away():
    turns = [debtor_says("Ik dacht dat die al betaald was.", "claim_already_paid"),
             act("Ja, da's vervelend, ik snap dat ge dacht dat alles in orde was.",
                 moves.SHOW_UNDERSTANDING),
             act("Kunt ge efkes in uw bank kijken?", moves.VAGUE_PROPOSAL)]
    assert score(turns, today=TODAY).result("understanding").passed
    gave = [*turns[:2], act("Betaal maar wat u kunt.", moves.VAGUE_PROPOSAL)]
    assert not score(gave, today=TODAY).result("understanding").passed


def test_a_good_wish_for_tonight_after_the_summary_closes():
    turns = [act("Dus ge betaalt die € 2.100 maandag 7 december.", moves.SUMMARISE,
                 date=["2026-12-07"], amount=[2100.0]),
             act("Merci, Bart, en nog een goeie service vanavond!", moves.SUMMARISE,
                 date=["2026-12-02"])]
    assert score(turns, today=TODAY).result("positive_close").passed
