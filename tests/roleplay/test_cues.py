"""The words behind the costly moves (bot.coach.roleplay.cues): the model's reading of a
collector's act is kept, corrected or dropped by what the act says."""
from __future__ import annotations

import datetime as dt

import pytest

from bot.coach.roleplay import turns as moves
from bot.coach.roleplay.acts import split_acts
from bot.coach.roleplay.cues import asks_return, evident
from bot.coach.roleplay.questions import question_kind
from bot.coach.roleplay.reading import read_acts
from bot.coach.roleplay.scorecard import score
from bot.coach.roleplay.terms import debt_amount, exact_date
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


# Kinds of error found on judged set c and d (now development sets), one case each.
TODAY = dt.date(2026, 12, 2)  # a Wednesday


def debtor_says(text: str, intent: str, **entities: list) -> Turn:
    return Turn(DEBTOR, text, intent, entities)


@pytest.mark.parametrize("text, kind", [
    ("Hoe staat het nu met die overstap, wat heeft de bank u verteld?", "open"),
    ("En als hij dan aftekent, hoe snel wordt er dan betaald?", "open"),
    ("Naar welk adres laten jullie facturen normaal gesproken sturen?", "open"),
    ("Kunt u mij vertellen wat er precies misging?", "open"),
    ("Weet gij wat daar juist is misgelopen?", "open"),
    ("Maar die van het congres, die staat daar toch los van?", "closed"),
    ("Oké. Kan het dan volgende week?", "closed"),
    ("Wat als we, zeg maar, tien procent eraf doen?", "closed"),
    ("Eh, wat dacht u van vrijdag?", "closed"),
    ("Met wie spreek ik?", "social"),
    ("Vijfhonderd. En wanneer komt de rest?", "open"),
    ("Dan is het € 2.000 op 15 december en de rest op 15 januari. Klopt dat?", None),
    ("Heb je enig idee wanneer je klant betaalt?", "closed"),
    ("Wat staat er nog open, hè?", "closed"),
    ("Hoe is het?", "social"),
    ("Dus u betaalt vrijdag, klopt dat?", None),
    ("Ik stuur het vandaag op.", None),
    ("Mag ik vragen hoe dat zo gekomen is?", "open"),
    ("Mag ik vragen of u de factuur heeft?", "closed"),
    ("Ik bel even, hoe staat het ermee?", "open"),
    ("Mag ik u vragen: hoe komen facturen normaal gesproken bij u binnen?", "open"),
    ("Waarom hoor ik dat nu pas?", "closed"),
    ("Waarom belt u dan niet gewoon met mij?", "closed"),
    ("En waarom januari, wat komt er dan binnen?", "open"),
    ("Waarom duurt het goedkeuren bij jullie zo lang?", "open"),
    ("Hoe is het met Bobbie, loopt hij alweer een beetje?", "social"),
    ("Nou, eh, hoe bevalt die nieuwe lichtbak eigenlijk?", "social"),
])
def test_the_form_of_a_question_says_open_or_closed(text, kind):
    assert question_kind(text) == kind


