"""Each scorecard check passes on good practice and fails (with a tip quoting the
trainee) on bad practice; partial credit and the total out of 100."""
from __future__ import annotations

import pytest

from bot.coach.case_files import SAMPLE_CASES, load_yaml
from bot.coach.roleplay import turns as moves
from bot.coach.roleplay.scorecard import CHECKS, score

from .conftest import TODAY, collector, debtor

CASE = {case.id: case for case in load_yaml(SAMPLE_CASES)}["DEMO-1"]

PURPOSE = collector("Ik bel over factuur F2026-0081 van € 1.000; ik wil die uiterlijk vrijdag "
                    "27 november ontvangen.", moves.STATE_PURPOSE)
OPEN_1 = collector("Wat is er met de betaling gebeurd?", moves.OPEN_QUESTION)
OPEN_2 = collector("Hoe kunnen we dit oplossen?", moves.OPEN_QUESTION)
UNDERSTAND = collector("Dat begrijp ik, vervelend voor u.", moves.SHOW_UNDERSTANDING)
PROPOSAL = collector("Kunt u € 1.000 uiterlijk vrijdag 27 november overmaken?",
                     moves.CONCRETE_PROPOSAL)
ACCEPT = debtor("Goed, dat doe ik.", "promise_to_pay")
SUMMARY = collector("Samengevat: € 1.000 op vrijdag 27 november.", moves.SUMMARISE)
CONFIRM = collector("Ik stuur u vandaag een bevestiging per mail.", moves.ANNOUNCE_CONFIRMATION)
CLOSE = collector("Dank u wel en een fijne dag!", moves.POSITIVE_CLOSE)
EXCUSE = debtor("Die factuur heb ik nooit gehad.", "excuse_invoice_not_received")
GOOD_CALL = [debtor("Met De Vries.", "greet"), PURPOSE, EXCUSE, OPEN_1, UNDERSTAND, OPEN_2,
             PROPOSAL, ACCEPT, SUMMARY, CONFIRM, CLOSE]

VAGUE = collector("Kunt u het zo snel mogelijk betalen?", moves.VAGUE_PROPOSAL)
THREAT = collector("Als u niet betaalt, stuur ik de deurwaarder.", moves.THREATEN)
GIVE = collector("Dan laat ik de rente wel vallen.", moves.OFFER_CONCESSION)
CLOSED = collector("Heeft u de factuur ontvangen?", moves.CLOSED_QUESTION)


def card(turns):
    return score(turns, CASE, TODAY)


def replaced(old, *new):
    """The good call with one line swapped for others (or left out)."""
    i = GOOD_CALL.index(old)
    return GOOD_CALL[:i] + list(new) + GOOD_CALL[i + 1:]


def test_good_call_passes_every_check_and_scores_100():
    result = card(GOOD_CALL)
    assert [r.check.key for r in result.results if not r.passed] == []
    assert result.total == 100
    assert all(r.tip is None for r in result.results)


def test_weights_add_up_to_100_and_every_check_names_its_practice():
    assert sum(c.weight for c in CHECKS) == 100
    assert all(c.practice and c.label for c in CHECKS)
    assert len({c.key for c in CHECKS}) == 10


# (check, the good call changed so that this check fails, the line its tip must quote)
FAILING = {
    "purpose_deadline": (
        replaced(PURPOSE, collector("Ik bel over factuur F2026-0081 van € 1.000.",
                                    moves.STATE_PURPOSE)),
        "Ik bel over factuur F2026-0081 van € 1.000."),
    "invoice_amount": (
        replaced(PURPOSE, collector("Ik bel over de betaling, graag vóór vrijdag 27 november.",
                                    moves.STATE_PURPOSE)),
        "Ik bel over de betaling"),
    "open_questions": (replaced(OPEN_2, CLOSED), CLOSED.text),
    "understanding": (replaced(UNDERSTAND), OPEN_1.text),
    "concrete_agreement": (replaced(PROPOSAL, VAGUE), VAGUE.text),
    "concession_return": (replaced(UNDERSTAND, UNDERSTAND, GIVE), GIVE.text),
    "summarised": (replaced(SUMMARY), CLOSE.text),
    "confirmation": (replaced(CONFIRM), CLOSE.text),
    "positive_close": (replaced(CLOSE, collector("Tot ziens.", moves.CLOSED_QUESTION)),
                       "Tot ziens."),
    "no_threats": (replaced(OPEN_2, THREAT, OPEN_2), THREAT.text),
}


