"""What a collector gives and what the debtor asks (bot.coach.roleplay.trade)."""
from __future__ import annotations

import pytest

from bot.coach.roleplay.trade import asks_for_more, asks_return, gives
from bot.coach.roleplay.turns import DEBTOR, Turn


@pytest.mark.parametrize("text", [
    "Nou, dan schuiven we het gewoon op naar maandag.",
    "Dan schuiven we de betaling door naar januari.",
])
def test_moving_the_payment_on_is_a_concession(text):
    assert gives(text.lower())


@pytest.mark.parametrize("text, asks", [
    ("Kan er niet tien procent af?", True),
    ("En die aanmaningskosten, die laat u toch wel vallen?", True),
    ("Ja, goed, dat krijg ik wel rond.", False),
    ("Vijftienhonderd, vandaag nog... amai.", False),
])
def test_asking_less_needs_a_word_for_it(text, asks):
    assert asks_for_more(Turn(DEBTOR, text, "request_discount", {})) is asks


@pytest.mark.parametrize("text", [
    "Nou, dan wordt het maar na de kerst.",
    "Betaal het maar als het weer wat beter gaat, eind januari of zo.",
    "Dan is het misschien het beste als ik de factuur even in de wacht zet.",
    "Dan hoeft u voorlopig niks te betalen.",
])
def test_giving_in_with_a_sigh_is_a_concession(text):
    assert gives(text.lower())


@pytest.mark.parametrize("text, given", [
    ("Ik doe er vijf procent af, dan zijn we eruit.", True),
    ("Tien procent korting kan ik u geven.", True),
    ("Wij zijn verplicht 21 procent btw te rekenen over de schoonmaak.", False),
])
def test_a_percentage_gives_only_when_it_comes_off(text, given):
    assert gives(text.lower()) is given


@pytest.mark.parametrize("text", [
    "Stuur dan maar wat je kan, dan zien we wel weer.",
    "Betaal de rest maar wanneer ge wilt.",
    "Allee, trek die 260 er dan maar af, ik heb geen zin in discussie.",
    "Ik kan het wel per kwartaal laten lopen.",
])
def test_letting_the_debtor_decide_how_much_or_when_is_a_concession(text):
    assert gives(text.lower())


def test_judging_the_debtors_own_arrangement_gives_nothing():
    assert not gives("helder, dat is ook een verstandige regeling.")
    assert gives("dan kan ik u een regeling in drie delen aanbieden.")


@pytest.mark.parametrize("text, asks", [
    ("Kan ik het in drie termijnen betalen?", True),
    ("Zou het per maand kunnen, zeg 200 euro?", True),
    ("Ja, graag. Dan kan ik het in maart in het bestuur brengen.", False),
])
def test_asking_to_pay_in_parts_needs_a_word_for_it(text, asks):
    assert asks_for_more(Turn(DEBTOR, text, "request_payment_plan", {})) is asks


def test_a_term_too_wide_turns_the_ask_down():
    from bot.coach.roleplay.trade import REJECTS
    assert REJECTS.search("eind oktober is me te ruim als afspraak, dan heb ik niks concreets.")


@pytest.mark.parametrize("text, asks", [
    ("Eh, nou, als ik de helft nu betaal en de rest als die klant betaald heeft, is dat goed?",
     True),
    ("Kan ik het in twee keer doen?", True),
    ("De helft is al weg, de rest komt als die klant betaald heeft.", False),
])
def test_a_split_proposed_as_a_question_asks_whatever_the_model_read(text, asks):
    assert asks_for_more(Turn(DEBTOR, text, "excuse_waiting_for_customer", {})) is asks


def test_asking_whether_the_debtor_has_questions_about_it_gives_nothing():
    assert not gives("heeft u verder nog vragen over de regeling?")
    assert gives("dan kan ik u een regeling aanbieden.")


@pytest.mark.parametrize("text, asks", [
    ("Daar vraag ik wel twee dingen voor terug.", True),
    ("Zoals u zelf voorstelt rekenen we daarover rente, vast € 25,00.", True),
    ("Dan rekenen we geen rente.", False),
    ("Rekenen we dan niet gewoon de rente?", False),
])
def test_several_things_or_interest_asked_for_a_split_are_a_return(text, asks):
    assert asks_return(text.lower()) is asks


@pytest.mark.parametrize("text, given", [
    ("Ik begrijp het, met één tekenmoment per week is het natuurlijk zuur als hij net een keer "
     "afwezig is, dan schuift alles meteen een week op.", False),
    ("Dan kunnen we het oplossen en hoeft de betaling niet te schuiven.", False),
    ("Mag ik nog vragen of er andere facturen van ons in de wachtrij staan?", False),
    ("Dan schuift uw betaling naar 30 december.", True),
    ("Ik schuif de vervaldatum op naar vrijdag.", True),
    ("Nou ja, weet je wat, dan betalen jullie het gewoon als het uitkomt.", True),
    ("Ach, nou, omdat jij het bent, die laten we zitten.", True),
])
def test_moving_a_date_is_given_only_by_the_collector(text, given):
    assert gives(text.lower()) is given


