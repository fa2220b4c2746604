"""The simulated debtor: deterministic under a seed, and reacting to what the trainee did."""
from __future__ import annotations

from bot.coach.case_files import SAMPLE_CASES, load_yaml
from bot.coach.roleplay import turns as moves
from bot.coach.roleplay.scenarios import load_scenarios
from bot.coach.roleplay.simulator import DebtorSimulator, DebtorState

from .conftest import collector

SCENARIOS = load_scenarios()
CASES = {case.id: case for case in load_yaml(SAMPLE_CASES)}
SCRIPT = [("Goedemorgen, met Sanne van Groenhof.", moves.INTRODUCE),
          ("Ik bel over factuur F2026-0081 van € 1.000, graag vóór vrijdag.", moves.STATE_PURPOSE),
          ("Wat is er gebeurd?", moves.OPEN_QUESTION),
          ("Hoe zit dat precies?", moves.OPEN_QUESTION),
          ("Heeft u de factuur?", moves.CLOSED_QUESTION),
          ("Kunt u het zo snel mogelijk betalen?", moves.VAGUE_PROPOSAL),
          ("Kunt u het een beetje snel regelen?", moves.VAGUE_PROPOSAL),
          ("Dat begrijp ik.", moves.SHOW_UNDERSTANDING)]


def simulator(scenario_id: str, seed: int) -> DebtorSimulator:
    scenario = SCENARIOS[scenario_id]
    return DebtorSimulator(scenario, CASES[scenario.case_id], seed)


def conversation(scenario_id: str, seed: int) -> list[str]:
    sim = simulator(scenario_id, seed)
    lines, turns = [sim.opening().text], []
    for text, intent in SCRIPT:
        turns.append(collector(text, intent))
        reply = sim.respond(turns)
        turns.append(reply.turn())
        lines.append(reply.text)
    return lines


def test_same_seed_gives_the_same_replies():
    for scenario_id in SCENARIOS:
        assert conversation(scenario_id, 42) == conversation(scenario_id, 42)


def test_different_seeds_give_some_different_replies():
    differing = {scenario_id for scenario_id in SCENARIOS
                 if any(conversation(scenario_id, seed) != conversation(scenario_id, 1)
                        for seed in range(2, 8))}
    assert differing == set(SCENARIOS)


def test_state_round_trips_so_a_session_can_live_in_a_slot():
    sim = simulator("bankstoring", 5)
    turns = [collector(*SCRIPT[1])]
    sim.respond(turns)
    resumed = DebtorSimulator(sim.scenario, sim.case, 5, DebtorState.from_dict(sim.state.to_dict()))
    turns.append(collector(*SCRIPT[2]))
    assert resumed.respond(turns) == sim.respond(turns)


def test_lines_are_not_repeated_until_all_were_used():
    sim = simulator("contactpersoon-afwezig", 3)
    lines = SCENARIOS["contactpersoon-afwezig"].replies["vague_proposal"]
    said = [sim.respond([collector("Kunt u het zo snel mogelijk doen?", moves.VAGUE_PROPOSAL)]).text
            for _ in lines]
    assert sorted(said) == sorted(lines)


def test_vague_proposal_gets_a_vague_answer():
    sim = simulator("factuur-niet-ontvangen", 1)
    reply = sim.respond([collector("Kunt u het zo snel mogelijk betalen?", moves.VAGUE_PROPOSAL)])
    assert reply.reaction == "vague_proposal" and reply.intent == "promise_vague"
    assert reply.text in SCENARIOS["factuur-niet-ontvangen"].replies["vague_proposal"]
    assert sim.state.promise is None


def _ready(scenario_id: str) -> tuple[DebtorSimulator, list]:
    """A debtor whose excuses have all been raised and whose conditions are met."""
    sim = simulator(scenario_id, 2)
    turns = [collector("Ik bel over factuur 20261342 van € 385,20, graag vóór vrijdag 27 november.",
                       moves.STATE_PURPOSE)]
    turns.append(sim.respond(turns).turn())
    for text in ("Wat is er gebeurd?", "Hoe lossen we dit op?"):
        turns.append(collector(text, moves.OPEN_QUESTION))
        turns.append(sim.respond(turns).turn())
    return sim, turns


def test_concrete_proposal_gets_a_concrete_answer_with_that_date_and_amount():
    sim, turns = _ready("factuur-niet-ontvangen")
    turns.append(collector("Kunt u € 385,20 uiterlijk vrijdag 27 november overmaken?",
                           moves.CONCRETE_PROPOSAL))
    reply = sim.respond(turns)
    assert reply.reaction == "promise" and reply.intent == "promise_to_pay"
    assert "€\u00a0385,20" in reply.text and "27 november" in reply.text
    assert sim.state.promise == {"date": "2026-11-27", "amount": 385.2}


