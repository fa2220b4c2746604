"""The terminal role-play, played with scripted input and a stand-in for the model."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from bot import cli, roleplay_cli
from bot.coach.roleplay import turns as moves
from bot.coach.roleplay.history import default_history
from bot.coach.roleplay.scorecard import CHECKS
from bot.coach.roleplay.turns import values_in

from .conftest import TODAY

LINES = {
    "Goedemorgen, met Sanne van Groenhof.": moves.INTRODUCE,
    "Betaal nu, of de deurwaarder komt.": moves.THREATEN,
    "Dank u wel, fijne dag!": moves.POSITIVE_CLOSE,
}


def play(monkeypatch, answers: list[str]) -> None:
    feed = iter(answers)

    def fake_input(prompt: str = "") -> str:
        try:
            return next(feed)
        except StopIteration:
            raise EOFError from None

    monkeypatch.setattr("builtins.input", fake_input)
    monkeypatch.setattr(roleplay_cli, "_classifier", lambda model: SimpleNamespace(
        classify=lambda text, speaker: (LINES.get(text, "nlu_fallback"), values_in(text, TODAY))))


def test_pick_by_number_play_and_get_the_scorecard_when_the_debtor_hangs_up(monkeypatch, capsys):
    play(monkeypatch, ["99", "1", "Sanne", "j", *LINES])
    assert cli.main(["roleplay", "--seed", "3"]) == 0
    out = capsys.readouterr().out
    assert "Dat scenario ken ik niet" in out
    assert "Debiteur: " in out and "💡 " in out
    assert "(De debiteur heeft opgehangen.)" in out and "Scorekaart: " in out
    assert len(default_history().sessions("Sanne")) == 1


def test_end_of_input_ends_and_stop_quits_without_saving(monkeypatch, capsys):
    play(monkeypatch, ["Goedemorgen, met Sanne van Groenhof."])
    assert cli.main(["roleplay", "--scenario", "bankstoring", "--trainee", "Piet",
                     "--no-hints"]) == 0
    assert "Scorekaart: " in capsys.readouterr().out
    play(monkeypatch, [":stop"])
    assert cli.main(["roleplay", "--scenario", "bankstoring", "--trainee", "Kees",
                     "--no-hints"]) == 0
    assert "niet bewaard" in capsys.readouterr().out
    assert len(default_history().sessions("Piet")) == 1 and default_history().sessions("Kees") == []


def test_rubric_is_printed_before_the_first_debtor_line(monkeypatch, capsys):
    play(monkeypatch, ["Goedemorgen, met Sanne van Groenhof.", "Dank u wel, fijne dag!"])
    assert cli.main(["roleplay", "--scenario", "boze-debiteur", "--difficulty", "hard",
                     "--seed", "4", "--trainee", "Piet", "--no-hints"]) == 0
    out = capsys.readouterr().out
    first_debtor = out.index("\nDebiteur: ")
    assert all(-1 < out.find(check.label) < first_debtor for check in CHECKS)
    assert "Moeilijkheid: moeilijk" in out[:first_debtor]
    debtor_lines = [line for line in out.splitlines() if line.startswith("Debiteur: ")]
    assert len(debtor_lines) == 3  # the opening and one reply per trainee line
    assert default_history().sessions("Piet")[0].scenario == "boze-debiteur"


def test_unknown_difficulty_is_refused(monkeypatch, capsys):
    play(monkeypatch, [])
    with pytest.raises(SystemExit):
        cli.main(["roleplay", "--scenario", "bankstoring", "--difficulty", "extreem"])
    assert "--difficulty" in capsys.readouterr().err


def test_unknown_scenario_is_refused(monkeypatch, capsys):
    play(monkeypatch, [])
    assert cli.main(["roleplay", "--scenario", "nope", "--trainee", "Sanne", "--no-hints"]) == 1
    assert "bestaat niet" in capsys.readouterr().err
