"""How `make bench` picks what it measures on: the blind debtor files without lines that
are word for word training lines, and a judged set's own day."""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

import bench  # noqa: E402
import bench_scorecard  # noqa: E402


def test_a_blind_line_equal_to_a_training_line_is_left_out(tmp_path: Path) -> None:
    blind = tmp_path / "debtor_2026-12x.yml"
    blind.write_text('version: "3.1"\nnlu:\n- intent: affirm\n  examples: |\n    - Ja.\n'
                     '    - Dat is goed, zo doen we het.\n', encoding="utf-8")
    sets = bench.blind_sets([("ja.", "affirm"), ("Nee.", "deny")], [blind])
    assert sets == {str(blind): [("Dat is goed, zo doen we het.", "affirm")]}


def test_a_judged_set_is_read_on_its_own_day(tmp_path: Path) -> None:
    (tmp_path / "set.yml").write_text("today: 2026-12-07\n", encoding="utf-8")
    assert bench_scorecard.set_day(tmp_path) == dt.date(2026, 12, 7)
    (tmp_path / "set.yml").write_text("today: maandag\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="set.yml"):
        bench_scorecard.set_day(tmp_path)
    (tmp_path / "set.yml").unlink()
    with pytest.raises(SystemExit, match="today: YYYY-MM-DD"):
        bench_scorecard.set_day(tmp_path)
