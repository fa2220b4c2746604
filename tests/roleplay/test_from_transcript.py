"""From a real call to practice: a scenario built from a transcript's debtor lines.

The unit tests classify with a small keyword table (deterministic, no model); one test
goes through the real command with the trained model on tests/data/transcripts/."""
from __future__ import annotations

import functools
from pathlib import Path

import pytest
import yaml

from bot import cli, roleplay_cli
from bot.coach.roleplay import turns as moves
from bot.coach.roleplay.from_transcript import (
    FromTranscriptError,
    TranscriptScenario,
    scenario_from_transcript,
    slug,
)
from bot.coach.roleplay.scenarios import load_scenario
from bot.coach.roleplay.trainer import Trainer
from bot.coach.roleplay.transcript import TranscriptError
from bot.coach.roleplay.turns import DEBTOR
from bot.storage.store import default_storage

from .conftest import TODAY

TRANSCRIPTS = Path(__file__).resolve().parents[1] / "data" / "transcripts"

# First keyword found in the lowered line decides the debtor intent.
RULES = (
    ("belachelijk", "express_anger"), ("schandalig", "express_anger"),
    ("geen geld", "cannot_pay"), ("te weinig geld", "cannot_pay"),
    ("bank", "excuse_bank_problem"), ("storing", "excuse_bank_problem"),
    ("wachten", "excuse_waiting_for_customer"), ("opdrachtgever", "excuse_waiting_for_customer"),
    ("doorgeven", "promise_vague"), ("ik zal kijken", "promise_vague"),
    ("maak ik", "promise_to_pay"), ("goedemorgen", "greet"), ("dag.", "goodbye"),
)


def classify(text: str, speaker: str) -> tuple[str, dict[str, list]]:
    assert speaker == DEBTOR  # only the debtor's lines are classified
    lowered = text.lower()
    return next((intent for word, intent in RULES if word in lowered), "nlu_fallback"), {}


CALL = """\
Debiteur: Goedemorgen, Smit Installatietechniek, met Smit.
Incasseerder: Goedemorgen, met Sanne van Groenhof. Ik bel over factuur F2026-0240.
Debiteur: Ja, die betaling staat klaar, maar onze bank heeft een storing.
Debiteur: Sinds gisteren kan ik niet inloggen bij de bank.
Incasseerder: Wat zegt de bank erover?
Debiteur: De bank zegt dat het maandag 30 november weer werkt.
Incasseerder: Kunt u het dan vrijdag betalen?
Debiteur: Er staat op dit moment ook gewoon te weinig geld op de rekening.
Incasseerder: Hoe komt dat?
Debiteur: Nou ja, het is het einde van het kwartaal, dat weet u toch.
Incasseerder: Zullen we 2.100 euro op dinsdag 1 december afspreken?
Debiteur: Goed, dan maak ik 2.100 euro over op dinsdag 1 december.
Incasseerder: Dank u wel, fijne dag.
Debiteur: Fijne dag.
"""


def build(text: str = CALL, case: str = "DEMO-7", title: str | None = None,
          ) -> TranscriptScenario:
    return scenario_from_transcript(text, case, default_storage().cases, classify, title,
                                    today=TODAY)


def written(built: TranscriptScenario, tmp_path: Path) -> Path:
    path = tmp_path / f"{built.scenario.id}.yml"
    path.write_text(built.to_yaml("test"), encoding="utf-8")
    return path


def play(path: Path, turns: list[tuple[str, str]]) -> list[str]:
    """A short session on the scenario file; the debtor's lines, opening first."""
    scenario = load_scenario(path)
    trainer = Trainer(default_storage().cases, {scenario.id: scenario})
    session, briefing = trainer.start(scenario.id, "Sanne", seed=1)
    said = [briefing.opening]
    said += [trainer.turn(session, text, intent, today=TODAY).debtor for text, intent in turns]
    assert trainer.finish(session, TODAY).total >= 0
    return said


