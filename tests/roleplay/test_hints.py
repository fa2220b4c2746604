"""Hint mode: a short, concrete suggestion after each trainee line."""
from __future__ import annotations

import pytest

from bot.coach.roleplay import turns as moves
from bot.coach.roleplay.hints import hint
from bot.coach.roleplay.tips import Example

from .conftest import collector

EXAMPLE = Example("F2026-0081", "€ 1.000,00", "donderdag 26 november")


@pytest.mark.parametrize("text,intent,expected", [
    ("Kunt u het zo snel mogelijk betalen?", moves.VAGUE_PROPOSAL,
     "“Kunt u € 1.000,00 uiterlijk donderdag 26 november overmaken?”"),
    ("Als u niet betaalt, komt de deurwaarder.", moves.THREATEN, "Toon eerst begrip"),
    ("Ik laat de rente wel vallen.", moves.OFFER_CONCESSION, "“Als u …, dan kan ik …”"),
    ("Heeft u de factuur ontvangen?", moves.CLOSED_QUESTION, "open vraag"),
    ("Ik bel over factuur F2026-0081 van € 1.000.", moves.STATE_PURPOSE, "Noem ook de termijn"),
    ("Kunt u vrijdag 27 november betalen?", moves.CONCRETE_PROPOSAL, "er ontbreekt nog een bedrag"),
    ("Samengevat: u betaalt vrijdag 27 november € 1.000.", moves.SUMMARISE,
     "schriftelijk bevestigt"),
])
def test_hint_says_what_would_work_better(text, intent, expected):
    assert expected in hint([collector(text, intent)], EXAMPLE, promised=False)


def test_concrete_proposal_before_open_questions_suggests_asking_first():
    turns = [collector("Kunt u € 1.000 op vrijdag 27 november betalen?", moves.CONCRETE_PROPOSAL)]
    assert "Vraag eerst" in hint(turns, EXAMPLE, promised=False)
    asked = [collector("Wat is er gebeurd?", moves.OPEN_QUESTION),
             collector("Hoe lossen we het op?", moves.OPEN_QUESTION)] + turns
    assert "Vraag eerst" not in hint(asked, EXAMPLE, promised=False)


def test_close_after_a_promise_without_summary_is_pointed_out():
    turns = [collector("Dank u wel, fijne dag!", moves.POSITIVE_CLOSE)]
    assert "vat de afspraak" in hint(turns, EXAMPLE, promised=True)
    assert "Mooi afgesloten." in hint(turns, EXAMPLE, promised=False)
