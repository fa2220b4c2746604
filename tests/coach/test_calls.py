"""The call service: the one writer of a call, on a real (SQLite) database, no Rasa.

What is recorded must be exactly what was agreed: phantom lines record nothing, an
explicit promise records its own values, a proposal that was really made can be accepted,
and nothing is lost when the service is made anew on the same database."""
from __future__ import annotations

import datetime as dt

import pytest

from bot.coach.agreements import AgreementError
from bot.coach.calls import CallService, UnknownCall, UnknownCase
from bot.storage.store import Storage, default_storage

TODAY = dt.date(2026, 11, 23)  # tests/conftest.py pins INCASSO_TODAY to this Monday


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path) -> str:
    """Every test on the embedded default and on a real PostgreSQL server: switching is
    only a URL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'calls.sqlite3'}"
    return request.getfixturevalue("postgres").new_database()


@pytest.fixture
def service(url) -> CallService:
    return CallService(default_storage(url))


def started(service: CallService, case_id: str = "DEMO-1") -> str:
    call_id = f"call-{case_id}"
    service.start(call_id, case_id, "Sanne Jansen")
    return call_id


def agreed(service: CallService, call_id: str) -> list[tuple[str, float]]:
    return [(a["date"], a["amount"]) for a in service.snapshot(call_id)["agreements"]]


@pytest.mark.parametrize("text, intent, confidence", [
    ("hmm", "affirm", 0.7),
    ("asdf qwerty zxcv", "nlu_fallback", 0.0),
    ("ja", "affirm", 0.95),
    ("oké", "affirm", 0.95),
    ("als jullie er tien procent af halen maak ik het vandaag nog over", "promise_to_pay", 0.9),
    ("ik betaal vrijdag 500 euro", "promise_to_pay", 0.2),  # below the fallback threshold
    ("ik betaal zo snel mogelijk", "promise_to_pay", 0.9),  # no date
])
def test_phantom_lines_record_nothing(service, text, intent, confidence):
    call = started(service)
    service.debtor_line(call, text, intent, confidence, {})
    assert agreed(service, call) == []


def test_the_coach_s_own_suggestion_is_no_agreement(service):
    """The coach suggests a plan on "cannot pay"; the debtor never heard it, so "ja
    hoor, prima" afterwards accepts nothing."""
    call = started(service)
    advice = service.debtor_line(call, "ik kan het nu echt niet betalen", "cannot_pay", 0.9, {})
    assert advice.payload["proposals"]
    service.debtor_line(call, "ja hoor, prima", "affirm", 0.9, {})
    assert agreed(service, call) == []


def test_an_explicit_two_part_promise_records_exactly_two_payments(service):
    call = started(service)
    answer = service.debtor_line(call, "ik betaal vrijdag 500 euro en de rest op 18 december",
                                 "promise_to_pay", 0.9, {})
    assert agreed(service, call) == [("2026-11-27", 500.0), ("2026-12-18", 1950.0)]
    assert [a["source"] for a in answer.payload["agreements"]] == ["debtor", "debtor"]
    assert all(a["text"].startswith("ik betaal vrijdag") for a in answer.payload["agreements"])
    service.debtor_line(call, "Ja, dat is goed, stuurt u mij maar een bevestiging.",
                        "affirm", 0.9, {})
    assert agreed(service, call) == [("2026-11-27", 500.0), ("2026-12-18", 1950.0)]


def test_a_line_sent_again_with_its_ref_is_kept_and_answered_once(service):
    """A client that lost the answer (its replica died) sends the line once more."""
    call = started(service)
    text = "ik betaal vrijdag 500 euro en de rest op 18 december"
    first = service.debtor_line(call, text, "promise_to_pay", 0.9, {}, ref="r-1")
    again = service.debtor_line(call, text, "promise_to_pay", 0.9, {}, ref="r-1")
    assert again.events == first.events[:1] and again.payload == first.payload
    collector = service.collector_line(call, "Dus vrijdag 500 euro.", ref="r-2")
    assert service.collector_line(call, "Dus vrijdag 500 euro.", ref="r-2") == collector
    lines = [e for e in service.snapshot(call)["events"] if e["kind"] == "line"]
    assert [e["ref"] for e in lines] == ["r-1", "r-2"]
    assert agreed(service, call) == [("2026-11-27", 500.0), ("2026-12-18", 1950.0)]
    unnamed = service.debtor_line(call, "Prima.", "affirm", 0.9, {})
    assert service.debtor_line(call, "Prima.", "affirm", 0.9, {}).events != unnamed.events


