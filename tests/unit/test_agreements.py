"""What a call line records as agreed, and the one validation every agreed payment passes
(reference date Monday 23-11-2026). The phantom lines of issue 8 must record nothing."""
import copy
import dataclasses
import datetime as dt
from decimal import Decimal

import pytest
import yaml

from bot.coach.agreements import (
    AgreementError,
    Capture,
    Checked,
    acceptance,
    check_total,
    date_flags,
    debtor_promise,
    offer_from_collector_line,
    parse_amount_text,
    parse_rows,
    validate_payment,
)
from bot.coach.money import format_euro
from bot.coach.playbook import PLAYBOOK_PATH, PlaybookError, load_playbook, parse_playbook
from bot.coach.promise_lines import is_bare_reply

from unit_constants import TODAY, is_open

PLAYBOOK = load_playbook()
RULES = PLAYBOOK.agreement_rules
BALANCE = Decimal("3333.34")
FRIDAY = dt.date(2026, 11, 27)
DEC_18 = dt.date(2026, 12, 18)


def promise(text: str, *, intent: str = "promise_to_pay", confidence: float = 0.9,
            balance: Decimal = BALANCE, undisputed: Decimal | None = None,
            agreed: Decimal = Decimal("0")) -> Capture:
    return debtor_promise(text, intent, confidence, today=TODAY, open_balance=balance,
                          undisputed=undisputed, agreed=agreed, rules=RULES)


def check(date, amount, *, ceiling=BALANCE, latest=None) -> Checked:
    return validate_payment(date, amount, ceiling=ceiling, today=TODAY, latest=latest,
                            rules=RULES)


def next_open_day(day: dt.date) -> dt.date:
    while not is_open(day):
        day += dt.timedelta(days=1)
    return day


# --- the playbook block ---------------------------------------------------------------------

def test_playbook_sets_the_agreement_rules():
    assert (RULES.horizon_days, RULES.grace_days, RULES.min_confidence) == (365, 2, 0.4)


@pytest.mark.parametrize("key, value", [
    ("horizon_days", "een jaar"), ("horizon_days", 0), ("grace_days", -1), ("grace_days", 1.5),
    ("min_confidence", 1.5), ("min_confidence", True), ("min_confidence", None)])
def test_bad_agreement_rules_are_refused_with_the_key_named(key, value):
    data = yaml.safe_load(PLAYBOOK_PATH.read_text(encoding="utf-8"))
    data["agreements"][key] = value
    with pytest.raises(PlaybookError, match=f"agreements: '{key}'"):
        parse_playbook(data)


def test_missing_agreements_block_is_refused():
    data = copy.deepcopy(yaml.safe_load(PLAYBOOK_PATH.read_text(encoding="utf-8")))
    del data["agreements"]
    with pytest.raises(PlaybookError, match="agreements"):
        parse_playbook(data)


@pytest.mark.parametrize("key", ["promise_conditional", "promise_without_date", "promise_unsure",
                                 "promise_unclear", "promise_replaces", "promise_undisputed",
                                 "promise_nothing_left", "confirm_explicitly"])
def test_every_note_key_has_a_dutch_message(key):
    text = PLAYBOOK.messages[key]
    assert text.strip() and "[" not in text and "{" not in text


# --- validation -------------------------------------------------------------------------------

def test_an_ordinary_business_day_passes_without_flags():
    checked = check("2026-12-09", 1000)
    assert checked == Checked(dt.date(2026, 12, 9), Decimal("1000.00"), (), None)
    assert checked.to_payload() == {"date": "2026-12-09", "amount": 1000.0, "flags": [],
                                    "suggested_date": None}


def test_today_is_allowed_but_yesterday_is_in_the_past():
    assert check(TODAY, 10).date == TODAY
    with pytest.raises(AgreementError, match="verleden"):
        check(TODAY - dt.timedelta(days=1), 10)


def test_a_spoken_date_years_ago_is_refused():
    with pytest.raises(AgreementError, match="1 januari 2020 ligt in het verleden"):
        check(dt.date(2020, 1, 1), 100)


@pytest.mark.parametrize("date", ["9999-12-31", dt.date(9999, 12, 31)])
def test_a_date_far_ahead_is_refused_without_overflow(date):
    with pytest.raises(AgreementError, match="te ver vooruit"):
        check(date, 100)


