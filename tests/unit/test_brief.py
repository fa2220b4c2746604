"""The preparation brief shown when a call starts."""
import dataclasses
import datetime as dt
import json
import re
from decimal import Decimal

import pytest

from bot.coach.brief import BriefHistory, preparation_brief
from bot.coach.business_days import add_business_days
from bot.coach.ledger import Payment, Promise, PromiseState
from bot.coach.settings import SETTINGS_PATH, load_settings

from unit_constants import DEMO_IDS, TODAY

MORNING = dt.datetime(2026, 11, 23, 9, 45)


def plain(text: str) -> str:
    return text.replace("\xa0", " ")


@pytest.fixture
def demo_1_brief(sample_cases, playbook):
    return preparation_brief(sample_cases["DEMO-1"], TODAY, playbook, now=MORNING)


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
    assert opening.startswith("Goedemorgen mevrouw De Vries, u spreekt met Sanne de Wit van "
                              "Groenhof Interieur.")     # settings; nobody says "B.V." aloud
    assert "de facturen F2026-0081 en F2026-0087, samen € 2.450,00" in opening
    assert "waarvan de oudste sinds woensdag 14 oktober 2026 openstaat" in opening
    assert "maandag 30 november 2026" in opening
    assert "[" not in opening and not re.search(r"\bopenstaan\b", opening)


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
    opening = preparation_brief(case, TODAY, playbook, now=MORNING).opening
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
    brief = preparation_brief(None, TODAY, playbook, now=MORNING)
    assert brief.case_id == ""
    assert "zonder dossier" in brief.title
    assert "€" not in brief.to_text()
    assert brief.deadline == dt.date(2026, 11, 30)
    assert brief.opening.startswith("Goedemorgen, u spreekt met")


@pytest.mark.parametrize("hour, minute, greeting", [
    (8, 0, "Goedemorgen"), (11, 59, "Goedemorgen"), (12, 0, "Goedemiddag"),
    (17, 59, "Goedemiddag"), (18, 0, "Goedenavond"), (20, 30, "Goedenavond")])
def test_opening_greets_by_the_time_of_day(sample_cases, playbook, hour, minute, greeting):
    now = dt.datetime(2026, 11, 23, hour, minute)
    for case in (sample_cases["DEMO-1"], None):
        opening = preparation_brief(case, TODAY, playbook, now=now).opening
        assert opening.startswith(greeting), opening


def test_opening_uses_the_pinned_clock(sample_cases, playbook, monkeypatch):
    monkeypatch.setenv("INCASSO_NOW", "2026-11-23T14:10")
    assert preparation_brief(sample_cases["DEMO-1"], TODAY, playbook).opening.startswith(
        "Goedemiddag mevrouw De Vries")


def test_opening_names_the_collector_and_the_company_from_settings(sample_cases, playbook):
    settings = dataclasses.replace(load_settings(SETTINGS_PATH), company="Bakkerij Zoet B.V.")
    opening = preparation_brief(sample_cases["DEMO-1"], TODAY, playbook, settings=settings,
                                now=MORNING, collector="Tom Verhoeven").opening
    assert "u spreekt met Tom Verhoeven van Bakkerij Zoet." in opening
    generic = preparation_brief(None, TODAY, playbook, settings=settings, now=MORNING).opening
    assert generic.startswith("Goedemorgen, u spreekt met Sanne de Wit van Bakkerij Zoet.")


def test_opening_for_one_invoice_says_it_is_open_since_its_due_date(sample_cases, playbook):
    opening = plain(preparation_brief(sample_cases["DEMO-6"], TODAY, playbook, now=MORNING).opening)
    assert ("over factuur 20261342 van € 385,20, die sinds dinsdag 20 oktober 2026 "
            "openstaat.") in opening
    assert "oudste" not in opening and "samen" not in opening


def state(case_id, day, amount, status, paid="0.00", made=None, plan=None, pid=1):
    promise = Promise(id=pid, case_id=case_id, call_id="call-0", date=day, amount=Decimal(amount),
                      source="debtor", line="", plan=plan,
                      created_at=dt.datetime.combine(made, dt.time(10, 0)) if made else None)
    return PromiseState(promise=promise, status=status, paid=Decimal(paid),
                        due_by=add_business_days(day, 2))


def payment(case_id, day, amount, reference=""):
    return Payment(id=None, case_id=case_id, date=day, amount=Decimal(amount), reference=reference)


@pytest.fixture
def demo_1_history():
    return BriefHistory(
        calls=((dt.datetime(2026, 11, 9, 10, 15), "Sanne de Wit", "betaalafspraak gemaakt"),
               (dt.datetime(2026, 11, 16, 14, 5), "", "geen gehoor")),
        promises=(state("DEMO-1", dt.date(2026, 11, 13), "1000.00", "kept", "1000.00",
                        made=dt.date(2026, 11, 9), pid=1),
                  state("DEMO-1", dt.date(2026, 11, 18), "500.00", "broken",
                        made=dt.date(2026, 11, 9), pid=2),
                  state("DEMO-1", dt.date(2026, 12, 4), "950.00", "open", pid=3),
                  state("DEMO-1", dt.date(2026, 12, 11), "100.00", "cancelled", pid=4)),
        payments=(payment("DEMO-1", dt.date(2026, 11, 12), "1000.00", "F2026-0081"),))


