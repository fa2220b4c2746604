"""Training sessions and their scores per trainee in SQLite, so a trainer can follow
progress over time, and a PNG chart of a trainee's scores.

The database is build/training.sqlite3 unless $INCASSO_TRAINING_DB names another file.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bot.coach.roleplay.scorecard import CHECKS, Scorecard
from bot.coach.roleplay.turns import Turn

if TYPE_CHECKING:
    from matplotlib.axes import Axes

PROJECT_ROOT = Path(__file__).resolve().parents[3]
DEFAULT_DB = PROJECT_ROOT / "build" / "training.sqlite3"
DB_ENV = "INCASSO_TRAINING_DB"
REPORT_DIR = PROJECT_ROOT / "build" / "reports"
GOOD_SCORE = 80


@dataclass(frozen=True)
class SessionRecord:
    id: int
    trainee: str
    scenario: str  # scenario id, or "transcript"
    played_at: dt.datetime
    total: int
    checks: dict[str, float]  # check key → credit

    @property
    def day(self) -> str:
        return self.played_at.date().isoformat()


class TrainingHistory:
    """Sessions in one SQLite file, opened per use."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.execute("CREATE TABLE IF NOT EXISTS sessions ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT, trainee TEXT NOT NULL,"
                       " trainee_key TEXT NOT NULL, scenario TEXT NOT NULL,"
                       " played_at TEXT NOT NULL, total INTEGER NOT NULL,"
                       " scorecard TEXT NOT NULL, turns TEXT NOT NULL)")
            db.execute("CREATE INDEX IF NOT EXISTS sessions_by_trainee"
                       " ON sessions (trainee_key, played_at)")

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=5)

    def record(self, trainee: str, scenario: str, scorecard: Scorecard, turns: Sequence[Turn],
               played_at: dt.datetime | None = None) -> int:
        """Store one scored session; returns its id."""
        name = " ".join(trainee.split())
        if not name:
            raise ValueError("een sessie hoort bij een trainee: geef een naam op")
        when = (played_at or dt.datetime.now()).isoformat(timespec="seconds")
        with self._connect() as db:
            cursor = db.execute(
                "INSERT INTO sessions (trainee, trainee_key, scenario, played_at, total,"
                " scorecard, turns) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (name, name.casefold(), scenario, when, scorecard.total,
                 json.dumps(scorecard.to_payload()), json.dumps([t.to_dict() for t in turns])))
            assert cursor.lastrowid is not None  # every INSERT sets it
            return int(cursor.lastrowid)

    def sessions(self, trainee: str) -> list[SessionRecord]:
        """A trainee's sessions, oldest first (the name is matched case-insensitively)."""
        with self._connect() as db:
            rows = db.execute("SELECT id, trainee, scenario, played_at, total, scorecard"
                              " FROM sessions WHERE trainee_key = ? ORDER BY played_at, id",
                              (" ".join(trainee.split()).casefold(),)).fetchall()
        return [SessionRecord(id=row[0], trainee=row[1], scenario=row[2],
                              played_at=dt.datetime.fromisoformat(row[3]), total=row[4],
                              checks={c["key"]: c["credit"] for c in json.loads(row[5])["checks"]})
                for row in rows]

    def session(self, session_id: int) -> tuple[SessionRecord, list[dict], dict] | None:
        """One session with its turns and its stored scorecard payload (to replay it), or
        None for an unknown id."""
        with self._connect() as db:
            row = db.execute("SELECT id, trainee, scenario, played_at, total, scorecard, turns"
                             " FROM sessions WHERE id = ?", (session_id,)).fetchone()
        if row is None:
            return None
        card = json.loads(row[5])
        record = SessionRecord(id=row[0], trainee=row[1], scenario=row[2],
                               played_at=dt.datetime.fromisoformat(row[3]), total=row[4],
                               checks={c["key"]: c["credit"] for c in card["checks"]})
        return record, list(json.loads(row[6])), card

    def trainees(self) -> list[str]:
        with self._connect() as db:
            return [row[0] for row in db.execute(
                "SELECT trainee FROM sessions GROUP BY trainee_key ORDER BY trainee_key")]


def default_history() -> TrainingHistory:
    return TrainingHistory(os.environ.get(DB_ENV) or DEFAULT_DB)


