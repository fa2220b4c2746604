"""One entry point for every interface of the role-play trainer (Rasa actions, terminal,
web page): start a session, play a trainee turn, end and score it, score a transcript.

A session is plain data (``RolePlaySession.to_dict``), so each interface keeps it where
it keeps state: a Rasa slot, a web session, a local variable.
"""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Protocol

from bot.coach.cases import Case
from bot.coach.clock import today as current_day
from bot.coach.formatting import spoken_name
from bot.coach.money import format_euro
from bot.coach.roleplay.assignments import Assignments, default_assignments
from bot.coach.roleplay.hints import hint
from bot.coach.roleplay.history import TRANSCRIPT, TrainingHistory, default_history
from bot.coach.roleplay.scenarios import (
    DEFAULT_DIFFICULTY,
    DIFFICULTIES,
    DIFFICULTY_NL,
    SCENARIO_DIR,
    Scenario,
    load_scenarios,
)
from bot.coach.roleplay.scorecard import (
    CHECKS,
    Example,
    ScenarioFocus,
    Scorecard,
    checks_for,
    score,
)
from bot.coach.roleplay.second_reading import SecondReading, trained_second_reading
from bot.coach.roleplay.simulator import ACKNOWLEDGE, DebtorSimulator, DebtorState
from bot.coach.roleplay.transcript import Classify, transcript_turns
from bot.coach.roleplay.turns import Turn

ATTITUDE_NL = {"cooperative": "meewerkend", "evasive": "ontwijkend", "hostile": "vijandig"}
ACKNOWLEDGE_HINT = ("Alleen “ja” of “oké” brengt het gesprek niet verder: stel een open vraag "
                    "of doe een concreet voorstel met datum en bedrag.")


def scenario_focus(scenario: Scenario) -> ScenarioFocus:
    """The scenario's own checks: the identity check where someone else may pick up, the
    referral where the debtor's promise needs words like "schuldhulpverlening"."""
    return ScenarioFocus(
        identity_questions=scenario.identity_questions if scenario.identity_check else (),
        referral_words=scenario.requires.mentions if scenario.referral_check else ())


def rubric(scenario: Scenario | None = None) -> list[dict]:
    """The scorecard's checks (with the scenario's own), to show before the call what
    counts."""
    checks = checks_for(scenario_focus(scenario) if scenario else None)
    return [{"key": c.key, "label": c.label, "weight": c.weight, "practice": c.practice}
            for c in checks]


def rubric_text(scenario: Scenario | None = None) -> str:
    checks = checks_for(scenario_focus(scenario) if scenario else None)
    lines = ["Hierop wordt u beoordeeld:"]
    lines += [f"  • {c.label} ({c.weight} punten)" for c in checks]
    if len(checks) > len(CHECKS):
        lines.append("  (De totaalscore wordt omgerekend naar 100 punten.)")
    return "\n".join(lines)


def difficulty_of(value: object) -> str:
    """easy, medium or hard (also in Dutch: makkelijk, gemiddeld, moeilijk); default medium."""
    key = str(value or DEFAULT_DIFFICULTY).strip().lower()
    key = {nl: en for en, nl in DIFFICULTY_NL.items()}.get(key, key)
    if key not in DIFFICULTIES:
        raise RolePlayError(f"Moeilijkheid '{str(value)[:20]}' bestaat niet. Kies uit: "
                            f"{', '.join(DIFFICULTIES)}.")
    return key