@pytest.mark.parametrize("text, model, read", [
    ("Hoe is het?", moves.OPEN_QUESTION, ""),
    ("Maar die staat daar toch los van?", moves.OPEN_QUESTION, moves.CLOSED_QUESTION),
    ("En als hij dan aftekent, hoe snel wordt er dan betaald?", moves.VAGUE_PROPOSAL,
     moves.OPEN_QUESTION),
    ("Oh, leuk om te horen!", moves.OPEN_QUESTION, ""),
    ("Dat is balen, zeker als u gewoon wilt betalen.", moves.THREATEN,
     moves.SHOW_UNDERSTANDING),
    ("Leuk je weer even te spreken, Joyce.", moves.OFFER_CONCESSION, moves.POSITIVE_CLOSE),
    ("Tot ziens.", moves.CLOSED_QUESTION, ""),
    ("Ik stuur u vandaag het urenbriefje.", moves.ANNOUNCE_CONFIRMATION, ""),
    ("Mailen naar debiteuren@bouwmaterialen.nl.", moves.ANNOUNCE_CONFIRMATION, ""),
    ("Ik zet het vanmiddag in een mail, met de data, de bedragen en ons rekeningnummer.",
     "", moves.ANNOUNCE_CONFIRMATION),
    ("Hoe is het met Bobbie, loopt hij alweer een beetje?", moves.THREATEN, ""),
    ("Dan is het ook wel een beetje vreemd om het hele bedrag tegen te houden.", "",
     moves.THREATEN),
    ("Dan doet hij dat maar als hij terug is.", moves.ASK_IN_RETURN, ""),
    ("Dan betaalt u wel vandaag de helft.", moves.ASK_IN_RETURN, moves.ASK_IN_RETURN),
    ("Dan wachten we gewoon tot ze weer beter is.", moves.VAGUE_PROPOSAL,
     moves.OFFER_CONCESSION),
    ("Ik bel over uw achterstand bij ons.", "nlu_fallback", moves.STATE_PURPOSE),
    ("Dat zeggen ze allemaal.", "", moves.THREATEN),
    ("Binnenkort zei u vorige maand ook.", moves.VAGUE_PROPOSAL, moves.THREATEN),
    ("Maar anders houd ik de levering tegen.", "nlu_fallback", moves.THREATEN),
    ("Goed, dan zie ik de eerste betaling vanmiddag tegemoet.", moves.OFFER_CONCESSION, ""),
    ("Nou ja, dan hoor ik het wel als het weer wat beter gaat.", moves.VAGUE_PROPOSAL,
     moves.OFFER_CONCESSION),
    ("Dat klinkt als een gedoe, en jullie doen het allemaal als vrijwilliger.", "",
     moves.SHOW_UNDERSTANDING),
    ("Ja, 26-0871. Dank u, hé. Dag.", "", moves.POSITIVE_CLOSE),
    ("Is goed. Dus maandag 7 december, en dan de hele € 3.146,00?", moves.SUMMARISE,
     moves.CLOSED_QUESTION),
    ("Mevrouw Jansen, het gaat om factuur 25-0912, € 918,75.", moves.SUMMARISE,
     moves.STATE_PURPOSE),
    ("U had dat ook eerder kunnen melden, binnen acht dagen.", moves.OFFER_CONCESSION,
     moves.THREATEN),
    ("Ik stuur u nog een brief met het telefoonnummer van de gemeente voor schuldhulp.",
     moves.ANNOUNCE_CONFIRMATION, ""),
    ("Wat heeft u precies met hem afgesproken, staat daar iets van op de mail?",
     moves.ANNOUNCE_CONFIRMATION, moves.OPEN_QUESTION),
    ("Dan stel ik voor: u betaalt maandag € 1.000,00, en dan mag de rest op 24 december.",
     moves.OFFER_CONCESSION, ""),  # a trade: no concession given away
    ("Och, zo'n vergissing kan iedereen overkomen.", moves.OFFER_CONCESSION,
     moves.SHOW_UNDERSTANDING),
    ("De administratiekosten schrap ik meteen, dan heeft u daar geen last van.", "",
     moves.OFFER_CONCESSION),
    ("Die rente streep ik voor deze keer door.", "nlu_fallback", moves.OFFER_CONCESSION),
    ("Heeft u de orderbevestiging van september nog ergens liggen?",
     moves.ANNOUNCE_CONFIRMATION, ""),
    ("Ik stuur u straks een mailtje met mijn gegevens.", moves.ANNOUNCE_CONFIRMATION, ""),
    ("Dan mail ik u zodra ik van de monteur hoor hoe het zit.", moves.ANNOUNCE_CONFIRMATION,
     ""),
    ("U krijgt van mij een e-mail met het verzoek om contact op te nemen.",
     moves.ANNOUNCE_CONFIRMATION, ""),
    ("Ik stuur u vanmiddag een mail, dan heeft u het zwart op wit.", "",
     moves.ANNOUNCE_CONFIRMATION),
    ("Ach, dat kan natuurlijk gebeuren.", "", moves.SHOW_UNDERSTANDING),
    ("Oei, dat is een harde klap.", "nlu_fallback", moves.SHOW_UNDERSTANDING),
    ("Dan wacht u gewoon even tot uw klant betaald heeft.", "", moves.OFFER_CONCESSION),
    ("Ik mail u vanmiddag het nummer van de monteur, dan kunt u een afspraak maken.",
     moves.ANNOUNCE_CONFIRMATION, ""),
    ("Ik mail je straks nog even de creditnota.", moves.ANNOUNCE_CONFIRMATION, ""),
    ("Ach, weet je wat, laten we dat van voor de kerst dan maar vergeten.", "",
     moves.OFFER_CONCESSION),
    ("Een betalingsregeling is volgens onze voorwaarden niet mogelijk.",
     moves.OFFER_CONCESSION, ""),
    ("Korting kan ik u echt niet geven.", moves.OFFER_CONCESSION, ""),
    ("Geen regeling, maar de rente laat ik vallen.", "", moves.OFFER_CONCESSION),
    ("Dat hoor ik wel vaker, zo'n bankoverstap gaat nooit in één keer goed.", "",
     moves.SHOW_UNDERSTANDING),
    ("Dat hoor ik wel vaker.", "", moves.THREATEN),
    ("Ik bel voor uw factuur 2026/0917, € 2380.", moves.CONCRETE_PROPOSAL,
     moves.STATE_PURPOSE),
    ("Goed, dan zie ik het maandag tegemoet. Dag.", moves.POSITIVE_CLOSE, ""),
    ("Dan dank ik u hartelijk voor uw medewerking.", moves.POSITIVE_CLOSE,
     moves.POSITIVE_CLOSE),
    ("Dan eh, dan bel ik in januari wel weer, of zo.", "nlu_fallback", moves.OFFER_CONCESSION),
    ("Korting? Waarom heeft u die proef dan goedgekeurd?", moves.OFFER_CONCESSION, ""),
    ("O, leuk! Graag!", moves.STATE_PURPOSE, ""),
    ("Da kan gebeuren, ge zijt niet de eerste.", "nlu_fallback", moves.SHOW_UNDERSTANDING),
    ("Ah, nou, dat hoor ik vaker hoor, in de transport.", moves.THREATEN, ""),
    ("Dat hoor ik wel vaker, dat iedereen al betaald heeft.", "", moves.THREATEN),
    ("Die drukproef is door uw collega afgetekend, zwart op wit.",
     moves.ANNOUNCE_CONFIRMATION, ""),
    ("Nou, eh, weet je wat, laat het dan maar even zitten.", "", moves.OFFER_CONCESSION),
    ("Dat is vervelend als een grote klant u zo laat zitten.", "", moves.SHOW_UNDERSTANDING),
    ("Dan eh, dan wacht ik gewoon tot ze terug is.", "", moves.OFFER_CONCESSION),
    ("Nee, die staat genoteerd, daar hoeft u niets meer voor te doen.",
     moves.OFFER_CONCESSION, ""),
    ("Ge moet uw zaken beter op orde hebben, wij zijn geen bank.", "", moves.THREATEN),
    ("Ik ga niet weer achter u moeten bellen.", "", moves.THREATEN),
    ("Ja, maar dat is ons probleem niet, hé.", "nlu_fallback", moves.THREATEN),
    ("Goedemiddag, en alvast een fijn weekend.", moves.INTRODUCE, moves.POSITIVE_CLOSE),
    ("Da had ge toen moeten zeggen, nu is 't te laat.", "", moves.THREATEN),
    ("U had die mensen wel nodig in mei, hè, toen kon het wel.", "", moves.THREATEN),
    ("Vrijdag is vrijdag. Anders hoort u van ons.", "", moves.THREATEN),
    ("U weet toch dat die al sinds januari vervallen is? Waarom heeft u dan nooit even gebeld?",
     moves.OPEN_QUESTION, moves.THREATEN),
    ("Dan had u ook een antwoord moeten krijgen, dat neem ik mee.", moves.THREATEN, ""),
    ("Fijn. Als een termijn niet op tijd binnen is, vervalt de regeling.",
     moves.OFFER_CONCESSION, ""),
])
def test_words_and_form_over_the_models_reading(text, model, read):
    assert evident(act(text, model)).intent == read


def test_yes_to_a_later_date_than_asked_is_a_concession_and_the_rest_of_the_act_stays():
    turns = [act("Ik wil graag dat het uiterlijk vrijdag 4 december binnen is.",
                 moves.STATE_PURPOSE, date=["2026-12-04"]),
             debtor_says("Dat wordt ergens eind december.", "promise_vague",
                         date=["2026-12-31"]),
             act("Eind december. Nou ja, goed, als het dan maar geregeld wordt.", "",
                 date=["2026-12-31"])]
    assert read_acts(turns, TODAY)[-1].intent == moves.OFFER_CONCESSION
    earlier = [turns[0], debtor_says("Ik betaal donderdag 3 december.", "promise_to_pay",
                                     date=["2026-12-03"]),
               act("Ja hoor, dat is goed. Hoe gaat het verder met de zaak?", "")]
    read = read_acts(earlier, TODAY)
    assert moves.OFFER_CONCESSION not in {t.intent for t in read}
    later = [turns[0], debtor_says("Maandag 7 december kan ik.", "promise_to_pay",
                                   date=["2026-12-07"]),
             act("Ja hoor, maandag is ook goed. Hoe gaat het verder met de zaak?",
                 moves.OPEN_QUESTION)]
    read = read_acts(later, TODAY)
    assert [t.intent for t in read[2:]] == [moves.OFFER_CONCESSION, moves.OPEN_QUESTION]


def test_taking_over_the_debtors_later_day_is_a_concession_unless_traded():
    asked = act("Zou het deze week nog kunnen?", moves.CLOSED_QUESTION)
    later = debtor_says("Nee, pas maandag.", "excuse_contact_unavailable", date=["2026-12-07"])
    taken = act("Nou ja, dan maandag.", "", date=["2026-12-07"])
    assert read_acts([asked, later, taken], TODAY)[-1].intent == moves.OFFER_CONCESSION
    traded = act("Dan maandag, als u mij vandaag de bevestiging mailt.", "",
                 date=["2026-12-07"])
    assert read_acts([asked, later, traded], TODAY)[-1].intent != moves.OFFER_CONCESSION


