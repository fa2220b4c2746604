"""The scorecard's second reading: it learns where the judge decided otherwise than the
rules, turns a check only then, quotes the line that cost a check, and is read from the
judged sets and the rules' first verdicts as `make train` reads them."""
from __future__ import annotations

import logging
from pathlib import Path

import pytest
import yaml

from bot.coach.roleplay import second_reading as reading
from bot.coach.roleplay import turns as moves
from bot.coach.roleplay.scorecard import CHECKS, score
from bot.coach.roleplay.second_reading import JudgedCall, SecondReading, Turned, judged_calls

from .conftest import TODAY, collector, debtor
from .test_scorecard import CASE, GOOD_CALL

PLAIN = ("Goedemorgen, u spreekt met Sanne van Incasso Noord.",
         "Ik bel over factuur F2026-0081 van duizend euro.",
         "Wanneer kunt u dat bedrag overmaken?",
         "Dank u wel en een fijne dag.")
GIFT = "Het meerwerk boeken we voor deze keer op ons eigen conto."  # no rule knows it
BONUS = "Mooi, dan noteer ik dat zo in het dossier."


def _call(extra: str | None, rules: bool, judge: bool, quoted: bool = True) -> JudgedCall:
    lines = PLAIN if extra is None else (*PLAIN[:3], extra, PLAIN[3])
    reason = f"Weggegeven: '{extra}'" if extra and quoted and not judge else "Prima."
    return JudgedCall(lines, {"concession_return": rules}, {"concession_return": judge},
                      {"concession_return": reason})


@pytest.fixture(scope="module")
def learned() -> SecondReading:
    """The rules pass every gift in GIFT's words, which the judge fails; they fail calls
    noted as in BONUS, which the judge passes; on plain calls both agree."""
    calls = ([_call(GIFT, True, False) for _ in range(12)]
             + [_call(BONUS, False, True) for _ in range(12)]
             + [_call(None, passed, passed) for passed in (True, False) * 12])
    return SecondReading.fit(calls)


def test_a_gift_the_rules_missed_is_taken_away_with_its_line(learned):
    lines = ("Goedemiddag, met Ahmed van de debiteurenadministratie.", GIFT,
             "Wanneer kunt u betalen?")
    assert learned.verdict("concession_return", lines, True) == Turned(False, 1)


def test_a_check_the_rules_failed_is_given_when_the_judge_would(learned):
    assert learned.verdict("concession_return", (*PLAIN, BONUS), False) == Turned(True, None)


def test_the_rules_stand_where_the_judge_agreed_with_them(learned):
    assert learned.verdict("concession_return", PLAIN, True) is None
    assert learned.verdict("concession_return", PLAIN, False) is None


def test_nothing_turns_for_an_unknown_check_or_a_call_without_lines(learned):
    assert learned.verdict("no_threats", PLAIN, True) is None
    assert learned.verdict("concession_return", (), True) is None


def test_no_check_is_taken_away_when_judges_never_quoted_a_line_for_it():
    calls = ([_call(GIFT, True, False, quoted=False) for _ in range(12)]
             + [_call(None, passed, passed) for passed in (True, False) * 12])
    unquoted = SecondReading.fit(calls)
    assert "concession_return" in unquoted.verdicts and unquoted.lines == {}
    assert unquoted.verdict("concession_return", (*PLAIN, GIFT), True) is None


@pytest.mark.parametrize(("line", "reason", "quoted"), [
    ("Dan laat ik de rente vallen, goed?", "Gift: 'ik de rente vallen' zonder ruil.", True),
    ("Dan laat ik de rente vallen.", "Zie “… laat ik de rente …”, niets terug.", True),
    ("Dan laat ik de rente vallen.", "Rente vallen gelaten, zonder citaat.", False),
    ("Dan laat ik de rente vallen.", "Ze zei 'rente'.", False),
    ("Wanneer betaalt u?", "Gift: 'ik de rente vallen'.", False),
])
def test_a_line_is_quoted_when_words_in_a_row_of_a_quote_are_in_it(line, reason, quoted):
    assert reading.quoted_in(line, reason) is quoted


def test_a_check_the_judge_never_decided_otherwise_is_not_learned():
    calls = [_call(None, True, True) for _ in range(6)]
    assert SecondReading.fit(calls).verdicts == {}