@pytest.mark.parametrize("horizon", [RULES.horizon_days, 30])
def test_the_horizon_comes_from_the_rules(horizon):
    rules = dataclasses.replace(RULES, horizon_days=horizon)
    last = TODAY + dt.timedelta(days=horizon)
    assert validate_payment(last, 5, ceiling=BALANCE, today=TODAY, latest=None,
                            rules=rules).date == last
    with pytest.raises(AgreementError, match="te ver vooruit"):
        validate_payment(last + dt.timedelta(days=1), 5, ceiling=BALANCE, today=TODAY,
                         latest=None, rules=rules)


@pytest.mark.parametrize("date", ["", None, "morgen", "2026-13-01", 20261201])
def test_a_missing_or_unreadable_date_is_refused(date):
    with pytest.raises(AgreementError, match="datum"):
        check(date, 100)


@pytest.mark.parametrize("amount", [None, "", 0, -5, Decimal("-0.01"), float("nan"),
                                    float("inf"), Decimal("NaN"), "NaN", "abc", True, [100]])
def test_no_amount_or_not_a_positive_amount_is_refused(amount):
    with pytest.raises(AgreementError):
        check("2026-12-09", amount)


@pytest.mark.parametrize("amount", ["1,234", 1.234, Decimal("1.234")])
def test_a_third_decimal_is_refused_not_rounded(amount):
    with pytest.raises(AgreementError, match="€ 1,234 heeft meer dan twee cijfers"):
        check("2026-12-09", amount)


@pytest.mark.parametrize("amount, expected", [
    ("1.250,50", "1250.50"), ("1.234", "1234.00"), (99.95, "99.95"), (Decimal("1.230"), "1.23"),
    (385, "385.00")])
def test_amounts_in_every_form_become_exact_cents(amount, expected):
    assert check("2026-12-09", amount).amount == Decimal(expected)


def test_more_than_the_balance_names_both_amounts():
    with pytest.raises(AgreementError) as err:
        check("2026-12-09", Decimal("99999.99"), ceiling=Decimal("385.20"))
    assert str(err.value) == (f"{format_euro('99999.99')} is meer dan het openstaande saldo "
                              f"van {format_euro('385.20')}.")


def test_the_undisputed_part_can_be_the_ceiling():
    with pytest.raises(AgreementError, match="meer dan het onbetwiste deel van"):
        validate_payment("2026-12-09", 500, ceiling=Decimal("400"), today=TODAY, latest=None,
                         rules=RULES, ceiling_label="het onbetwiste deel")


def test_a_huge_spoken_amount_is_refused():
    with pytest.raises(AgreementError, match="meer dan het openstaande saldo"):
        check("2026-12-09", 999999999999.0)
    for absurd in (1e300, Decimal("1E+40"), "9" * 40):
        with pytest.raises(AgreementError, match="te groot"):
            check("2026-12-09", absurd)


def test_a_saturday_is_accepted_but_flagged_with_the_next_business_day():
    checked = check(dt.date(2026, 11, 28), 100)
    assert checked.flags == ("zaterdag 28 november valt in het weekend",)
    assert checked.suggested_date == next_open_day(dt.date(2026, 11, 28)) == dt.date(2026, 11, 30)


def test_christmas_is_flagged_by_name():
    checked = check(dt.date(2026, 12, 25), 100)
    assert checked.flags == ("vrijdag 25 december is Eerste Kerstdag, een feestdag",)
    assert checked.suggested_date == next_open_day(dt.date(2026, 12, 25))
    assert checked.to_payload()["suggested_date"] == "2026-12-28"


def test_new_years_day_is_flagged_by_name():
    checked = check(dt.date(2027, 1, 1), 100)
    assert checked.flags == ("vrijdag 1 januari is Nieuwjaarsdag, een feestdag",)
    assert checked.suggested_date == next_open_day(dt.date(2027, 1, 1))