def test_excuses_in_order_in_the_debtors_own_words_and_the_file_plays(tmp_path):
    built = build()
    data = built.data
    assert data["case"] == "DEMO-7" and data["id"] == "demo-7-2026-11-23"
    assert data["persona"]["name"] == "mevrouw Smit"
    assert data["persona"]["attitude"] == "cooperative"
    bank, money = data["excuses"]
    assert bank["kind"] == "excuse_bank_problem"
    # two bank lines in a row are one excuse; the one after a question is an answer
    assert bank["says"] == ["Ja, die betaling staat klaar, maar onze bank heeft een storing.",
                            "Sinds gisteren kan ik niet inloggen bij de bank."]
    assert bank["answers"] == ["De bank zegt dat het maandag 30 november weer werkt."]
    assert bank["facts"] == {"when": "maandag 30 november"}
    assert money["kind"] == "cannot_pay" and "answers" in money  # general answers
    assert data["promise"] == {"requires": {"open_questions": 2, "invoice_named": True,
                                            "understanding": False, "deal": False}}
    replies = data["replies"]
    assert replies["opening"] == ["Goedemorgen, Smit Installatietechniek, met Smit."]
    assert replies["promise"] == ["Goed, dan maak ik {amount} over op {date}."]
    assert replies["closing"] == ["Fijne dag."]
    assert "defensive" in replies  # required: from defaults.yml, no angry line in the call
    assert any("excuses[2].answers" in note and "replies.defensive" in note
               for note in built.notes)

    path = written(built, tmp_path)
    said = play(path, [
        ("Goedemorgen, met Sanne van Groenhof.", moves.INTRODUCE),
        ("Ik bel over factuur F2026-0240 van € 2.100,00; wilt u die deze week betalen?",
         moves.STATE_PURPOSE),
        ("Wanneer werkt de bank weer?", moves.OPEN_QUESTION),
        ("Dank u wel, fijne dag!", moves.POSITIVE_CLOSE)])
    assert said[0] == "Goedemorgen, Smit Installatietechniek, met Smit."
    assert said[2] in bank["says"]
    assert "maandag 30 november" in said[3]
    assert said[4] == "Fijne dag."


def test_an_excuse_that_comes_back_joins_the_first_one():
    text = CALL + ("Incasseerder: En waarom is het nog niet betaald?\n"
                   "Debiteur: Zoals gezegd, de bank doet het nog steeds niet.\n")
    bank = build(text).data["excuses"][0]
    assert [e["kind"] for e in build(text).data["excuses"]] == ["excuse_bank_problem",
                                                                "cannot_pay"]
    assert bank["answers"][-1] == "Zoals gezegd, de bank doet het nog steeds niet."


def test_anger_makes_a_hostile_persona_with_the_callers_own_defensive_lines(tmp_path):
    text = ("Incasseerder: Goedemorgen, ik bel over uw factuur.\n"
            "Debiteur: Dit is belachelijk, jullie bellen nu al voor de derde keer.\n"
            "Incasseerder: Kunt u vandaag betalen?\n"
            "Debiteur: Schandalig hoe jullie met klanten omgaan.\n"
            "Debiteur: En we wachten zelf nog op onze opdrachtgever.\n")
    built = build(text, "DEMO-2")
    assert built.data["persona"]["attitude"] == "hostile"
    assert built.data["persona"]["important_customer"] is True  # from the case
    assert [e["kind"] for e in built.data["excuses"]] == ["express_anger",
                                                          "excuse_waiting_for_customer"]
    assert built.data["replies"]["defensive"] == [
        "Dit is belachelijk, jullie bellen nu al voor de derde keer.",
        "Schandalig hoe jullie met klanten omgaan."]
    assert built.data["replies"]["opening"] == [
        "{company}, goedemorgen.", "Met {company}, goedemorgen. Waar gaat het over?"]
    said = play(written(built, tmp_path),
                [("Betaal nu, of de deurwaarder komt.", moves.THREATEN)])
    assert said[0] == "Bouwbedrijf Van Leeuwen B.V., goedemorgen."
    assert said[1] in built.data["replies"]["defensive"]


def test_two_vague_promises_make_an_evasive_persona():
    text = ("Incasseerder: Ik bel over factuur F2026-0081.\n"
            "Debiteur: Ik zal het aan mijn boekhouder doorgeven.\n"
            "Incasseerder: Wanneer betaalt u?\n"
            "Debiteur: Ik zal kijken wat ik kan doen.\n")
    data = build(text, "DEMO-1").data
    assert data["persona"]["attitude"] == "evasive"
    assert data["excuses"] == [{
        "kind": "promise_vague", "says": ["Ik zal het aan mijn boekhouder doorgeven."],
        "answers": ["Ik zal kijken wat ik kan doen."]}]
    assert data["replies"]["promise"] == ["Goed, afgesproken: {amount} op {date}."]


def test_the_id_is_a_slug_of_the_title_and_braces_in_the_call_are_no_fields():
    text = "Incasseerder: Hallo?\nDebiteur: Onze bank {storing} ligt eruit.\n"
    built = build(text, title="Bankstoring — Smit Installatietechniek")
    assert built.data["id"] == "bankstoring-smit-installatietechniek"
    assert built.data["title"] == "Bankstoring — Smit Installatietechniek"
    assert built.data["excuses"][0]["says"] == ["Onze bank (storing) ligt eruit."]
    assert slug("Één € factuur!") == "een-factuur"


