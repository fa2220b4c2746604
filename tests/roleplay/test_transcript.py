"""Scoring a real call transcript: parsing, clear errors with line numbers, and the same
scorecard as a role-play."""
from __future__ import annotations

import pytest

from bot.coach.roleplay import turns as moves
from bot.coach.roleplay.scorecard import score
from bot.coach.roleplay.transcript import TranscriptError, parse_transcript, transcript_turns
from bot.coach.roleplay.turns import COLLECTOR, DEBTOR, values_in

from .conftest import TODAY

WELL_FORMED = """\
Incasseerder: Goedemorgen, u spreekt met Sanne van Groenhof Interieur.
Debiteur: Goedemorgen, met De Vries.
Incasseerder: Ik bel over factuur F2026-0081 van € 1.000; ik wil die uiterlijk vrijdag 27 november ontvangen.
Debiteur: Die factuur heb ik nooit gehad.

Incasseerder: Wat vervelend dat hij u niet heeft bereikt.
Incasseerder: Op welk adres kan ik hem het beste sturen?
debiteur: Naar a.devries@example.nl graag.
Incasseerder: Hoe gaat u de betaling dan inplannen?
Debiteur: Ik kan het deze week nog doen.
Incasseerder: Kunt u € 1.000 uiterlijk vrijdag 27 november overmaken?
Debiteur: Ja, dat is goed.
Incasseerder: Even samengevat: u betaalt € 1.000 op vrijdag 27 november.
Incasseerder: Ik stuur u vandaag een mail met deze afspraak.
Incasseerder: Dank u wel en nog een fijne dag!
"""  # noqa: E501 (a transcript line must stay one line)

# What a model would say about each line; the slow test below uses the real one.
INTENTS = {
    "Goedemorgen, u spreekt": moves.INTRODUCE, "Goedemorgen, met": "greet",
    "Ik bel over": moves.STATE_PURPOSE, "Die factuur heb": "excuse_invoice_not_received",
    "Wat vervelend": moves.SHOW_UNDERSTANDING, "Op welk adres": moves.OPEN_QUESTION,
    "Naar a.devries": "ask_invoice_details", "Hoe gaat u": moves.OPEN_QUESTION,
    "Ik kan het deze": "promise_vague", "Kunt u": moves.CONCRETE_PROPOSAL,
    "Ja, dat is goed": "affirm", "Even samengevat": moves.SUMMARISE,
    "Ik stuur u": moves.ANNOUNCE_CONFIRMATION, "Dank u wel": moves.POSITIVE_CLOSE,
}


def classify(text: str, speaker: str) -> tuple[str, dict]:
    intent = next(i for start, i in INTENTS.items() if text.startswith(start))
    return intent, values_in(text, TODAY)


def test_well_formed_transcript_is_parsed_line_by_line():
    lines = parse_transcript(WELL_FORMED)
    assert len(lines) == 14
    assert [line.speaker for line in lines[:4]] == [COLLECTOR, DEBTOR, COLLECTOR, DEBTOR]
    assert lines[4].number == 6  # blank lines are skipped, numbers stay those of the file
    assert lines[6].speaker == DEBTOR  # labels are case-insensitive


def test_well_formed_transcript_scores_like_a_roleplay(trainer):
    card, turns = trainer.score_transcript(WELL_FORMED, classify, trainee="Sanne",
                                           case_id="DEMO-1", today=TODAY)
    assert card.total == 100, card.to_text()
    assert turns[2].entities == {"invoice_number": ["F2026-0081"], "amount": [1000.0],
                                 "date": ["2026-11-27"]}
    assert [r.scenario for r in trainer.history.sessions("Sanne")] == ["transcript"]


def test_transcript_without_a_trainee_is_not_stored(trainer):
    trainer.score_transcript(WELL_FORMED, classify, today=TODAY)
    assert trainer.history.trainees() == []


@pytest.mark.parametrize("text,message", [
    ("Incasseerder: Goedemorgen.\nKlant: Hallo?\n",
     "regel 2: begint niet met 'Incasseerder:' of 'Debiteur:'"),
    ("Incasseerder: Goedemorgen.\nzonder label\nDebiteur:\n",
     "regel 2: begint niet met 'Incasseerder:' of 'Debiteur:' (“zonder label”); "
     "regel 3: na 'Debiteur:' staat geen tekst"),
    ("", "Het transcript is leeg"),
    ("\n\n   \n", "Het transcript is leeg"),
    ("Debiteur: Hallo?\nDebiteur: Is daar iemand?\n", "geen regels van de incasseerder"),
])
def test_malformed_transcript_is_refused_with_line_numbers(text, message):
    with pytest.raises(TranscriptError) as error:
        transcript_turns(text, classify)
    assert message in str(error.value)


def test_many_bad_lines_are_summarised():
    text = "\n".join(f"regel zonder spreker {i}" for i in range(9))
    with pytest.raises(TranscriptError, match=r"regel 5: .*\(en nog 4 regels\)"):
        parse_transcript(text)


@pytest.mark.slow
def test_transcript_lines_classified_by_the_trained_model(trained_model):
    from bot.nlu.model_classifier import ModelClassifier
    classifier = ModelClassifier(trained_model)
    turns = transcript_turns(WELL_FORMED, classifier.classify)
    collector_intents = [t.intent for t in turns if t.speaker == COLLECTOR]
    expected = [INTENTS[next(k for k in INTENTS if t.text.startswith(k))]
                for t in turns if t.speaker == COLLECTOR]
    agree = sum(a == b for a, b in zip(collector_intents, expected, strict=True))
    assert agree >= len(expected) - 1, list(zip(collector_intents, expected, strict=True))
    assert all(intent.startswith("collector_") for intent in collector_intents)
    assert not any(t.intent.startswith("collector_") for t in turns if t.speaker == DEBTOR)
    assert turns[2].entities == {"invoice_number": ["F2026-0081"], "amount": [1000.0],
                                 "date": ["2026-11-27"]}
    assert score(turns, today=TODAY).total >= 80


def test_score_transcript_command(tmp_path, monkeypatch, capsys):
    from types import SimpleNamespace

    from bot import cli, roleplay_cli
    monkeypatch.setattr(roleplay_cli, "_classifier",
                        lambda model: SimpleNamespace(classify=classify))
    good, bad = tmp_path / "goed.txt", tmp_path / "fout.txt"
    good.write_text(WELL_FORMED, encoding="utf-8")
    bad.write_text("Incasseerder: Goedemorgen.\nKlant: Hallo?\n", encoding="utf-8")
    assert cli.main(["score-transcript", str(good), "--trainee", "Sanne", "--case", "DEMO-1"]) == 0
    assert "Scorekaart: 100 van de 100 punten" in capsys.readouterr().out
    assert cli.main(["score-transcript", str(bad)]) == 1
    assert "regel 2: begint niet met" in capsys.readouterr().err
    assert cli.main(["score-transcript", str(tmp_path / "bestaat-niet.txt")]) == 1
