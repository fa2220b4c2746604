"""Scenarios 09–12 and what the debtor needs for them: statutory collection costs computed
from the case, checking who is on the line, a vulnerable debtor who shuts down under
pressure, and a disputed promise that only the written confirmation settles."""
from __future__ import annotations

import datetime as dt

import pytest

from bot.coach.case_files import SAMPLE_CASES, load_yaml
from bot.coach.money import format_euro
from bot.coach.roleplay import turns as moves
from bot.coach.roleplay.scenarios import DIFFICULTIES, load_scenarios
from bot.coach.roleplay.simulator import DebtorSimulator, DebtorState
from bot.coach.statutory_costs import assess, may_charge, statutory_costs

from .conftest import TODAY, bad_trainee, collector, good_trainee

SCENARIOS = load_scenarios()
CASES = {case.id: case for case in load_yaml(SAMPLE_CASES)}
PROPOSAL = "Kunt u {amount} op vrijdag 27 november betalen?"


def simulator(scenario_id: str, seed: int = 1, difficulty: str = "medium") -> DebtorSimulator:
    scenario = SCENARIOS[scenario_id]
    return DebtorSimulator(scenario, CASES[scenario.case_id], seed, difficulty=difficulty)


def play(sim: DebtorSimulator, turns: list, text: str, intent: str):
    turns.append(collector(text, intent))
    reply = sim.respond(turns)
    turns.append(reply.turn())
    return reply


def proposal(sim: DebtorSimulator) -> str:
    invoice = min(sim.case.invoices, key=lambda i: i.due_date)
    return PROPOSAL.format(amount=format_euro(invoice.amount))


# --- 09: statutory collection costs for a consumer --------------------------------------

def test_consumer_case_carries_the_computed_statutory_costs():
    case = CASES["PART-1"]
    costs = statutory_costs(case.balance)
    assert costs == case.administration_fee  # typed in the case, checked against the rule
    assert case.interest == 0 and case.sector == "particulier"
    assert case.consumer
    letter = case.fourteen_day_letter
    assert may_charge(letter, TODAY) and assess(case.balance, letter, TODAY).chargeable == costs
    assert format_euro(costs).replace("\u00a0", " ") in case.notes
    assert f"{(letter + dt.timedelta(days=15)).day} november" in case.notes


def test_scenario_lines_show_the_costs_computed_from_the_case():
    sim = simulator("wettelijke-incassokosten")
    costs = format_euro(statutory_costs(sim.case.balance))
    total = format_euro(sim.case.balance + statutory_costs(sim.case.balance))
    turns: list = []
    excuse = play(sim, turns, "Ik bel over factuur P2026-0214 van € 1.240,00.",
                  moves.STATE_PURPOSE)
    assert costs in excuse.text and excuse.intent == "dispute_invoice"
    answer = play(sim, turns, "Hoeveel staat er volgens u open?", moves.OPEN_QUESTION)
    assert costs in answer.text and total in answer.text


def test_statutory_costs_scenario_wants_the_costs_explained():
    sim = simulator("wettelijke-incassokosten", difficulty="easy")
    turns: list = []
    play(sim, turns, "Ik bel over factuur P2026-0214 van € 1.240,00.", moves.STATE_PURPOSE)
    play(sim, turns, "Wat is er gebeurd?", moves.OPEN_QUESTION)
    offer = "Als u € 1.240,00 op vrijdag 27 november betaalt, vervallen de kosten."
    assert play(sim, turns, offer, moves.ASK_IN_RETURN).reaction == "need_mention"
    play(sim, turns, "Het is de wettelijke staffel; wat heeft u nodig?", moves.OPEN_QUESTION)
    assert play(sim, turns, offer, moves.ASK_IN_RETURN).reaction == "promise"


# --- 10: who is on the line? ------------------------------------------------------------

@pytest.mark.parametrize("text,intent", [
    ("Spreek ik met meneer Kaya?", moves.CLOSED_QUESTION),
    ("Goedemiddag, u spreekt met Sanne van Groenhof. Spreek ik met meneer Kaya?",
     moves.INTRODUCE),
    ("Met wie spreek ik?", moves.OPEN_QUESTION),
    ("Bent u meneer Kaya zelf?", moves.CLOSED_QUESTION),
    ("Kan ik meneer Kaya even spreken?", moves.CLOSED_QUESTION),
])
def test_asking_who_is_on_the_line_brings_the_debtor(text, intent):
    sim = simulator("partner-neemt-op")
    reply = sim.respond([collector(text, intent)])
    assert reply.reaction == "identity_confirmed" and sim.state.identified
    assert sim.state.defensive == 0