@pytest.mark.parametrize(("text", "case", "error", "message"), [
    ("Incasseerder: Goedemorgen.\nDebitor: Hallo.\n", "DEMO-1", TranscriptError, "regel 2"),
    ("Incasseerder: Goedemorgen.\nIncasseerder: Hallo?\n", "DEMO-1", FromTranscriptError,
     "geen regels van de debiteur"),
    (CALL, "DEMO-99", FromTranscriptError, "Dossier 'DEMO-99' staat niet"),
    ("Incasseerder: Goedemorgen.\nDebiteur: Goedemorgen.\n", "DEMO-1", FromTranscriptError,
     "geen van de regels van de debiteur is een smoesje"),
])
def test_refusals_say_why_in_dutch(text, case, error, message):
    with pytest.raises(error) as raised:
        build(text, case)
    assert message.lower() in str(raised.value).lower()


@pytest.mark.parametrize(("content", "case", "message"), [
    ("Incasseerder: Goedemorgen.\nklant: Hallo.\n", "DEMO-1", "regel 2"),
    (CALL, "DEMO-99", "DEMO-99"),
    ("Incasseerder: Goedemorgen.\n", "DEMO-1", "geen regels van de debiteur"),
])
def test_the_command_refuses_before_loading_the_model(tmp_path, monkeypatch, capsys,
                                                      content, case, message):
    monkeypatch.setattr(roleplay_cli, "_classifier", None)  # must not be reached
    path = tmp_path / "gesprek.txt"
    path.write_text(content, encoding="utf-8")
    assert cli.main(["scenario-from-transcript", str(path), "--case", case]) == 1
    out = capsys.readouterr()
    assert message in out.err and out.out == ""


def test_the_command_does_not_overwrite_a_file(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(roleplay_cli, "_classifier", None)
    out = tmp_path / "bestaat.yml"
    out.write_text("id: x\n", encoding="utf-8")
    path = TRANSCRIPTS / "wachten-op-klant-demo-3.txt"
    assert cli.main(["scenario-from-transcript", str(path), "--case", "DEMO-3",
                     "--out", str(out)]) == 1
    assert "bestaat al" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "id: x\n"


def test_a_real_call_with_the_trained_model(trained_model, tmp_path, monkeypatch, capsys):
    """The command on a transcript file, classified by the trained model: printed, the
    YAML alone is on stdout; written, it loads and plays; a second file with the same id
    in that folder is refused."""
    load = functools.lru_cache(roleplay_cli._classifier)  # the model, loaded once
    monkeypatch.setattr(roleplay_cli, "_classifier", load)
    path = TRANSCRIPTS / "wachten-op-klant-demo-3.txt"
    args = ["scenario-from-transcript", str(path), "--case", "DEMO-3",
            "--model", str(trained_model)]

    assert cli.main(args) == 0
    data = yaml.safe_load(capsys.readouterr().out)
    assert data["case"] == "DEMO-3" and data["persona"]["name"] == "de heer Hoekstra"
    kinds = [e["kind"] for e in data["excuses"]]
    assert kinds[0] == "excuse_waiting_for_customer" and "cannot_pay" in kinds
    assert data["excuses"][0]["says"][0].startswith("Ja, dat weet ik. Maar wij wachten")

    out = tmp_path / "scenarios" / "uit-gesprek.yml"
    assert cli.main([*args, "--title", "Hoekstra wacht op zijn klant", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "Scenario 'hoekstra-wacht-op-zijn-klant' geschreven" in printed
    scenario = load_scenario(out)
    assert scenario.id == "hoekstra-wacht-op-zijn-klant"
    assert scenario.excuses[0].kind == "excuse_waiting_for_customer"
    said = play(out, [
        ("Goedemorgen, met Sanne van Groenhof Interieur.", moves.INTRODUCE),
        ("Ik bel over factuur INV-4471 van € 2.180,00; kunt u die deze week betalen?",
         moves.STATE_PURPOSE),
        ("Wat is er aan de hand met die klant?", moves.OPEN_QUESTION)])
    assert said[0] == "Goedemorgen, met Hoekstra."
    assert said[2] in scenario.excuses[0].says

    again = tmp_path / "scenarios" / "nog-een.yml"
    assert cli.main([*args, "--title", "Hoekstra wacht op zijn klant", "--out",
                     str(again)]) == 1
    assert "staat al in uit-gesprek.yml" in capsys.readouterr().err and not again.exists()
