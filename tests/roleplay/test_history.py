"""The training history per trainee in the coach's database, the text report and the PNG
chart."""
from __future__ import annotations

import datetime as dt

import pytest

from bot import cli
from bot.coach.roleplay import turns as moves
from bot.coach.roleplay.history import (
    TrainingHistory,
    chart_path,
    default_history,
    draw_chart,
    report_text,
)
from bot.coach.roleplay.scorecard import CHECKS, score
from bot.storage.database import database_url
from bot.storage.store import Storage

from .conftest import TODAY, collector

SCENARIO = "contactpersoon-afwezig"

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
LABELS = {c.key: c.label for c in CHECKS}


def card_with(*lines):
    return score([collector(text, intent) for text, intent in lines], today=TODAY)


WEAK = card_with(("Betaal nu of de deurwaarder komt.", moves.THREATEN))
BETTER = card_with(("Ik bel over factuur F2026-0081 van € 1.000, graag vóór vrijdag 27 november.",
                    moves.STATE_PURPOSE), ("Wat is er gebeurd?", moves.OPEN_QUESTION),
                   ("Hoe lossen we het op?", moves.OPEN_QUESTION))


@pytest.fixture
def history() -> TrainingHistory:
    store = default_history()  # on the test's own database (tests/conftest.py)
    store.record("Sanne de Wit", "bankstoring", WEAK, [], dt.datetime(2026, 11, 2, 10, 0),
                 difficulty="hard")
    store.record("sanne  de wit", "al-betaald", BETTER, [], dt.datetime(2026, 11, 9, 10, 0),
                 difficulty="easy")
    store.record("Pieter", "bankstoring", BETTER, [], dt.datetime(2026, 11, 3, 10, 0))
    return store


def test_sessions_are_per_trainee_oldest_first_matching_names_loosely(history):
    records = history.sessions("SANNE DE WIT")
    assert [(r.scenario, r.total) for r in records] == [("bankstoring", WEAK.total),
                                                         ("al-betaald", BETTER.total)]
    assert records[0].checks["no_threats"] == 0.0 and records[1].checks["no_threats"] == 1.0
    assert history.trainees() == ["Pieter", "Sanne de Wit"]
    assert history.sessions("niemand") == []


def test_a_session_needs_a_trainee_name_and_a_known_difficulty(history):
    with pytest.raises(ValueError, match="naam"):
        history.record("  ", "bankstoring", WEAK, [])
    with pytest.raises(ValueError, match="moeilijkheid"):
        history.record("Sanne", "bankstoring", WEAK, [], difficulty="extreem")


def test_a_roleplay_is_kept_at_its_difficulty_a_scored_transcript_at_none(trainer):
    session, _ = trainer.start(SCENARIO, "Sanne", seed=1, difficulty="moeilijk")
    trainer.finish(session, TODAY)
    trainer.score_transcript("Incasseerder: Goedemorgen.\nDebiteur: Met De Vries.",
                             lambda text, speaker: (moves.INTRODUCE, {}), trainee="Sanne",
                             today=TODAY)
    assert [(r.scenario, r.difficulty) for r in trainer.history.sessions("Sanne")] == [
        (SCENARIO, "hard"), ("transcript", "")]


def test_report_lists_sessions_average_and_what_to_practise(history):
    text = report_text("sanne de wit", history.sessions("sanne de wit"), LABELS)
    assert "Trainingshistorie van Sanne de Wit (2 sessies)" in text
    assert "2026-11-02 10:00  bankstoring" in text
    assert [line.split()[3] for line in text.splitlines() if "2026-11-" in line] == [
        "moeilijk", "makkelijk"]
    assert f"laatste {BETTER.total}" in text
    assert "Oefen vooral: " in text and "niet gehaald" in text
    assert report_text("x", [], LABELS) == "Nog geen sessies voor x."


def test_chart_is_a_png_file(history, tmp_path):
    path = draw_chart(history.sessions("Sanne de Wit"), tmp_path / "charts" / "sanne.png")
    data = path.read_bytes()
    assert data.startswith(PNG_SIGNATURE) and len(data) > 5000


def test_chart_file_name_is_safe():
    assert chart_path("Sanne de Wit / Team 2").name == "sanne-de-wit-team-2.png"


def test_the_history_is_kept_in_the_coachs_database():
    default_history().record("Sanne", "bankstoring", WEAK, [])
    stored = Storage.at(database_url()).training_sessions.of("sanne")
    assert [(r.trainee, r.scenario, r.total) for r in stored] == [
        ("Sanne", "bankstoring", WEAK.total)]


def test_report_command_prints_history_and_writes_the_chart(tmp_path, capsys):
    default_history().record("Sanne", "bankstoring", WEAK, [])
    default_history().record("Sanne", "al-betaald", BETTER, [])
    out = tmp_path / "sanne.png"
    assert cli.main(["report", "Sanne", "--out", str(out)]) == 0
    assert "Trainingshistorie van Sanne (2 sessies)" in capsys.readouterr().out
    assert out.read_bytes().startswith(PNG_SIGNATURE)
    assert cli.main(["report", "Onbekend"]) == 1
