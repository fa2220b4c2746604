"""A debtor that converses: answers for the question asked, memory (no line twice in a
row, no asking for an amount already named), difficulty levels, and bare "ja"."""
from __future__ import annotations

import re

import pytest

from bot.coach.case_files import SAMPLE_CASES, load_yaml
from bot.coach.roleplay import turns as moves
from bot.coach.roleplay.scenarios import DIFFICULTIES, QUESTION_TYPES, load_scenarios
from bot.coach.roleplay.scorecard import CHECKS
from bot.coach.roleplay.simulator import (
    ACKNOWLEDGE,
    DebtorSimulator,
    is_acknowledgement,
    question_type,
)
from bot.coach.roleplay.trainer import ACKNOWLEDGE_HINT, RolePlayError, RolePlaySession

from .conftest import TODAY, collector

SCENARIOS = load_scenarios()
CASES = {case.id: case for case in load_yaml(SAMPLE_CASES)}
TABLE = next(iter(SCENARIOS.values())).questions
DAY_OR_DATE = re.compile(r"\b(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\b"
                         r"|\b\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|"
                         r"september|oktober|november|december)\b", re.IGNORECASE)
PURPOSE = "Ik bel over factuur {invoice} van € 1.000, graag vóór vrijdag 27 november."


def simulator(scenario_id: str, seed: int = 1, difficulty: str = "medium") -> DebtorSimulator:
    scenario = SCENARIOS[scenario_id]
    return DebtorSimulator(scenario, CASES[scenario.case_id], seed, difficulty=difficulty)


def purpose(sim: DebtorSimulator) -> list:
    """The trainee states the purpose (after asking who is on the line, where someone
    else may have picked up)."""
    turns: list = []
    if sim.scenario.identity_check:
        turns.append(collector("Spreek ik met de rekeninghouder zelf?", moves.CLOSED_QUESTION))
        turns.append(sim.respond(turns).turn())
    turns.append(collector(PURPOSE.format(invoice=sim.case.invoices[0].number),
                           moves.STATE_PURPOSE))
    turns.append(sim.respond(turns).turn())
    return turns


# --- question types --------------------------------------------------------------------

@pytest.mark.parametrize("text,kind", [
    ("Wanneer is uw boekhouder weer terug?", "when"),
    ("Tot wanneer is hij weg?", "when"),
    ("Hoe laat kan ik u terugbellen?", "when"),
    ("Op welke dag doet hij de betalingen?", "when"),
    ("Wie gaat er bij u over de betalingen?", "who"),
    ("Hoeveel kunt u nu missen?", "how_much"),
    ("Over welk bedrag hebben we het dan?", "how_much"),
    ("Waarom is de factuur blijven liggen?", "why"),
    ("Wat is er gebeurd?", "what"),
    ("Hoe komt het dat de betaling niet is aangekomen?", "what"),
    ("Wie weet er wanneer hij terug is?", "who"),  # the first question word counts
    ("Hoe kunnen we dit samen oplossen?", None),
])
def test_question_type_comes_from_the_keyword_table(text, kind):
    assert question_type(text, TABLE) == kind


@pytest.mark.parametrize("seed", range(1, 6))
@pytest.mark.parametrize("intent", [moves.OPEN_QUESTION, moves.CLOSED_QUESTION])
def test_absent_bookkeeper_when_question_gets_a_day_or_date(seed, intent):
    question = "Wanneer is uw boekhouder weer terug?"
    fresh = simulator("contactpersoon-afwezig", seed)
    assert DAY_OR_DATE.search(fresh.respond([collector(question, intent)]).text)
    for difficulty in DIFFICULTIES:
        sim = simulator("contactpersoon-afwezig", seed, difficulty)
        turns = purpose(sim)
        for _ in range(3):  # also after the excuse moved on
            turns.append(collector(question, intent))
            reply = sim.respond(turns)
            turns.append(reply.turn())
            assert reply.reaction == "answer" and DAY_OR_DATE.search(reply.text), reply.text
            turns.append(collector("Kunt u € 1.000 op vrijdag 27 november betalen?",
                                   moves.CONCRETE_PROPOSAL))
            turns.append(sim.respond(turns).turn())


@pytest.mark.parametrize("scenario_id", sorted(SCENARIOS))
def test_every_scenario_answers_each_question_type_from_its_facts(scenario_id):
    scenario = SCENARIOS[scenario_id]
    facts = {**scenario.facts, **scenario.excuses[0].facts}
    assert {"when", "why", "what"} <= set(facts), "fill facts for when, why and what"
    questions = {"when": "Wanneer kunt u dat regelen?", "who": "Wie gaat daarover?",
                 "how_much": "Hoeveel staat er bij u open?", "why": "Waarom is het niet betaald?",
                 "what": "Wat is er gebeurd?"}
    sim = simulator(scenario_id, 4)
    turns = purpose(sim)
    for kind, text in questions.items():
        turns.append(collector(text, moves.OPEN_QUESTION))
        reply = sim.respond(turns)
        turns.append(reply.turn())
        if kind in facts or kind == "how_much" or kind in scenario.excuses[0].answers_to:
            assert reply.reaction == "answer", (kind, reply.text)
            assert reply.text not in scenario.excuses[0].answers
        if kind == "how_much":
            assert "€" in reply.text or "euro" in reply.text, reply.text
    assert set(QUESTION_TYPES) == set(questions)