def test_a_new_promise_for_the_same_money_replaces_the_earlier_one(service):
    call = started(service)
    service.debtor_line(call, "ik betaal alles op 4 december", "promise_to_pay", 0.9, {})
    answer = service.debtor_line(call, "nee wacht, ik betaal alles op 7 december",
                                 "promise_to_pay", 0.9, {})
    assert agreed(service, call) == [("2026-12-07", 2450.0)]
    assert any("vervalt" in note for note in answer.payload["notes"])


def test_a_proposal_the_collector_made_is_accepted_exactly(service):
    call = started(service, "DEMO-2")
    line = service.collector_line(call, "Kunt u dan uiterlijk woensdag 9 december 1.000 euro "
                                        "overmaken?")[0]
    assert line["payloads"][0]["payments"] == [{"date": "2026-12-09", "amount": 1000.0}]
    service.debtor_line(call, "ja prima", "affirm", 0.9, {})
    snapshot = service.snapshot(call)
    assert [(a["date"], a["amount"], a["source"]) for a in snapshot["agreements"]] == \
        [("2026-12-09", 1000.0, "collector")]
    assert snapshot["offer"] is None  # accepted once; a second "ja prima" adds nothing
    service.debtor_line(call, "ja prima", "affirm", 0.9, {})
    assert len(service.snapshot(call)["agreements"]) == 1


def test_a_proposal_marked_in_the_pane_can_be_accepted(service):
    call = started(service, "DEMO-6")  # € 385,20
    service.mark_offer(call, "Betalingsregeling in twee termijnen",
                       [{"date": "2026-11-30", "amount": 192.60},
                        {"date": "2026-12-30", "amount": "192,60"}], "installment_plan")
    service.debtor_line(call, "akkoord, zo doen we het", "affirm", 0.9, {})
    rows = service.snapshot(call)["agreements"]
    assert [(a["amount"], a["plan"], a["source"]) for a in rows] == \
        [(192.6, "regeling", "pane"), (192.6, "regeling", "pane")]
    assert [a["flags"] for a in rows] == [[], []]  # a plan runs past the deadline by design


def test_the_undisputed_part_is_all_that_is_promised_while_a_dispute_is_on_file(service):
    call = started(service, "DEMO-4")  # € 3.843,00 of which € 968,00 undisputed
    service.debtor_line(call, "we betalen het deel dat wel klopt op 30 november",
                        "promise_to_pay", 0.9, {})
    assert agreed(service, call) == [("2026-11-30", 968.0)]


@pytest.mark.parametrize("row, fragment", [
    ({"date": "2020-01-01", "amount": 100}, "verleden"),
    ({"date": "9999-12-31", "amount": 100}, "te ver"),
    ({"date": "2026-12-01", "amount": "1,234"}, "achter de komma"),
    ({"date": "2026-12-01", "amount": "99.999,99"}, "meer dan"),
    ({"date": "2026-12-01", "amount": 0}, "groter"),
    ({"date": "morgen", "amount": 10}, "datum"),
])
def test_a_pane_correction_passes_the_one_validation(service, row, fragment):
    call = started(service, "DEMO-6")
    service.replace_agreements(call, [{"date": "2026-12-01", "amount": 100}])
    with pytest.raises(AgreementError) as refused:
        service.replace_agreements(call, [row])
    assert fragment in refused.value.message
    assert agreed(service, call) == [("2026-12-01", 100.0)]  # nothing changed


def test_a_weekend_or_holiday_is_accepted_but_flagged_with_the_next_business_day(service):
    call = started(service)
    service.replace_agreements(call, [{"date": "2026-12-25", "amount": "1.000,00"},
                                      {"date": "2026-11-28", "amount": 100}])
    rows = {a["date"]: a for a in service.snapshot(call)["agreements"]}
    assert "Eerste Kerstdag" in " ".join(rows["2026-12-25"]["flags"])
    assert rows["2026-12-25"]["suggested_date"] == "2026-12-28"
    assert rows["2026-11-28"]["suggested_date"] == "2026-11-30"