@pytest.mark.parametrize("key", [c.key for c in CHECKS])
def test_each_check_passes_on_the_good_call(key):
    assert card(GOOD_CALL).result(key).passed


@pytest.mark.parametrize("key", [c.key for c in CHECKS])
def test_each_check_fails_with_a_tip_quoting_the_trainee(key):
    turns, quoted = FAILING[key]
    result = card(turns).result(key)
    assert not result.passed
    assert result.tip and f"“{quoted}" in result.tip
    others = [r.check.key for r in card(turns).results if not r.passed and r.check.key != key]
    assert others in ([], ["understanding"]), others  # only the check under test fails


def test_partial_credit_shows_how_far_but_earns_no_points():
    one_question = card(replaced(OPEN_2)).result("open_questions")
    assert one_question.credit == 0.5 and one_question.points == 0
    no_deadline = card(FAILING["purpose_deadline"][0])
    assert no_deadline.result("purpose_deadline").credit == 0.5 and no_deadline.total == 90
    not_accepted = card(replaced(ACCEPT, debtor("Nee, dat lukt niet.", "deny")))
    assert not_accepted.result("concrete_agreement").credit == 0.5
    date_only = collector("Kunt u het vrijdag 27 november overmaken?", moves.CONCRETE_PROPOSAL)
    without_summary = [t for t in replaced(PROPOSAL, date_only) if t is not SUMMARY]
    assert card(without_summary).result("concrete_agreement").credit == 0.25


def test_understanding_followed_by_giving_in_earns_half_unless_an_agreement_stands():
    gave_in = replaced(UNDERSTAND, UNDERSTAND, VAGUE)
    assert card(gave_in).result("understanding").passed  # the exact agreement came after
    no_agreement = [t for t in gave_in if t not in (PROPOSAL, ACCEPT)]
    result = card(no_agreement).result("understanding")
    assert result.credit == 0.5 and f"“{VAGUE.text}”" in result.tip


def test_tips_use_the_case_for_their_example_lines():
    tip = card(FAILING["concrete_agreement"][0]).result("concrete_agreement").tip
    assert "€\u00a01.000,00" in tip and "donderdag 26 november" in tip


def test_empty_call_scores_only_what_was_not_done_wrong():
    result = card([])
    assert result.total == 20  # no threats, no concession given away
    assert all(r.tip for r in result.results if not r.passed)


def test_payload_and_text_agree():
    result = card(FAILING["no_threats"][0])
    payload = result.to_payload()
    assert payload["total"] == result.total == 90
    assert [c["key"] for c in payload["checks"]] == [c.key for c in CHECKS]
    assert "Scorekaart: 90 van de 100 punten" in result.to_text()
    assert THREAT.text in result.to_text()


def test_the_terms_before_das_de_afspraak_are_the_summary():
    terms = collector("Woensdag 9 december, 4.118,75 euro.", moves.CONCRETE_PROPOSAL)
    bare = collector("Da's de afspraak.", moves.SUMMARISE)
    assert score([terms, bare], today=TODAY).result("summarised").passed
    assert not score([bare], today=TODAY).result("summarised").passed
    apart = debtor("Goed.", "affirm")
    assert not score([terms, apart, bare], today=TODAY).result("summarised").passed


def test_pressing_for_this_week_after_understanding_keeps_it():
    shown = collector("Ja, dat snap ik, in de zomer ligt alles een beetje stil.",
                      moves.SHOW_UNDERSTANDING)
    press = collector("Maar u kunt toch wel deze week iets betalen?", moves.VAGUE_PROPOSAL)
    give = collector("Betaal maar wat u kunt.", moves.VAGUE_PROPOSAL)
    assert score([shown, press], today=TODAY).result("understanding").passed
    assert not score([shown, give], today=TODAY).result("understanding").passed