def test_after_the_case_deadline_is_flagged_without_a_suggested_date():
    checked = check(DEC_18, 100, latest=dt.date(2026, 12, 4))
    assert len(checked.flags) == 1 and "uiterste termijn" in checked.flags[0]
    assert "vrijdag 4 december" in checked.flags[0]
    assert checked.suggested_date is None
    assert check(dt.date(2026, 12, 4), 100, latest=dt.date(2026, 12, 4)).flags == ()


def test_check_total_warns_only_above_the_ceiling():
    assert check_total(Decimal("500"), [Decimal("2833.34")], BALANCE) is None
    warning = check_total(BALANCE, [Decimal("3333.34")], BALANCE)
    assert warning is not None
    assert format_euro("6666.68") in warning and format_euro(BALANCE) in warning


def test_date_flags_on_their_own():
    assert date_flags(dt.date(2026, 12, 9), None) == ((), None)
    flags, suggested = date_flags(dt.date(2026, 12, 26), dt.date(2026, 12, 4))
    assert flags == ("zaterdag 26 december is Tweede Kerstdag, een feestdag",
                     "zaterdag 26 december ligt na de uiterste termijn voor dit dossier "
                     "(vrijdag 4 december)")
    assert suggested == next_open_day(dt.date(2026, 12, 26))


@pytest.mark.parametrize("value, expected", [("1.250,50", "1250.50"), (12, "12.00"),
                                             (-5, "-5.00"), (0, "0.00"), (Decimal("7.5"), "7.50")])
def test_parse_amount_text_gives_exact_cents(value, expected):
    assert parse_amount_text(value) == Decimal(expected)


@pytest.mark.parametrize("value", ["1,234", "twaalf", None, float("nan"), "9" * 40])
def test_parse_amount_text_refuses_with_a_dutch_message(value):
    with pytest.raises(AgreementError) as err:
        parse_amount_text(value)
    assert err.value.message == str(err.value) and err.value.message


def test_parse_rows_reads_pane_rows_in_order():
    rows = [{"date": "2026-12-18", "amount": "2.833,34", "text": "de rest"},
            {"date": "2026-11-27", "amount": 500}]
    assert parse_rows(rows) == [(DEC_18, Decimal("2833.34")), (FRIDAY, Decimal("500.00"))]
    assert parse_rows([]) == []


@pytest.mark.parametrize("rows, message", [
    ({"date": "2026-12-18"}, "lijst"),
    (["2026-12-18"], "Afspraak 1"),
    ([{"date": "2026-12-18", "amount": 5}, {"date": "morgen", "amount": 5}],
     "Afspraak 2: 'morgen'"),
    ([{"date": "2026-12-18", "amount": "1,234"}], "Afspraak 1: € 1,234"),
    ([{"date": "2026-12-18", "amount": 5}] * 25, "hoogstens")])
def test_parse_rows_names_the_bad_row(rows, message):
    with pytest.raises(AgreementError, match=message):
        parse_rows(rows)


# --- a debtor's own promise ------------------------------------------------------------------

def test_explicit_two_part_promise_records_two_payments_adding_up_to_the_balance():
    capture = promise("Ik betaal vrijdag 500 euro en de rest op 18 december.")
    assert capture.payments == ((FRIDAY, Decimal("500.00")), (DEC_18, BALANCE - 500))
    assert sum(a for _, a in capture.payments) == BALANCE
    assert not capture.replaces_earlier and capture.note_key is None


def test_the_yes_after_the_promise_adds_nothing():
    first = promise("Ik betaal vrijdag 500 euro en de rest op 18 december.")
    agreed = sum(a for _, a in first.payments)
    line = "Ja, dat is goed, stuurt u mij maar een bevestiging."
    assert promise(line, intent="affirm", agreed=agreed).payments == ()
    assert acceptance(line, "affirm", 0.95, (), RULES) is None  # no proposal was made


@pytest.mark.parametrize("text", ["hmm", "asdf qwerty zxcv", "ja", "", "ik betaal 500 euro"])
@pytest.mark.parametrize("intent", ["promise_to_pay", "affirm"])
def test_lines_without_a_date_record_nothing(text, intent):
    assert promise(text, intent=intent).payments == ()


def test_a_promise_below_the_confidence_threshold_records_nothing():
    capture = promise("ik betaal vrijdag", confidence=RULES.min_confidence - 0.01)
    assert capture == Capture.nothing("promise_unsure")
    assert promise("ik betaal vrijdag", confidence=RULES.min_confidence).payments