def test_corrections_never_total_more_than_the_balance(service):
    call = started(service, "DEMO-6")
    with pytest.raises(AgreementError):
        service.replace_agreements(call, [{"date": "2026-12-01", "amount": 300},
                                          {"date": "2026-12-08", "amount": 100}])
    assert agreed(service, call) == []


def test_undo_cancels_one_agreement_and_keeps_it_in_the_ledger(service, url):
    call = started(service)
    service.debtor_line(call, "ik betaal vrijdag 500 euro en de rest op 18 december",
                        "promise_to_pay", 0.9, {})
    first = service.snapshot(call)["agreements"][0]["id"]
    service.undo_agreement(call, first)
    assert agreed(service, call) == [("2026-12-18", 1950.0)]
    statuses = [s.status for s in service.dossier.ledger("DEMO-1", TODAY).states]
    assert sorted(statuses) == ["cancelled", "open"]
    with pytest.raises(AgreementError):
        service.undo_agreement(call, 99999)


def test_a_call_survives_a_new_service_on_the_same_database(service, url):
    call = started(service)
    service.debtor_line(call, "ik betaal vrijdag 500 euro en de rest op 18 december",
                        "promise_to_pay", 0.9, {}, ref="r1")
    again = CallService(Storage.at(url))
    snapshot = again.snapshot(call)
    assert snapshot["brief"]["case_id"] == "DEMO-1" and snapshot["status"] == "open"
    assert [e["kind"] for e in snapshot["events"]] == ["line", "agreements"]
    assert snapshot["events"][0]["ref"] == "r1"
    assert agreed(again, call) == [("2026-11-27", 500.0), ("2026-12-18", 1950.0)]
    again.end(call)
    assert again.snapshot(call)["status"] == "ended"


def test_the_summary_never_totals_more_than_the_balance(service):
    call = started(service)
    service.debtor_line(call, "ik betaal vrijdag 500 euro en de rest op 18 december",
                        "promise_to_pay", 0.9, {})
    service.debtor_line(call, "ja dat is goed", "affirm", 0.9, {})
    summary = service.end(call).payload
    assert sum(a["amount"] for a in summary["agreements"]) == 2450.0
    assert "€ 2.450,00" in summary["email"]["body"].replace("\xa0", " ")


def test_nothing_agreed_gives_a_different_mail(service):
    call = started(service)
    summary = service.end(call).payload
    assert not summary["email"]["subject"].startswith("Bevestiging betalingsafspraak")


def test_unknown_calls_and_cases_are_refused_in_dutch(service):
    with pytest.raises(UnknownCall) as unknown:
        service.snapshot("bestaat-niet")
    assert "bestaat-niet" in unknown.value.message
    with pytest.raises(UnknownCase) as case:
        service.start("x", "DEMO-99")
    assert "DEMO-99" in case.value.message and "DEMO-1" in case.value.message


def test_advice_needs_the_same_confidence_as_the_nlu_fallback():
    from bot.coach.calls import MIN_ADVICE_CONFIDENCE
    from bot.nlu.speaker_intents import FALLBACK_THRESHOLD
    assert MIN_ADVICE_CONFIDENCE == FALLBACK_THRESHOLD


def test_a_line_the_coach_does_not_understand_gets_a_question_back_and_is_kept(service):
    call = started(service)
    answer = service.debtor_line(call, "🙂🙂", "excuse_bank_problem", 0.0, {})
    assert answer.payload["type"] == "rephrase"
    assert service.snapshot(call)["events"][-1]["text"] == "🙂🙂"


def test_the_same_promise_said_twice_is_recorded_once(service):
    call = started(service)
    for _ in range(2):
        service.debtor_line(call, "ik betaal vrijdag 500 euro", "promise_to_pay", 0.9, {})
    assert agreed(service, call) == [("2026-11-27", 500.0)]
    service.debtor_line(call, "en de rest op 18 december", "promise_to_pay", 0.9, {})
    assert agreed(service, call) == [("2026-11-27", 500.0), ("2026-12-18", 1950.0)]
