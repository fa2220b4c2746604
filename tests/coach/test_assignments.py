"""Assignments of the Training tab: validation in Dutch, done once the trainee finishes a
role-play of that scenario at that difficulty (a real Trainer session), and overdue."""
from __future__ import annotations

import datetime as dt

import pytest

from bot.coach.roleplay import turns as moves
from bot.coach.roleplay.assignments import AssignmentError, Assignments, default_assignments
from bot.coach.roleplay.history import TrainingHistory, default_history
from bot.coach.roleplay.trainer import Trainer
from bot.storage.store import default_storage

TODAY = dt.date(2026, 11, 23)  # INCASSO_TODAY of tests/conftest.py
SCENARIO = "contactpersoon-afwezig"
KNOWN = [SCENARIO, "bankstoring"]


@pytest.fixture
def history() -> TrainingHistory:
    return default_history()  # on the test's own database (tests/conftest.py)


@pytest.fixture
def assignments() -> Assignments:
    return default_assignments()  # the same database as the sessions


@pytest.fixture
def trainer(history, assignments) -> Trainer:
    return Trainer(default_storage().cases, history=history, assignments=assignments)


def give(assignments: Assignments, trainee="Sanne", scenario=SCENARIO, difficulty="hard",
         due="2026-11-30"):
    return assignments.add(trainee, scenario, difficulty, due, "tessa", KNOWN, TODAY)


def play(trainer: Trainer, trainee: str, scenario: str = SCENARIO,
         difficulty: str = "hard") -> int:
    """A short scripted role-play, finished; returns the stored session's id."""
    session, _ = trainer.start(scenario, trainee, seed=7, difficulty=difficulty)
    trainer.turn(session, "Goedemorgen, u spreekt met Sanne van Groenhof Interieur.",
                 moves.INTRODUCE, today=TODAY)
    trainer.turn(session, "Ik bel over factuur F2026-0081 van € 1.000.", moves.STATE_PURPOSE,
                 today=TODAY)
    trainer.turn(session, "Wat is er gebeurd?", moves.OPEN_QUESTION, today=TODAY)
    trainer.finish(session, TODAY)
    return trainer.history.sessions(trainee)[-1].id


def test_an_assignment_is_stored_with_its_fields(assignments):
    made = give(assignments, trainee="  Sanne   Visser ", scenario="BANKSTORING",
                difficulty="makkelijk")
    assert (made.trainee, made.scenario, made.difficulty, made.due, made.assigned_by) == (
        "Sanne Visser", "bankstoring", "easy", dt.date(2026, 11, 30), "tessa")
    assert not made.done and not made.overdue(TODAY)
    assert made.to_payload("Bankstoring", TODAY) == {
        "id": made.id, "trainee": "Sanne Visser", "scenario": "bankstoring",
        "title": "Bankstoring", "difficulty": "easy", "due": "2026-11-30",
        "assigned_by": "tessa", "done": False, "overdue": False}
    assert [a.id for a in assignments.of("sanne visser")] == [made.id]
    assert assignments.of("iemand") == []
    assert [a.id for a in assignments.of()] == [made.id]


@pytest.mark.parametrize(("fields", "message"), [
    ({"trainee": "  "}, "gebruikersnaam van de trainee"),
    ({"trainee": "x" * 61}, "te lang"),
    ({"scenario": "bestaat-niet"}, "Scenario 'bestaat-niet' bestaat niet"),
    ({"difficulty": "extreem"}, "Kies als moeilijkheid easy, medium of hard."),
    ({"due": "30-11-2026"}, "JJJJ-MM-DD"),
    ({"due": ""}, "JJJJ-MM-DD"),
    ({"due": "2026-11-22"}, "in het verleden"),
])
def test_a_wrong_assignment_is_refused_in_dutch(assignments, fields, message):
    with pytest.raises(AssignmentError) as refused:
        give(assignments, **fields)
    assert message in refused.value.message
    assert assignments.of() == []


def test_today_is_a_valid_due_date_and_clock_today_is_the_default(assignments):
    assert give(assignments, due=TODAY.isoformat()).due == TODAY
    made = assignments.add("Sanne", SCENARIO, "medium", TODAY.isoformat(), "tessa", KNOWN)
    assert made.due == TODAY  # INCASSO_TODAY pins bot.coach.clock.today()


def test_overdue_only_while_open_after_the_due_date(assignments):
    made = give(assignments, due="2026-11-25")
    assert not made.overdue(dt.date(2026, 11, 25))
    assert made.overdue(dt.date(2026, 11, 26))
    done = assignments.complete("sanne", SCENARIO, "hard", 99)
    assert done is not None and done.done and not done.overdue(dt.date(2026, 12, 31))


def test_finishing_a_roleplay_marks_the_oldest_matching_open_assignment(assignments, trainer):
    first = give(assignments)
    second = give(assignments, due="2026-12-05")
    easy = give(assignments, difficulty="easy")
    other_scenario = give(assignments, scenario="bankstoring")
    someone_else = give(assignments, trainee="Karim")

    session_id = play(trainer, "sanne")  # names match loosely, as in the history
    found = {a.id: a for a in assignments.of()}
    assert found[first.id].done_session_id == session_id
    assert not any(found[a.id].done for a in (second, easy, other_scenario, someone_else))

    play(trainer, "Sanne", difficulty="medium")  # another difficulty counts for none
    assert not assignments.get(second.id).done
    again = play(trainer, "Sanne")
    assert assignments.get(second.id).done_session_id == again
    assert not assignments.get(easy.id).done


def test_a_session_before_the_assignment_does_not_count(assignments, trainer):
    play(trainer, "Sanne")
    made = give(assignments)
    assert not assignments.get(made.id).done


def test_delete_and_the_ids_of_deleted_ones_are_not_given_again(assignments):
    made = give(assignments)
    assert assignments.delete(made.id) is True
    assert assignments.delete(made.id) is False
    assert assignments.get(made.id) is None
    assert give(assignments).id > made.id  # a page still showing the old one removes no other


def test_a_stored_session_can_be_read_back_for_a_replay(trainer):
    session_id = play(trainer, "Sanne")
    record, turns, card = trainer.history.session(session_id)
    assert record.id == session_id and record.trainee == "Sanne" and record.scenario == SCENARIO
    assert turns[0]["speaker"] == "debtor"  # the opening
    assert [t["text"] for t in turns if t["speaker"] == "collector"][1] == (
        "Ik bel over factuur F2026-0081 van € 1.000.")
    assert card["total"] == record.total and len(card["checks"]) == 10
    assert trainer.history.session(session_id + 1000) is None
