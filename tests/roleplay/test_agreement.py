"""What the debtor agreed to (bot.coach.roleplay.agreement): a yes taken on anywhere in the
turn, a yes hedged away, a date given for the collector's amount, and a yes to the mail."""
from __future__ import annotations

import datetime as dt

import pytest

from bot.coach.roleplay import turns as moves
from bot.coach.roleplay.scorecard import score
from bot.coach.roleplay.turns import COLLECTOR, DEBTOR, Turn

TODAY = dt.date(2026, 12, 2)  # a Wednesday
PLAN = Turn(COLLECTOR, "Dus maandag 7 december € 2.695,00 en woensdag 23 december nog eens "
            "€ 2.695,00.", moves.SUMMARISE,
            {"date": ["2026-12-07", "2026-12-23"], "amount": [2695.0, 2695.0]})


def agreed(*turns: Turn) -> bool:
    return score(list(turns), today=TODAY).result("concrete_agreement").passed


@pytest.mark.parametrize("text, intent", [
    ("Dat is spannend, maar goed. Als jij die pakbonnen stuurt, durf ik het aan. O, en die "
     "kosten?", "request_discount"),
    ("Vijftienhonderd, vandaag nog... amai. Ja, goed, dat krijg ik wel rond.",
     "request_discount"),
    ("Ja, dat doe ik. En komt de monteur dan in januari?", "promise_vague"),
    ("Ja, gewoon het hele bedrag, het is niet dat we niet willen betalen hoor.", "cannot_pay"),
    ("Eh, ja... tweeduizend voor de kerst moet wel lukken. Ja, oké, dat doen we.",
     "promise_vague"),
])
def test_taking_it_on_later_in_the_turn_is_a_yes(text, intent):
    assert agreed(PLAN, Turn(DEBTOR, text, intent, {}))


def test_a_yes_that_promises_nothing_is_no_agreement():
    assert not agreed(PLAN, Turn(DEBTOR, "Ja. Maar ik kan niks toezeggen, hoor.", "affirm", {}))
    assert not agreed(PLAN, Turn(DEBTOR, "Dat is spannend. Ik weet niet of het lukt.",
                                 "promise_vague", {}))
    assert not agreed(PLAN, Turn(DEBTOR, "Ja, noteer maar, we gaan ons best doen.", "affirm",
                                 {}))
    assert not agreed(PLAN, Turn(DEBTOR, "Allez, we gaan zien, hè. Als de bank meewerkt.",
                                 "excuse_bank_problem", {}))
    assert agreed(PLAN, Turn(DEBTOR, "Dat komt goed. Ik pas het nummer vandaag nog aan.",
                             "promise_vague", {}))


def test_a_date_for_the_amount_the_collector_just_named_is_agreed_when_taken():
    amount = Turn(COLLECTOR, "Dan kom je op elfhonderdachtenzeventig euro.",
                  moves.OFFER_CONCESSION, {"amount": [1178.0]})
    date = Turn(DEBTOR, "Prima. Dan maak ik dat vrijdag de achttiende over.", "promise_to_pay",
                {"date": ["2026-12-18"]})
    assert agreed(amount, date, Turn(COLLECTOR, "Helemaal goed.", "", {}))
    assert agreed(amount, date, Turn(COLLECTOR, "Doe maar. Vrijdag, hè.", "", {}))
    assert not agreed(amount, date, Turn(COLLECTOR, "Hm.", "", {}))
    no_amount = Turn(COLLECTOR, "Dat zien we dan wel.", "", {})
    assert not agreed(no_amount, date, Turn(COLLECTOR, "Helemaal goed.", "", {}))


def test_a_yes_to_the_mail_is_no_yes_to_the_proposal():
    held = Turn(DEBTOR, "Ik geef het door, zoals gezegd.", "promise_vague", {})
    mail = Turn(COLLECTOR, "Ik bevestig dit vandaag nog per mail aan u en aan meneer Bakker.",
                moves.ANNOUNCE_CONFIRMATION, {"date": ["2026-12-02"]})
    yes = Turn(DEBTOR, "Is goed. Het adres is administratie@bakker.nl.", "affirm", {})
    assert not agreed(PLAN, held, mail, yes)
    assert agreed(PLAN, Turn(DEBTOR, "Is goed.", "affirm", {}), mail, yes)


