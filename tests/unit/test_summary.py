"""End of call: agreements, the e-mail to the debtor and the follow-up plan."""
import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from bot.coach.ledger import Promise
from bot.coach.settings import SETTINGS_PATH, load_settings
from bot.coach.summary import summarise_call

from unit_constants import TODAY, is_open

D = dt.date


def plain(text: str) -> str:
    return text.replace("\xa0", " ")


def promise(day: dt.date, amount: str, *, plan=None, cancelled=False, case_id="DEMO-1",
            pid=None) -> Promise:
    return Promise(id=pid, case_id=case_id, call_id="call-1", date=day, amount=Decimal(amount),
                   source="debtor", line="zoals de debiteur het zei", plan=plan,
                   cancelled_at=dt.datetime(2026, 11, 23, 10, 5) if cancelled else None)


@pytest.fixture(scope="module")
def settings():
    return load_settings(SETTINGS_PATH)


@pytest.fixture
def summarise(sample_cases, playbook, settings):
    def _summarise(*promises, case_id="DEMO-1", **kwargs):
        case = sample_cases[case_id] if case_id else None
        return summarise_call(list(promises), case, TODAY, playbook, settings, **kwargs)
    return _summarise


def test_summary_lists_each_amount_and_date_and_the_total(summarise):
    summary = summarise(promise(D(2026, 11, 27), "1000.00"), promise(D(2026, 12, 11), "1450.00"))
    text = plain(summary.summary)
    assert "€ 1.000,00 uiterlijk vrijdag 27 november 2026" in text
    assert "€ 1.450,00 uiterlijk vrijdag 11 december 2026" in text
    assert "samen € 2.450,00" in text
    assert "volledige openstaande bedrag voldaan" in text
    assert [a["amount"] for a in summary.agreements] == [1000.0, 1450.0]
    assert summary.agreements[0]["text"] == "zoals de debiteur het zei"


def test_confirmation_email_is_complete(summarise, settings):
    summary = summarise(promise(D(2026, 12, 11), "1450.00"), promise(D(2026, 11, 27), "1000.00"))
    body = plain(summary.email_body)
    subject = summary.email_subject
    assert subject.startswith("Bevestiging betalingsafspraak")
    assert "Bloemisterij De Vries" in subject and "F2026-0081" in subject
    assert body.startswith("Geachte mevrouw De Vries,")
    assert "telefoongesprek van maandag 23 november 2026" in body
    assert "We hebben afgesproken dat u het bedrag in twee delen betaalt:" in body
    # in date order, whatever order they came in
    assert body.index("€ 1.000,00 uiterlijk vrijdag 27 november") < body.index(
        "€ 1.450,00 uiterlijk vrijdag 11 december")
    assert "Samen is dat € 2.450,00." in body
    assert "Wilt u de bedragen overmaken naar IBAN" in body
    assert "Daarmee is het volledige openstaande bedrag voldaan." in body
    assert f"IBAN {settings.iban_display} (BIC {settings.bic})" in body
    assert f"ten name van {settings.company}" in body
    assert "onder vermelding van F2026-0081 en F2026-0087" in body
    assert settings.missed_payment in body
    assert settings.missed_instalment not in body          # no plan, no plan terms
    assert body.rstrip().endswith(f"{settings.sender_name}\n{settings.signature}\n"
                                  f"{settings.company}")
    assert settings.phone in body and settings.reply_to in body
    for wrong in ("[", "{", "bevestig ik", "betaling van:"):
        assert wrong not in body, wrong


def test_one_payment_reads_as_one_sentence_and_names_what_stays_open(summarise):
    summary = summarise(promise(D(2026, 11, 27), "1000.00"))
    body = plain(summary.email_body)
    assert ("We hebben afgesproken dat u € 1.000,00 uiterlijk vrijdag 27 november 2026 "
            "betaalt.") in body
    assert "Samen is dat" not in body
    assert "Wilt u het bedrag overmaken naar IBAN" in body
    assert "Daarna staat er nog € 1.450,00 open" in body
    assert "Daarna staat er nog € 1.450,00 open" in plain(summary.summary)


def test_open_balance_after_earlier_payments_is_used(summarise):
    """€ 1.000,00 came in before the call: the promise for the rest settles everything."""
    summary = summarise(promise(D(2026, 11, 27), "1450.00"), open_balance=Decimal("1450.00"))
    assert "volledige openstaande bedrag voldaan" in summary.email_body
    assert "Daarna staat" not in summary.email_body


def test_a_plan_asks_for_the_signed_arrangement_and_direct_debit(summarise, settings):
    parts = [promise(D(2026, 11, 25), "816.67", plan="regeling"),
             promise(D(2026, 12, 23), "816.67", plan="regeling"),
             promise(D(2027, 1, 25), "816.66", plan="regeling")]
    body = plain(summarise(*parts).email_body)
    assert settings.plan_conditions in body and settings.missed_instalment in body
    assert "automatische incasso" in body and "ondertekend" in body
    assert "in drie delen" in body and "Samen is dat € 2.450,00." in body


def test_collector_signs_the_email(summarise, settings):
    body = summarise(promise(D(2026, 11, 27), "2450.00"), collector="  Tom Verhoeven ").email_body
    assert "Met vriendelijke groet,\n\nTom Verhoeven\n" in body
    assert settings.sender_name not in body