def test_dates_already_past_are_no_deadline():
    turns = [act("Ik bel over factuur 2026-1187 van € 2.349,75, die had op 18 november "
                 "betaald moeten zijn.", moves.STATE_PURPOSE, date=["2026-11-18"],
                 amount=[2349.75])]
    assert read_acts(turns, TODAY)[0].entities["date"] == []
    assert score(turns, today=TODAY).result("purpose_deadline").credit == 0.5
    in_words = [act("Ik bel over factuur 2026-1187 en ik wil graag afspreken dat die deze "
                    "week nog betaald wordt.", moves.STATE_PURPOSE)]
    assert score(in_words, today=TODAY).result("purpose_deadline").passed


def test_a_deadline_in_the_next_sentence_of_the_same_turn_counts():
    turns = [act("Ik bel u over onze factuur 26.0412.", moves.STATE_PURPOSE),
             act("En we zouden graag zien dat hij uiterlijk vrijdag 11 december betaald is.",
                 "nlu_fallback", date=["2026-12-11"])]
    assert score(turns, today=TODAY).result("purpose_deadline").passed


def test_yes_to_the_debtors_exact_promise_is_a_concrete_agreement():
    turns = [act("Ik wil het graag uiterlijk maandag 7 december binnen hebben.",
                 moves.STATE_PURPOSE, date=["2026-12-07"]),
             debtor_says("Ik kan het maandag 7 december doen, het hele bedrag in één keer.",
                         "promise_to_pay", date=["2026-12-07"]),
             act("Ja hoor, dat is goed.", moves.OFFER_CONCESSION)]
    card = score(turns, today=TODAY)
    assert card.result("concrete_agreement").passed
    assert card.result("concession_return").passed


def test_understanding_then_dropping_the_goal_out_loud_earns_nothing():
    turns = [debtor_says("De boekhouder is ziek.", "excuse_contact_unavailable"),
             act("Nou, dat kan ik me voorstellen.", moves.SHOW_UNDERSTANDING),
             act("Wie kan er dan wel betalen?", moves.OPEN_QUESTION),
             act("Oké. Nou ja, het heeft ook geen haast, hoor.", "")]
    assert score(turns, today=TODAY).result("understanding").credit == 0.0
    kept = turns[:3]
    assert score(kept, today=TODAY).result("understanding").passed


def test_a_return_in_dutch_inversion_and_an_amount_next_to_the_costs():
    assert asks_return("stuurt u dan maar een betaalbewijs, dan zien we verder.")
    assert asks_return("betaalt u vandaag de helft, dan laat ik de rente vallen.")
    assert not asks_return("weet u wat, die kosten haal ik eraf, dan hoeft u alleen de "
                           "factuur te betalen.")
    both = act("Het gaat om € 2.118,75, plus veertig euro aanmaningskosten.", "",
               amount=[2118.75, 40.0])
    assert debt_amount(both)
    assert not debt_amount(act("De veertig euro aanmaningskosten laat ik vallen.", "",
                               amount=[40.0]))


def test_a_rough_size_is_not_the_open_amount():
    assert not debt_amount(act("Daar staat nog ruim veertienhonderd euro van open.", "",
                               amount=[1400.0]))
    assert not debt_amount(act("Het gaat om zo'n 800 euro.", "", amount=[800.0]))
    assert debt_amount(act("Die staat al zo'n 3 weken open, € 1.412,50.", "",
                           amount=[1412.5]))


def test_an_agreement_checked_back_in_a_sentence_of_its_own_is_a_summary():
    checked = act("Dus maandag 7 december, 689,70 euro, factuur 26-0088. Klopt dat?",
                  moves.CONCRETE_PROPOSAL, date=["2026-12-07"], amount=[689.7])
    assert evident(checked).intent == moves.SUMMARISE


def test_noting_down_what_was_agreed_is_a_summary():
    noted = act("Dan noteer ik het als volgt: u maakt uiterlijk vrijdag 18 december € 2.964,50 "
                "over.", moves.CONCRETE_PROPOSAL, date=["2026-12-18"], amount=[2964.5])
    assert evident(noted).intent == moves.SUMMARISE


def test_a_reproach_about_playing_games_is_a_threat():
    assert evident(act("Ge speelt dat spelleke elke keer opnieuw, hé.")).intent == moves.THREATEN
    assert evident(act("Ze spelen daar een spelletje met ons.")).intent == moves.THREATEN
    assert evident(act("Speelt u ook tennis?", moves.CLOSED_QUESTION)).intent != moves.THREATEN


@pytest.mark.parametrize("text, model, read", [
    ("Hoe komt het dat die niet bij u is aangekomen, denkt u?", moves.THREATEN,
     moves.OPEN_QUESTION),
    ("Hoe regelen jullie dat normaal als Ingrid er niet is?", moves.ASK_IN_RETURN,
     moves.OPEN_QUESTION),
    ("Het gaat over factuurnummer 55021, van de servers.", moves.CLOSED_QUESTION,
     moves.STATE_PURPOSE),
    ("Sorry dat ik stoor, ik weet dat het druk is bij jullie.", moves.SHOW_UNDERSTANDING, ""),
    ("Amai, da's nie niks, drie weken dicht.", "", moves.SHOW_UNDERSTANDING),
    ("Da's logisch, uw mensen eerst.", moves.SHOW_UNDERSTANDING, moves.SHOW_UNDERSTANDING),
    ("Zet 'm op met die beurzen!", "", moves.POSITIVE_CLOSE),
    ("Jij ook, doei!", "", moves.POSITIVE_CLOSE),
])
def test_the_words_decide_the_act(text, model, read):
    assert evident(act(text, model)).intent == read


def test_an_open_question_that_floats_a_split_counts_as_open():
    turns = [act("Hoe ziet uw kas er de komende weken uit?", moves.OPEN_QUESTION),
             act("Wat zou wél lukken, als we het in twee delen zouden doen?",
                 moves.OFFER_CONCESSION)]
    assert score(turns).result("open_questions").passed
    assert not score(turns[:1]).result("open_questions").passed


def test_a_second_offer_trades_only_its_own_gift():
    later = Turn(DEBTOR, "Nee, echt niet. Dertig december.", "deny", {"date": ["2026-12-30"]})
    gift = act("Nou goed, dan wordt het 30 december.", moves.OFFER_CONCESSION,
               date=["2026-12-30"])
    own = act("En ik doe u nog een voorstel: de kosten laat ik vallen als u de 726 euro in "
              "januari betaalt.", moves.ASK_IN_RETURN, amount=[726.0])
    today = dt.date(2026, 12, 21)
    assert not score([later, gift, own], today=today).result("concession_return").passed
    traded = act("Dan wil ik wel dat u de 726 euro in januari betaalt.", moves.ASK_IN_RETURN,
                 amount=[726.0])
    assert score([later, gift, traded], today=today).result("concession_return").passed


