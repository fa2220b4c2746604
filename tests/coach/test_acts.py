"""A collector's line read act by act: the summary and the announced confirmation in one
line both count, and a tip quotes the sentence it is about."""
from __future__ import annotations

import datetime as dt

import pytest

from bot.coach.roleplay import turns as moves
from bot.coach.roleplay.acts import split_acts
from bot.coach.roleplay.scorecard import score
from bot.coach.roleplay.transcript import transcript_turns
from bot.coach.roleplay.turns import values_in


@pytest.mark.parametrize("text, acts", [
    ("Dus nog even op een rijtje: u betaalt € 500 op vrijdag 4 december. Ik stuur u vandaag "
     "een bevestiging per mail.",
     ["Dus nog even op een rijtje: u betaalt € 500 op vrijdag 4 december.",
      "Ik stuur u vandaag een bevestiging per mail."]),
    ("Snap ik hoor, vervelend. Wanneer kunt u dan betalen?",
     ["Snap ik hoor, vervelend.", "Wanneer kunt u dan betalen?"]),
    ("Oké. Wat is er precies gebeurd met die betaling?",
     ["Oké. Wat is er precies gebeurd met die betaling?"]),
    ("Het gaat om 1.000 euro. Kunt u dat bijv. morgen doen?",
     ["Het gaat om 1.000 euro.", "Kunt u dat bijv. morgen doen?"]),
    ("Prima! Dank u wel. Fijne dag.", ["Prima! Dank u wel. Fijne dag."]),
    ("Ja.", ["Ja."]),
    ("  ", [""]),
])
def test_a_line_splits_into_sentences_and_short_pieces_stay_with_the_next(text, acts):
    assert split_acts(text) == acts


KEYWORDS = [("rijtje", moves.SUMMARISE), ("bevestiging", moves.ANNOUNCE_CONFIRMATION),
            ("gebeurd", moves.OPEN_QUESTION), ("hoe ", moves.OPEN_QUESTION),
            ("rente", moves.OFFER_CONCESSION), ("factuur", moves.STATE_PURPOSE)]


def classify(text: str, speaker: str) -> tuple[str, dict[str, list]]:
    """Keyword rules standing in for the model, so the test is about the splitting; the
    values come from the real value finder."""
    values = values_in(text, dt.date(2026, 11, 23))
    if speaker != "collector":
        return "excuse_bank_problem", values
    lowered = text.lower()
    return next((intent for word, intent in KEYWORDS if word in lowered), ""), values


TRANSCRIPT = """Incasseerder: Goedemiddag, ik bel over factuur F2026-0081 van 1.000 euro.
Debiteur: De bank heeft een storing.
Incasseerder: Wat is er gebeurd? En hoe lang duurt dat nog?
Debiteur: Tot vrijdag.
Incasseerder: Dus nog even op een rijtje: u betaalt 1.000 euro op vrijdag 27 november. Ik stuur u vandaag een bevestiging per mail.
"""  # noqa: E501 - a transcript line is as long as it was said


def test_every_act_of_a_transcript_line_counts():
    turns = transcript_turns(TRANSCRIPT, classify)
    collector = [t.intent for t in turns if t.speaker == "collector"]
    assert collector == [moves.STATE_PURPOSE, moves.OPEN_QUESTION, moves.OPEN_QUESTION,
                         moves.SUMMARISE, moves.ANNOUNCE_CONFIRMATION]
    card = score(turns)
    for key in ("open_questions", "summarised", "confirmation"):
        assert card.result(key).passed, key


def test_a_tip_quotes_the_sentence_not_the_whole_line():
    text = ("Incasseerder: Ik bel over factuur F2026-0081. Weet u wat, dan laten we de rente "
            "vallen.\nDebiteur: Fijn.")
    card = score(transcript_turns(text, classify))
    tip = card.result("concession_return").tip
    assert "“Weet u wat, dan laten we de rente vallen.”" in tip
    assert "F2026-0081" not in tip.split("”")[0]