def test_email_follows_the_settings(summarise, sample_cases, playbook, settings):
    other = dataclasses.replace(settings, company="Bakkerij Zoet B.V.", iban="NL02ABNA0123456789",
                                phone="010 123 45 67")
    body = summarise_call([promise(D(2026, 11, 27), "2450.00")], sample_cases["DEMO-1"], TODAY,
                          playbook, other).email_body
    assert "NL02 ABNA 0123 4567 89" in body
    assert "ten name van Bakkerij Zoet B.V." in body and "010 123 45 67" in body
    assert settings.company not in body


def test_call_date_comes_from_now(summarise):
    body = summarise(promise(D(2026, 11, 27), "2450.00"),
                     now=dt.datetime(2026, 11, 20, 15, 30)).email_body
    assert "telefoongesprek van vrijdag 20 november 2026" in body


def test_nothing_agreed_is_a_different_mail_asking_for_a_date(summarise, playbook, settings):
    summary = summarise()
    body = plain(summary.email_body)
    assert summary.email_subject == "Ons telefoongesprek over de facturen F2026-0081 en F2026-0087"
    assert "Bevestiging" not in summary.email_subject
    assert summary.summary == playbook.messages["nothing_agreed"]
    assert summary.agreements == ()
    assert "staan de facturen F2026-0081 en F2026-0087 nog open, samen € 2.450,00" in body
    assert "uiterlijk woensdag 25 november 2026 laten weten op welke datum" in body
    assert f"IBAN {settings.iban_display}" in body
    assert "afgesproken dat u" not in body and settings.missed_payment not in body
    assert len(summary.follow_up) == 1
    assert summary.follow_up[0].date == D(2026, 11, 25)   # two business days after Monday
    assert "bel opnieuw" in summary.follow_up[0].action


def test_nothing_agreed_for_one_invoice(summarise):
    summary = summarise(case_id="DEMO-6")
    assert summary.email_subject == "Ons telefoongesprek over factuur 20261342"
    assert "staat factuur 20261342 nog open; het gaat om € 385,20." in plain(summary.email_body)
    assert summary.email_body.startswith("Geachte heer Mulder,")


def test_cancelled_promises_are_left_out(summarise):
    summary = summarise(promise(D(2026, 11, 27), "2450.00", cancelled=True),
                        promise(D(2026, 12, 4), "2450.00"))
    assert [a["date"] for a in summary.agreements] == ["2026-12-04"]
    only_cancelled = summarise(promise(D(2026, 11, 27), "2450.00", cancelled=True))
    assert only_cancelled.agreements == ()
    assert only_cancelled.email_subject.startswith("Ons telefoongesprek")


def test_follow_up_checks_each_date_and_thanks_once_at_the_end(summarise):
    parts = [promise(D(2026, 11, 25), "816.67", plan="regeling"),
             promise(D(2026, 12, 24), "816.67", plan="regeling"),
             promise(D(2027, 1, 25), "816.66", plan="regeling")]
    follow_up = summarise(*parts).follow_up
    checks = [(f.date, plain(f.action)) for f in follow_up if f.action.startswith("controleer")]
    assert [c[0] for c in checks] == [D(2026, 11, 25), D(2026, 12, 24), D(2027, 1, 25)]
    assert checks[0][1].startswith("controleer of € 816,67 is ontvangen")
    assert all("bel direct terug" in action for _, action in checks)
    thanks = [f for f in follow_up if "bedanken" in f.action]
    assert len(thanks) == 1, "one thank-you call for the whole plan, not one per instalment"
    assert thanks[0].date == D(2027, 1, 26) and thanks[0] == follow_up[-1]
    assert [f.date for f in follow_up] == sorted(f.date for f in follow_up)
    assert all(is_open(f.date) for f in follow_up)


def test_payments_on_one_day_get_one_check(summarise):
    follow_up = summarise(promise(D(2026, 11, 27), "1000.00"),
                          promise(D(2026, 11, 27), "450.00")).follow_up
    checks = [plain(f.action) for f in follow_up if f.action.startswith("controleer")]
    assert len(checks) == 1 and "€ 1.450,00" in checks[0]


def test_follow_up_for_a_holiday_or_weekend_date_checks_on_the_next_business_day(summarise):
    # Saturday 26 December is Tweede Kerstdag: check on Monday, thank on Tuesday.
    follow_up = summarise(promise(D(2026, 12, 26), "2450.00")).follow_up
    assert [f.date for f in follow_up] == [D(2026, 12, 28), D(2026, 12, 29)]


def test_summary_without_case_uses_neutral_words(summarise):
    agreed = summarise(promise(D(2026, 11, 27), "500.00", case_id=""), case_id=None)
    nothing = summarise(case_id=None)
    for summary in (agreed, nothing):
        assert summary.email_body.startswith("Geachte heer, mevrouw,")
        assert "[" not in summary.email_body and "{" not in summary.email_body
        assert "het factuurnummer" in summary.email_body
    assert "Daarna staat" not in agreed.email_body   # no balance known: nothing claimed
    assert "staat uw factuur nog open" in nothing.email_body


def test_summary_payload(summarise):
    payload = summarise(promise(D(2026, 11, 27), "2450.00", pid=7)).to_payload()
    assert payload["type"] == "summary"
    assert set(payload["email"]) == {"subject", "body"}
    assert payload["agreements"] == [{"id": 7, "date": "2026-11-27", "amount": 2450.0,
                                      "text": "zoals de debiteur het zei", "source": "debtor",
                                      "plan": None}]
    assert payload["follow_up"][0]["date"] == "2026-11-27"
    assert payload["follow_up"][0]["action"].startswith("controleer of")
