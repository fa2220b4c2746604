"""The trainee's chart: date and time under every session, a line per scenario, a bar per
check; drawn from real history records."""
from __future__ import annotations

import datetime as dt

from bot.coach.roleplay.history import SessionRecord, draw_chart
from bot.coach.roleplay.scorecard import CHECKS


def record(day: int, hour: int, scenario: str, total: int, credit: float) -> SessionRecord:
    return SessionRecord(id=day * 100 + hour, trainee="sanne", scenario=scenario, total=total,
                         played_at=dt.datetime(2026, 12, day, hour, 5),
                         checks={c.key: credit for c in CHECKS})


def test_the_chart_has_times_a_line_per_scenario_and_every_check(tmp_path, monkeypatch):
    from matplotlib import pyplot as plt
    drawn = {}
    original = plt.Figure.savefig

    def keep(fig, *args, **kwargs):
        drawn["axes"] = fig.axes
        return original(fig, *args, **kwargs)

    monkeypatch.setattr(plt.Figure, "savefig", keep)
    records = [record(2, 9, "bankstoring", 40, 0.5), record(2, 14, "contactpersoon-afwezig",
                                                             70, 0.75),
               record(3, 10, "bankstoring", 85, 1.0)]
    path = draw_chart(records, tmp_path / "sanne.png")
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    scores, skills = drawn["axes"]
    labels = [t.get_text() for t in scores.get_xticklabels()]
    assert labels == ["02-12-2026\n09:05", "02-12-2026\n14:05", "03-12-2026\n10:05"]
    lines = {line.get_label(): list(line.get_xdata()) for line in scores.get_lines()
             if not line.get_label().startswith("_")}
    assert lines == {"bankstoring": [1, 3], "contactpersoon-afwezig": [2]}
    bars = [t.get_text() for t in skills.get_yticklabels()]
    assert bars == [c.label for c in CHECKS]  # whole labels, none cut off
    widths = [round(p.get_width()) for p in skills.patches]
    assert widths == [75] * len(CHECKS)  # (0.5 + 0.75 + 1.0) / 3 of every check