@pytest.mark.parametrize("text, model, read", [
    ("Dan noteer ik: u betaalt € 980,40 uiterlijk maandag 28 december.",
     moves.CONCRETE_PROPOSAL, moves.SUMMARISE),
    ("Dan ga ik akkoord met maandag, maar daar vraag ik wel iets voor terug: u stuurt vandaag "
     "het formulier.", moves.STATE_PURPOSE, moves.ASK_IN_RETURN),
    ("Weet je wat, ik zet hem gewoon even on hold tot na de feestdagen.", "",
     moves.OFFER_CONCESSION),
])
def test_the_words_decide_the_act_too(text, model, read):
    entities = {"date": ["2026-12-28"], "amount": [980.4]} if "980" in text else {}
    assert evident(act(text, model, **entities)).intent == read


def test_a_deadline_next_to_the_invoice_states_the_purpose():
    invoice = act("Factuur 2026-0917, reparatie afvoer keuken, € 385,-.", moves.CONCRETE_PROPOSAL,
                  invoice_number=["2026-0917"], amount=[385.0])
    today = dt.date(2026, 12, 18)
    wants = act("Ik wil dat bedrag vandaag nog op de rekening.", moves.ASK_IN_RETURN,
                date=["2026-12-18"])
    assert score([invoice, wants], today=today).result("purpose_deadline").passed
    aside = act("Mijn scherm doet raar vandaag.", "", date=["2026-12-18"])
    assert not score([invoice, aside], today=today).result("purpose_deadline").passed


def test_costs_waived_after_the_trade_was_taken_are_a_gift_on_top():
    ask = Turn(DEBTOR, "Kan ik het in twee keer doen?", "request_payment_plan", {})
    trade = act("Dan vraag ik wel iets terug: de eerste helft maakt u maandag over.",
                moves.ASK_IN_RETURN)
    taken = Turn(DEBTOR, "Ja, dat is goed.", "affirm", {})
    costs = act("Mooi. En de herinneringskosten laat ik vervallen.", moves.OFFER_CONCESSION)
    assert not score([ask, trade, taken, costs]).result("concession_return").passed
    split = act("Mooi. Dan zet ik de regeling in twee delen voor u klaar.", moves.OFFER_CONCESSION)
    assert score([ask, trade, taken, split]).result("concession_return").passed


@pytest.mark.parametrize("text, model, read", [
    ("Helemaal goed! Fijne dagen nog en alvast een gelukkig nieuwjaar!", "",
     moves.POSITIVE_CLOSE),
    ("Nogmaals dank, en een gezond en goed 2027.", "", moves.POSITIVE_CLOSE),
    ("Ik zag anders op Instagram dat je net een gloednieuwe bus hebt.", "", moves.THREATEN),
    ("Ja, da's ambetant, ge denkt dat ge in orde zijt.", "", moves.SHOW_UNDERSTANDING),
    ("Weet u wat, dan laten we het gewoon even rusten tot na de feestdagen.", "",
     moves.OFFER_CONCESSION),
])
def test_closing_wishes_reproach_and_giving_in_by_their_words(text, model, read):
    assert evident(act(text, model)).intent == read


def test_telling_the_debtor_to_call_when_it_goes_better_asks_nothing_back():
    assert not asks_return("belt u ons maar als het weer wat beter gaat, dan kijken we wel.")
    assert asks_return("stuurt u dan maar een betaalbewijs, dan zien we wel.")
    assert asks_return("goed. maar stuur me dan vandaag wel het betalingsbewijs van 15 december.")


@pytest.mark.parametrize("text, model, read", [
    ("Ge betaalt vrijdag alles, of we stoppen de leveringen.", moves.OFFER_CONCESSION,
     moves.THREATEN),
    ("Ge zijt altijd te laat, da's het probleem.", moves.OFFER_CONCESSION, moves.THREATEN),
    ("Elke keer is er iets met u.", "", moves.THREATEN),
    ("Haha, dat hoor ik vaker, die krijgen we altijd als laatste terug.", moves.THREATEN, ""),
    ("Doe ik. Nou, geniet nog van vanavond hè, en alaaf!", "", moves.POSITIVE_CLOSE),
    ("Dank je wel, en een goede start in je nieuwe baan.", "", moves.POSITIVE_CLOSE),
    ("'t Is weer voor uw factuur, hè.", "", moves.STATE_PURPOSE),
    ("Helder, dat is ook een verstandige regeling.", moves.OFFER_CONCESSION, ""),
    ("Allee, trek die 260 er dan maar af.", moves.OFFER_CONCESSION, moves.OFFER_CONCESSION),
    ("Maar goed, ik kan het wel per kwartaal laten lopen.", "", moves.OFFER_CONCESSION),
])
def test_ultimatums_laughter_wishes_and_what_is_given_by_their_words(text, model, read):
    assert evident(act(text, model)).intent == read


def test_a_condition_on_someone_elses_money_or_on_not_paying_asks_nothing_back():
    assert not asks_return("samenvattend: u betaalt € 5.318,20 eind februari, zodra de "
                           "subsidie binnen is.")
    assert not asks_return("als het maandag niet binnen is, zet ik het op facebook.")
    assert asks_return("op één voorwaarde: dat de rest vandaag nog wordt overgemaakt.")
    assert asks_return("zodra u de eerste termijn betaalt, zet ik de rest stil.")
    assert asks_return("maar daar vraag ik wel iets voor terug.")


def test_weighing_the_debtors_later_day_against_ones_own_gives_nothing():
    asked = act("Wij willen het bedrag uiterlijk vrijdag 19 februari binnen hebben.",
                moves.STATE_PURPOSE, date=["2027-02-19"])
    later = Turn(DEBTOR, "Zeg maar woensdag 24 februari.", "request_extension",
                 {"date": ["2027-02-24"]})
    weighs = act("Wij vroegen uiterlijk vrijdag 19 februari, woensdag de 24e is dus vijf dagen "
                 "later.", moves.OFFER_CONCESSION, date=["2027-02-19", "2027-02-24"])
    today = dt.date(2027, 2, 16)
    assert moves.OFFER_CONCESSION not in [a.intent for a in read_acts([asked, later, weighs],
                                                                       today)]
    takes = act("Nou, goed, woensdag 24 februari dan.", "", date=["2027-02-24"])
    assert moves.OFFER_CONCESSION in [a.intent for a in read_acts([asked, later, takes], today)]


@pytest.mark.parametrize("text, model, read", [
    ("Anders haal ik die stellingen morgen weg van uw werf.", moves.OFFER_CONCESSION,
     moves.THREATEN),
    ("Sorry. Sorry, dat was niet netjes van me.", moves.SHOW_UNDERSTANDING, ""),
    ("Dat spijt me, dat had niet zo moeten lopen.", "", moves.SHOW_UNDERSTANDING),
    ("Geen haast, ik wacht wel even.", moves.OFFER_CONCESSION, ""),
    ("De creditnota mail ik u vandaag, naar het adres waar de facturen ook heen gaan.",
     moves.ANNOUNCE_CONFIRMATION, ""),
])
def test_threats_by_anders_apologies_holding_the_line_and_mailing_a_credit_note(text, model,
                                                                                  read):
    assert evident(act(text, model)).intent == read