def test_no_more_than_this_turns_the_ask_down():
    from bot.coach.roleplay.trade import REJECTS
    assert REJECTS.search("nou, duizend euro kan ik vrijdag wel doen. meer echt niet.")
    assert not REJECTS.search("dan kan ik vrijdag meer doen dan duizend.")


def test_a_courtesy_asked_back_is_no_return():
    assert not asks_return("die veertig euro aanmaningskosten laat ik alvast vallen, als je me "
                           "even laat weten dat je de mail hebt ontvangen.")
    assert not asks_return("prima, de veertiende, als u me dan even een mailtje stuurt als het "
                           "betaald is.")
    assert asks_return("die kosten laat ik vallen, als je me even laat weten dat je vandaag de "
                       "helft overmaakt.")


def test_not_wanting_to_make_it_hard_gives_in():
    assert gives("als het voor eind april lukt, is het ook goed, we willen ook niet moeilijk "
                 "doen.")


@pytest.mark.parametrize("text, asked", [
    ("nou, oké, vrijdag de 24e dan. als u me dan wel even een mailtje stuurt dat u het gezien "
     "heeft.", False),
    ("nou, weet je wat, als jij me dan even een seintje geeft als hij eruit is, dan is 3 februari "
     "prima.", False),
    ("als u me een seintje geeft als de eerste helft vandaag de deur uit is, dan is vrijdag "
     "prima.", True),
    ("als hij woensdag al bij ons binnen is, dan laat ik die veertig euro vallen.", True),
    ("als hij terug is, dan laat ik die veertig euro vallen.", False),
])
def test_word_that_something_happened_asks_nothing_back(text, asked):
    assert asks_return(text) is asked


def test_being_done_with_it_takes_nothing_off():
    assert not gives("kun jij het anders niet even overmaken? dan zijn we er vanaf.")
    assert gives("dan haal ik er de kosten vanaf.")


def test_a_sanction_for_a_missed_term_asks_nothing_back():
    assert not asks_return("mist u een termijn, dan is het hele restant direct opeisbaar.")
    assert asks_return("betaalt u de eerste termijn vrijdag, dan laat ik de rente vallen.")


def test_keeping_the_interest_gives_nothing():
    assert not gives("vier termijnen tot in januari gaat mij te ver, en de rente laat ik staan.")
    assert gives("laat die factuur maar even staan.")


def test_mentioning_the_invoice_number_on_the_transfer_is_no_return():
    assert not asks_return("ok, weet ge wat, die 95 euro laat ik vallen, als ge wel het "
                           "factuurnummer vermeldt bij de overschrijving.")
    assert asks_return("die 95 euro laat ik vallen, als ge het bedrag vrijdag overschrijft.")


@pytest.mark.parametrize("text, given", [
    ("Nou, weet u wat, dan geef ik u gewoon wat extra ruimte.", True),
    ("Pak gerust een paar weken extra, da's geen enkel probleem.", True),
    ("Zal ik anders de vervaldatum gewoon een maandje opschuiven?", True),
    ("Daar is helaas geen extra ruimte voor.", False),
])
def test_room_weeks_extra_and_a_moved_due_date_are_given(text, given):
    assert gives(text.lower()) is given


@pytest.mark.parametrize("text, asked", [
    ("hm. als ge mij efkes uw nieuw rekeningnummer mailt voor onze administratie, dan laat ik "
     "die veertig euro vallen.", False),
    ("die aanmaningskosten kan ik laten vervallen, als u mij even een e-mail stuurt zodra de "
     "betaling de deur uit is.", False),
    ("als die 812 er maar komt.", False),
    ("als die 812 er vrijdag is, laat ik de kosten vallen.", True),
])
def test_details_for_the_files_and_a_term_without_a_day_ask_nothing_back(text, asked):
    assert asks_return(text) is asked


@pytest.mark.parametrize("text, asked", [
    ("nou, eind van de maand dan, maar dan moet het ook echt binnen zijn.", False),
    ("goed, dan ga ik akkoord met de negenentwintigste, als u mij even laat weten dat hij "
     "geboekt is.", False),
    ("nee, zolang u het zo betaalt als we nu afspreken, komen er geen kosten bij.", True),
    ("eind van de maand dan, maar dan wil ik vandaag de helft.", True),
])
def test_only_paying_what_was_conceded_asks_nothing_back(text, asked):
    assert asks_return(text) is asked


def test_not_in_a_hurry_spares_the_debtor():
    from bot.coach.roleplay.trade import UNASKED
    assert UNASKED.search("dan maken we er gewoon donderdag 17 januari van, dan hoeft het niet "
                          "zo gehaast.")