class RolePlayError(LookupError):
    """A session cannot start or go on; ``message`` is the Dutch text to show."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class RolePlaySession:
    scenario_id: str
    trainee: str
    hints: bool
    seed: int
    turns: list[Turn] = field(default_factory=list)
    debtor: DebtorState = field(default_factory=DebtorState)
    finished: bool = False
    difficulty: str = DEFAULT_DIFFICULTY

    def to_dict(self) -> dict:
        return {"scenario_id": self.scenario_id, "trainee": self.trainee, "hints": self.hints,
                "seed": self.seed, "difficulty": self.difficulty,
                "turns": [t.to_dict() for t in self.turns],
                "debtor": self.debtor.to_dict(), "finished": self.finished}

    @classmethod
    def from_dict(cls, data: dict) -> RolePlaySession:
        return cls(scenario_id=data["scenario_id"], trainee=data["trainee"],
                   hints=bool(data.get("hints")), seed=int(data["seed"]),
                   turns=[Turn.from_dict(t) for t in data.get("turns") or ()],
                   debtor=DebtorState.from_dict(data.get("debtor")),
                   finished=bool(data.get("finished")),
                   difficulty=str(data.get("difficulty") or DEFAULT_DIFFICULTY))


@dataclass(frozen=True)
class TurnResult:
    """The debtor's reply to a trainee line, and the hint when hint mode is on."""
    debtor: str
    reaction: str
    hint: str | None
    promise: dict | None
    ended: bool

    def to_payload(self) -> dict:
        return {"type": "roleplay_turn", "debtor": self.debtor, "reaction": self.reaction,
                "hint": self.hint, "promise": self.promise, "ended": self.ended}

    def to_text(self) -> str:
        text = f"Debiteur: {self.debtor}"
        return f"{text}\n💡 {self.hint}" if self.hint else text


@dataclass(frozen=True)
class Briefing:
    """What the trainee sees before the call: scenario, persona and case, the
    difficulty, the rubric (the scorecard's checks) and the debtor's first words."""
    scenario: Scenario
    case: Case
    opening: str
    difficulty: str = DEFAULT_DIFFICULTY

    def to_payload(self) -> dict:
        return {"type": "roleplay_start", "scenario": self.scenario.id,
                "title": self.scenario.title, "case_id": self.case.id,
                "company": self.case.company, "debtor_name": self.scenario.persona.name,
                "persona": self.scenario.persona.description,
                "attitude": self.scenario.persona.attitude,
                "important_customer": self.scenario.persona.important_customer,
                "invoices": [{"number": i.number, "amount": float(i.amount),
                              "due_date": i.due_date.isoformat()} for i in self.case.invoices],
                "balance": float(self.case.balance), "difficulty": self.difficulty,
                "rubric": rubric(self.scenario), "opening": self.opening}

    def to_text(self) -> str:
        persona = self.scenario.persona
        invoices = "; ".join(f"{i.number} {format_euro(i.amount)} (vervallen "
                             f"{i.due_date:%d-%m-%Y})" for i in self.case.invoices)
        important = "ja, blijf klantgericht" if persona.important_customer else "nee"
        return "\n".join([
            f"Rollenspel: {self.scenario.title}",
            f"U belt {spoken_name(self.case.contact.name)} van {self.case.company} "
            f"(dossier {self.case.id}).",
            f"Openstaand: {invoices}; totaal {format_euro(self.case.balance)}.",
            f"De debiteur: {persona.description} Houding: {ATTITUDE_NL[persona.attitude]}. "
            f"Belangrijke klant: {important}. Moeilijkheid: {DIFFICULTY_NL[self.difficulty]}.",
            "",
            rubric_text(self.scenario),
            "",
            f"Debiteur: {self.opening}"])


class CaseLookup(Protocol):
    def get(self, case_id: str) -> Case | None: ...


