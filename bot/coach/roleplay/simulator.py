"""The simulated debtor: a persona that tries its excuses in order and reacts to what the
trainee just did. A vague proposal gets a vague answer, a concrete one a concrete
reaction, a threat makes the debtor defensive, and only a trainee who has done what the
scenario (at the session's difficulty) asks gets a promise with an exact date and amount.

A question is answered for what it asks: "wanneer" gets a day or date, "wie" a person,
"hoeveel" an amount, "waarom" a reason, "wat is er gebeurd" the story, from the facts of
the current excuse or the scenario (the keyword table is in bot/roleplay/defaults.yml).
The debtor remembers: it never says the same line twice in a row, and once the trainee
named an amount it does not ask for it again. A bare "ja" or "oké" is no move at all.

In a scenario with ``identity_check`` someone else may have picked up (a partner, a
colleague): until the trainee asks who is on the line, naming the debt makes that person
guarded (defensive, so only shown understanding helps) and other moves get a "who do you
want?" answer. A ``vulnerable`` persona shuts down under pressure: a threat counts double,
a payment proposal before any shown understanding makes them defensive as well, and while
defensive they answer everything but understanding (or a goodbye) with "not now".

Every line comes from the scenario's reply lists. The choice is made with
random.Random seeded from the session seed and the reply number, so the same seed and
the same trainee lines always give the same conversation, and the state is small plain
data that fits in a Rasa slot or a web session.
"""
from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from babel.dates import format_date

from bot.coach.cases import Case
from bot.coach.formatting import join_nl, spoken_name
from bot.coach.money import format_euro
from bot.coach.roleplay import turns as moves
from bot.coach.roleplay.cues import has_phrase
from bot.coach.roleplay.scenarios import (
    DEFAULT_DIFFICULTY,
    QUESTION_TYPES,
    Excuse,
    Scenario,
    placeholders,
)
from bot.coach.roleplay.turns import COLLECTOR, DEBTOR, Turn, collector_turns, named, said
from bot.coach.statutory_costs import statutory_costs

# The debtor intent each reaction stands for, so scoring reads simulated debtor lines
# the same way as classified lines of a real transcript.
REACTION_INTENTS = {"promise": "promise_to_pay", "summary_agreed": "affirm",
                    "summary_not_agreed": "deny", "defensive": "express_anger",
                    "vague_proposal": "promise_vague", "closing": "goodbye",
                    "opening": "greet", "introduce": "greet", "guarded": "deny"}
# What counts as naming the debt before the trainee knows who is on the line.
DEBT_MOVES = frozenset({moves.STATE_PURPOSE, moves.CONCRETE_PROPOSAL, moves.VAGUE_PROPOSAL,
                        moves.ASK_IN_RETURN, moves.OFFER_CONCESSION, moves.THREATEN,
                        moves.SUMMARISE})
# Moves that put pressure on a vulnerable debtor when no understanding was shown yet.
PRESSURE_MOVES = frozenset({moves.CONCRETE_PROPOSAL, moves.VAGUE_PROPOSAL,
                            moves.ASK_IN_RETURN})
# What a trainee line that is only "ja", "oké", … counts as: no collector move at all
# (not a concession, not a proposal), so the scorecard passes it by.
ACKNOWLEDGE = "acknowledge"
_WORD = re.compile(r"\w+")


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def is_acknowledgement(text: str, words: Iterable[str]) -> bool:
    """Whether ``text`` is only a bare "ja", "oké", "prima", … (every word one of them)."""
    allowed = {token for word in words for token in _tokens(word)}
    tokens = _tokens(text)
    return bool(tokens) and all(token in allowed for token in tokens)


def question_type(text: str, table: Sequence[tuple[str, Sequence[str]]]) -> str | None:
    """The question type (when, who, how_much, why, what) whose keyword comes first in
    ``text`` (the longest keyword on a tie), or None for a question of no known type."""
    lowered = " ".join(text.lower().split())
    best: tuple[int, int, str] | None = None
    for kind, words in table:
        for word in words:
            found = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", lowered)
            if found and (best is None or (found.start(), -len(word)) < best[:2]):
                best = (found.start(), -len(word), kind)
    return best[2] if best else None


