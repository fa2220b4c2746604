"""Which concessions went without a return (bot.coach.roleplay.concessions): a return may
come after a correction of the offer, and one return pays for one gift."""
from __future__ import annotations

import datetime as dt

from bot.coach.roleplay import turns as moves
from bot.coach.roleplay.concessions import unpaired_concessions
from bot.coach.roleplay.reading import read_acts
from bot.coach.roleplay.turns import COLLECTOR, DEBTOR, Turn

TODAY = dt.date(2027, 5, 11)  # a Tuesday; Monday 17 May is Whit Monday


def act(text: str, intent: str = "", **entities: list) -> Turn:
    return Turn(COLLECTOR, text, intent, entities)


def debtor_says(text: str, intent: str, **entities: list) -> Turn:
    return Turn(DEBTOR, text, intent, entities)


def unpaired(turns: list[Turn]) -> list[str]:
    return [t.text for t in unpaired_concessions(read_acts(turns, TODAY))]


def test_a_return_asked_after_correcting_the_offer_still_pays_for_it():
    asked = act("Ik zou graag hebben dat ze ten laatste vrijdag 14 mei betaald wordt.",
                moves.STATE_PURPOSE, date=["2027-05-14"])
    later = debtor_says("Als zij terug is, gaat ze mee in de betaalrun van maandag.",
                        "excuse_contact_unavailable", date=["2027-05-17"])
    offer = act("Goed, dan stel ik voor: maandag 17 mei, het volledige bedrag.",
                moves.OFFER_CONCESSION, date=["2027-05-17"])
    oops = act("Ah nee, wacht, maandag is het Pinkstermaandag, dan zijn de banken dicht.", "",
               date=["2027-05-17"])
    agrees = debtor_says("Nee, inderdaad, dan zijn wij ook gesloten.", "nlu_fallback")
    fixed = act("Dan corrigeer ik mij: dinsdag 18 mei, het volledige bedrag.",
                moves.SUMMARISE, date=["2027-05-18"])
    back = act("Maar dan vraag ik wel iets terug: kunt gij de factuur vandaag al klaarzetten?",
               "", date=["2027-05-11"])
    yes = debtor_says("Ja, dat kan ik doen.", "promise_vague")
    assert unpaired([asked, later, offer, oops, agrees, fixed, back, yes]) == []
    # Once the debtor has taken the offer, a return asked later pays for nothing.
    took = debtor_says("Ja, dat is goed.", "affirm")
    assert unpaired([asked, later, offer, took, oops, fixed, back, yes]) == [offer.text]


def test_a_gift_after_the_trade_starting_with_en_is_on_top():
    ask = debtor_says("Kunnen we het niet in twee keer doen? En die veertig euro "
                      "administratiekosten, moet dat echt?", "request_discount")
    trade = act("Goed, in twee keer kan, als de eerste helft dan wel deze week binnen is.",
                moves.ASK_IN_RETURN)
    costs = act("En die veertig euro laat ik vallen, dat is geen probleem.",
                moves.OFFER_CONCESSION, amount=[40.0])
    assert unpaired([ask, trade, costs]) == [costs.text]
    paid = act("En dan laat ik de veertig euro vallen als u vrijdag betaalt.",
               moves.OFFER_CONCESSION, amount=[40.0])
    assert unpaired([ask, trade, paid]) == []


def test_interest_let_go_because_it_is_the_debtor_is_a_gift():
    ask = debtor_says("En die wettelijke rente, kan die er niet af?", "request_discount")
    gift = act("Ach, nou, omdat jij het bent, die laten we zitten.", "nlu_fallback")
    after = act("Daar maak ik geen punt van.", "nlu_fallback")
    assert unpaired([ask, gift, after]) == [gift.text]


def test_a_return_the_debtor_turned_down_pays_for_nothing():
    split = debtor_says("Weet je wat ik kan doen? Een deel nu en de rest na de kerst.",
                        "request_payment_plan")
    bigger = act("Dan wil ik wel iets terug: dat deel van nu moet groter.", "")
    refused = debtor_says("Nou, duizend euro kan ik vrijdag wel doen. Meer echt niet.",
                          "cannot_pay", amount=[1000.0], date=["2027-05-14"])
    when = act("En de rest na de kerst, is dat dan meteen begin januari?", "",
               date=["2028-01-03"])
    later = debtor_says("Ja, tweede week januari of zo, dan is alles binnen.", "promise_to_pay")
    given = act("Zullen we dan zeggen: de rest op vrijdag 7 januari?", moves.CLOSED_QUESTION,
                date=["2028-01-07"])
    assert unpaired([split, bigger, refused, when, later, given]) == [given.text]
    took = debtor_says("Ja, dat is goed, dan maak ik vrijdag die duizend over.", "promise_to_pay",
                       amount=[1000.0], date=["2027-05-14"])
    assert unpaired([split, bigger, took, when, later, given]) == []


