"""The preparation brief shown when a call starts."""
import datetime as dt
import json

import pytest

from bot.coach.brief import preparation_brief
from bot.coach.business_days import add_business_days

from unit_constants import DEMO_IDS, TODAY


def plain(text: str) -> str:
    return text.replace("\xa0", " ")


@pytest.fixture
def demo_1_brief(sample_cases, playbook):
    return preparation_brief(sample_cases["DEMO-1"], TODAY, playbook)


def test_brief_names_both_invoices_balance_and_reminder(demo_1_brief):
    text = plain(demo_1_brief.to_text())
    assert "F2026-0081" in text and "F2026-0087" in text
    assert "€ 1.000,00" in text and "€ 1.450,00" in text
    assert "Openstaand saldo: € 2.450,00" in text
    assert "herinnering op 28 oktober 2026" in text
    assert "40 dagen te laat" in text and "33 dagen te laat" in text
    assert "mevrouw De Vries" in text


def test_brief_goal_has_amount_and_a_business_day_deadline(demo_1_brief):
    # Standard profile: 5 business days after Monday 23 November = Monday 30 November.
    assert demo_1_brief.deadline == dt.date(2026, 11, 30)
    assert plain(demo_1_brief.goal).startswith("€ 2.450,00 uiterlijk maandag 30 november 2026")
    assert demo_1_brief.profile == "standard"
    assert demo_1_brief.balance == 2450.0


def test_brief_opening_line_introduces_the_call(demo_1_brief):
    opening = plain(demo_1_brief.opening)
    assert opening.startswith("Goedemorgen mevrouw De Vries")
    assert "F2026-0081 en F2026-0087" in opening
    assert "€ 2.450,00" in opening
    assert "maandag 30 november 2026" in opening


def test_brief_call_moments(demo_1_brief):
    moments = demo_1_brief.call_moments
    assert "tussen 9.30 en 11.30 uur" in moments[0]
    assert "13.30 en 15.30" in moments[0]
    assert "maandag 23 november 2026" in moments[-1]   # today is a good Monday


def test_next_good_call_day_after_christmas_eve(sample_cases, playbook):
    """From Thursday 24 December the next Monday–Wednesday business day is Monday 28th."""
    brief = preparation_brief(sample_cases["DEMO-1"], dt.date(2026, 12, 24), playbook)
    assert "maandag 28 december 2026" in brief.call_moments[-1]


def test_brief_for_the_strict_case_mentions_costs_and_history(sample_cases, playbook):
    brief = preparation_brief(sample_cases["DEMO-3"], TODAY, playbook)
    text = plain(brief.to_text())
    assert brief.profile == "strict"
    assert brief.deadline == add_business_days(TODAY, 2) == dt.date(2026, 11, 25)
    assert "plus € 206,56 kosten en rente" in text
    assert "2 niet" in text
    assert "leveringsstop" in text
    assert "ingebrekestelling op 27 oktober 2026" in text


def test_brief_shows_open_complaint(sample_cases, playbook):
    text = preparation_brief(sample_cases["DEMO-4"], TODAY, playbook).to_text()
    assert "VF-26-0312" in text and "nog open" in text


@pytest.mark.parametrize("case_id", ["DEMO-2", "DEMO-3", "DEMO-6"])
def test_opening_line_addresses_a_man_correctly(sample_cases, playbook, case_id):
    """'de heer X' is for letters and third person; spoken it is 'meneer X'.
    'Goedemorgen de heer Hoekstra' is not Dutch a collector would say."""
    case = sample_cases[case_id]
    surname = case.contact.name.split()[-1]
    opening = preparation_brief(case, TODAY, playbook).opening
    assert surname in opening
    assert "Goedemorgen de heer" not in opening


@pytest.mark.parametrize("case_id", DEMO_IDS)
def test_brief_payload_is_json(sample_cases, playbook, case_id):
    payload = preparation_brief(sample_cases[case_id], TODAY, playbook).to_payload()
    decoded = json.loads(json.dumps(payload))
    assert decoded["type"] == "brief" and decoded["case_id"] == case_id
    texts = [*decoded["facts"], decoded["goal"], decoded["opening"], *decoded["call_moments"]]
    assert not any("{" in t or "}" in t for t in texts)


def test_brief_without_case_is_generic(playbook):
    brief = preparation_brief(None, TODAY, playbook)
    assert brief.case_id == ""
    assert "zonder dossier" in brief.title
    assert "€" not in brief.to_text()
    assert brief.deadline == dt.date(2026, 11, 30)
    assert brief.opening.startswith("Goedemorgen, u spreekt met")
