"""Training sessions and their scores per trainee, so a trainer can follow progress over
time, and a PNG chart of a trainee's scores.

The sessions are kept in the coach's database, with everything else (bot.storage.training):
replicas on one PostgreSQL database all see every trainee's history.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bot.coach.roleplay.scenarios import DIFFICULTIES, DIFFICULTY_NL
from bot.coach.roleplay.scorecard import CHECKS, Scorecard
from bot.coach.roleplay.turns import Turn

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from bot.coach.stores import TrainingSessionStore

PROJECT_ROOT = Path(__file__).resolve().parents[3]
REPORT_DIR = PROJECT_ROOT / "build" / "reports"
GOOD_SCORE = 80
TRANSCRIPT = "transcript"  # the scenario name under which scored transcripts are stored


def trainee_key(name: str) -> str:
    """How a trainee's name is matched: spaces squeezed, case ignored."""
    return " ".join(name.split()).casefold()


def check_credits(scorecard: dict) -> dict[str, float]:
    """Check key → credit, from a stored scorecard (Scorecard.to_payload)."""
    return {check["key"]: check["credit"] for check in scorecard["checks"]}


def difficulty_label(difficulty: str) -> str:
    """The Dutch word for a session's difficulty; a dash for a scored transcript."""
    return DIFFICULTY_NL.get(difficulty, "–")


@dataclass(frozen=True)
class SessionRecord:
    id: int
    trainee: str
    scenario: str  # scenario id, or "transcript"
    played_at: dt.datetime
    total: int
    checks: dict[str, float]  # check key → credit
    difficulty: str = ""  # easy, medium or hard; "" for a scored transcript

    @property
    def day(self) -> str:
        return self.played_at.date().isoformat()


class TrainingHistory:
    """The scored sessions per trainee; ``store`` keeps them (the doors pass the
    coach's database, see default_history)."""

    def __init__(self, store: TrainingSessionStore):
        self.store = store

    def record(self, trainee: str, scenario: str, scorecard: Scorecard, turns: Sequence[Turn],
               played_at: dt.datetime | None = None, difficulty: str = "") -> int:
        """Store one scored session at ``difficulty`` ("" for a scored transcript, which
        has none); returns its id."""
        name = " ".join(trainee.split())
        if not name:
            raise ValueError("een sessie hoort bij een trainee: geef een naam op")
        if difficulty and difficulty not in DIFFICULTIES:
            raise ValueError(f"onbekende moeilijkheid '{difficulty[:20]}'")
        when = (played_at or dt.datetime.now()).replace(microsecond=0)
        return self.store.add(name, trainee_key(name), scenario, difficulty, when,
                              scorecard.total, scorecard.to_payload(),
                              [t.to_dict() for t in turns])

    def sessions(self, trainee: str) -> list[SessionRecord]:
        """A trainee's sessions, oldest first (the name is matched case-insensitively)."""
        return self.store.of(trainee_key(trainee))

    def session(self, session_id: int) -> tuple[SessionRecord, list[dict], dict] | None:
        """One session with its turns and its stored scorecard payload (to replay it), or
        None for an unknown id."""
        return self.store.get(session_id)

    def trainees(self) -> list[str]:
        """Everyone with a session, each under the name of their first session."""
        return self.store.trainees()


def default_history() -> TrainingHistory:
    """The history in the coach's database ($INCASSO_DATABASE_URL)."""
    from bot.wiring import storage  # not at the top: bot.storage imports this module
    return TrainingHistory(storage().training_sessions)


def report_text(trainee: str, records: Sequence[SessionRecord], labels: dict[str, str]) -> str:
    """The trainee's history as a table, plus the checks they miss most often."""
    if not records:
        return f"Nog geen sessies voor {trainee}."
    lines = [f"Trainingshistorie van {records[0].trainee} ({len(records)} sessies)", "",
             f"  {'datum':<17} {'scenario':<28} {'moeilijkheid':<12} {'score':>5}"]
    for r in records:
        lines.append(f"  {r.played_at:%Y-%m-%d %H:%M}  {r.scenario:<28} "
                     f"{difficulty_label(r.difficulty):<12} {r.total:>5}")
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
