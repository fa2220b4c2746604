"""The announced written confirmation (bot.coach.roleplay.written): in writing, and about
the agreement or sent as it stands — not a mail about something else."""
from __future__ import annotations

import pytest

from bot.coach.roleplay.written import confirms


@pytest.mark.parametrize("text", [
    "Ik zet het vanmiddag even voor u op de mail, dan heeft u het zwart op wit.",
    "Ik bevestig de afspraak vandaag nog per mail.",
    "U krijgt het vandaag nog per mail.",
    "Ik stuur u straks een mail met de data en de bedragen.",
    "Ik zet het vanavond nog op papier en doe de brief morgen bij u in de bus.",
    "Dan stuur ik u nog even een mailtje dat we eind oktober hebben afgesproken.",
])
def test_the_agreement_in_writing_is_a_confirmation(text):
    assert confirms(text.lower())


@pytest.mark.parametrize("text", [
    "Ik stuur de factuur nog even door per mail.",
    "Ik mail u vanmiddag het nummer van de monteur, dan kunt u een afspraak maken.",
    "Ik stuur u straks een mailtje met mijn gegevens.",
    "Dan mail ik u zodra ik van de drukker hoor hoe het zit.",
    "Heeft u de mail van vorige week gekregen?",
    "Ik bel u morgen terug over de afspraak.",
])
def test_a_mail_about_something_else_or_no_writing_is_none(text):
    assert not confirms(text.lower())


def test_what_the_debtor_is_to_mail_is_no_written_confirmation():
    assert not confirms("dus even op een rijtje: u betaalt de € 2.118,75 uiterlijk vrijdag 11 "
                        "december, en u mailt mij vandaag het ordernummer.")
    assert confirms("dus even op een rijtje, en dat zet ik ook in de mail: u betaalt vrijdag.")


def test_the_agreement_on_whatsapp_with_its_amount_and_date_is_in_writing():
    assert confirms("ik zet het ook even op de whatsapp naar dit nummer, met het bedrag, de "
                    "datum en het factuurnummer, dan heb je het zwart op wit.")
    assert not confirms("ik zet het factuurnummer even op de whatsapp.")


@pytest.mark.parametrize("text, confirmed", [
    ("Ik app je zo even de afspraak, met datum en bedrag.", True),
    ("Ik stuur u straks een sms'je met de afspraak.", True),
    ("Dus als Martijn het bevestigt, betaalt u donderdag de € 1.640,00.", False),
    ("Als u akkoord bent, bevestig ik het per mail.", True),
])
def test_a_text_message_with_the_agreement_confirms_someone_elses_approval_does_not(text,
                                                                                  confirmed):
    assert confirms(text.lower()) is confirmed


@pytest.mark.parametrize("text", [
    "Ik stuur u da vandaag nog per mail, zodat ge het zwart op wit hebt.",
    "Ik zet da ook in het berichtje erbij.",
])
def test_flemish_and_a_text_message_about_it_confirm(text):
    assert confirms(text.lower())


def test_a_mail_the_debtor_sends_for_a_concession_confirms_nothing():
    assert not confirms("nou, vooruit, die laat ik vallen, als u me even de data van die "
                        "gemiste beurten mailt.")
    assert confirms("die laat ik vallen, en dat zet ik voor u in de mail met de afspraak.")


@pytest.mark.parametrize("text, confirmed", [
    ("ik zet het zo meteen even in een appje naar je, dan heb je het zwart op wit.", True),
    ("ik stuur u vandaag een e-mail over de prijsafspraak, zodat uw inkoper daar rechtstreeks "
     "op kan reageren.", False),
])
def test_an_app_message_confirms_and_a_mail_about_the_price_does_not(text, confirmed):
    assert confirms(text) is confirmed


def test_putting_down_what_the_firm_expects_confirms_no_agreement():
    assert not confirms("dan bevestig ik per brief dat wij betaling eind februari verwachten.")
    assert confirms("dan bevestig ik per brief wat we zojuist hebben afgesproken.")


@pytest.mark.parametrize("text", [
    "Ik ga het even uitzoeken en als ik het gevonden heb, mail ik u.",
    "Ik zal het uitzoeken en stuur u dan een mailtje.",
])
def test_a_mail_once_the_collector_has_looked_into_it_confirms_nothing(text):
    assert not confirms(text.lower())


def test_a_mail_asking_a_colleague_to_confirm_is_no_confirmation_to_the_debtor():
    assert not confirms("en ik stuur een mail naar mark van verkoop of hij die korting even kan "
                        "bevestigen.")
    assert confirms("en ik stuur u vandaag een mail met die afspraak.")


@pytest.mark.parametrize("text, confirmed", [
    ("Ik zet dat straks nog in een mail naar u, met de factuur erbij, zodat u die zo kunt "
     "doorsturen.", True),
    ("Ik zet dat nog even in een mailtje naar u, samen met de factuur.", True),
    ("Ik stuur u een mail met de factuur.", False),
    ("Ik stuur de factuur nog even door.", False),
])
def test_the_invoice_going_along_with_the_agreement_still_confirms_it(text, confirmed):
    assert confirms(text.lower()) is confirmed