def test_the_amount_after_a_date_the_collector_took_is_agreed():
    date = Turn(DEBTOR, "Zeg maar de achtste. Vrijdag 8 januari.", "promise_to_pay",
                {"date": ["2027-01-08"]})
    fine = Turn(COLLECTOR, "Goed, ja, dat is prima.", "", {})
    amount = Turn(DEBTOR, "En dan de hele 1240 euro, hè.", "promise_to_pay", {"amount": [1240.0]})
    assert agreed(date, fine, amount, Turn(COLLECTOR, "Ja, helemaal goed.", "", {}))
    assert not agreed(date, Turn(COLLECTOR, "Hm, januari.", "", {}), amount,
                      Turn(COLLECTOR, "Ja, helemaal goed.", "", {}))


def test_that_is_right_to_a_summary_is_a_yes():
    assert agreed(PLAN, Turn(DEBTOR, "Da klopt, ja. Moet ik daar iets voor tekenen?",
                             "nlu_fallback", {}))
    assert not agreed(PLAN, Turn(DEBTOR, "Dat klopt, maar de tweede lukt niet.", "deny", {}))


def test_the_debtors_yes_with_the_amount_completes_the_day():
    day = Turn(COLLECTOR, "Dan wordt het dus maandag.", "", {"date": ["2026-12-07"]})
    yes = Turn(DEBTOR, "Ja, maandag 7 december, het hele bedrag van 6.312,48.", "promise_to_pay",
               {"date": ["2026-12-07"], "amount": [6312.48]})
    assert agreed(day, yes)
    maybe = Turn(DEBTOR, "Misschien maandag, het hele bedrag van 6.312,48.", "promise_vague",
                 {"date": ["2026-12-07"], "amount": [6312.48]})
    assert not agreed(day, maybe)


def test_a_day_named_when_asked_when_the_amount_is_paid_is_agreed_when_taken():
    when = Turn(COLLECTOR, "En wanneer zou u die elfhonderdachtenveertig kunnen overmaken?",
                moves.OPEN_QUESTION, {"amount": [1148.0]})
    day = Turn(DEBTOR, "Vrijdag gaat onze betaalrun, dan gaat het mee. Vrijdag de negentiende "
               "dus.", "promise_to_pay", {"date": ["2026-12-18"]})
    assert agreed(when, day, Turn(COLLECTOR, "Oké, goed, fijn.", "", {}))
    assert not agreed(when, day, Turn(COLLECTOR, "Hm, vrijdag.", "", {}))
    said_back = Turn(DEBTOR, "Dus vrijdag 18 december betaal ik 1148 euro.", "promise_to_pay",
                     {"date": ["2026-12-18"], "amount": [1148.0]})
    assert agreed(said_back, Turn(COLLECTOR, "Ja, precies, ja.", "", {}))


def test_a_yes_that_waits_for_someone_elses_approval_is_no_agreement():
    assert not agreed(PLAN, Turn(DEBTOR, "Ja, als dokter Veenstra akkoord is.", "affirm", {}))


def test_understanding_that_names_the_whole_amount_is_no_offer():
    deadline = Turn(COLLECTOR, "Ik zou graag zien dat deze uiterlijk vrijdag 4 december is "
                    "voldaan.", moves.STATE_PURPOSE, {"date": ["2026-12-04"]})
    too_much = Turn(DEBTOR, "Maar 4800 euro ineens, dat is veel.", "dispute_invoice",
                    {"amount": [4800.0]})
    understands = Turn(COLLECTOR, "Ik begrijp dat zo'n jaarbedrag in één keer zwaar kan vallen.",
                       moves.SHOW_UNDERSTANDING, {})
    aside = Turn(COLLECTOR, "Betaalt u andere contracten wel per kwartaal?",
                 moves.CLOSED_QUESTION, {})
    yes = Turn(DEBTOR, "Ja, eigenlijk alles.", "affirm", {})
    assert not agreed(deadline, too_much, understands, aside, yes)