def test_question_without_a_known_fact_falls_back_to_the_excuse_answers():
    sim = simulator("kan-niet-betalen", 1)
    turns = purpose(sim)
    turns.append(collector("Kunt u daar iets meer over vertellen?", moves.OPEN_QUESTION))
    assert sim.respond(turns).text in SCENARIOS["kan-niet-betalen"].excuses[0].answers


# --- memory ----------------------------------------------------------------------------

REPEATED = [("Goedemorgen, met Sanne van Groenhof.", moves.INTRODUCE),
            ("Heeft u de factuur ontvangen?", moves.CLOSED_QUESTION),
            ("Kunt u het zo snel mogelijk betalen?", moves.VAGUE_PROPOSAL),
            ("Dat begrijp ik.", moves.SHOW_UNDERSTANDING),
            ("Als u niet betaalt, komt de deurwaarder.", moves.THREATEN),
            ("Wanneer kunt u betalen?", moves.OPEN_QUESTION),
            ("Hoe gaan we dit oplossen?", moves.OPEN_QUESTION),
            ("Kunt u € 1.000 op vrijdag 27 november betalen?", moves.CONCRETE_PROPOSAL),
            ("asdf", "nlu_fallback"),
            ("ja", moves.OFFER_CONCESSION)]
MIXED = [(PURPOSE.format(invoice="F1"), moves.STATE_PURPOSE), *REPEATED[:9]]


@pytest.mark.parametrize("difficulty", DIFFICULTIES)
@pytest.mark.parametrize("scenario_id", sorted(SCENARIOS))
def test_the_debtor_never_says_the_same_line_twice_in_a_row(scenario_id, difficulty):
    scripts = [[line] * 10 for line in REPEATED] + [MIXED, MIXED[::-1]]
    for script in scripts:
        sim = simulator(scenario_id, 7, difficulty)
        said = [sim.opening().text]
        turns: list = []
        for text, intent in script:
            turns.append(collector(text, intent))
            reply = sim.respond(turns)
            turns.append(reply.turn())
            said.append(reply.text)
        repeats = [(a, b) for a, b in zip(said, said[1:], strict=False) if a == b]
        assert not repeats, (script[0], repeats)


ASKS_FOR_AMOUNT = re.compile(r"welk bedrag|hoeveel bedoelt", re.IGNORECASE)


@pytest.mark.parametrize("difficulty", DIFFICULTIES)
@pytest.mark.parametrize("scenario_id", sorted(SCENARIOS))
def test_no_asking_for_the_amount_after_the_trainee_named_it(scenario_id, difficulty):
    sim = simulator(scenario_id, 3, difficulty)
    turns = purpose(sim)  # names € 1.000
    for text, intent in [("Dat begrijp ik.", moves.SHOW_UNDERSTANDING)] * 2 + [
            ("Wat is er gebeurd?", moves.OPEN_QUESTION),
            ("Hoe lossen we dit op?", moves.OPEN_QUESTION)] + [
            ("Kunt u het op vrijdag 27 november betalen?", moves.CONCRETE_PROPOSAL)] * 5:
        turns.append(collector(text, intent))
        reply = sim.respond(turns)
        turns.append(reply.turn())
        assert reply.reaction != "need_amount" and not ASKS_FOR_AMOUNT.search(reply.text)
    assert any(t.text.count("€\u00a01.000,00") for t in turns[1::2]), "never referred to it"


# --- difficulty ------------------------------------------------------------------------

@pytest.mark.parametrize("scenario_id", sorted(SCENARIOS))
def test_difficulty_sets_the_excuses_and_the_requirements(scenario_id):
    scenario = SCENARIOS[scenario_id]
    easy, medium, hard = (simulator(scenario_id, 1, d) for d in DIFFICULTIES)
    assert len(easy.excuses) == 1 and medium.excuses == scenario.excuses
    assert len(hard.excuses) == len(scenario.excuses) + 1
    assert easy.requires.open_questions < medium.requires.open_questions \
        < hard.requires.open_questions
    assert hard.requires.understanding


def test_easy_needs_fewer_open_questions_than_medium():
    replies = {}
    for difficulty in ("easy", "medium"):
        sim = simulator("factuur-niet-ontvangen", 1, difficulty)
        turns = purpose(sim)
        turns.append(collector("Hoe kunnen we dit oplossen?", moves.OPEN_QUESTION))
        turns.append(sim.respond(turns).turn())
        turns.append(collector("Kunt u € 385,20 op vrijdag 27 november betalen?",
                               moves.CONCRETE_PROPOSAL))
        replies[difficulty] = sim.respond(turns).reaction
    assert replies == {"easy": "promise", "medium": "need_open_questions"}