@pytest.mark.parametrize("text, asked", [
    ("dus als de gemeente maandag betaalt, maak jij woensdag 2 juli de 9.870 euro over?", False),
    ("da's goed, als ge mij efkes laat weten wanneer de eerste betaling vertrokken is.", False),
    ("daartegenover vraag ik wel dat, als een van de twee termijnen niet op tijd binnen is, het "
     "volledige saldo meteen opeisbaar wordt.", True),
    ("mist u een termijn, dan is het hele restant direct opeisbaar.", False),
])
def test_a_third_party_paying_or_word_of_the_payment_asks_nothing_back(text, asked):
    assert asks_return(text) is asked


def test_a_new_address_passed_on_is_a_courtesy():
    assert not asks_return("allez, oké, als ge mij dan wel uw nieuw adres eens doorstuurt, dan "
                           "passen wij dat aan.")


@pytest.mark.parametrize("text, asked", [
    ("Donderdag is goed, als dan ook 27-0415 meegaat.", True),
    ("Oké, als je dan wel even laat weten als er iets tussenkomt.", False),
    ("Prima, als u ons laat weten wanneer er wat verandert.", False),
])
def test_another_invoice_paid_along_is_a_return_a_word_if_things_change_is_not(text, asked):
    assert asks_return(text.lower()) is asked


@pytest.mark.parametrize("text", [
    "Als u mij dan wel even een berichtje stuurt als het eerste deel eraf is.",
    "Als u de bevestiging die ik u stuur even terugmailt, dan haal ik die kosten eraf.",
    "Dat kan ik toestaan, als u mij even een mailtje stuurt zodra het magazijn de levering "
    "heeft afgemeld.",
    "Goed. Vrijdag 20 januari dan, als u me dan even mailt dat u hem gevonden heeft.",
    "Dus, eh, als het goed is dinsdag 2 mei, als hij goedgekeurd is.",
])
def test_word_that_a_part_is_paid_or_a_reply_to_ones_own_mail_asks_nothing_back(text):
    assert not asks_return(text.lower())


def test_a_sanction_after_a_return_in_the_same_sentence_leaves_the_return():
    both = ("Als ik u tegemoetkom met een splitsing, dan wil ik wel dat de eerste helft er "
            "morgen is, en dat u akkoord gaat dat het restant direct opeisbaar is als de tweede "
            "termijn niet op tijd komt.")
    assert asks_return(both.lower())
    assert not asks_return("Mist u een termijn, dan is het hele restant direct opeisbaar.")


@pytest.mark.parametrize("text, given", [
    ("Zal ik u anders tot eind volgende week de tijd geven?", True),
    ("Ik kan jullie wat meer ruimte geven.", True),
    ("Neem gewoon alle tijd die u nodig heeft.", True),
    ("En drie termijnen is goed, als de eerste dan wel deze vrijdag binnen is.", True),
    ("Ik wil u graag de tijd geven om het na te kijken, maar vrijdag moet het binnen zijn.",
     False),
])
def test_time_given_with_the_verb_last_is_a_concession(text, given):
    assert gives(text.lower()) is given


def test_setting_the_payment_ready_today_and_a_screenshot_are_a_return():
    assert asks_return("dan kan ik met woensdag meegaan, op voorwaarde dat u de betaling vandaag "
                       "al klaarzet en mij een screenshot van die klaargezette betaling mailt.")


def test_giving_in_to_be_rid_of_it_is_a_concession():
    assert gives("Weet u wat, betaal die 1.500 dan maar, dan zijn we ervan af.".lower())
    assert not gives("Dan betaalt u vrijdag het hele bedrag.".lower())


def test_the_tail_of_a_courtesy_is_no_return_but_an_approval_pushed_through_is():
    courtesy = ("Nou, als u mij even een mailtje terugstuurt dat u akkoord bent, dan laat ik "
                "die rente vallen, prima.")
    assert not asks_return(courtesy.lower())
    assert asks_return("Betaalt u vandaag de helft, dan laat ik de rente vallen.".lower())
    assert asks_return("Ik kan akkoord gaan met dinsdag 20 september als jij hem vandaag nog "
                       "met voorrang bij de projectmanager neerlegt.".lower())


def test_some_percent_off_is_given_and_conditions_announced_are_a_return():
    assert gives("ehm, we kunnen er misschien wel tien procent vanaf doen?")
    assert asks_return("dat kan, onder voorwaarden.")
    assert not asks_return("nou, dat vind ik goed, als je me dan wel even je mobiele nummer "
                           "geeft, dan kan ik je makkelijker bereiken.")


def test_a_later_term_said_to_be_fine_is_given_not_asked_back():
    text = ("Top. En zeg maar, het hoeft ook niet meteen deze week hoor, als het eind november "
            "binnen is vind ik het ook prima.").lower()
    assert gives(text) and not asks_return(text)
    assert gives("nou, laat maar zitten dan.")
    assert asks_return("als het vrijdag binnen is, laat ik de rente vallen.")