def test_the_whole_amount_asked_after_the_debtors_day_was_taken_is_agreed():
    day = Turn(DEBTOR, "Maandag zestien augustus, dan staat het geld er.", "promise_to_pay",
               {"date": ["2027-08-16"]})
    long = Turn(COLLECTOR, "Zestien augustus... dat is wel lang, hè.", "", {"date": ["2027-08-16"]})
    still = Turn(DEBTOR, "Ja, ik weet het, maar eerder gaat gewoon niet.", "cannot_pay", {})
    fine = Turn(COLLECTOR, "Nou ja, goed.", "", {})
    whole = Turn(COLLECTOR, "Maar dan wel het hele bedrag, die vierduizend zeshonderdvijftien?",
                 moves.ASK_IN_RETURN, {"amount": [4615.0]})
    yes = Turn(DEBTOR, "Ja, het hele bedrag, in één keer.", "affirm", {})
    assert agreed(day, long, still, fine, whole, yes)
    assert not agreed(day, long, still, whole, yes)  # the day never taken


def test_paying_the_invoice_by_a_day_is_the_whole_amount():
    asked = Turn(COLLECTOR, "Kunt ge hem dan betalen tegen vrijdag, 18 juni?",
                 moves.CONCRETE_PROPOSAL, {"date": ["2027-06-18"]})
    assert agreed(asked, Turn(DEBTOR, "Ja, dat kan.", "affirm", {}))
    vague = Turn(COLLECTOR, "Kunt ge vrijdag 18 juni iets overmaken?", moves.CONCRETE_PROPOSAL,
                 {"date": ["2027-06-18"]})
    assert not agreed(vague, Turn(DEBTOR, "Ja, dat kan.", "affirm", {}))


def test_a_yes_to_an_aside_after_the_debtor_held_back_is_no_agreement():
    proposal = Turn(COLLECTOR, "Dus: 4.840 euro op vrijdag 4 december.", moves.SUMMARISE,
                    {"date": ["2026-12-04"], "amount": [4840.0]})
    held_back = Turn(DEBTOR, "Zoals gezegd, ik leg het voor.", "promise_vague", {})
    aside = Turn(COLLECTOR, "Ik mail u vanmiddag de foto's van de bussen.", "",
                 {"date": ["2026-12-02"]})
    handy = Turn(DEBTOR, "Oké, dat is handig.", "affirm", {})
    assert not agreed(proposal, held_back, aside, handy)
    again = Turn(COLLECTOR, "Dan houd ik u aan vrijdag 4 december voor de 4.840 euro.",
                 moves.CONCRETE_PROPOSAL, {"date": ["2026-12-04"], "amount": [4840.0]})
    assert agreed(proposal, held_back, again, Turn(DEBTOR, "Ja, goed, dat doe ik.", "affirm", {}))


def test_a_murmur_is_no_yes_and_the_day_said_back_comes_before_the_yes():
    proposal = Turn(COLLECTOR, "Kan het volledige bedrag vrijdag 4 december binnen zijn?",
                    moves.CONCRETE_PROPOSAL, {"date": ["2026-12-04"]})
    assert agreed(proposal, Turn(DEBTOR, "Vrijdag... ja. Vrijdag moet lukken.", "nlu_fallback",
                                 {"date": ["2026-12-04"]}))
    assert not agreed(PLAN, Turn(DEBTOR, "Mm.", "affirm"))


def test_taking_a_day_the_debtor_promised_nothing_for_is_no_agreement():
    hedged = Turn(DEBTOR, "Nou, ik ga mijn best doen. Maar het is vandaag kwartaalafsluiting, "
                  "dus ik beloof niks.", "promise_vague", {"date": ["2026-12-02"]})
    noted = Turn(COLLECTOR, "Prima. Dan noteer ik: woensdag 9 december € 9.840,00.",
                 moves.SUMMARISE, {"date": ["2026-12-09"], "amount": [9840.0]})
    assert not agreed(hedged, noted)
    promised = Turn(DEBTOR, "Donderdag hebben we een betaalrun. Dan zet ik 5531 erbij, de volle "
                    "1.180.", "promise_to_pay", {"date": ["2026-12-03"]})
    assert agreed(promised, Turn(COLLECTOR, "Donderdag, oké. Eh, dat is prima.", "",
                                 {"date": ["2026-12-03"]}))


@pytest.mark.parametrize("answer", [
    "Als de budgethouder akkoord geeft, ja. Dat kan ik niet beloven.",
    "Ja, als hij het bevestigt, hè.",
])
def test_a_yes_that_waits_on_someone_elses_approval_is_no_agreement(answer):
    noted = Turn(COLLECTOR, "Dan noteer ik donderdag 10 december voor € 9.730,00.",
                 moves.SUMMARISE, {"date": ["2026-12-10"], "amount": [9730.0]})
    assert not agreed(noted, Turn(DEBTOR, answer, "affirm", {}))
    assert agreed(noted, Turn(DEBTOR, "Ja, dat is goed.", "affirm", {}))


