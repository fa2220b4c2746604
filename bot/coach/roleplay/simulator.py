"""The simulated debtor: a persona that tries its excuses in order and reacts to what the
trainee just did. A vague proposal gets a vague answer, a concrete one a concrete
reaction, a threat makes the debtor defensive, and only a trainee who has done what the
scenario asks gets a promise with an exact date and amount.

Every line comes from the scenario's reply lists. The choice is made with
random.Random seeded from the session seed and the reply number, so the same seed and
the same trainee lines always give the same conversation, and the state is small plain
data that fits in a Rasa slot or a web session.
"""
from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass, field

from babel.dates import format_date

from bot.coach.cases import Case
from bot.coach.formatting import join_nl, spoken_name
from bot.coach.money import format_euro
from bot.coach.roleplay import turns as moves
from bot.coach.roleplay.scenarios import Scenario
from bot.coach.roleplay.turns import DEBTOR, Turn, named, said

# The debtor intent each reaction stands for, so scoring reads simulated debtor lines
# the same way as classified lines of a real transcript.
REACTION_INTENTS = {"promise": "promise_to_pay", "summary_agreed": "affirm",
                    "summary_not_agreed": "deny", "defensive": "express_anger",
                    "vague_proposal": "promise_vague", "closing": "goodbye",
                    "opening": "greet", "introduce": "greet"}


@dataclass
class DebtorState:
    """Where the debtor is: excuses raised, how defensive, the promise if made, and
    which lines were used (so replies vary)."""
    raised: int = 0
    defensive: int = 0
    promise: dict | None = None  # {"date": ISO date, "amount": euros}
    replies: int = 0
    used: dict[str, list[int]] = field(default_factory=dict)
    ended: bool = False

    def to_dict(self) -> dict:
        return {"raised": self.raised, "defensive": self.defensive, "promise": self.promise,
                "replies": self.replies, "used": {k: list(v) for k, v in self.used.items()},
                "ended": self.ended}

    @classmethod
    def from_dict(cls, data: dict | None) -> DebtorState:
        data = data or {}
        return cls(raised=int(data.get("raised", 0)), defensive=int(data.get("defensive", 0)),
                   promise=data.get("promise"), replies=int(data.get("replies", 0)),
                   used={k: list(v) for k, v in (data.get("used") or {}).items()},
                   ended=bool(data.get("ended", False)))


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


class DebtorSimulator:
    def __init__(self, scenario: Scenario, case: Case, seed: int,
                 state: DebtorState | None = None):
        self.scenario = scenario
        self.case = case
        self.seed = seed
        self.state = state or DebtorState(defensive=1 if scenario.starts_defensive else 0)

    # --- choosing and filling lines -------------------------------------------------

    def _facts(self, proposal: Turn | None) -> dict[str, str]:
        facts = {"company": self.case.company, "contact": spoken_name(self.case.contact.name),
                 "invoice": join_nl([inv.number for inv in self.case.invoices]),
                 "balance": format_euro(self.case.balance)}
        if proposal is not None and proposal.is_concrete:
            facts.update(date=spoken_date(str(proposal.first("date"))),
                         amount=format_euro(proposal.first("amount")))
        return facts

    def _pick(self, key: str, lines: Sequence[str]) -> str:
        """A line not used yet under ``key`` (all again once each was used)."""
        used = self.state.used.setdefault(key, [])
        fresh = [i for i in range(len(lines)) if i not in used] or list(range(len(lines)))
        if len(fresh) == len(lines):
            used.clear()
        rng = random.Random(f"{self.seed}:{self.state.replies}:{key}")
        index = rng.choice(fresh)
        used.append(index)
        return lines[index]

    def _say(self, reaction: str, proposal: Turn | None = None, intent: str | None = None,
             lines: Sequence[str] | None = None, key: str | None = None,
             prefix: str = "") -> DebtorReply:
        line = self._pick(key or reaction, lines or self.scenario.replies[reaction])
        text = line.format(**self._facts(proposal))
        self.state.replies += 1
        return DebtorReply(f"{prefix} {text}".strip(), reaction,
                           intent or REACTION_INTENTS.get(reaction, "inform"))

    # --- the conversation -------------------------------------------------------------

    def opening(self) -> DebtorReply:
        return self._say("opening")

    def _raise_next_excuse(self, prefix: str = "") -> DebtorReply:
        excuse = self.scenario.excuses[self.state.raised]
        self.state.raised += 1
        return self._say("excuse", lines=excuse.says, key=f"excuse{self.state.raised}:says",
                         intent=excuse.kind, prefix=prefix)

    def _missing(self, turns: Sequence[Turn], proposal: Turn) -> str | None:
        """The first thing that still stands in the way of a promise, as a reaction type."""
        requires = self.scenario.requires
        if self.state.defensive > 0:
            return "need_calm"
        if not proposal.has("date"):
            return "need_date"
        if not proposal.has("amount"):
            return "need_amount"
        if len(said(turns, moves.OPEN_QUESTION)) < requires.open_questions:
            return "need_open_questions"
        if requires.invoice_named and not named(turns, "invoice_number"):
            return "need_invoice"
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
        if self.state.raised < len(self.scenario.excuses):
            prefix = self._say("objection", proposal).text if proposal.is_concrete else ""
            return self._raise_next_excuse(prefix)
        missing = self._missing(turns, proposal)
        if missing:
            return self._say(missing, proposal)
        self.state.promise = {"date": str(proposal.first("date")),
                              "amount": float(proposal.first("amount"))}
        return self._say("promise", proposal)

    def respond(self, turns: Sequence[Turn]) -> DebtorReply:
        """The debtor's answer to the last turn (a collector line) of the call so far."""
        turn = turns[-1]
        intent = turn.intent
        if intent == moves.THREATEN:
            self.state.defensive += 2 if self.scenario.persona.attitude == "hostile" else 1
            return self._say("defensive")
        if intent == moves.SHOW_UNDERSTANDING:
            if self.state.defensive > 0:
                self.state.defensive -= 1
                return self._say("calmed")
            return self._say("understanding")
        if intent in (moves.CONCRETE_PROPOSAL, moves.ASK_IN_RETURN) and (
                intent == moves.CONCRETE_PROPOSAL or turn.has("date") or turn.has("amount")):
            return self._proposal(turns, turn)
        if intent == moves.ASK_IN_RETURN:
            return self._say("concession_with_return")
        if intent == moves.STATE_PURPOSE:
            if self.state.raised < len(self.scenario.excuses):
                return self._raise_next_excuse()
            return self._say("purpose")
        if intent == moves.OPEN_QUESTION:
            if self.state.raised:
                excuse = self.scenario.excuses[self.state.raised - 1]
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
