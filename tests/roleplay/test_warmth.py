"""Giving up the goal in so many words (bot.coach.roleplay.warmth): it costs the show of
understanding its points unless an exact agreement stands."""
from __future__ import annotations

from bot.coach.roleplay.turns import COLLECTOR, Turn
from bot.coach.roleplay.warmth import drops_goal


def act(text: str) -> Turn:
    return Turn(COLLECTOR, text, "", {})


def test_telling_the_debtor_not_to_worry_about_it_drops_the_goal():
    assert drops_goal(act("Ach joh, dan moet je je daar nu helemaal niet druk om maken."))
    assert not drops_goal(act("Daar hoeft u zich geen zorgen over te maken."))


def test_putting_the_invoice_on_hold_drops_the_goal():
    assert drops_goal(act("Dan zet ik de factuur even in de wacht."))
    assert drops_goal(act("Dan hoeft u voorlopig niks te betalen."))


def test_no_worries_about_the_invoice_drops_the_goal():
    assert drops_goal(act("Nou, weet u wat, maakt u zich over die factuur maar helemaal geen "
                          "zorgen."))
    assert drops_goal(act("Die factuur loopt niet weg."))
    assert not drops_goal(act("Maakt u zich geen zorgen, we vinden samen een oplossing."))


def test_pay_when_you_can_drops_the_goal():
    assert drops_goal(act("Betaal maar als ge kunt."))
    assert drops_goal(act("Betaalt u het maar wanneer u kunt."))
    assert not drops_goal(act("Betaal het deel dat u kunt vandaag, de rest vrijdag."))


def test_letting_it_be_when_it_does_not_go_drops_the_goal():
    assert drops_goal(act("Ja. Nou ja, als het nu niet gaat, dan gaat het niet, hè."))
    assert drops_goal(act("Ik wil u ook niet in de problemen brengen."))
    assert drops_goal(act("En dan betaalt ge ze gewoon als ge tijd hebt, hé."))
    assert not drops_goal(act("Als het vrijdag niet gaat, wat kan er dan wel?"))


def test_all_the_time_a_file_put_on_hold_and_let_me_know_when_drop_the_goal():
    assert drops_goal(act("Weet u wat, die veertig euro haal ik er af, en neemt u vooral de "
                          "tijd."))
    assert drops_goal(act("Ik zet het dossier voorlopig even stil."))
    assert drops_goal(act("Laat u maar weten wanneer het weer wat beter gaat."))
    assert not drops_goal(act("Laat u mij vandaag nog weten of vrijdag lukt?"))


def test_take_all_the_time_without_a_pronoun_drops_the_goal():
    assert drops_goal(act("Neem vooral de tijd, de gezondheid van uw zaak gaat voor."))
    assert not drops_goal(act("Neem de tijd om het na te kijken, maar vrijdag moet het binnen."))


def test_not_needing_it_next_week_drops_the_goal():
    assert drops_goal(act("Nou, weet u wat, dan hoeft het van mij helemaal niet volgende "
                          "week, hoor."))
    assert not drops_goal(act("Het hoeft niet per se per bank, contant mag ook."))


def test_holding_to_payment_after_understanding_does_not_give_way():
    from bot.coach.roleplay import turns as moves
    from bot.coach.roleplay.warmth import gives_way
    pressed = Turn(COLLECTOR, "Maar ze moet wel betaald worden, hè.", moves.VAGUE_PROPOSAL, {})
    loose = Turn(COLLECTOR, "Betaal maar wat u kunt.", moves.VAGUE_PROPOSAL, {})
    assert not gives_way(pressed)
    assert gives_way(loose)


def test_letting_it_lie_for_now_drops_the_goal():
    assert drops_goal(act("Geen zorgen, dan laten we dat voorlopig even liggen."))
    assert not drops_goal(act("Die laten we liggen tot de creditnota binnen is, de rest "
                              "betaalt u vrijdag."))


def test_it_will_not_run_away_take_it_easy_and_when_you_get_to_it_drop_the_goal():
    assert drops_goal(act("Maak je geen zorgen, het loopt niet weg."))
    assert drops_goal(act("Joh, doe rustig aan."))
    assert drops_goal(act("Dan betaal je het gewoon als je eraan toekomt."))
    assert not drops_goal(act("Dat komt vrijdag binnen, als het goed is."))


def test_pay_whenever_it_suits_you_drops_the_goal():
    assert drops_goal(act("Ge betaalt maar als het past, zodra de bank het in orde heeft."))
    assert not drops_goal(act("Betaalt u vrijdag, als de bank het dan in orde heeft?"))


def test_not_paying_us_before_money_comes_in_drops_the_goal():
    assert drops_goal(act("Nou, dan moet u ook niet aan ons gaan betalen voordat u zelf iets "
                          "binnen heeft."))
    assert not drops_goal(act("Dan moet u het wel betalen voordat de termijn verloopt."))


def test_the_money_will_come_some_day_drops_the_goal():
    assert drops_goal(act("Het geld komt heus wel een keer."))
    assert not drops_goal(act("Het geld komt vrijdag, zegt u?"))


def test_we_will_hear_it_and_no_need_to_worry_drop_the_goal():
    assert drops_goal(act("Wij horen het dan wel."))
    assert drops_goal(act("Weet u wat, u moet zich daar nu echt geen zorgen over maken."))
    assert not drops_goal(act("Wij horen het graag vrijdag van u."))
    assert not drops_goal(act("U hoeft zich daar geen zorgen over te maken."))


def test_calling_ones_own_day_too_tight_or_taking_the_debtors_word_drops_the_goal():
    assert drops_goal(act("Nou, weet u wat, vrijdag is misschien ook wel erg krap voor u."))
    assert drops_goal(act("Ja, nee, dan zal het wel onderweg zijn."))
    assert not drops_goal(act("Vrijdag is krap, dat weet ik, maar het moet wel."))
    assert not drops_goal(act("Wanneer zal het binnen zijn?"))


def test_waiting_to_hear_when_the_debtor_can_pay_drops_the_goal():
    assert drops_goal(act("Dan hoor ik wel van u wanneer u kunt betalen?"))
    assert not drops_goal(act("Dan hoor ik vrijdag van u of u kunt betalen?"))


def test_it_will_come_later_and_calling_back_some_time_drop_the_goal():
    assert drops_goal(act("Gaat u vooral voor uw man zorgen, het komt later wel."))
    assert drops_goal(act("Ik bel wel een keer terug."))
    assert not drops_goal(act("Ik bel u vrijdag terug."))


def test_resigning_to_it_drops_the_goal():
    assert drops_goal(act("Ah ja, allez, dan is 't zo."))
    assert drops_goal(act("Nou, dan is het zo."))
    assert not drops_goal(act("Dan is het zo geregeld: vrijdag 1.200 euro."))



def test_looking_it_up_oneself_after_all_drops_the_goal():
    assert drops_goal(act("Dan zoek ik het zelf wel even uit."))
    assert not drops_goal(act("Ik zoek het vandaag uit en bel u morgen voor tien uur terug."))