def test_an_introduction_alone_is_no_identity_check():
    sim = simulator("partner-neemt-op")
    reply = sim.respond([collector("Goedemiddag, u spreekt met Sanne van Groenhof Interieur.",
                                   moves.INTRODUCE)])
    assert reply.reaction == "introduce" and not sim.state.identified


def test_naming_the_debt_first_makes_the_person_guarded():
    sim = simulator("partner-neemt-op", 3)
    turns: list = []
    reply = play(sim, turns, "Ik bel over factuur P2026-0238 van € 1.865,00.",
                 moves.STATE_PURPOSE)
    assert reply.reaction == "guarded" and sim.state.guarded and sim.state.defensive == 1
    assert reply.text in SCENARIOS["partner-neemt-op"].replies["guarded"]
    assert sim.state.raised == 0  # the partner does not bring up the debtor's excuse
    # naming it again keeps them guarded, without piling up
    assert play(sim, turns, proposal(sim), moves.CONCRETE_PROPOSAL).reaction == "guarded"
    assert sim.state.defensive == 1
    # other moves: "who do you want?"
    assert play(sim, turns, "Wat is er gebeurd?", moves.OPEN_QUESTION).reaction \
        == "identity_unknown"
    # asking now brings the debtor, who stays guarded until understanding is shown
    assert play(sim, turns, "Spreek ik met meneer Kaya?", moves.CLOSED_QUESTION).reaction \
        == "identity_confirmed"
    play(sim, turns, "Ik bel over factuur P2026-0238 van € 1.865,00.", moves.STATE_PURPOSE)
    assert play(sim, turns, proposal(sim), moves.CONCRETE_PROPOSAL).reaction == "need_calm"
    assert play(sim, turns, "Sorry, dat had ik eerst moeten vragen; dat begrijp ik.",
                moves.SHOW_UNDERSTANDING).reaction == "calmed"


def test_a_threat_before_the_identity_check_counts_on_top():
    sim = simulator("partner-neemt-op")
    sim.respond([collector("Als u niet betaalt, komt de deurwaarder.", moves.THREATEN)])
    assert sim.state.guarded and sim.state.defensive == 2


def test_checking_first_gives_the_usual_conversation():
    sim = simulator("partner-neemt-op")
    turns: list = []
    play(sim, turns, "Spreek ik met meneer Kaya?", moves.CLOSED_QUESTION)
    reply = play(sim, turns, "Ik bel over factuur P2026-0238 van € 1.865,00.",
                 moves.STATE_PURPOSE)
    assert reply.intent == "excuse_bank_problem" and not sim.state.guarded


def test_identity_state_round_trips():
    sim = simulator("partner-neemt-op")
    sim.respond([collector("Ik bel over factuur P2026-0238.", moves.STATE_PURPOSE)])
    sim.respond([collector("Met wie spreek ik?", moves.OPEN_QUESTION)])
    state = DebtorState.from_dict(sim.state.to_dict())
    assert state.identified and state.guarded
    assert not DebtorState.from_dict({}).identified  # sessions stored before this change


def test_scenarios_without_identity_check_answer_as_before():
    sim = simulator("factuur-niet-ontvangen")
    reply = sim.respond([collector("Ik bel over factuur 20261342.", moves.STATE_PURPOSE)])
    assert reply.intent == "excuse_invoice_not_received" and not sim.state.guarded


# --- 11: a vulnerable debtor --------------------------------------------------------------

def _listening(sim: DebtorSimulator) -> list:
    turns: list = []
    play(sim, turns, "Ik bel over factuur P2026-0196 van € 95,00, graag vóór vrijdag "
                     "27 november.", moves.STATE_PURPOSE)
    return turns


def test_a_threat_makes_the_vulnerable_debtor_shut_down():
    sim = simulator("kwetsbare-klant")
    turns = _listening(sim)
    reply = play(sim, turns, "Als u niet betaalt, gaat het naar de deurwaarder.",
                 moves.THREATEN)
    assert reply.reaction == "defensive" and sim.state.defensive == 2
    for text, intent in [("Wat is er gebeurd?", moves.OPEN_QUESTION),
                         ("Heeft u de factuur?", moves.CLOSED_QUESTION),
                         ("Kunt u het zo snel mogelijk betalen?", moves.VAGUE_PROPOSAL),
                         (proposal(sim), moves.CONCRETE_PROPOSAL)]:
        assert play(sim, turns, text, intent).reaction == "need_calm", text
    assert play(sim, turns, "Dat begrijp ik, het spijt me.",
                moves.SHOW_UNDERSTANDING).reaction == "partly_calmed"
    assert play(sim, turns, "Neem gerust de tijd; ik begrijp dat het veel is.",
                moves.SHOW_UNDERSTANDING).reaction == "calmed"
    assert play(sim, turns, "Wat is er gebeurd?", moves.OPEN_QUESTION).reaction == "answer"