def test_komt_goed_is_a_yes():
    asked = Turn(COLLECTOR, "Dus dan maakt u vrijdag 4 december het volle bedrag over, die "
                 "€ 3.412,50.", "", {"date": ["2026-12-04"], "amount": [3412.5]})
    assert agreed(asked, Turn(DEBTOR, "Ja, komt goed.", "promise_vague", {}))


def test_the_debtors_instalment_taken_goes_with_the_day_of_the_first():
    parts = Turn(DEBTOR, "In drie keer zou wel gaan. Zeshonderd per keer.",
                 "request_payment_plan", {"amount": [600.0]})
    taken = Turn(COLLECTOR, "Ehm, ja, dat is goed.", moves.OFFER_CONCESSION, {})
    first = Turn(COLLECTOR, "Kan de eerste dan wel vrijdag de elfde?", "",
                 {"date": ["2026-12-11"]})
    yes = Turn(DEBTOR, "Vrijdag de elfde, ja, dat gaat lukken.", "promise_to_pay",
               {"date": ["2026-12-11"]})
    assert agreed(parts, taken, first, yes)
    turned_down = Turn(COLLECTOR, "Nee, dat is te weinig.", "", {})
    assert not agreed(parts, turned_down, first, yes)


def test_a_yes_to_a_mail_promised_for_today_after_the_debtor_held_back_is_no_agreement():
    terms = Turn(COLLECTOR, "Dus als Martijn het bevestigt, betaalt u donderdag de € 1.640,00.",
                 moves.SUMMARISE, {"date": ["2026-12-03"], "amount": [1640.0]})
    held = Turn(DEBTOR, "Ja, als hij het bevestigt, hè.", "affirm", {})
    mail = Turn(COLLECTOR, "Ik vraag Martijn of hij u vandaag nog even mailt over die "
                "prijsafspraak.", "", {"date": ["2026-12-02"]})
    assert not agreed(terms, held, mail, Turn(DEBTOR, "Da's goed. Ik wacht het af.", "affirm"))


@pytest.mark.parametrize("summary, answer", [
    ("Even samengevat: als u maandag de creditnota heeft, maakt u woensdag 9 december € 2.800 "
     "over.", "Zo is het."),
    ("Dus even samengevat: vrijdag 4 december de 1.840 euro, als de rekening dan weer open is.",
     "Ja, zo doen we het."),
    ("Dus woensdag 9 december de € 2.800.", "Maar alleen als die creditnota er is, hè."),
])
def test_an_agreement_that_waits_on_something_still_to_come_is_none(summary, answer):
    terms = Turn(COLLECTOR, summary, moves.SUMMARISE,
                 {"date": ["2026-12-09"], "amount": [2800.0]})
    assert not agreed(terms, Turn(DEBTOR, answer, "affirm", {}))


def test_dat_kan_ik_doen_later_in_the_turn_takes_it_on():
    asked = Turn(COLLECTOR, "De eerste termijn van 4.200 euro staat morgen, donderdag 3 december, "
                 "op onze rekening.", moves.ASK_IN_RETURN,
                 {"date": ["2026-12-03"], "amount": [4200.0]})
    assert agreed(asked, Turn(DEBTOR, "Morgen al 4.200... dat wordt krap. Ja, dat kan ik doen.",
                              "nlu_fallback", {"date": ["2026-12-03"], "amount": [4200.0]}))


def test_after_holding_back_a_yes_to_passing_a_message_on_agrees_nothing():
    held = Turn(DEBTOR, "Ik kan hem wel appen, maar ik ga m'n best doen.", "promise_vague", {})
    message = Turn(COLLECTOR, "Dus u geeft aan Frank door dat die achttienhonderd euro nog "
                   "openstaat, ja?", "", {"amount": [1800.0]})
    day = Turn(COLLECTOR, "Dan wil ik best tot woensdag 9 december wachten.", "",
               {"date": ["2026-12-09"]})
    assert not agreed(day, held, message, Turn(DEBTOR, "Ja, doe ik.", "affirm", {}))