def test_the_scorecard_quotes_the_line_and_says_the_check_was_turned(learned):
    gift = collector(GIFT, moves.POSITIVE_CLOSE)
    card = score([*GOOD_CALL[:-1], gift, GOOD_CALL[-1]], CASE, TODAY, second_reading=learned)
    result = card.result("concession_return")
    assert not result.passed and result.turned and result.credit == 0.5
    assert GIFT in result.tip and result.check.doubt in result.tip
    assert score([*GOOD_CALL[:-1], gift, GOOD_CALL[-1]], CASE, TODAY).result(
        "concession_return").passed  # the rules alone miss it
    payload = {c["key"]: c for c in card.to_payload()["checks"]}
    assert payload["concession_return"]["turned"] and not payload["summarised"]["turned"]
    assert card.total == score(GOOD_CALL, CASE, TODAY).total - 10


def test_a_won_check_has_no_tip(learned):
    turns = [debtor("Met De Vries.", "greet"), *(collector(line, moves.STATE_PURPOSE)
                                                 for line in (*PLAIN, BONUS))]
    result = score(turns, CASE, TODAY, second_reading=learned).result("concession_return")
    rules = score(turns, CASE, TODAY).result("concession_return")
    assert rules.passed  # no concession: the rules pass it, and the reading leaves it
    assert result == rules


def test_every_check_says_what_to_do_when_it_is_taken_away():
    for check in CHECKS:
        text = check.doubt.format(invoice="F1", amount="€ 1,00", deadline="vrijdag 1 mei")
        assert text.endswith((".", "”")) and "{" not in text and len(text) > 40


def test_save_and_load_give_the_same_verdicts(learned, tmp_path):
    path = tmp_path / "reading.pkl"
    learned.save(path)
    again = SecondReading.load(path)
    assert again is not None
    assert again.verdict("concession_return", (*PLAIN[:3], GIFT), True) == Turned(False, 3)


@pytest.mark.parametrize("content", [b"", b"not a pickle", b"\x80\x04K\x01."])
def test_a_broken_file_leaves_the_rules_alone_and_says_so(tmp_path, caplog, content):
    path = tmp_path / "reading.pkl"
    path.write_bytes(content)
    with caplog.at_level(logging.WARNING):
        assert SecondReading.load(path) is None
    assert "make train" in caplog.text


def test_a_file_from_another_scikit_learn_is_not_used(learned, tmp_path, monkeypatch):
    path = tmp_path / "reading.pkl"
    learned.save(path)
    monkeypatch.setattr(reading.sklearn, "__version__", "0.0.1")
    assert SecondReading.load(path) is None


def test_no_file_means_the_rules_alone(tmp_path):
    assert SecondReading.load(tmp_path / "missing.pkl") is None


def _judged_set(root: Path, name: str, verdicts: dict[str, bool]) -> None:
    folder = root / name
    folder.mkdir(parents=True)
    (folder / "call-01.txt").write_text("Incasseerder: Goedemorgen.\nDebiteur: Hallo.\n"
                                        "Incasseerder: Tot ziens.\n", encoding="utf-8")
    checks = {key: {"pass": passed, "why": f"Zie '{key}'."} for key, passed in verdicts.items()}
    (folder / "call-01.judgment.yml").write_text(yaml.safe_dump({"checks": checks}),
                                                 encoding="utf-8")


def test_judged_calls_turn_the_judge_where_the_rules_missed_and_skip_blind_sets(tmp_path):
    _judged_set(tmp_path, "judged_a", {"no_threats": True, "summarised": False})
    scorings = tmp_path / "first_scorings.yml"
    scorings.write_text(yaml.safe_dump({"rounds": [
        {"sets": ["judged_a"], "missed": {"judged_a/call-01.txt": ["summarised"]}},
        {"sets": ["judged_still_blind"]}]}), encoding="utf-8")
    [call] = judged_calls(tmp_path, scorings)
    assert call.collector_lines == ("Goedemorgen.", "Tot ziens.")
    assert call.judge == {"no_threats": True, "summarised": False}
    assert call.rules == {"no_threats": True, "summarised": True}
    assert call.reasons == {"no_threats": "Zie 'no_threats'.", "summarised": "Zie 'summarised'."}


def test_the_first_scorings_name_only_sets_and_checks_that_exist():
    root = Path(__file__).resolve().parents[2]
    rounds = yaml.safe_load((root / "bot" / "roleplay" / "first_scorings.yml").read_text(
        encoding="utf-8"))["rounds"]
    keys = {check.key for check in CHECKS}
    for scored in rounds:
        for folder in scored["sets"]:
            assert any((root / "tests" / "data" / kind / folder).is_dir()
                       for kind in ("dev", "blind")), folder
        for call, missed in (scored.get("missed") or {}).items():
            assert call.split("/")[0] in scored["sets"] and set(missed) <= keys