def test_other_intents_record_nothing_and_say_nothing():
    assert promise("ik betaal vrijdag", intent="dispute_invoice") == Capture.nothing()


@pytest.mark.parametrize("text", [
    "als jullie er tien procent af halen maak ik het vandaag nog over",
    "Mits jullie de creditnota sturen, betaal ik vrijdag.",
    "Op voorwaarde dat de kosten vervallen betaal ik op 18 december.",
    "Alleen als mijn klant betaalt kan ik vrijdag 500 euro overmaken.",
    "Ik betaal vrijdag, tenzij er iets tussenkomt."])
def test_conditional_promises_record_nothing(text):
    assert promise(text) == Capture.nothing("promise_conditional")


def test_as_soon_as_i_can_is_no_condition():
    assert promise("Ik betaal zo snel als ik kan, uiterlijk vrijdag.").payments == (
        (FRIDAY, BALANCE),)


def test_an_explicit_calendar_date_wins_over_today_in_the_same_line():
    text = "Vandaag lukt het niet meer, maar uiterlijk vrijdag 11 december betaal ik alles."
    assert promise(text).payments == ((dt.date(2026, 12, 11), BALANCE),)
    text = "Vandaag lukt het niet, uiterlijk vrijdag 11 december maak ik 500 euro over."
    assert promise(text).payments == ((dt.date(2026, 12, 11), Decimal("500.00")),)


def test_amounts_pair_with_dates_in_the_order_said():
    capture = promise("500 euro op vrijdag en op 18 december 300 euro")
    assert capture.payments == ((FRIDAY, Decimal("500.00")), (DEC_18, Decimal("300.00")))


@pytest.mark.parametrize("text", ["ik betaal vrijdag 200 euro en 300 euro",
                                  "Ik betaal in termijnen op 1 december, 1 januari en 1 februari."])
def test_amounts_and_dates_that_do_not_pair_up_are_not_guessed(text):
    assert promise(text) == Capture.nothing("promise_unclear")


def test_pay_everything_on_saturday_records_the_balance_and_is_flagged():
    capture = promise("ik betaal zaterdag alles")
    assert capture.payments == ((dt.date(2026, 11, 28), BALANCE),)
    assert check(*capture.payments[0]).flags == ("zaterdag 28 november valt in het weekend",)


def test_christmas_day_is_recorded_but_flagged():
    (payment,) = promise("op 25 december").payments
    assert payment == (dt.date(2026, 12, 25), BALANCE)
    assert "Eerste Kerstdag" in check(*payment).flags[0]


@pytest.mark.parametrize("text", ["1 januari 2020", "ik betaal vrijdag 999999999999 euro",
                                  "ik betaal morgen 1,234 euro"])
def test_impossible_spoken_values_are_refused_by_the_validation(text):
    (date, amount), = promise(text).payments
    with pytest.raises(AgreementError):
        check(date, amount, ceiling=Decimal("385.20"))


def test_the_part_that_is_right_is_the_undisputed_part():
    capture = promise("We betalen vrijdag het deel dat wel klopt.", undisputed=Decimal("1200.00"))
    assert capture.payments == ((FRIDAY, Decimal("1200.00")),)
    assert capture.note_key == "promise_undisputed"


def test_the_part_that_is_right_without_a_date_records_nothing():
    capture = promise("we betalen het deel dat wel klopt", undisputed=Decimal("1200.00"))
    assert capture == Capture.nothing("promise_without_date")


def test_without_a_dispute_the_part_that_is_right_is_everything():
    capture = promise("We betalen vrijdag het deel dat wel klopt.", undisputed=BALANCE)
    assert capture.payments == ((FRIDAY, BALANCE),) and capture.note_key is None


def test_the_rest_after_an_earlier_agreement_adds_to_it():
    capture = promise("De rest betaal ik op 18 december.", agreed=Decimal("500.00"))
    assert capture.payments == ((DEC_18, BALANCE - 500),)
    assert not capture.replaces_earlier


def test_an_extra_payment_within_the_balance_adds_to_earlier_ones():
    capture = promise("En op 18 december betaal ik nog 300 euro.", agreed=Decimal("500.00"))
    assert capture.payments == ((DEC_18, Decimal("300.00")),)
    assert not capture.replaces_earlier