def test_brief_shows_calls_promises_and_payments(sample_cases, playbook, demo_1_history):
    brief = preparation_brief(sample_cases["DEMO-1"], TODAY, playbook, now=MORNING,
                              history=demo_1_history)
    facts = [plain(f) for f in brief.facts]
    calls = next(f for f in facts if f.startswith("Gesprekken:"))
    assert calls.index("16 november 2026 om 14.05 uur: geen gehoor") < calls.index(
        "9 november 2026 om 10.15 uur (Sanne de Wit): betaalafspraak gemaakt")  # newest first
    promises = next(f for f in facts if f.startswith("Toezeggingen:"))
    assert ("€ 1.000,00 voor 13 november 2026: nagekomen; € 500,00 voor 18 november 2026: "
            "niet nagekomen; € 950,00 voor 4 december 2026: openstaand; € 100,00 voor "
            "11 december 2026: vervallen") in promises
    assert "Betalingen: € 1.000,00 op 12 november 2026 (F2026-0081)" in facts
    assert "Openstaand saldo: € 1.450,00 (€ 1.000,00 van € 2.450,00 ontvangen)" in facts
    assert brief.balance == 1450.0
    assert plain(brief.goal).startswith("€ 1.450,00 uiterlijk")


def test_a_broken_promise_makes_the_brief_strict_and_the_opening_names_it(
        sample_cases, playbook, demo_1_history):
    brief = preparation_brief(sample_cases["DEMO-1"], TODAY, playbook, now=MORNING,
                              history=demo_1_history)
    assert brief.profile == "strict"                      # DEMO-1 alone is standard
    assert brief.deadline == add_business_days(TODAY, playbook.profiles["strict"].pay_within_days)
    opening = plain(brief.opening)
    assert ("Op 9 november 2026 hebt u ons € 500,00 toegezegd voor 18 november 2026; "
            "dat is niet binnengekomen.") in opening
    assert "Daarvan staat nog € 1.450,00 open." in opening
    assert "houding: streng" in brief.goal


def test_opening_names_the_latest_partly_kept_promise(sample_cases, playbook):
    history = BriefHistory(promises=(
        state("DEMO-6", dt.date(2026, 11, 2), "100.00", "broken", pid=1),
        state("DEMO-6", dt.date(2026, 11, 16), "385.20", "partly_kept", "200.00", pid=2)))
    brief = preparation_brief(sample_cases["DEMO-6"], TODAY, playbook, now=MORNING,
                              history=history)
    opening = plain(brief.opening)
    assert ("U hebt ons € 385,20 toegezegd voor 16 november 2026; daarvan is maar € 200,00 "
            "binnengekomen.") in opening
    assert "€ 100,00" not in opening
    assert "deels nagekomen, € 200,00 ontvangen" in plain(" ".join(brief.facts))
    assert brief.profile == "strict"


def test_kept_and_open_promises_do_not_make_the_brief_strict(sample_cases, playbook):
    history = BriefHistory(promises=(
        state("DEMO-1", dt.date(2026, 11, 13), "1000.00", "kept", "1000.00", pid=1),
        state("DEMO-1", dt.date(2026, 12, 4), "1450.00", "open", pid=2)))
    brief = preparation_brief(sample_cases["DEMO-1"], TODAY, playbook, now=MORNING,
                              history=history)
    assert brief.profile == "standard"
    assert "toegezegd" not in brief.opening


def test_empty_history_says_so(sample_cases, playbook):
    facts = preparation_brief(sample_cases["DEMO-1"], TODAY, playbook, now=MORNING,
                              history=BriefHistory()).facts
    assert {"Gesprekken: nog geen", "Toezeggingen: geen",
            "Betalingen: nog niets ontvangen"} <= set(facts)
    without = preparation_brief(sample_cases["DEMO-1"], TODAY, playbook, now=MORNING).facts
    assert not any(f.startswith("Gesprekken") for f in without)


@pytest.mark.parametrize("case_id", DEMO_IDS)
def test_goal_has_no_nested_brackets_and_no_placeholders(sample_cases, playbook, case_id):
    brief = preparation_brief(sample_cases[case_id], TODAY, playbook, now=MORNING)
    depth = 0
    for char in brief.goal:
        depth += {"(": 1, ")": -1}.get(char, 0)
        assert depth <= 1, brief.goal
    for text in (brief.goal, brief.opening, *brief.facts):
        assert not re.search(r"\[[^\]]*\]", text), text
