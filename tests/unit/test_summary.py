"""End of call: agreements, the confirmation e-mail and the follow-up plan."""
import datetime as dt
from decimal import Decimal

from bot.coach.call import Agreement, CallState
from bot.coach.summary import summarise_call

from unit_constants import TODAY, is_open

D = dt.date


def plain(text: str) -> str:
    return text.replace("\xa0", " ")


def state_with(*agreements: Agreement) -> CallState:
    state = CallState(case_id="DEMO-1")
    for agreement in agreements:
        state.agree_to(agreement)
    return state


def test_summary_lists_each_amount_and_date(sample_cases, playbook):
    state = state_with(Agreement(D(2026, 11, 27), Decimal("1000.00"), "deel 1", "debtor"),
                       Agreement(D(2026, 12, 11), Decimal("1450.00"), "deel 2", "debtor"))
    summary = summarise_call(state, sample_cases["DEMO-1"], TODAY, playbook)
    text = plain(summary.summary)
    assert "€ 1.000,00 uiterlijk vrijdag 27 november 2026" in text
    assert "€ 1.450,00 uiterlijk vrijdag 11 december 2026" in text
    assert [a["amount"] for a in summary.agreements] == [1000.0, 1450.0]


def test_confirmation_email(sample_cases, playbook):
    state = state_with(Agreement(D(2026, 11, 27), Decimal("2450.00"), "alles", "debtor"))
    summary = summarise_call(state, sample_cases["DEMO-1"], TODAY, playbook)
    body = plain(summary.email_body)
    assert body.startswith("Geachte mevrouw De Vries,")
    assert "F2026-0081" in body and "F2026-0087" in body
    assert "€ 2.450,00 uiterlijk vrijdag 27 november 2026" in body
    assert "maandag 23 november 2026" in body        # the date of the call
    assert "F2026-0081" in summary.email_subject and "Bloemisterij De Vries" in summary.email_subject


def test_email_salutation_for_a_man(sample_cases, playbook):
    summary = summarise_call(CallState(case_id="DEMO-3"), sample_cases["DEMO-3"], TODAY, playbook)
    assert summary.email_body.startswith("Geachte heer Hoekstra,")


def test_follow_up_checks_each_date_and_calls_back_the_next_business_day(sample_cases, playbook):
    state = state_with(Agreement(D(2026, 11, 27), Decimal("1000.00"), "deel 1", "debtor"),
                       Agreement(D(2026, 12, 24), Decimal("1450.00"), "deel 2", "debtor"))
    follow_up = summarise_call(state, sample_cases["DEMO-1"], TODAY, playbook).follow_up
    checks = [(f.date, plain(f.action)) for f in follow_up if f.action.startswith("controleer")]
    calls = [f.date for f in follow_up if "bel" in f.action and "bedanken" in f.action]
    assert checks == [(D(2026, 11, 27), "controleer of € 1.000,00 is ontvangen"),
                      (D(2026, 12, 24), "controleer of € 1.450,00 is ontvangen")]
    # Friday 27/11 → Monday 30/11; Thursday 24/12 → past Kerst and the weekend → Monday 28/12.
    assert calls == [D(2026, 11, 30), D(2026, 12, 28)]
    assert [f.date for f in follow_up] == sorted(f.date for f in follow_up)
    assert all(is_open(f.date) for f in follow_up)


def test_follow_up_for_a_weekend_date_checks_on_the_next_business_day(sample_cases, playbook):
    state = state_with(Agreement(D(2026, 12, 26), Decimal("2450.00"), "alles", "debtor"))
    follow_up = summarise_call(state, sample_cases["DEMO-1"], TODAY, playbook).follow_up
    assert [f.date for f in follow_up] == [D(2026, 12, 28), D(2026, 12, 29)]


def test_follow_up_covers_every_instalment(sample_cases, playbook):
    parts = ((D(2026, 11, 25), Decimal("1225.00")), (D(2026, 12, 28), Decimal("1225.00")))
    state = state_with(Agreement(D(2026, 12, 28), Decimal("2450.00"), "regeling", "proposal",
                                 parts))
    summary = summarise_call(state, sample_cases["DEMO-1"], TODAY, playbook)
    checks = [f.date for f in summary.follow_up if f.action.startswith("controleer")]
    assert checks == [D(2026, 11, 25), D(2026, 12, 28)]
    assert plain(summary.summary).count("€ 1.225,00") == 2


def test_summary_without_agreements_says_so_and_plans_a_call(sample_cases, playbook):
    summary = summarise_call(CallState(case_id="DEMO-1"), sample_cases["DEMO-1"], TODAY, playbook)
    assert summary.summary == playbook.messages["nothing_agreed"]
    assert "geen concrete afspraken" in summary.summary
    assert summary.agreements == ()
    assert len(summary.follow_up) == 1
    assert summary.follow_up[0].date == D(2026, 11, 25)   # two business days after Monday
    assert "bel opnieuw" in summary.follow_up[0].action
    assert "bevestig ik hierbij" not in summary.email_body
    assert summary.email_body.startswith("Geachte mevrouw De Vries,")


def test_summary_without_case_uses_neutral_words(playbook):
    summary = summarise_call(CallState(), None, TODAY, playbook)
    assert summary.email_body.startswith("Geachte heer, mevrouw,")
    assert "[factuurnummer]" in summary.email_body
    assert "staat factuur" in summary.email_body


def test_summary_payload(sample_cases, playbook):
    state = state_with(Agreement(D(2026, 11, 27), None, "iets", "debtor"))
    payload = summarise_call(state, sample_cases["DEMO-1"], TODAY, playbook).to_payload()
    assert payload["type"] == "summary"
    assert set(payload["email"]) == {"subject", "body"}
    assert payload["follow_up"][0] == {"date": "2026-11-27",
                                       "action": "controleer of de betaling is ontvangen"}