def test_a_day_the_debtor_promised_on_a_condition_and_taken_is_no_agreement():
    promised = Turn(DEBTOR, "Als ik die creditnota maandag heb, dan maak ik woensdag de 2.800 "
                    "over.", "promise_to_pay", {"date": ["2026-12-07", "2026-12-09"],
                                                "amount": [2800.0]})
    taken = Turn(COLLECTOR, "Goed, dat noteer ik.", "", {})
    chase = Turn(COLLECTOR, "Ik ga er vandaag nog achteraan.", "", {"date": ["2026-12-02"]})
    yes = Turn(DEBTOR, "Zo is het.", "affirm", {})
    assert not agreed(promised, taken, chase, yes)
    plain = Turn(DEBTOR, "Dan maak ik woensdag de 2.800 over.", "promise_to_pay",
                 {"date": ["2026-12-09"], "amount": [2800.0]})
    assert agreed(plain, taken, chase, yes)


def test_a_whole_yes_before_another_matter_takes_the_proposal():
    day = Turn(COLLECTOR, "Dan betaalt u vrijdag 4 december 1.694 euro.",
               moves.CONCRETE_PROPOSAL, {"date": ["2026-12-04"], "amount": [1694.0]})
    other = Turn(DEBTOR, "Ja, dat kan. En die veertig euro administratiekosten, die betaal ik "
                 "echt niet.", "dispute_invoice", {"amount": [40.0]})
    assert agreed(day, other)
    but = Turn(DEBTOR, "Ja, dat kan. Maar niet vrijdag, pas na het weekend.", "dispute_invoice",
               {})
    assert not agreed(day, but)


def test_a_promise_that_waits_on_someone_else_paying_is_no_agreement():
    promised = Turn(DEBTOR, "Nou, als zij vrijdag betalen, dan kan ik u maandag 7 december "
                    "de 3.412,50 betalen.", "promise_to_pay",
                    {"date": ["2026-12-04", "2026-12-07"], "amount": [3412.5]})
    taken = Turn(COLLECTOR, "Ja, prima.", "", {})
    assert not agreed(promised, taken)
    plain = Turn(DEBTOR, "Nou, dan kan ik u maandag 7 december de 3.412,50 betalen.",
                 "promise_to_pay", {"date": ["2026-12-07"], "amount": [3412.5]})
    assert agreed(plain, taken)


def test_a_promise_that_waits_on_the_bank_is_no_agreement():
    day = Turn(COLLECTOR, "Kunt u dan op woensdag 9 december de € 4.975,00 betalen?",
               moves.CONCRETE_PROPOSAL, {"date": ["2026-12-09"], "amount": [4975.0]})
    bank = Turn(DEBTOR, "Als de bank het vóór dinsdag heeft opgelost, dan betalen we woensdag "
                "9 december de € 4.975,00.", "promise_to_pay",
                {"date": ["2026-12-08", "2026-12-09"], "amount": [4975.0]})
    assert not agreed(day, bank)
    see = Turn(DEBTOR, "Dan betalen we woensdag. Zo niet, dan moet ik even kijken.",
               "promise_to_pay", {"date": ["2026-12-09"]})
    assert not agreed(day, see)
    assert agreed(day, Turn(DEBTOR, "Dan betalen we woensdag 9 december.", "promise_to_pay",
                            {"date": ["2026-12-09"]}))


def test_a_summary_that_waits_on_a_third_party_paying_takes_no_offer():
    offer = Turn(DEBTOR, "Ze hebben gezegd vóór de vijftiende. Als die binnen is, kan ik u "
                 "woensdag 16 december betalen. Het hele bedrag.", "promise_to_pay",
                 {"date": ["2026-12-15", "2026-12-16"]})
    noted = Turn(COLLECTOR, "Goed. Dan noteer ik: zodra de gemeente betaald heeft, betaalt u "
                 "op woensdag 16 december de volledige 4.780 euro.", moves.SUMMARISE,
                 {"date": ["2026-12-16"], "amount": [4780.0]})
    yes = Turn(DEBTOR, "Ja, zo is het.", "affirm", {})
    assert not agreed(offer, noted, yes)
    plain = Turn(DEBTOR, "Ik kan u woensdag 16 december betalen. Het hele bedrag.",
                 "promise_to_pay", {"date": ["2026-12-16"]})
    noted_plain = Turn(COLLECTOR, "Goed. Dan noteer ik: u betaalt op woensdag 16 december de "
                       "volledige 4.780 euro.", moves.SUMMARISE,
                       {"date": ["2026-12-16"], "amount": [4780.0]})
    assert agreed(plain, noted_plain, yes)