def test_concrete_proposal_before_the_excuses_are_through_names_the_date_then_the_excuse():
    sim = simulator("bankstoring", 4)
    turns = [collector("Kunt u € 2.100 op vrijdag 27 november overmaken?", moves.CONCRETE_PROPOSAL)]
    reply = sim.respond(turns)
    assert reply.intent == "excuse_bank_problem"
    assert "27 november" in reply.text or "€\u00a02.100,00" in reply.text


def test_proposal_without_amount_is_asked_for_the_amount():
    sim = simulator("factuur-niet-ontvangen", 2)
    turns = [collector("Ik bel over factuur 20261342, graag vóór vrijdag 27 november.",
                       moves.STATE_PURPOSE)]
    turns.append(sim.respond(turns).turn())
    turns.append(collector("Kunt u het uiterlijk vrijdag 27 november overmaken?",
                           moves.CONCRETE_PROPOSAL))
    assert sim.respond(turns).reaction == "need_amount"
    assert sim.state.promise is None


def test_proposal_without_amount_after_naming_one_refers_to_that_amount():
    sim, turns = _ready("factuur-niet-ontvangen")  # the purpose named € 385,20
    turns.append(collector("Kunt u het uiterlijk vrijdag 27 november overmaken?",
                           moves.CONCRETE_PROPOSAL))
    reply = sim.respond(turns)
    assert reply.reaction == "remembered_amount" and "€\u00a0385,20" in reply.text
    assert "27 november" in reply.text and sim.state.promise is None


def test_threat_makes_the_debtor_defensive_until_understanding_is_shown():
    sim, turns = _ready("factuur-niet-ontvangen")
    turns.append(collector("Als u niet betaalt, stuur ik de deurwaarder.", moves.THREATEN))
    reply = sim.respond(turns)
    assert reply.reaction == "defensive" and reply.intent == "express_anger"
    assert sim.state.defensive == 1
    proposal = collector("Kunt u € 385,20 uiterlijk vrijdag 27 november overmaken?",
                         moves.CONCRETE_PROPOSAL)
    assert sim.respond(turns + [proposal]).reaction == "need_calm"
    assert sim.respond(
        turns + [collector("Dat begrijp ik.", moves.SHOW_UNDERSTANDING)]).reaction == "calmed"
    assert sim.respond(turns + [proposal]).reaction == "promise"


def test_hostile_debtor_starts_defensive_and_a_threat_counts_double():
    sim = simulator("boze-debiteur", 1)
    assert sim.state.defensive == 1
    sim.respond([collector("Dit is uw eigen schuld.", moves.THREATEN)])
    assert sim.state.defensive == 3


def test_open_question_draws_out_the_facts_behind_the_current_excuse():
    sim = simulator("factuur-niet-ontvangen", 1)
    turns = [collector("Ik bel over factuur 20261342.", moves.STATE_PURPOSE)]
    turns.append(sim.respond(turns).turn())
    turns.append(collector("Kunt u daar iets meer over vertellen?", moves.OPEN_QUESTION))
    reply = sim.respond(turns)
    assert reply.text in SCENARIOS["factuur-niet-ontvangen"].excuses[0].answers


def test_missing_requirement_is_named_instead_of_promising():
    sim = simulator("factuur-niet-ontvangen", 1)
    turns = [collector("Ik bel over factuur 20261342.", moves.STATE_PURPOSE)]
    turns.append(sim.respond(turns).turn())
    turns.append(collector("Kunt u € 385,20 op vrijdag 27 november betalen?",
                           moves.CONCRETE_PROPOSAL))
    reply = sim.respond(turns)
    assert reply.reaction == "need_open_questions" and sim.state.promise is None


def test_unconditional_concession_is_taken_without_a_promise():
    sim, turns = _ready("kan-niet-betalen")
    turns.append(collector("Ik geef u uitstel tot januari.", moves.OFFER_CONCESSION))
    assert sim.respond(turns).reaction == "concession_without_return"
    assert sim.state.promise is None


def test_summary_without_agreement_is_contradicted_and_close_ends_the_call():
    sim = simulator("al-betaald", 1)
    reply = sim.respond([collector("Samengevat betaalt u vrijdag.", moves.SUMMARISE)])
    assert reply.reaction == "summary_not_agreed" and reply.intent == "deny"
    assert sim.respond(
        [collector("Dank u wel, fijne dag!", moves.POSITIVE_CLOSE)]).reaction == "closing"
    assert sim.state.ended


def test_line_that_is_no_collector_move_gets_a_puzzled_answer():
    sim = simulator("al-betaald", 1)
    assert sim.respond([collector("asdf", "nlu_fallback")]).reaction == "unclear"