def test_pressure_before_any_understanding_makes_her_shut_down():
    sim = simulator("kwetsbare-klant")
    turns = _listening(sim)
    assert play(sim, turns, proposal(sim), moves.CONCRETE_PROPOSAL).reaction == "defensive"
    assert sim.state.defensive == 1


def test_after_understanding_a_proposal_is_no_pressure():
    sim = simulator("kwetsbare-klant")
    turns = _listening(sim)
    play(sim, turns, "Wat naar voor u, dat begrijp ik.", moves.SHOW_UNDERSTANDING)
    reply = play(sim, turns, proposal(sim), moves.CONCRETE_PROPOSAL)
    assert reply.reaction == "excuse" and sim.state.defensive == 0


def test_the_vulnerable_debtor_promises_only_after_a_referral():
    sim = simulator("kwetsbare-klant", difficulty="easy")
    turns = _listening(sim)
    play(sim, turns, "Dat begrijp ik, wat verdrietig.", moves.SHOW_UNDERSTANDING)
    play(sim, turns, "Hoe gaat het nu met u?", moves.OPEN_QUESTION)
    play(sim, turns, "Wat zou voor u haalbaar zijn?", moves.OPEN_QUESTION)
    offer = "Als u € 95,00 op vrijdag 27 november betaalt, zet ik de rest even stil."
    assert play(sim, turns, offer, moves.ASK_IN_RETURN).reaction == "need_mention"
    play(sim, turns, "Wilt u dat ik u het nummer van de schuldhulpverlening geef?",
         moves.CLOSED_QUESTION)
    assert play(sim, turns, offer, moves.ASK_IN_RETURN).reaction == "promise"


# --- 12: a promise disputed -----------------------------------------------------------------

def test_the_disputed_promise_case_has_the_written_confirmation():
    case = CASES["DEMO-8"]
    scenario = SCENARIOS["toezegging-betwist"]
    agreement = case.earlier_agreements[-1]
    assert not agreement.kept and agreement.promised_date < TODAY
    assert scenario.requires.date_named == dt.date(2026, 11, 10)
    assert "10 november" in agreement.note and "10 november" in case.notes


def test_only_the_date_of_the_written_confirmation_ends_the_dispute():
    sim = simulator("toezegging-betwist", difficulty="easy")
    turns: list = []
    reply = play(sim, turns, "Ik bel over factuur F2026-0102 van € 2.640,00.",
                 moves.STATE_PURPOSE)
    assert reply.intent == "dispute_invoice"
    play(sim, turns, "Wat is er gebeurd?", moves.OPEN_QUESTION)
    offer = "Kunt u € 2.640,00 op vrijdag 27 november betalen?"
    assert play(sim, turns, offer, moves.CONCRETE_PROPOSAL).reaction == "need_date_named"
    play(sim, turns, "We hebben het op dinsdag 10 november besproken; klopt dat?",
         moves.CLOSED_QUESTION)
    assert play(sim, turns, offer, moves.CONCRETE_PROPOSAL).reaction == "need_mention"
    play(sim, turns, "Dat staat ook in mijn bevestiging.", moves.CLOSED_QUESTION)
    reply = play(sim, turns, offer, moves.CONCRETE_PROPOSAL)
    assert reply.reaction == "promise" and "27 november" in reply.text


# --- the scripted trainees on the new scenarios -----------------------------------------------

@pytest.mark.parametrize("difficulty", DIFFICULTIES)
def test_bad_trainee_is_met_with_suspicion_where_identity_matters(trainer, difficulty):
    session, _ = trainer.start("partner-neemt-op", "Slecht", seed=2, difficulty=difficulty)
    bad_trainee(trainer, session)
    assert session.debtor.guarded and not session.debtor.identified
    assert trainer.finish(session, TODAY).total <= 40


@pytest.mark.parametrize("scenario_id", ["wettelijke-incassokosten", "partner-neemt-op",
                                         "kwetsbare-klant", "toezegging-betwist"])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_good_trainee_gets_the_promise_on_the_new_scenarios_whatever_the_seed(
        trainer, scenario_id, seed):
    session, _ = trainer.start(scenario_id, "Goed", seed=seed, difficulty="hard")
    good_trainee(trainer, session)
    assert session.debtor.promise is not None and session.debtor.defensive == 0
    assert trainer.finish(session, TODAY).total >= 80