def test_perfect_before_another_matter_takes_the_summary():
    summary = Turn(COLLECTOR, "Dan zet ik het op een rijtje: u betaalt dinsdag 8 december "
                   "1.860 euro.", moves.SUMMARISE, {"date": ["2026-12-08"], "amount": [1860.0]})
    perfect = Turn(DEBTOR, "Perfect. En ik geef u ook ons nieuw adres door voor de volgende "
                   "facturen.", "excuse_invoice_not_received", {})
    assert agreed(summary, perfect)
    story = Turn(DEBTOR, "Perfect. Maar eerst wil ik die factuur zien.",
                 "excuse_invoice_not_received", {})
    assert not agreed(summary, story)


@pytest.mark.parametrize("text", [
    "Ja, zo ongeveer.",
    "Oké, ik zeg het tegen hem.",
    "Ja, ik geef het door.",
])
def test_roughly_or_a_message_passed_on_is_no_yes(text):
    assert not agreed(PLAN, Turn(DEBTOR, text, "affirm", {}))
    assert agreed(PLAN, Turn(DEBTOR, "Ja, zo is het.", "affirm", {}))


def test_a_summary_that_waits_on_the_debtors_customer_agrees_nothing():
    noted = Turn(COLLECTOR, "Dus 7 december, 1.275 euro, zodra uw klant betaald heeft.",
                 moves.SUMMARISE, {"date": ["2026-12-07"], "amount": [1275.0]})
    assert not agreed(noted, Turn(DEBTOR, "Ja, dat klopt.", "affirm", {}))


def test_an_agreement_on_condition_that_the_municipality_pays_is_none():
    noted = Turn(COLLECTOR, "Samengevat: woensdag 9 december 9.870 euro, mits de gemeente "
                 "maandag betaalt.", moves.SUMMARISE, {"date": ["2026-12-09", "2026-12-07"],
                                                       "amount": [9870.0]})
    assert not agreed(noted, Turn(DEBTOR, "Prima.", "affirm", {}))


def test_only_trying_is_no_yes():
    assert not agreed(PLAN, Turn(DEBTOR, "Proberen, ja.", "affirm", {}))


def test_something_like_it_is_no_yes():
    assert not agreed(PLAN, Turn(DEBTOR, "Ja, zoiets.", "affirm", {}))


def test_a_yes_after_the_collector_holds_to_the_terms_agrees_them():
    amount = Turn(COLLECTOR, "Drie keer 960 euro.", "", {"amount": [960.0]})
    days = Turn(COLLECTOR, "Morgen, donderdag 3 december, dan 17 december en 31 december.",
                moves.SUMMARISE, {"date": ["2026-12-03", "2026-12-17", "2026-12-31"]})
    hedge = Turn(DEBTOR, "Morgen lukt. De rest ook, als het weer een beetje meezit.",
                 "promise_vague", {"date": ["2026-12-03"]})
    yes = Turn(DEBTOR, "Ja, ja, het lukt wel. Drie keer 960, akkoord.", "affirm", {})
    held = Turn(COLLECTOR, "Die termijnen staan vast, ook als het regent.", "", {})
    hoped = Turn(COLLECTOR, "Dat hoop ik dan maar.", "", {})
    assert score([amount, days, hedge, held, yes]).result("concrete_agreement").passed
    assert not score([amount, days, hedge, hoped, yes]).result("concrete_agreement").passed


def test_a_yes_as_long_as_business_goes_well_is_no_agreement():
    assert not agreed(PLAN, Turn(DEBTOR, "Ja, dat moet lukken, als het weekend een beetje "
                                         "draait.", "affirm", {}))


def test_a_greeting_or_knowing_the_invoice_is_no_yes():
    ask = Turn(COLLECTOR, "Die € 1.950 moet vandaag nog betaald worden.", "",
               {"date": ["2026-12-02"], "amount": [1950.0]})
    assert not agreed(ask, Turn(DEBTOR, "Ja, goedemorgen ook. Met Peter de Groot. Over die "
                                "factuur wilde ik jullie nog bellen.", "nlu_fallback", {}))
    assert not agreed(ask, Turn(DEBTOR, "Ja, ik ken hem. Het probleem is dat de directeur "
                                "moet tekenen.", "promise_to_pay", {}))
    assert agreed(ask, Turn(DEBTOR, "Ja, goed, dat doe ik.", "affirm", {}))


