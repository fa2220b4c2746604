"""The pure parts of scripts/compare_nlu.py: training-data variants (de-duplication,
conflicting labels, debtor-only), the YAML Rasa gets, held-out filtering and k-fold
splits. No Rasa training here."""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

import compare_nlu as cmp  # noqa: E402


def ex(line: str, intent: str, source: str = "train.yml") -> cmp.Example:
    return cmp.Example(line, intent, source)


def write(path: Path, blocks: dict[str, list[str]]) -> Path:
    path.write_text('version: "3.1"\nnlu:\n' + "".join(
        f"- intent: {intent}\n  examples: |\n" + "".join(f"    - {line}\n" for line in lines)
        for intent, lines in blocks.items()), encoding="utf-8")
    return path


def test_key_ignores_case_spacing_and_entity_markup() -> None:
    assert cmp.key("  Ik  betaal [500 euro](amount) VRIJDAG ") == "ik betaal 500 euro vrijdag"
    assert cmp.key("Ja.") != cmp.key("Ja")  # punctuation is part of the text


def test_merge_drops_duplicate_of_training_line_with_same_intent() -> None:
    merged = cmp.merge([ex("Ja.", "affirm")], [ex("ja. ", "affirm", "dev.yml")])
    assert [e.line for e in merged.examples] == ["Ja."]
    assert [e.line for e in merged.duplicates] == ["ja. "] and merged.conflicts == []


def test_merge_drops_dev_line_conflicting_with_training_line() -> None:
    base = [ex("Dat is goed.", "affirm")]
    merged = cmp.merge(base, [ex("dat is goed.", "promise_vague", "dev.yml"),
                              ex("Ik betaal morgen.", "promise_to_pay", "dev.yml")])
    assert [(e.line, e.intent) for e in merged.examples] == [
        ("Dat is goed.", "affirm"), ("Ik betaal morgen.", "promise_to_pay")]
    assert [(e.line, e.intent) for e in merged.conflicts] == [("dat is goed.", "promise_vague")]
    assert merged.duplicates == []


def test_merge_keeps_a_line_repeated_across_dev_files_once() -> None:
    merged = cmp.merge([], [ex("Nee hoor.", "deny", "a.yml"), ex("nee hoor.", "deny", "b.yml")])
    assert [(e.line, e.source) for e in merged.examples] == [("Nee hoor.", "a.yml")]
    assert len(merged.duplicates) == 1


def test_merge_drops_all_copies_when_dev_files_disagree() -> None:
    merged = cmp.merge([], [ex("Misschien.", "promise_vague", "a.yml"),
                            ex("misschien.", "deny", "b.yml"), ex("Ok.", "affirm", "b.yml")])
    assert [e.line for e in merged.examples] == ["Ok."]
    assert Counter(e.intent for e in merged.conflicts) == {"promise_vague": 1, "deny": 1}


def test_merge_leaves_the_training_data_as_it_is() -> None:
    base = [ex("Ja.", "affirm"), ex("Hallo", "greet")]
    assert cmp.merge(base, []).examples == base


def test_debtor_only_drops_collector_intents_and_commands() -> None:
    examples = [ex("Ik betaal morgen.", "promise_to_pay"), ex("Goedemorgen, met Jan.",
                                                               "collector_introduce"),
                ex("/start_call", "start_call"), ex("Nee.", "deny")]
    assert [e.intent for e in cmp.of_speaker(examples, cmp.DEBTOR)] == [
        "promise_to_pay", "deny"]
    assert [e.intent for e in cmp.of_speaker(examples, cmp.COLLECTOR)] == [
        "collector_introduce"]


def test_nlu_yaml_reads_back_the_same_examples(tmp_path: Path) -> None:
    examples = [ex("Ik betaal [500 euro](amount).", "promise_to_pay"),
                ex("Nee: echt niet!", "deny"), ex("Ik betaal vrijdag.", "promise_to_pay"),
                ex("# geen commentaar", "deny")]
    directory = cmp.write_nlu_dir(examples, tmp_path / "nlu")
    back = cmp.read_examples([directory / "nlu.yml"])
    assert sorted((e.line, e.intent) for e in back) == sorted((e.line, e.intent)
                                                              for e in examples)
    assert cmp.text_of(back[0].line) == "Ik betaal 500 euro."