def test_a_sigh_after_ones_own_date_still_gives_the_later_one():
    today = dt.date(2027, 4, 20)
    asked = act("Ik zou hem graag uiterlijk vrijdag binnen hebben.", moves.STATE_PURPOSE,
                date=["2027-04-23"])
    later = Turn(DEBTOR, "Dus eind april, zodra Woonstede betaalt.", "excuse_waiting_for_customer",
                 {"date": ["2027-04-30"]})
    sighs = act("Eind april. Ja, nou ja, eigenlijk wilde ik het vrijdag hebben, maar goed.", "",
                date=["2027-04-30", "2027-04-23"])
    assert moves.OFFER_CONCESSION in [a.intent for a in read_acts([asked, later, sighs], today)]


def test_a_day_for_the_mail_after_a_yes_does_not_hold_the_collectors_term():
    today = dt.date(2026, 11, 12)
    later = Turn(DEBTOR, "Als u hem opnieuw stuurt, betalen wij binnen dertig dagen.",
                 "excuse_invoice_not_received", {"date": ["2026-12-12"]})
    yes = act("Ja, prima, dat is goed.")
    mail = act("Dan stuur ik hem vandaag nog een keer.", date=["2026-11-12"])
    assert moves.OFFER_CONCESSION in [a.intent for a in read_acts([later, yes, mail], today)]


def test_a_proposal_said_as_a_summary_that_asks_for_commitment_is_no_summary():
    today = dt.date(2026, 11, 12)
    plan = act("Dus zeshonderdtwintig euro morgen en zeshonderdtwintig op 30 november. Lukt dat?",
               moves.SUMMARISE, date=["2026-11-13", "2026-11-30"], amount=[620.0])
    assert [a.intent for a in read_acts([plan], today)] == [moves.CONCRETE_PROPOSAL]
    checked = act("Dus zeshonderdtwintig euro morgen en zeshonderdtwintig op 30 november. "
                  "Klopt dat?", moves.SUMMARISE, date=["2026-11-13", "2026-11-30"],
                  amount=[620.0])
    assert [a.intent for a in read_acts([checked], today)] == [moves.SUMMARISE]
    condition = act("Het bedrag van € 620 staat uiterlijk vrijdag 13 november op onze rekening. "
                    "Lukt het dan nog niet, dan boekt u het handmatig over.", moves.SUMMARISE,
                    date=["2026-11-13"], amount=[620.0])
    assert [a.intent for a in read_acts([condition], today)] == [moves.SUMMARISE]


def test_a_return_the_debtor_turned_down_pays_for_nothing_given_after():
    trade = act("Als jij de rest deze week betaalt, crediteer ik die honderdzesentachtig euro.",
                moves.ASK_IN_RETURN, amount=[186.0])
    no = Turn(DEBTOR, "Dat is redelijk. Alleen, deze week lukt echt niet. Leusden betaalt pas "
              "op dertig april.", "nlu_fallback", {"date": ["2027-04-30"]})
    gives_in = act("Hm. Nou ja, oké dan. Dertig april.", moves.OFFER_CONCESSION,
                   date=["2027-04-30"])
    today = dt.date(2027, 4, 20)
    assert not score([trade, no, gives_in], today=today).result("concession_return").passed
    yes = Turn(DEBTOR, "Dat is redelijk. Leusden betaalt pas op dertig april.", "nlu_fallback",
               {"date": ["2027-04-30"]})
    assert score([trade, yes, gives_in], today=today).result("concession_return").passed


def test_understanding_stands_when_the_collector_pressed_for_a_day_before_waiting():
    excuse = Turn(DEBTOR, "We hebben het even krap.", "cannot_pay", {})
    shown = act("Ah, wat balen. Heel vervelend voor jullie.", moves.SHOW_UNDERSTANDING)
    press = act("Maar eh, lukt vrijdag dan misschien toch?", moves.CLOSED_QUESTION,
                date=["2026-12-04"])
    maybe = Turn(DEBTOR, "Ik laat het je weten.", "promise_vague", {})
    waits = act("Dan hoor ik het wel van jullie.", "")
    today = dt.date(2026, 12, 2)
    assert score([excuse, shown, press, maybe, waits], today=today).result(
        "understanding").passed
    assert not score([excuse, shown, maybe, waits], today=today).result("understanding").passed


@pytest.mark.parametrize("text, model, read", [
    ("Zal ik het gewoon even laten staan dan?", "", moves.OFFER_CONCESSION),
    ("Dat is begrijpelijk, twee weken is kort.", "", moves.SHOW_UNDERSTANDING),
    ("Dus u betaalt de nieuwe factuur van € 2.178,00 uiterlijk vrijdag 18 juni, klopt dat?",
     moves.CONCRETE_PROPOSAL, moves.SUMMARISE),
])
def test_leaving_it_be_understanding_and_a_summary_checked_back(text, model, read):
    turn = act(text, model)
    if "2.178" in text:
        turn = act(text, model, date=["2027-06-18"], amount=[2178.0])
    assert evident(turn).intent == read


def test_asking_only_the_whole_amount_asks_nothing_back():
    assert not asks_return("maar dan wel het hele bedrag, die vierduizend zeshonderdvijftien?")
    assert asks_return("maar dan wel het hele bedrag, € 4.615, uiterlijk vrijdag.")


def test_two_open_questions_in_one_breath_count_once():
    both = act("Mag ik vragen: hoe komen de facturen bij u normaal binnen, en wie moet die "
               "goedkeuren?", moves.OPEN_QUESTION)
    assert not score([both]).result("open_questions").passed
    tagged = act("Wat is er toen precies besproken en met wie?", moves.OPEN_QUESTION)
    assert not score([tagged]).result("open_questions").passed
    again = act("En wat heeft u van ons nodig om hem goed te keuren?", moves.OPEN_QUESTION)
    assert score([both, again]).result("open_questions").passed


def test_a_warning_said_to_inform_after_a_step_one_must_take_is_no_threat():
    step = act("Dan blijft de oorspronkelijke afspraak staan, en dan moet ik het dossier volgende "
               "week overdragen aan het incassobureau.", moves.THREATEN)
    spare = act("Dat zeg ik niet om je onder druk te zetten, maar zodat je weet waar je aan toe "
                "bent.", "")
    assert score([step, spare]).result("no_threats").passed
    assert not score([step]).result("no_threats").passed


@pytest.mark.parametrize("text, read", [
    ("Dat versta ik, zo'n verbouwing valt altijd duurder uit dan ge denkt.",
     moves.SHOW_UNDERSTANDING),
    ("Ik versta u slecht, de lijn kraakt.", ""),
])
def test_flemish_understanding_is_no_bad_line(text, read):
    assert evident(act(text)).intent == read


def test_a_summary_headed_om_het_samen_te_vatten_is_one():
    said = act("Om het samen te vatten: u maakt uiterlijk dinsdag 6 oktober € 6.734,65 over.",
               "nlu_fallback", date=["2026-10-06"], amount=[6734.65])
    assert evident(said).intent == moves.SUMMARISE


