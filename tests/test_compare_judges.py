"""Two judges of the same calls compared check by check (scripts/compare_judges.py)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

import compare_judges  # noqa: E402

CHECKS = ("purpose_deadline", "invoice_amount", "open_questions", "understanding",
          "concrete_agreement", "concession_return", "summarised", "confirmation",
          "positive_close", "no_threats")


def judgment(folder: Path, name: str, failed: set[str], total_range: tuple[int, int]) -> None:
    folder.mkdir(exist_ok=True)
    checks = "\n".join(f"  {key}: {{pass: {str(key not in failed).lower()}, why: \"x\"}}"
                       for key in CHECKS)
    (folder / name).write_text(f"call: x\nquality: good\nchecks:\n{checks}\n"
                               f"total_range: [{total_range[0]}, {total_range[1]}]\n",
                               encoding="utf-8")


def test_checks_agreeing_and_the_second_total_in_the_first_range(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    judgment(first, "call-01.judgment.yml", set(), (95, 100))
    judgment(second, "call-01.judgment.yml", {"confirmation"}, (80, 100))  # 90: out
    judgment(first, "call-02.judgment.yml", {"summarised"}, (85, 95))
    judgment(second, "call-02.judgment.yml", {"summarised"}, (85, 95))
    judgment(first, "call-03.judgment.yml", set(), (90, 100))  # not judged twice
    result = compare_judges.compare(first, second)
    assert (result.checks, result.agreed, result.calls, result.in_range) == (20, 19, 2, 1)
    assert result.differences == [("call-01.judgment.yml", "confirmation", True)]


def test_a_broken_judgment_is_a_clear_error(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    judgment(first, "call-01.judgment.yml", set(), (90, 100))
    second.mkdir()
    (second / "call-01.judgment.yml").write_text("call: [unclosed\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="not a judgment"):
        compare_judges.compare(first, second)
    with pytest.raises(SystemExit, match="No call judged in both"):
        compare_judges.compare(first, tmp_path / "nowhere")