def test_a_summary_that_waits_on_someone_elses_signature_is_no_agreement():
    plan = Turn(COLLECTOR, "Ik noteer het als volgt: indien de directeur morgen tekent, "
                "betaalt u donderdag 3 december € 6.200,00.", moves.SUMMARISE,
                {"date": ["2026-12-03"], "amount": [6200.0]})
    assert not agreed(plan, Turn(DEBTOR, "Zo is het.", "affirm", {}))


def test_terms_that_wait_on_the_debtors_customer_are_no_agreement():
    plan = Turn(COLLECTOR, "Dus maandag 7 december € 4.200, als het tuincentrum betaalt.",
                moves.SUMMARISE, {"date": ["2026-12-07"], "amount": [4200.0]})
    assert not agreed(plan, Turn(DEBTOR, "Ja, zo doen we het.", "affirm", {}))


def test_dat_lukt_wel_is_a_yes_whatever_the_turn_asks_next():
    assert agreed(PLAN, Turn(DEBTOR, "Dat lukt wel. En die kosten?", "request_discount", {}))


def test_a_proposal_put_politely_as_a_question_is_offered_not_hedged():
    offer = Turn(DEBTOR, "Misschien € 300 op maandag 7 december, en de rest, € 512, op woensdag "
                 "23 december?", "promise_to_pay",
                 {"date": ["2026-12-07", "2026-12-23"], "amount": [300.0, 512.0]})
    assert agreed(offer, Turn(COLLECTOR, "Ja, dat is prima hoor.", "", {}))
    hedged = Turn(DEBTOR, "Misschien € 300 op maandag 7 december, en de rest later.",
                  "promise_vague", {"date": ["2026-12-07"], "amount": [300.0]})
    assert not agreed(hedged, Turn(COLLECTOR, "Ja, dat is prima hoor.", "", {}))


def test_a_yes_to_is_dat_de_afspraak_takes_the_terms_just_proposed():
    asked = Turn(COLLECTOR, "Is dat dan de afspraak?", "nlu_fallback", {})
    assert agreed(PLAN, Turn(DEBTOR, "Nou, ik moet het nog met mijn compagnon bespreken.",
                             "promise_vague", {}), asked,
                  Turn(DEBTOR, "Ja, afgesproken.", "affirm", {}))


def test_terms_said_back_as_if_all_goes_well_agree_nothing():
    hedged = Turn(COLLECTOR, "Dus maandag 7 december, € 2.695,00, als het goed is.",
                  moves.SUMMARISE, {"date": ["2026-12-07"], "amount": [2695.0]})
    assert not agreed(hedged, Turn(DEBTOR, "Ja.", "affirm", {}))
    assert not agreed(PLAN, Turn(DEBTOR, "Ja, als het goed is lukt dat.", "affirm", {}))


@pytest.mark.parametrize("text", [
    "Ja, als hij er is, dan wel.",
    "Als meneer Jansen weer terug is, dan betalen we het.",
    "Als de rekening vrijdag werkt, dan gaat die 2.695 maandag de deur uit. Beloven kan ik het "
    "niet.",
])
def test_a_yes_waiting_on_someone_to_be_back_or_promising_nothing_agrees_nothing(text):
    assert not agreed(PLAN, Turn(DEBTOR, text, "affirm", {}))


def test_the_firms_expectation_put_on_the_mail_and_let_be_is_not_agreed():
    expected = Turn(COLLECTOR, "Ik zet op de mail dat we het hele bedrag maandag verwachten.",
                    "", {"date": ["2026-12-07"]})
    assert not agreed(expected, Turn(DEBTOR, "Doe maar. Ik betaal de twaalfhonderd, de rest "
                                     "hoort u van ons.", "promise_to_pay", {"amount": [1200.0]}))


def test_a_yes_once_everything_is_released_agrees_nothing():
    assert not agreed(PLAN, Turn(DEBTOR, "Ja, als alles vrijgegeven is, ja.", "affirm", {}))