def _hostile_call(trainer, difficulty: str, empathy: int) -> list:
    session, _ = trainer.start("boze-debiteur", "Sanne", seed=5, difficulty=difficulty)
    say = lambda text, intent: trainer.turn(session, text, intent, today=TODAY)  # noqa: E731
    say("Ik bel over factuur 20261187 van € 7.260,00, graag vóór vrijdag 27 november.",
        moves.STATE_PURPOSE)
    for text in ("Wat is er gebeurd?", "Hoe komt het?", "Hoe lossen we dit op?"):
        say(text, moves.OPEN_QUESTION)
    for _ in range(empathy):
        say("Dat begrijp ik, dat is heel vervelend voor u.", moves.SHOW_UNDERSTANDING)
    return [say("Kunt u € 7.260,00 op vrijdag 27 november betalen?", moves.CONCRETE_PROPOSAL)
            for _ in range(5)]


def test_hostile_debtor_on_hard_does_not_agree_after_one_line_of_empathy(trainer):
    results = _hostile_call(trainer, "hard", 1)
    assert not any(r.promise for r in results)
    assert all(r.reaction == "need_calm" for r in results)
    assert _hostile_call(trainer, "hard", 2)[-1].promise
    assert _hostile_call(trainer, "medium", 1)[-1].promise


def test_partly_calmed_hostile_debtor_says_so(trainer):
    session, _ = trainer.start("boze-debiteur", "Sanne", seed=1, difficulty="hard")
    first = trainer.turn(session, "Dat begrijp ik.", moves.SHOW_UNDERSTANDING, today=TODAY)
    second = trainer.turn(session, "Ik snap dat dit vervelend is.", moves.SHOW_UNDERSTANDING,
                          today=TODAY)
    assert (first.reaction, second.reaction) == ("partly_calmed", "calmed")


def test_difficulty_is_stored_in_the_session_and_checked(trainer):
    session, briefing = trainer.start("bankstoring", "Sanne", seed=1, difficulty="hard")
    assert session.difficulty == "hard" == briefing.to_payload()["difficulty"]
    assert RolePlaySession.from_dict(session.to_dict()).difficulty == "hard"
    assert RolePlaySession.from_dict({**session.to_dict(), "difficulty": None}).difficulty \
        == "medium"
    assert trainer.start("bankstoring", "Sanne", seed=1)[0].difficulty == "medium"
    assert trainer.start("bankstoring", "Sanne", difficulty="Moeilijk")[0].difficulty == "hard"
    with pytest.raises(RolePlayError, match="Kies uit: easy, medium, hard"):
        trainer.start("bankstoring", "Sanne", difficulty="extreem")


# --- bare "ja" -------------------------------------------------------------------------

@pytest.mark.parametrize("text,bare", [("ja", True), ("Oké.", True), ("Ja, prima!", True),
                                       ("ok", True), ("Ja, dan laat ik de rente vallen.", False),
                                       ("hmm tja", False), ("", False)])
def test_bare_acknowledgements(text, bare):
    assert is_acknowledgement(text, SCENARIOS["bankstoring"].acknowledgements) is bare


@pytest.mark.parametrize("intent", [moves.OFFER_CONCESSION, moves.CONCRETE_PROPOSAL,
                                    moves.ASK_IN_RETURN])
def test_bare_ja_is_never_a_concession_or_a_proposal(trainer, intent):
    session, _ = trainer.start("kan-niet-betalen", "Sanne", hints=True, seed=2, difficulty="easy")
    trainer.turn(session, "Ik bel over factuur BE-2026-0388 van € 1.512,50, graag vóór "
                          "vrijdag 27 november.", moves.STATE_PURPOSE, today=TODAY)
    result = trainer.turn(session, "Ja, oké.", intent, {"amount": [1512.5]}, today=TODAY)
    assert result.reaction == "acknowledge" and result.promise is None
    assert result.hint == ACKNOWLEDGE_HINT
    assert session.turns[-2].intent == ACKNOWLEDGE and session.turns[-2].entities == {}
    card = trainer.finish(session, TODAY)
    passed = {r.check.key: r.passed for r in card.results}
    assert passed["concession_return"]
    assert session.debtor.raised == 1  # no excuse was brought up by it


# --- rubric ----------------------------------------------------------------------------

def test_briefing_carries_the_rubric_before_the_first_debtor_line(trainer):
    _, briefing = trainer.start("al-betaald", "Sanne", seed=1)
    payload = briefing.to_payload()
    assert [r["label"] for r in payload["rubric"]] == [c.label for c in CHECKS]
    assert {"key", "label", "weight", "practice"} <= set(payload["rubric"][0])
    text = briefing.to_text()
    first_debtor = text.index("Debiteur: ")
    assert all(-1 < text.find(c.label) < first_debtor for c in CHECKS)