class Trainer:
    """Role-play sessions on the scenarios; ``store`` gives the scenarios' cases (the
    doors pass bot.storage's case repository). History and assignments default to the
    coach's database."""

    def __init__(self, store: CaseLookup, scenarios: dict[str, Scenario] | None = None,
                 history: TrainingHistory | None = None,
                 assignments: Assignments | None = None,
                 second_reading: SecondReading | None = None):
        self.scenarios = scenarios if scenarios is not None else load_scenarios(SCENARIO_DIR)
        self.store = store
        self.history = history or default_history()
        self.assignments = assignments or default_assignments()
        self.second_reading = second_reading or trained_second_reading()

    def scenario(self, scenario_id: str) -> Scenario:
        key = str(scenario_id or "").strip().lower()
        found = next((s for s in self.scenarios.values() if s.id.lower() == key), None)
        if found is None:
            raise RolePlayError(f"Scenario '{str(scenario_id)[:40]}' bestaat niet. Kies uit: "
                                f"{', '.join(sorted(self.scenarios))}.")
        return found

    def case(self, scenario: Scenario) -> Case:
        case = self.store.get(scenario.case_id)
        if case is None:
            raise RolePlayError(f"Scenario '{scenario.id}' hoort bij dossier {scenario.case_id}, "
                                f"maar dat dossier staat niet in de dossieropslag.")
        return case

    def _simulator(self, session: RolePlaySession) -> DebtorSimulator:
        scenario = self.scenario(session.scenario_id)
        return DebtorSimulator(scenario, self.case(scenario), session.seed, session.debtor,
                               difficulty_of(session.difficulty))

    def start(self, scenario_id: str, trainee: str, hints: bool = False,
              seed: int | None = None,
              difficulty: str | None = None) -> tuple[RolePlaySession, Briefing]:
        """A new session at ``difficulty`` (easy, medium or hard; default medium); the
        debtor picks up the phone."""
        scenario = self.scenario(scenario_id)
        level = difficulty_of(difficulty)
        name = " ".join(str(trainee or "").split())
        if not name:
            raise RolePlayError("Geef de naam van de trainee op, dan bewaar ik de scores.")
        session = RolePlaySession(scenario.id, name[:60], bool(hints),
                                  random.randrange(1_000_000) if seed is None else int(seed),
                                  difficulty=level)
        simulator = DebtorSimulator(scenario, self.case(scenario), session.seed,
                                    difficulty=level)
        opening = simulator.opening()
        session.debtor = simulator.state
        session.turns.append(opening.turn())
        return session, Briefing(scenario, simulator.case, opening.text, level)

    def turn(self, session: RolePlaySession, text: str, intent: str,
             entities: dict[str, list] | None = None, today: dt.date | None = None) -> TurnResult:
        """The trainee says ``text`` (recognised as ``intent``); the debtor answers."""
        if session.finished:
            raise RolePlayError("Dit rollenspel is al afgelopen. Start een nieuw scenario.")
        today = today or current_day()
        simulator = self._simulator(session)
        bare = simulator.is_acknowledgement(text)
        if bare:  # a bare "ja" / "oké" is no concession and no proposal
            intent, entities = ACKNOWLEDGE, {}
        session.turns.append(Turn.collector(text, intent, today, entities))
        reply = simulator.respond(session.turns)
        session.turns.append(reply.turn())
        session.debtor = simulator.state
        tip = None
        if session.hints:
            tip = ACKNOWLEDGE_HINT if bare else hint(
                session.turns[:-1], Example.for_case(simulator.case, today),
                simulator.state.promise is not None)
        return TurnResult(reply.text, reply.reaction, tip, simulator.state.promise,
                          simulator.state.ended)

    def finish(self, session: RolePlaySession, today: dt.date | None = None) -> Scorecard:
        """Score the session and store it in the trainee's history."""
        scenario = self.scenario(session.scenario_id)
        card = score(session.turns, self.case(scenario), today or current_day(),
                     scenario_focus(scenario), self.second_reading)
        if not session.finished:
            level = difficulty_of(session.difficulty)
            recorded = self.history.record(session.trainee, scenario.id, card, session.turns,
                                           difficulty=level)
            self.assignments.complete(session.trainee, scenario.id, level, recorded)
            session.finished = True
        return card

    def score_transcript(self, text: str, classify: Classify, trainee: str | None = None,
                         case_id: str | None = None,
                         today: dt.date | None = None) -> tuple[Scorecard, list[Turn]]:
        """Score a real call (raises TranscriptError); stored when a trainee is named."""
        turns = transcript_turns(text, classify)
        case = self.store.get(case_id) if case_id else None
        card = score(turns, case, today or current_day(), second_reading=self.second_reading)
        if trainee and trainee.strip():
            self.history.record(trainee, TRANSCRIPT, card, turns)
        return card, turns