def test_repeating_the_whole_promise_replaces_the_earlier_one():
    capture = promise("Ik betaal vrijdag 500 euro en de rest op 18 december.", agreed=BALANCE)
    assert capture.payments == ((FRIDAY, Decimal("500.00")), (DEC_18, BALANCE - 500))
    assert capture.replaces_earlier and capture.note_key == "promise_replaces"


def test_a_new_date_for_everything_replaces_the_earlier_agreement():
    capture = promise("Ik betaal liever alles op 18 december.", agreed=Decimal("500.00"))
    assert capture.payments == ((DEC_18, BALANCE),) and capture.replaces_earlier


def test_the_rest_when_everything_is_agreed_records_nothing():
    capture = promise("De rest betaal ik op 18 december.", agreed=BALANCE)
    assert capture == Capture.nothing("promise_nothing_left")


# --- accepting a proposal that was really made ------------------------------------------------

OFFER = ((dt.date(2026, 12, 9), Decimal("1000.00")),)


@pytest.mark.parametrize("text", ["ja", "Ja.", "jaa", "ja hoor", "oké", "ok", "okee", "hmm", "hm",
                                  "mm", "uh", "eh", "ehm", "goed", "Ja, ja.", "ja goed", ""])
def test_a_bare_filler_is_no_acceptance(text):
    assert is_bare_reply(text)
    assert acceptance(text, "affirm", 0.99, OFFER, RULES) is None


@pytest.mark.parametrize("text", ["ja prima", "Ja, dat is goed.", "akkoord",
                                  "Dat is goed, doen we.", "Prima, afgesproken."])
def test_a_clear_yes_accepts_exactly_the_proposal(text):
    assert not is_bare_reply(text)
    assert acceptance(text, "affirm", 0.9, OFFER, RULES) == OFFER


@pytest.mark.parametrize("text, intent, confidence, offer", [
    ("ja prima", "affirm", 0.9, ()),                          # nothing was proposed
    ("ja prima", "deny", 0.9, OFFER),
    ("ja prima", "affirm", 0.39, OFFER),                      # below min_confidence
    ("asdf qwerty zxcv", "affirm", 0.9, OFFER),               # no word of approval
    ("Ja, als jullie de kosten laten vallen.", "affirm", 0.9, OFFER)])
def test_no_acceptance_without_a_real_proposal_and_a_clear_yes(text, intent, confidence, offer):
    assert acceptance(text, intent, confidence, offer, RULES) is None


# --- a proposal in the collector's own words --------------------------------------------------

def test_a_collector_proposal_with_date_and_amount():
    offer = offer_from_collector_line(
        "Kunt u dan uiterlijk woensdag 9 december 1.000 euro overmaken?", TODAY, BALANCE)
    assert offer == OFFER


def test_a_collector_proposal_in_two_parts():
    offer = offer_from_collector_line("500 euro vrijdag en de rest op 18 december", TODAY,
                                      BALANCE)
    assert offer == ((FRIDAY, Decimal("500.00")), (DEC_18, BALANCE - 500))


def test_a_collector_proposal_with_only_a_date_is_the_open_balance():
    assert offer_from_collector_line("Kunt u het vrijdag betalen?", TODAY, BALANCE) == (
        (FRIDAY, BALANCE),)


@pytest.mark.parametrize("text", ["Wanneer kunt u betalen?", "Ik stuur u vandaag een bevestiging.",
                                  "Goedemorgen, met de debiteurenadministratie."])
def test_collector_lines_without_a_concrete_proposal_offer_nothing(text):
    assert offer_from_collector_line(text, TODAY, BALANCE) is None


def test_proposal_then_ja_prima_records_exactly_that_proposal():
    offer = offer_from_collector_line(
        "Kunt u dan uiterlijk woensdag 9 december 1.000 euro overmaken?", TODAY, BALANCE)
    assert acceptance("hmm", "affirm", 0.9, offer, RULES) is None
    assert acceptance("Ja prima.", "affirm", 0.9, offer, RULES) == (
        (dt.date(2026, 12, 9), Decimal("1000.00")),)