def test_a_return_asked_in_the_first_words_after_the_debtor_took_the_split_pays_for_it():
    asked = act("Ik wil graag dat het bedrag uiterlijk morgen binnen is.", moves.STATE_PURPOSE,
                date=["2027-05-12"])
    plan = debtor_says("Rond de zesentwintigste komen de incasso's binnen.",
                       "request_payment_plan", date=["2027-05-26"])
    split = act("Oké. Dan stel ik voor: we splitsen het in twee gelijke termijnen.",
                moves.OFFER_CONCESSION)
    first = act("De eerste morgen, woensdag 12 mei, en de tweede op vrijdag 28 mei.",
                moves.SUMMARISE, date=["2027-05-12", "2027-05-28"])
    margin = act("Dan heb je ook nog wat marge.", "")
    check = act("Is dat te doen?", moves.CLOSED_QUESTION)
    took = debtor_says("Ja, dat red ik net. En de achtentwintigste is prima.", "affirm",
                       date=["2027-05-28"])
    back = act("Daar vraag ik wel twee dingen tegenover: je tekent vandaag de regeling.", "")
    chat = act("Hoe gaat het verder met de zaak?", moves.OPEN_QUESTION)
    assert unpaired([asked, plan, split, first, margin, check, took, back]) == []
    assert unpaired([asked, plan, split, first, margin, check, took, chat, back]) == [split.text]


def test_a_split_granted_on_a_condition_does_not_pay_for_costs_dropped_after_it():
    asked = act("Ik wil dat bedrag uiterlijk vrijdag op onze rekening zien.", moves.STATE_PURPOSE,
                date=["2027-05-14"])
    ask = debtor_says("Kunnen we het niet in drie keer doen? En dan graag zonder die rente en "
                      "kosten.", "request_discount")
    split = act("In drie termijnen kan, als de eerste termijn deze vrijdag binnen is.",
                moves.ASK_IN_RETURN, date=["2027-05-14"])
    costs = act("De rente en kosten laat ik vervallen.", moves.OFFER_CONCESSION)
    assert unpaired([asked, ask, split, costs]) == [costs.text]
    both = act("In drie termijnen kan en de kosten laat ik vallen, als de eerste termijn deze "
               "vrijdag binnen is.", moves.ASK_IN_RETURN, date=["2027-05-14"])
    assert unpaired([asked, ask, both]) == []


def test_a_split_traded_after_costs_were_dropped_does_not_pay_for_them():
    ask = debtor_says("Ik dacht zelf in drie keer? En die veertig euro kosten, kunnen die er "
                      "niet af?", "request_discount")
    costs = act("Die veertig euro laat ik vallen, dat is geen probleem.",
                moves.OFFER_CONCESSION, amount=[40.0])
    how = act("Hoe ziet uw geldstroom er de komende weken uit?", moves.OPEN_QUESTION)
    money = debtor_says("Half mei betalen een paar grote klanten.", "excuse_waiting_for_customer")
    split = act("Dan stel ik dit voor: in drie delen is akkoord, maar dan wel de eerste 1.280 "
                "euro uiterlijk deze vrijdag.", moves.CONCRETE_PROPOSAL,
                amount=[1280.0], date=["2027-05-14"])
    assert unpaired([ask, costs, how, money, split]) == [costs.text]
    room = act("Oké, dan kom ik u tegemoet en splitsen we het.", moves.OFFER_CONCESSION)
    back = act("Omdat ik u die ruimte geef, vraag ik wel iets terug: de eerste 1.280 euro "
               "uiterlijk deze vrijdag.", moves.ASK_IN_RETURN, date=["2027-05-14"])
    assert unpaired([ask, room, how, money, back]) == []


def test_a_return_asked_after_a_second_gift_pays_for_that_one_only():
    ask = debtor_says("Het lukt niet in één keer. In drie delen misschien.",
                      "request_payment_plan")
    split = act("Ja, dat moet wel kunnen.", "")
    costs = act("En die vijfendertig euro aanmaningskosten laat ik dan ook vallen.",
                moves.OFFER_CONCESSION, amount=[35.0])
    glad = debtor_says("O, fijn.", "affirm")
    back = act("Maar dan wil ik wel de eerste termijn deze vrijdag binnen hebben.", "",
               date=["2027-05-14"])
    assert unpaired([ask, split, costs, glad, back]) == [split.text]
    assert unpaired([ask, split, glad, back]) == []


def test_a_wait_on_another_point_after_the_trade_is_a_gift_of_its_own():
    ask = debtor_says("Da kan, als ge die veertig euro aanmaningskosten laat vallen.",
                      "request_discount", amount=[40.0])
    trade = act("Allez, ik laat die kosten vallen als die 1.560 euro er vrijdag staat.",
                moves.ASK_IN_RETURN, amount=[1560.0], date=["2027-05-14"])
    wait = act("En voor het meerwerk, ja, da zien we in januari wel.", "")
    assert unpaired([ask, trade, wait]) == [wait.text]
    assert unpaired([ask, trade]) == []