@pytest.mark.parametrize("text, model, read", [
    ("Ja, eh, het is een beetje vervelend, maar ik bel over, eh, een factuur die nog openstaat.",
     moves.SHOW_UNDERSTANDING, moves.STATE_PURPOSE),
    ("Sorry dat ik u stoor.", moves.SHOW_UNDERSTANDING, ""),
    ("Dat is vervelend voor u, dat begrijp ik.", moves.SHOW_UNDERSTANDING,
     moves.SHOW_UNDERSTANDING),
])
def test_unease_about_calling_is_no_understanding(text, model, read):
    assert evident(act(text, model)).intent == read


def test_a_step_of_the_procedure_said_not_to_be_a_threat_informs():
    step = act("Ik moet u wel vertellen dat, als de betaling niet uiterlijk donderdag 23 september "
               "binnen is, het dossier volgens onze vaste procedure wordt overgedragen aan het "
               "incassobureau.", moves.THREATEN, date=["2027-09-23"])
    said = act("Dat is geen dreigement, zo werkt het bij ons gewoon.", "")
    assert score([step, said]).result("no_threats").passed
    costly = act(f"{step.text[:-1]}, en dan komen alle kosten voor u.", moves.THREATEN)
    assert not score([costly]).result("no_threats").passed


@pytest.mark.parametrize("text, read", [
    ("Dat hoor ik vaker deze maand.", ""),
    ("Dat hoor ik vaker.", moves.THREATEN),
])
def test_heard_more_often_this_month_doubts_nothing(text, read):
    assert evident(act(text, moves.THREATEN)).intent == read


@pytest.mark.parametrize("text, understood", [
    ("Ja, logisch, die weken tussen kerst en oud en nieuw, daar gebeurt nergens wat.", True),
    ("Zo'n verhuizing, daar komt van alles bij kijken, dan glipt er makkelijk iets tussendoor.",
     True),
    ("Logisch, maar we willen wel gewoon ons geld.", False),
])
def test_understanding_for_a_mishap_in_so_many_words(text, understood):
    read = evident(act(text, "nlu_fallback")).intent
    assert (read == moves.SHOW_UNDERSTANDING) is understood


@pytest.mark.parametrize("text, read", [
    ("Dat is een lastige positie, zeker voor een stichting.", moves.SHOW_UNDERSTANDING),
    ("O, nou ja, tuurlijk, iedereen mag op vakantie, hè.", moves.SHOW_UNDERSTANDING),
    ("Ja, bankwissel, dat is altijd gedoe.", moves.SHOW_UNDERSTANDING),
    ("Allez, beterschap nog, hè, en tot ziens!", moves.POSITIVE_CLOSE),
    ("Ik stuur u een mailtje met die afspraak: de € 8.975,00 wordt betaald zodra jullie "
     "opdrachtgever betaald heeft.", moves.ANNOUNCE_CONFIRMATION),
    ("Maar dan vraag ik wel iets terug: dat de eerste termijn morgen binnen is en dat u de "
     "regeling per mail bevestigt.", moves.ASK_IN_RETURN),
])
def test_more_words_for_understanding_a_close_and_a_mailed_agreement(text, read):
    model = moves.ASK_IN_RETURN if "zodra" in text or "terug" in text else "nlu_fallback"
    assert evident(act(text, model)).intent == read


@pytest.mark.parametrize("text, read", [
    ("En wat doet u als die klant op de 22e nog steeds niet betaald heeft?", ""),
    ("U heeft nog steeds niet betaald.", moves.THREATEN),
    ("Alweer?", moves.THREATEN),
    ("Het kan toch niet zo zijn dat alles stilligt als Ingrid weg is.", moves.THREATEN),
])
def test_a_reproach_is_one_a_question_about_a_third_party_is_not(text, read):
    model = moves.OPEN_QUESTION if read == "" else "nlu_fallback"
    assert (evident(act(text, model)).intent == moves.THREATEN) is (read == moves.THREATEN)


@pytest.mark.parametrize("text", [
    "Ah, da's lastig, zo vlak voor de feestdagen.",
    "Geen zorgen, dat gebeurt, zeker in de zomer met halve bezetting.",
    "Da's goed mogelijk, ik wil het samen met u uitzoeken.",
])
def test_more_words_for_understanding_flemish_and_calm(text):
    assert evident(act(text, "nlu_fallback")).intent == moves.SHOW_UNDERSTANDING


def test_how_it_works_with_us_and_wanting_to_spare_the_debtor_informs():
    step = act("Ik wil u wel eerlijk zeggen hoe het bij ons werkt: als een factuur na de tweede "
               "aanmaning niet betaald wordt, gaat het dossier naar ons incassobureau.",
               moves.THREATEN)
    spare = act("Daar wil ik u graag voor behoeden, dus daarom leg ik het even vast.", "")
    assert score([step, spare]).result("no_threats").passed
    assert not score([step]).result("no_threats").passed


@pytest.mark.parametrize("text, model, read", [
    ("Ah, dat is pittig, met een zieke boekhouder en zelf ook nog rijden.", "nlu_fallback",
     moves.SHOW_UNDERSTANDING),
    ("Nou, Henk, succes morgen, hè, veel oranjebier verkopen!", "nlu_fallback",
     moves.POSITIVE_CLOSE),
    ("Dat zal ik wel zien. Nou, succes ermee.", moves.POSITIVE_CLOSE, ""),
    ("Als het niet klopt, mail ik u wel.", moves.ANNOUNCE_CONFIRMATION, ""),
])
def test_pittig_good_luck_tomorrow_and_a_mail_only_if_wrong(text, model, read):
    assert evident(act(text, model)).intent == read


@pytest.mark.parametrize("text, read", [
    ("Waarom betalen jullie nou nooit eens op tijd?", moves.THREATEN),
    ("Het is altijd iemand anders z'n schuld bij jullie.", moves.THREATEN),
    ("Nou, doe maar, ik heb al drie keer gebeld.", moves.THREATEN),
    ("Ja, dat hoor ik elke keer.", moves.THREATEN),
    ("Amai, da's niet plezant, zeker niet met uw klant op uw nek.", moves.SHOW_UNDERSTANDING),
    ("Waarom is de betaling teruggekomen?", moves.OPEN_QUESTION),
])
def test_reproaches_of_always_and_never_and_flemish_understanding(text, read):
    model = moves.OPEN_QUESTION if text.endswith("?") else "nlu_fallback"
    assert evident(act(text, model)).intent == read


@pytest.mark.parametrize("text, model, read", [
    ("Oh, die flows, ik ken het, bij ons is het ook altijd een gedoe.", "nlu_fallback",
     moves.SHOW_UNDERSTANDING),
    ("Tja, vakantie. Dat hoor ik deze maand bij elk telefoontje.", "nlu_fallback",
     moves.THREATEN),
    ("Ik zet dat straks in een mail naar u, met Kris in kopie.", "nlu_fallback",
     moves.ANNOUNCE_CONFIRMATION),
    ("Ik stuur u straks een kopie van de factuur.", moves.ANNOUNCE_CONFIRMATION, ""),
])
def test_i_know_it_a_reproach_at_every_call_and_a_mail_with_someone_copied(text, model, read):
    assert evident(act(text, model)).intent == read