@dataclass
class DebtorState:
    """Where the debtor is: excuses raised, how defensive, the promise if made, which
    lines were used (so replies vary) and the last line said (never said twice in a row)."""
    raised: int = 0
    defensive: int = 0
    promise: dict | None = None  # {"date": ISO date, "amount": euros}
    replies: int = 0
    used: dict[str, list[int]] = field(default_factory=dict)
    ended: bool = False
    last: str = ""
    identified: bool = False  # identity_check: the trainee asked who is on the line
    guarded: bool = False     # identity_check: the debt was named before that

    def to_dict(self) -> dict:
        return {"raised": self.raised, "defensive": self.defensive, "promise": self.promise,
                "replies": self.replies, "used": {k: list(v) for k, v in self.used.items()},
                "ended": self.ended, "last": self.last, "identified": self.identified,
                "guarded": self.guarded}

    @classmethod
    def from_dict(cls, data: dict | None) -> DebtorState:
        data = data or {}
        return cls(raised=int(data.get("raised", 0)), defensive=int(data.get("defensive", 0)),
                   promise=data.get("promise"), replies=int(data.get("replies", 0)),
                   used={k: list(v) for k, v in (data.get("used") or {}).items()},
                   ended=bool(data.get("ended", False)), last=str(data.get("last") or ""),
                   identified=bool(data.get("identified", False)),
                   guarded=bool(data.get("guarded", False)))


@dataclass(frozen=True)
class DebtorReply:
    text: str
    reaction: str
    intent: str

    def turn(self) -> Turn:
        return Turn(DEBTOR, self.text, self.intent)


def spoken_date(iso: str) -> str:
    """"vrijdag 27 november", as someone says it on the phone."""
    return format_date(dt.date.fromisoformat(iso), "EEEE d MMMM", locale="nl")


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def remembered_amount(turns: Sequence[Turn]) -> Any:
    """The last amount the trainee named in the call, or None."""
    for turn in reversed(turns):
        if turn.speaker == COLLECTOR and turn.has("amount"):
            return turn.first("amount")
    return None


