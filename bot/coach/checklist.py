"""The live checklist: the practice scorecard (bot.coach.roleplay.scorecard) run on a real
call's lines as they come in, so practice and live calls are judged by one standard.

After every collector line the pane gets which checks are met so far, and at most one
prompt at the moment it matters: a concession with nothing asked back, a vague agreement,
a threat, or a call outside the calling hours. A collector can mute a kind of prompt for
the call. Labels, prompt texts and calling hours are in the playbook (``live_checklist:``).
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.coach.business_days import is_business_day
from bot.coach.cases import Case
from bot.coach.errors import CoachError
from bot.coach.roleplay import turns as moves
from bot.coach.roleplay.scorecard import CHECKS, score
from bot.coach.roleplay.turns import COLLECTOR, DEBTOR, Turn, values_in

PROMPT_KINDS = ("calling_hours", "threat", "concession_without_return", "vague_agreement")
VAGUE_WORDS = re.compile(r"\bzo (?:snel|spoedig) mogelijk\b|\bbinnenkort\b|\bzsm\b|"
                         r"\bzodra het kan\b|\bwanneer het u uitkomt\b", re.IGNORECASE)
_TIME = re.compile(r"([01]\d|2[0-3]):([0-5]\d)")


class ChecklistError(CoachError):
    """A prompt kind that does not exist (muting)."""


@dataclass(frozen=True)
class ChecklistRules:
    labels: dict[str, str]      # scorecard check key → short label, in the pane's order
    prompts: dict[str, str]     # prompt kind → text ({start} and {end} for calling_hours)
    start: dt.time
    end: dt.time
    working_days_only: bool

    def outside_hours(self, moment: dt.datetime) -> bool:
        if self.working_days_only and not is_business_day(moment.date()):
            return True
        return not self.start <= moment.time() < self.end


def _time(value: object, key: str, where: str, error: type[Exception]) -> dt.time:
    match = _TIME.fullmatch(str(value or ""))
    if not match:
        raise error(f"{where}: '{key}' moet een tijd als UU:MM zijn, niet {value!r}")
    return dt.time(int(match[1]), int(match[2]))


def parse_checklist_rules(data: object, source: str, error: type[Exception]) -> ChecklistRules:
    """The playbook's ``live_checklist:`` block; ``error`` is the playbook's error type."""
    where = f"{source}: live_checklist"
    if not isinstance(data, dict):
        raise error(f"{where}: ontbreekt of is geen mapping")
    hours = data.get("calling_hours") or {}
    labels, prompts = data.get("checks") or {}, data.get("prompts") or {}
    if not isinstance(labels, dict) or not labels:
        raise error(f"{where}: 'checks' ontbreekt of is leeg")
    unknown = sorted(set(labels) - {c.key for c in CHECKS})
    if unknown:
        raise error(f"{where}: onbekende check(s) {', '.join(unknown)}; mogelijk zijn "
                    f"{', '.join(c.key for c in CHECKS)}")
    missing = [kind for kind in PROMPT_KINDS if not str(prompts.get(kind) or "").strip()]
    if missing:
        raise error(f"{where}: de melding(en) {', '.join(missing)} ontbreken")
    rules = ChecklistRules(
        labels={str(k): str(v) for k, v in labels.items()},
        prompts={kind: str(prompts[kind]) for kind in PROMPT_KINDS},
        start=_time(hours.get("start", "08:00"), "start", where, error),
        end=_time(hours.get("end", "20:00"), "end", where, error),
        working_days_only=bool(hours.get("working_days_only", True)))
    if rules.start >= rules.end:
        raise error(f"{where}: de beltijden eindigen vóór ze beginnen")
    return rules


def _listed(entities: dict) -> dict[str, list]:
    """{entity: value or [values]} (as a payload holds them) as {entity: [values]}."""
    return {k: list(v) if isinstance(v, list) else [v] for k, v in entities.items()}


def call_turns(events: Sequence[dict], today: dt.date) -> list[Turn]:
    """A call's timeline as scorecard turns: each line with its reading (a debtor line's
    advice, or the reading the collector chose for it; a collector line's acts) and the
    values found when it was said, so a long call is not read again on every line."""
    chosen = {e.get("line"): e["payloads"][0].get("intent") for e in events
              if e["kind"] == "advice" and e.get("payloads")}
    turns = []
    for event in events:
        if event["kind"] != "line":
            continue
        if event.get("speaker") == "incasseerder":
            for act in event.get("acts") or [{"text": event["text"], "intent": ""}]:
                known = act.get("entities")
                turns.append(Turn.collector(act["text"], act.get("intent") or "", today,
                                            None if known is None else _listed(known)))
            continue
        read: dict = next((p for p in event.get("payloads") or []
                           if p.get("type") in ("advice", "unsure")), {})
        intent = chosen.get(event["id"]) or read.get("intent") or ""
        known = read.get("entities")
        turns.append(Turn(DEBTOR, event["text"], intent,
                          values_in(event["text"], today) if known is None else _listed(known)))
    return turns


def _prompt(acts: Sequence[Turn], earlier_kinds: set[str], moment: dt.datetime,
            rules: ChecklistRules, muted: Sequence[str]) -> dict | None:
    """The one prompt for the line just said (its acts), most serious first; None when
    nothing (or only a muted kind) applies."""
    if not acts:
        return None
    intents = {act.intent for act in acts}
    asked_back = moves.ASK_IN_RETURN in intents  # "als u vandaag betaalt, laat ik … vallen"
    applies = []
    if rules.outside_hours(moment) and "calling_hours" not in earlier_kinds:
        applies.append("calling_hours")  # once per call: it does not change per line
    if moves.THREATEN in intents:
        applies.append("threat")
    if moves.OFFER_CONCESSION in intents and not asked_back:
        applies.append("concession_without_return")
    if moves.VAGUE_PROPOSAL in intents or any(VAGUE_WORDS.search(a.text) for a in acts):
        applies.append("vague_agreement")
    kind = next((k for k in applies if k not in muted), None)
    if kind is None:
        return None
    text = rules.prompts[kind].format(start=f"{rules.start:%H:%M}", end=f"{rules.end:%H:%M}")
    return {"kind": kind, "text": text}


def checklist(turns: Sequence[Turn], case: Case | None, moment: dt.datetime,
              rules: ChecklistRules, muted: Sequence[str] = (),
              earlier_kinds: set[str] | None = None, latest: int = 1) -> dict:
    """The checklist payload after the last ``latest`` turns (the acts of a collector
    line); a prompt looks at those acts, the most serious first."""
    card = score(turns, case, moment.date())
    checks = [{"key": key, "label": label, "done": card.result(key).passed}
              for key, label in rules.labels.items()]
    said_now = [t for t in turns[-latest:] if t.speaker == COLLECTOR] if latest else []
    prompt = _prompt(said_now, earlier_kinds or set(), moment, rules, muted)
    return {"type": "checklist", "checks": checks, "prompt": prompt}


def check_mutable(kind: object, messages: dict[str, str]) -> str:
    if kind not in PROMPT_KINDS:
        raise ChecklistError(messages["unknown_prompt_kind"])
    return str(kind)