@pytest.mark.parametrize("text, read", [
    ("Hoe kan het nou dat jullie drie herinneringen gewoon laten liggen?", moves.THREATEN),
    ("Ordernummer. Waarom moet bij jullie altijd alles zo moeilijk?", moves.THREATEN),
    ("Dat wil ik dan ook echt zien, want ik ga niet nog een keer achter jullie aan bellen.",
     moves.THREATEN),
    ("Dat had allang geregeld moeten zijn.", moves.THREATEN),
    ("Dat had ik eigenlijk moeten zien, excuus.", "nlu_fallback"),
])
def test_reproaches_in_hindsight_or_as_questions_are_threats(text, read):
    assert evident(act(text, "nlu_fallback")).intent == read


@pytest.mark.parametrize("text, read", [
    ("Begrijpelijk, het is volle vakantietijd, en u kunt ook niet zomaar iets betalen zonder "
     "goedkeuring.", moves.SHOW_UNDERSTANDING),
    ("Begrijpelijk, maar de factuur moet deze week betaald.", "nlu_fallback"),
])
def test_begrijpelijk_at_the_start_shows_understanding(text, read):
    assert evident(act(text, "nlu_fallback")).intent == read


def test_das_goed_at_the_start_says_yes():
    from bot.coach.roleplay.cues import ACCEPT
    assert ACCEPT.search("da's goed, als ge mij efkes laat weten wanneer hij vertrokken is.")
    assert not ACCEPT.search("da's altijd hetzelfde liedje rond de zomer, hè.")


@pytest.mark.parametrize("text, read", [
    ("Ah ja, verhuizen, da's altijd een gedoe, dat is dan niet uw schuld.",
     moves.SHOW_UNDERSTANDING),
    ("Ik moet eerlijk zeggen dat ik dit geen nette manier van zakendoen vind.", moves.THREATEN),
    ("Wij leveren, en u betaalt niet.", moves.THREATEN),
])
def test_not_your_fault_and_a_lecture_on_doing_business(text, read):
    assert evident(act(text, "")).intent == read


@pytest.mark.parametrize("text", [
    "Ge hebt dat in november ook al gezegd, hé.",
    "Wat is er nu weer mis dat ge niet kunt betalen?",
])
def test_you_said_that_before_and_what_now_again_reproach(text):
    assert evident(act(text, "")).intent == moves.THREATEN


@pytest.mark.parametrize("text", [
    "Het is uw eigen verantwoordelijkheid om uw adres bij ons bij te werken.",
    "Ik ben het nu echt een beetje zat met jullie.",
    "Als het er maandag weer niet is, nemen we andere maatregelen.",
    "En dan wordt het voor u alleen maar duurder.",
    "Als het vrijdag niet betaald is, halen we de steigers weg.",
    "Dat hoorde ik in oktober ook al.",
    "Vorig voorjaar moesten we ook al drie keer bellen.",
    "Jullie zijn ook niet de snelste betalers, hè.",
])
def test_own_responsibility_fed_up_taking_things_back_and_slow_payers_reproach(text):
    assert evident(act(text, "")).intent == moves.THREATEN


@pytest.mark.parametrize("text", [
    "Ja, lastig hè, als je geen bon hebt.",
    "Nou, sneu zeg, dat die levering zo misliep.",
])
def test_lastig_he_shows_understanding(text):
    assert evident(act(text, "")).intent == moves.SHOW_UNDERSTANDING


@pytest.mark.parametrize("text", [
    "Ach, dan hoeft het ook niet meer voor het eind van de maand.",
    "De rest zien we later wel.",
])
def test_no_longer_before_the_end_and_the_rest_later_give_time(text):
    assert evident(act(text, "")).intent == moves.OFFER_CONCESSION


@pytest.mark.parametrize("text, model, read", [
    ("Hoe is die extra tijd volgens u ontstaan?", "", moves.OPEN_QUESTION),
    ("Anders weet u wel wat er gaat gebeuren.", moves.OFFER_CONCESSION, moves.THREATEN),
    ("Dank voor uw tijd.", "", moves.POSITIVE_CLOSE),
])
def test_a_question_about_extra_time_asks_and_anders_weet_u_threatens(text, model, read):
    assert evident(act(text, model)).intent == read


def test_ik_noteer_with_a_colon_sums_up():
    noted = act("Goed. Ik noteer: 500 euro op vrijdag 4 februari en 500 euro op dinsdag 15 "
                "februari.", moves.CONCRETE_PROPOSAL, date=["2033-02-04", "2033-02-15"],
                amount=[500.0, 500.0])
    assert evident(noted).intent == moves.SUMMARISE


@pytest.mark.parametrize("text", [
    "Of zeg maar, als het wat later wordt is het ook niet erg.",
    "En lukt het vrijdag niet, dan is de week erna ook nog goed, hoor.",
    "Maar het mag ook best de week erna hoor, als het niet lukt.",
])
def test_later_is_fine_too_gives_time(text):
    assert evident(act(text, moves.VAGUE_PROPOSAL)).intent == moves.OFFER_CONCESSION


def test_telling_the_procedure_now_rather_than_afterwards_informs():
    step = act("Als de tweede termijn niet binnenkomt, gaat het dossier volgens onze vaste "
               "procedure naar het incassobureau.", moves.THREATEN)
    honest = act("Dat zeg ik u liever nu eerlijk dan achteraf.", moves.OFFER_CONCESSION)
    assert score([step, honest]).result("no_threats").passed
    assert score([step]).result("no_threats").passed  # the procedure as a plain fact
    bare = act("Als de tweede termijn niet binnenkomt, gaat het naar het incassobureau.",
               moves.THREATEN)
    assert not score([bare]).result("no_threats").passed


def test_a_plight_everyone_shares_shows_understanding():
    shared = act("Ja, dat hoor ik vaker deze week, iedereen moet weer opstarten hè.")
    assert evident(shared).intent == moves.SHOW_UNDERSTANDING
    assert evident(act("Dat hoor ik vaker deze maand.")).intent != moves.SHOW_UNDERSTANDING


def test_thanks_and_get_well_wishes_close_even_when_read_as_understanding():
    close = act("Merci voor uw openheid, en veel beterschap voor uw boekhoudster.",
                moves.SHOW_UNDERSTANDING)
    assert evident(close).intent == moves.POSITIVE_CLOSE
    still = act("Dat snap ik, en veel beterschap voor uw boekhoudster.", moves.SHOW_UNDERSTANDING)
    assert evident(still).intent == moves.SHOW_UNDERSTANDING


def test_hearing_it_more_these_weeks_is_no_threat_and_what_everyone_knows_no_understanding():
    often = act("Ja, dat hoor ik deze weken vaker, hoor.", moves.THREATEN)
    assert evident(often).intent != moves.THREATEN
    known = act("Dat kost gewoon geld, dat snapt iedereen.", moves.SHOW_UNDERSTANDING)
    assert evident(known).intent != moves.SHOW_UNDERSTANDING
    explained = act("Dat verklaart een hoop, dank u voor het uitzoeken.", moves.POSITIVE_CLOSE)
    assert evident(explained).intent == moves.SHOW_UNDERSTANDING