class DebtorSimulator:
    def __init__(self, scenario: Scenario, case: Case, seed: int,
                 state: DebtorState | None = None, difficulty: str = DEFAULT_DIFFICULTY):
        self.scenario = scenario
        self.case = case
        self.seed = seed
        self.difficulty = difficulty
        self.excuses = scenario.excuses_for(difficulty)
        self.requires = scenario.requires_for(difficulty)
        self.state = state or DebtorState(defensive=scenario.start_defensive(difficulty))

    # --- choosing and filling lines -------------------------------------------------

    def _facts(self, date: object = None, amount: object = None) -> dict[str, str]:
        costs = statutory_costs(self.case.balance)
        facts = {"company": self.case.company, "contact": spoken_name(self.case.contact.name),
                 "invoice": join_nl([inv.number for inv in self.case.invoices]),
                 "balance": format_euro(self.case.balance),
                 "collection_costs": format_euro(costs),
                 "balance_with_costs": format_euro(self.case.balance + costs)}
        if date is not None:
            facts["date"] = spoken_date(str(date))
        if amount is not None:
            facts["amount"] = format_euro(amount)
        return facts

    def _pick(self, key: str, lines: Sequence[str], fill: Callable[[str], str]) -> str:
        """A line not used yet under ``key`` (all again once each was used) that does not
        come out the same as the debtor's last line, when the list allows that."""
        used = self.state.used.setdefault(key, [])
        fresh = [i for i in range(len(lines)) if i not in used] or list(range(len(lines)))
        if len(fresh) == len(lines):
            used.clear()
        rng = random.Random(f"{self.seed}:{self.state.replies}:{key}")
        index = rng.choice(fresh)
        if fill(lines[index]) == self.state.last:
            others = ([i for i in fresh if fill(lines[i]) != self.state.last]
                      or [i for i in range(len(lines)) if fill(lines[i]) != self.state.last])
            if others:
                index = rng.choice(others)
        used.append(index)
        text = fill(lines[index])
        if text == self.state.last and self.scenario.said_before:
            text = f"{rng.choice(self.scenario.said_before)} {text}"
        return text

    def _say(self, reaction: str, date: object = None, amount: object = None,
             intent: str | None = None, lines: Sequence[str] | None = None,
             key: str | None = None, prefix: str = "",
             extra: dict[str, str] | None = None) -> DebtorReply:
        facts = {**self._facts(date, amount), **(extra or {})}
        text = self._pick(key or reaction, lines or self.scenario.replies[reaction],
                          lambda line: _capitalised(f"{prefix} {line.format(**facts)}".strip()))
        self.state.replies += 1
        self.state.last = text
        return DebtorReply(text, reaction, intent or REACTION_INTENTS.get(reaction, "inform"))

    # --- the conversation -------------------------------------------------------------

    def opening(self) -> DebtorReply:
        return self._say("opening")

    @property
    def current_excuse(self) -> Excuse:
        """The excuse on the table (before any is raised: the first, which the debtor
        already has in mind)."""
        return self.excuses[max(0, self.state.raised - 1)]

    def _raise_next_excuse(self, prefix: str = "") -> DebtorReply:
        excuse = self.excuses[self.state.raised]
        self.state.raised += 1
        return self._say("excuse", lines=excuse.says, key=f"excuse{self.state.raised}:says",
                         intent=excuse.kind, prefix=prefix)

    def _missing(self, turns: Sequence[Turn], proposal: Turn) -> str | None:
        """The first thing that still stands in the way of a promise, as a reaction type."""
        requires = self.requires
        if self.state.defensive > 0:
            return "need_calm"
        if not proposal.has("date"):
            return "need_date"
        if not proposal.has("amount"):
            return "remembered_amount" if remembered_amount(turns) is not None else "need_amount"
        if len(said(turns, moves.OPEN_QUESTION)) < requires.open_questions:
            return "need_open_questions"
        if requires.invoice_named and not named(turns, "invoice_number"):
            return "need_invoice"
        if requires.date_named is not None and requires.date_named.isoformat() not in {
                str(value) for t in collector_turns(turns) for value in t.entities.get("date", ())}:
            return "need_date_named"
        if requires.mentions and not any(has_phrase(t.text, requires.mentions)
                                         for t in collector_turns(turns)):
            return "need_mention"
        if requires.understanding and not said(turns, moves.SHOW_UNDERSTANDING):
            return "need_understanding"
        if requires.deal and not said(turns, moves.ASK_IN_RETURN):
            return "need_deal"
        return None

    def _proposal(self, turns: Sequence[Turn], proposal: Turn) -> DebtorReply:
        if self.state.promise is not None:
            return self._say("after_promise")
        if self.state.defensive > 0:
            return self._say("need_calm")
        date, amount = proposal.first("date"), proposal.first("amount")
        if self.state.raised < len(self.excuses):
            prefix = (self._say("objection", date, amount).text if proposal.is_concrete
                      else "")
            return self._raise_next_excuse(prefix)
        missing = self._missing(turns, proposal)
        if missing == "remembered_amount":
            return self._say(missing, date, remembered_amount(turns))
        if missing:
            return self._say(missing, date, amount)
        self.state.promise = {"date": str(date), "amount": float(amount)}
        return self._say("promise", date, amount)

    def _answer(self, kind: str | None) -> DebtorReply | None:
        """The answer to a question of type ``kind`` from the facts, if the debtor has one."""
        if kind is None:
            return None
        excuse = self.current_excuse
        facts = {"how_much": format_euro(self.case.balance), **self.scenario.facts,
                 **excuse.facts}
        filled = {k: v.format(**self._facts()) for k, v in facts.items()}
        lines = excuse.answers_to.get(kind) or tuple(
            line for line in self.scenario.answers_to.get(kind, ())
            if placeholders(line) & set(QUESTION_TYPES) <= set(filled))
        if not lines:
            return None
        return self._say("answer", lines=lines, key=f"excuse{self.state.raised}:{kind}",
                         intent=excuse.kind if self.state.raised else "inform", extra=filled)

    def is_acknowledgement(self, text: str) -> bool:
        return is_acknowledgement(text, self.scenario.acknowledgements)

    @property
    def _threat_weight(self) -> int:
        persona = self.scenario.persona
        return 2 if persona.attitude == "hostile" or persona.vulnerable else 1

    def checks_identity(self, turn: Turn) -> bool:
        """Whether the trainee asks who is on the line ("Spreek ik met mevrouw Bos?",
        "Met wie spreek ik?"): a phrase of defaults.yml identity_questions, or any
        question of the type "wie"."""
        if has_phrase(turn.text, self.scenario.identity_questions):
            return True
        return (turn.intent in (moves.OPEN_QUESTION, moves.CLOSED_QUESTION)
                and question_type(turn.text, self.scenario.questions) == "who")

    def _before_identity(self, turn: Turn) -> DebtorReply | None:
        """identity_check, nobody asked yet who is on the line: the reply, or None when
        the line is answered as usual (introduction, close, …)."""
        if self.checks_identity(turn):
            self.state.identified = True
            return self._say("identity_confirmed")
        if (turn.intent in DEBT_MOVES or turn.has("amount")
                or turn.has("invoice_number")):
            if not self.state.guarded:
                self.state.guarded = True
                self.state.defensive += 1
            if turn.intent == moves.THREATEN:
                self.state.defensive += self._threat_weight
            return self._say("guarded")
        if turn.intent in (moves.INTRODUCE, moves.POSITIVE_CLOSE, moves.SHOW_UNDERSTANDING):
            return None
        return self._say("identity_unknown")

    def respond(self, turns: Sequence[Turn]) -> DebtorReply:
        """The debtor's answer to the last turn (a collector line) of the call so far."""
        turn = turns[-1]
        intent = turn.intent
        if intent == ACKNOWLEDGE or self.is_acknowledgement(turn.text):
            return self._say("acknowledge")
        if self.scenario.identity_check and not self.state.identified:
            early = self._before_identity(turn)
            if early is not None:
                return early
        if intent == moves.THREATEN:
            self.state.defensive += self._threat_weight
            return self._say("defensive")
        if (self.scenario.persona.vulnerable and intent in PRESSURE_MOVES
                and (intent != moves.ASK_IN_RETURN or turn.has("date") or turn.has("amount"))
                and self.state.promise is None and self.state.defensive == 0
                and not said(turns, moves.SHOW_UNDERSTANDING)):
            self.state.defensive += 1
            return self._say("defensive")
        if (self.scenario.persona.vulnerable and self.state.defensive > 0
                and intent not in (moves.SHOW_UNDERSTANDING, moves.POSITIVE_CLOSE)):
            return self._say("need_calm")  # shut down: only understanding reopens her
        if intent == moves.SHOW_UNDERSTANDING:
            if self.state.defensive > 0:
                self.state.defensive -= 1
                return self._say("calmed" if self.state.defensive == 0 else "partly_calmed")
            return self._say("understanding")
        if intent in (moves.CONCRETE_PROPOSAL, moves.ASK_IN_RETURN) and (
                intent == moves.CONCRETE_PROPOSAL or turn.has("date") or turn.has("amount")):
            return self._proposal(turns, turn)
        if intent == moves.ASK_IN_RETURN:
            return self._say("concession_with_return")
        if intent == moves.STATE_PURPOSE:
            if self.state.raised < len(self.excuses):
                return self._raise_next_excuse()
            return self._say("purpose")
        if intent in (moves.OPEN_QUESTION, moves.CLOSED_QUESTION):
            answer = self._answer(question_type(turn.text, self.scenario.questions))
            if answer is not None:
                return answer
        if intent == moves.OPEN_QUESTION:
            if self.state.raised:
                excuse = self.current_excuse
                used = self.state.used.get(f"excuse{self.state.raised}:answers", [])
                if len(used) < len(excuse.answers):
                    return self._say("answer", lines=excuse.answers,
                                     key=f"excuse{self.state.raised}:answers", intent=excuse.kind)
            return self._say("open_question")
        if intent == moves.SUMMARISE:
            return self._say("summary_agreed" if self.state.promise else "summary_not_agreed")
        if intent == moves.POSITIVE_CLOSE:
            self.state.ended = True
            return self._say("closing")
        simple = {moves.INTRODUCE: "introduce", moves.CLOSED_QUESTION: "closed_question",
                  moves.VAGUE_PROPOSAL: "vague_proposal",
                  moves.OFFER_CONCESSION: "concession_without_return",
                  moves.ANNOUNCE_CONFIRMATION: "confirmation"}
        return self._say(simple.get(intent, "unclear"))