def test_training_data_variants(tmp_path: Path) -> None:
    train = tmp_path / "nlu"
    train.mkdir()
    write(train / "debtor.yml", {"affirm": ["Ja.", "Klopt."], "deny": ["Nee."]})
    write(train / "collector.yml", {"collector_introduce": ["Goedemorgen, met Jan."],
                                    "start_call": ["/start_call"]})
    dev_a = write(tmp_path / "dev_a.yml", {"affirm": ["ja.", "Dat klopt."],
                                           "promise_to_pay": ["Ik betaal morgen."]})
    dev_b = write(tmp_path / "dev_b.yml", {"deny": ["Klopt.", "Nee hoor."],
                                           "promise_to_pay": ["ik betaal morgen."]})
    plain = cmp.training_data("all", train, [dev_a, dev_b])
    assert plain.nlu_dir == train and plain.has_collector and len(plain.examples) == 5

    dev = cmp.training_data("all+dev", train, [dev_a, dev_b])
    assert dev.nlu_dir is None and dev.label == "bot/data + dev sets"
    added = [(e.line, e.intent) for e in dev.examples[5:]]
    assert added == [("Dat klopt.", "affirm"), ("Ik betaal morgen.", "promise_to_pay"),
                     ("Nee hoor.", "deny")]
    assert dev.merged is not None
    assert [e.line for e in dev.merged.conflicts] == ["Klopt."]  # deny vs training's affirm
    assert sorted(e.line for e in dev.merged.duplicates) == ["ik betaal morgen.", "ja."]
    assert {Path(s).name for s in dev.sources} >= {"dev_a.yml", "dev_b.yml"}

    debtor = cmp.training_data("debtor+dev", train, [dev_a, dev_b])
    assert not debtor.has_collector
    assert {e.intent for e in debtor.examples} == {"affirm", "deny", "promise_to_pay"}
    assert len(debtor.examples) == 6  # 3 debtor lines of bot/data + 3 dev lines

    with pytest.raises(ValueError):
        cmp.training_data("collector", train, [])


def test_candidate_names() -> None:
    assert cmp.candidate("config").data == "all"
    assert cmp.candidate("config+dev") == cmp.Candidate("config.yml (shipped)", cmp.SHIPPED,
                                                        "all+dev")
    debtor = cmp.candidate("debtor+dev")
    assert debtor.config == cmp.SHIPPED and debtor.data == "debtor+dev"
    assert cmp.candidate("counts").config == cmp.CANDIDATES / "counts.yml"
    for bad in ("config+blind", "no-such-config"):
        with pytest.raises(ValueError):
            cmp.candidate(bad)


def test_heldout_leaves_out_lines_seen_in_training() -> None:
    seen = {cmp.key("Ja.")}
    kept, left_out = cmp.heldout([("ja.", "affirm"), ("Ja hoor.", "affirm")], seen)
    assert kept == [("Ja hoor.", "affirm")] and left_out == 1


def test_kfold_splits_cover_the_debtor_lines_once_and_keep_collector_lines() -> None:
    examples = [ex(f"{intent} {i}", intent) for intent in ("affirm", "deny", "greet")
                for i in range(6)] + [ex(f"c {i}", "collector_introduce") for i in range(4)]
    splits = cmp.kfold_splits(examples, 3)
    assert len(splits) == 3
    tested = [e for _, test in splits for e in test]
    assert sorted(tested) == sorted(cmp.of_speaker(examples, cmp.DEBTOR))
    for training, test in splits:
        assert not set(training) & set(test)
        assert sum(e.intent == "collector_introduce" for e in training) == 4
        assert Counter(e.intent for e in test) == {"affirm": 2, "deny": 2, "greet": 2}