def report_text(trainee: str, records: Sequence[SessionRecord], labels: dict[str, str]) -> str:
    """The trainee's history as a table, plus the checks they miss most often."""
    if not records:
        return f"Nog geen sessies voor {trainee}."
    lines = [f"Trainingshistorie van {records[0].trainee} ({len(records)} sessies)", "",
             f"  {'datum':<17} {'scenario':<28} {'score':>5}"]
    for r in records:
        lines.append(f"  {r.played_at:%Y-%m-%d %H:%M}  {r.scenario:<28} {r.total:>5}")
    totals = [r.total for r in records]
    lines += ["", f"Gemiddeld {sum(totals) / len(totals):.0f}, beste {max(totals)}, "
              f"laatste {totals[-1]}."]
    misses: dict[str, int] = {}
    for r in records:
        for key, credit in r.checks.items():
            if credit < 1:
                misses[key] = misses.get(key, 0) + 1
    if misses:
        worst = sorted(misses.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
        lines.append("Oefen vooral: " + "; ".join(
            f"{labels.get(key, key)} ({count}× niet gehaald)" for key, count in worst) + ".")
    return "\n".join(lines)


def chart_path(trainee: str, directory: Path = REPORT_DIR) -> Path:
    slug = re.sub(r"[^a-z0-9]+", "-", trainee.casefold()).strip("-") or "trainee"
    return directory / f"{slug}.png"


def draw_chart(records: Sequence[SessionRecord], path: Path | str) -> Path:
    """A PNG with two charts: the scores over time, one line per scenario (a trend only
    where the same scenario was played again), with date and time under every session;
    and per check, the share of the points earned over all sessions, so a trainer sees
    which skill to practise."""
    import matplotlib
    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig, (scores, skills) = plt.subplots(2, 1, figsize=(9, 8), dpi=110,
                                         gridspec_kw={"height_ratios": [3, 2]})
    try:
        _draw_scores(scores, records)
        _draw_skills(skills, records)
        fig.tight_layout()
        fig.savefig(path, format="png")
    finally:
        plt.close(fig)
    return path


def _draw_scores(ax: Axes, records: Sequence[SessionRecord]) -> None:
    xs = list(range(1, len(records) + 1))
    for scenario in dict.fromkeys(r.scenario for r in records):  # in order of first play
        points = [(x, r.total) for x, r in zip(xs, records, strict=True)
                  if r.scenario == scenario]
        ax.plot([x for x, _ in points], [y for _, y in points], marker="o", linewidth=2,
                label=scenario)
        for x, y in points:
            ax.annotate(str(y), (x, y), textcoords="offset points", xytext=(0, 7),
                        ha="center", fontsize=8)
    ax.axhline(GOOD_SCORE, color="#3c9d5d", linestyle="--", linewidth=1)
    ax.text(0.6, GOOD_SCORE + 1.5, f"goed ({GOOD_SCORE})", color="#3c9d5d", fontsize=8)
    ax.set_ylim(0, 105)
    ax.set_xlim(0.5, max(len(records), 1) + 0.5)
    ax.set_xticks(xs)
    ax.set_xticklabels([f"{r.played_at:%d-%m-%Y}\n{r.played_at:%H:%M}" for r in records],
                       fontsize=7)
    ax.set_ylabel("score (van 100)")
    name = records[0].trainee if records else ""
    ax.set_title(f"Rollenspel: scores van {name}, per scenario")
    ax.grid(axis="y", alpha=0.3)
    if records:
        ax.legend(fontsize=7, loc="lower right")


def _draw_skills(ax: Axes, records: Sequence[SessionRecord]) -> None:
    labels = [check.label for check in CHECKS]
    shares = [100 * sum(r.checks.get(check.key, 0.0) for r in records) / max(len(records), 1)
              for check in CHECKS]
    ax.barh(labels, shares, color=["#3c9d5d" if s >= GOOD_SCORE else "#c0792a"
                                   for s in shares])
    ax.set_xlim(0, 100)
    ax.invert_yaxis()
    ax.tick_params(axis="y", labelsize=8)
    ax.set_xlabel("behaald, % van de punten per check (alle sessies)")
    ax.set_title("Per vaardigheid")
    for y, share in enumerate(shares):
        ax.text(min(share + 1, 92), y, f"{share:.0f}%", va="center", fontsize=7)