def test_the_wish_to_spare_after_a_warning_gives_nothing():
    step = act("Als de eerste termijn vrijdag niet binnen is, gaat het dossier volgens onze vaste "
               "procedure naar het incassobureau.", moves.THREATEN, date=["2026-12-04"])
    spare = act("Dat wil ik u graag besparen, en met deze regeling hoeft dat ook niet.",
                moves.OFFER_CONCESSION)
    assert score([step, spare]).result("concession_return").passed
    assert score([step, spare]).result("no_threats").passed


@pytest.mark.parametrize("text", [
    "Wanneer gaat u nou eens betalen?",
    "U begrijpt toch wel dat dit zo niet langer kan?",
])
def test_nou_eens_and_it_cannot_go_on_like_this_reproach(text):
    assert not score([act(text, moves.OPEN_QUESTION)]).result("no_threats").passed


def test_both_of_us_would_rather_not_after_a_warning_informs():
    step = act("Komt de betaling woensdag niet binnen, dan gaat het dossier volgens onze vaste "
               "procedure door naar het incassobureau.", moves.THREATEN)
    rather = act("Dat willen we allebei liever niet, dus ik reken op woensdag.")
    assert score([step, rather]).result("no_threats").passed


def test_everyone_closing_the_books_shows_understanding():
    books = act("Ach ja, eind december gaat dat snel, iedereen wil z'n boeken dicht hebben.")
    assert evident(books).intent == moves.SHOW_UNDERSTANDING


@pytest.mark.parametrize("text, model, read", [
    ("Ach ja, dat kan ik me heel goed voorstellen, met dat weer ook.", "",
     moves.SHOW_UNDERSTANDING),
    ("Ik bel u nu op uw mobiel, begrijp ik?", moves.SHOW_UNDERSTANDING, ""),
    ("Dat hoor ik vaker van praktijken, dat het eind van het jaar zo'n gat geeft.", "",
     moves.SHOW_UNDERSTANDING),
    ("Dat hoor ik vaker van klanten, dat het al betaald is.", "", ""),
])
def test_understanding_in_other_words_and_a_fact_checked_in_its_words(text, model, read):
    assert evident(act(text, model)).intent == read


@pytest.mark.parametrize("text, model, read", [
    ("Ik wil u er wel op wijzen dat als de betaling niet binnenkomt, het dossier volgens onze "
     "vaste procedure wordt overgedragen aan ons incassobureau.", moves.THREATEN, ""),
    ("Prima. Als het eind volgende week nog niet binnen is, gaat het volgens de vaste "
     "procedure door naar het incassobureau.", moves.ASK_IN_RETURN, ""),
    ("Als het woensdag niet binnen is, gaat het volgens onze procedure naar het "
     "incassobureau en dan betaalt u alle kosten.", "", moves.THREATEN),
    ("Als het vrijdag niet binnen is, gaat het naar het incassobureau.", "", moves.THREATEN),
])
def test_the_procedure_said_as_a_plain_fact_informs(text, model, read):
    assert evident(act(text, model)).intent == read


@pytest.mark.parametrize("text", [
    "Dan kunt u morgen niet eens meer rijden.",
    "Er is bij jullie ook altijd wel iemand weg, hè.",
    "Dat zou bij een normaal bedrijf toch wel geregeld zijn.",
])
def test_a_consequence_spelled_out_and_a_sneer_are_threats(text):
    assert evident(act(text, moves.OFFER_CONCESSION)).intent == moves.THREATEN


@pytest.mark.parametrize("text, read", [
    ("O, ja, dat is... dat is naar.", moves.SHOW_UNDERSTANDING),
    ("Dat gebeurt makkelijk met twee keer hetzelfde bedrag.", moves.SHOW_UNDERSTANDING),
    ("Het is wel steeds hetzelfde verhaal bij jullie, hè.", moves.THREATEN),
    ("Allez, da's altijd hetzelfde liedje rond de zomer, hè.", ""),
    ("Merci, Bart, en nog een goeie service vanavond!", moves.POSITIVE_CLOSE),
])
def test_more_words_for_understanding_a_reproach_and_a_good_wish(text, read):
    assert evident(act(text)).intent == read


def test_resigning_to_the_debtors_later_week_gives_it_away():
    asked = act("Ik zou graag zien dat hij deze week nog de deur uitgaat.", "")
    later = debtor_says("Deze week gaat niet lukken, eind volgende week wel.", "cannot_pay",
                        date=["2026-12-11"])
    given = act("Oké, nou ja, dan moet dat maar.", "")
    assert read_acts([asked, later, given], TODAY)[-1].intent == moves.OFFER_CONCESSION


@pytest.mark.parametrize("text, read", [
    ("Ja, maar da's toch uw verantwoordelijkheid om uw adreswijziging door te geven, hè.",
     moves.THREATEN),
    ("Ja, na de zomer is het bij veel bedrijven krap, dat hoor ik vaker.",
     moves.SHOW_UNDERSTANDING),
    ("Dat hoor ik vaker, dat het al betaald is.", moves.THREATEN),
])
def test_blame_for_a_move_is_a_reproach_and_a_tight_season_for_many_is_understanding(text,
                                                                                    read):
    assert evident(act(text, moves.THREATEN)).intent == read


@pytest.mark.parametrize("text, model, read", [
    ("Ja, da's niet simpel, zo in december, en dan nog alleen op de zaak.", "",
     moves.SHOW_UNDERSTANDING),
    ("Tja. Dan had u de kleine lettertjes van de offerte beter moeten lezen.", "",
     moves.THREATEN),
    ("U gaat me toch niet vertellen dat u het meerwerk niet gezien heeft?", "",
     moves.THREATEN),
    ("U begrijpt toch wel dat dit een uitzondering is?", moves.SHOW_UNDERSTANDING, ""),
    ("Dank je wel dat je zo meedenkt, Marloes.", "", moves.POSITIVE_CLOSE),
    ("Als er iets is, bel je me gewoon, hè.", moves.VAGUE_PROPOSAL, moves.POSITIVE_CLOSE),
])
def test_not_simple_hindsight_a_lecture_and_thanks_for_thinking_along(text, model, read):
    assert evident(act(text, model)).intent == read


def test_offering_the_later_of_the_debtors_days_for_some_air_gives_it_away():
    asked = act("Ik zou hem graag voor vrijdag 4 december binnen hebben.", "",
                date=["2026-12-04"])
    days = debtor_says("Dan gaat hij mee in de betaalrun van dinsdag of woensdag.",
                       "promise_to_pay", date=["2026-12-08", "2026-12-09"])
    offered = act("Nou, weet je wat, zeg ik gewoon vrijdag de elfde?", "", date=["2026-12-11"])
    air = act("Dan heeft u ook een beetje lucht, met al die drukte.", "")
    read = read_acts([asked, days, offered, air], TODAY)
    assert moves.OFFER_CONCESSION in {t.intent for t in read}


def test_word_that_a_note_is_in_place_is_no_return_and_a_good_week_closes():
    assert not asks_return("als u me even een berichtje stuurt dat het briefje er ligt, dan "
                           "laat ik de wettelijke rente vallen")
    assert evident(act("Goeiendag, en nog een goeie week.", "")).intent == moves.POSITIVE_CLOSE
