"""The playbook: advice per situation, firmness profiles and texts, kept as YAML.

The YAML is validated on load so that a manager's typo gives a clear message naming the
situation and field, instead of a broken advice card in the middle of a call.
"""
from __future__ import annotations

import string
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from bot.coach.yaml_files import read_yaml

if TYPE_CHECKING:
    from bot.coach.checklist import ChecklistRules
    from bot.coach.followups import FollowUpRules

PLAYBOOK_PATH = Path(__file__).resolve().parents[1] / "playbook.yml"
CONDITIONS = ("has_costs", "delivery_stop", "has_dispute", "important_customer")
PROFILE_FIELDS = ("pay_within_days", "down_payment_percent", "rest_within_days",
                  "max_installments", "extension_days")


class PlaybookError(ValueError):
    """The playbook file is missing, not YAML, or misses something the coach needs."""


@dataclass(frozen=True)
class Concession:
    give: str
    get: str
    only_if: str | None = None


@dataclass(frozen=True)
class Situation:
    name: str
    label: str
    say: str
    probing_questions: tuple[str, ...]
    proposals: tuple[str, ...]
    concessions: tuple[Concession, ...]
    avoid: tuple[str, ...]
    next_step: str


@dataclass(frozen=True)
class Profile:
    name: str
    label: str
    pay_within_days: int
    down_payment_percent: int
    rest_within_days: int
    max_installments: int
    extension_days: int


@dataclass(frozen=True)
class AgreementRules:
    """Limits for recording payment agreements: how far ahead a date may lie, the grace in
    business days before an unpaid promise counts as broken, and the least NLU confidence
    at which a line may record anything."""
    horizon_days: int
    grace_days: int
    min_confidence: float


@dataclass(frozen=True)
class Playbook:
    situations: dict[str, Situation]
    profiles: dict[str, Profile]
    proposal_texts: dict[str, str]
    messages: dict[str, str]
    call_windows: tuple[str, ...]
    preferred_weekdays: tuple[str, ...]
    callback_time: str
    agreement_rules: AgreementRules
    followup_rules: FollowUpRules
    checklist_rules: ChecklistRules

    def situation(self, name: str) -> Situation:
        return self.situations.get(name) or self.situations["unknown"]


class _Facts(dict):
    """Fills {placeholders}; unknown ones stay visible instead of raising."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(template: str, facts: dict) -> str:
    return string.Formatter().vformat(template, (), _Facts(facts))


def _text_list(entry: dict, key: str, where: str, minimum: int = 0) -> tuple[str, ...]:
    items = entry.get(key) or []
    if not isinstance(items, list) or not all(isinstance(i, str) and i.strip() for i in items):
        raise PlaybookError(f"{where}: '{key}' moet een lijst met teksten zijn")
    if len(items) < minimum:
        raise PlaybookError(f"{where}: '{key}' heeft er minstens {minimum} nodig")
    return tuple(items)


def _text(entry: dict, key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise PlaybookError(f"{where}: '{key}' ontbreekt of is leeg")
    return value


def _number(entry: dict, key: str, where: str, kind: type, low: float, high: float) -> int | float:
    value = entry.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float) \
            or (kind is int and not float(value).is_integer()) or not low <= value <= high:
        what = "een geheel getal" if kind is int else "een getal"
        raise PlaybookError(f"{where}: '{key}' moet {what} van {low:g} tot en met {high:g} zijn")
    return kind(value)


def parse_agreement_rules(data: object, source: str = "playbook") -> AgreementRules:
    where = f"{source}: agreements"
    if not isinstance(data, dict):
        raise PlaybookError(f"{where}: ontbreekt of is geen mapping")
    return AgreementRules(horizon_days=int(_number(data, "horizon_days", where, int, 1, 3660)),
                          grace_days=int(_number(data, "grace_days", where, int, 0, 30)),
                          min_confidence=_number(data, "min_confidence", where, float, 0, 1))


def parse_playbook(data: object, source: str = "playbook") -> Playbook:
    # The follow-up rules and the checklist's live with their modules, which need
    # PlaybookError from here.
    from bot.coach.checklist import parse_checklist_rules
    from bot.coach.followups import parse_followup_rules
    if not isinstance(data, dict):
        raise PlaybookError(f"{source}: verwacht een mapping bovenaan")
    texts = data.get("proposal_texts") or {}
    situations = {}
    for name, entry in (data.get("situations") or {}).items():
        where = f"{source}: situatie {name}"
        if not isinstance(entry, dict):
            raise PlaybookError(f"{where}: moet een mapping zijn")
        concessions = []
        for item in entry.get("concessions") or []:
            if not isinstance(item, dict) or not item.get("give") or not item.get("get"):
                raise PlaybookError(f"{where}: elke concessie heeft 'give' én 'get' nodig")
            if item.get("only_if") not in (None, *CONDITIONS):
                raise PlaybookError(f"{where}: onbekende voorwaarde only_if: {item['only_if']}")
            concessions.append(Concession(item["give"], item["get"], item.get("only_if")))
        proposals = _text_list(entry, "proposals", where)
        unknown = [p for p in proposals if p not in texts]
        if unknown:
            raise PlaybookError(f"{where}: onbekend voorstel {', '.join(unknown)}")
        situations[name] = Situation(
            name=name, label=_text(entry, "label", where), say=_text(entry, "say", where),
            probing_questions=_text_list(entry, "probing_questions", where, minimum=1),
            proposals=proposals, concessions=tuple(concessions),
            avoid=_text_list(entry, "avoid", where), next_step=_text(entry, "next_step", where))
    if "unknown" not in situations:
        raise PlaybookError(f"{source}: de situatie 'unknown' (algemeen advies) ontbreekt")
    profiles = {}
    for name, entry in (data.get("profiles") or {}).items():
        where = f"{source}: profiel {name}"
        try:
            values = {f: int(entry[f]) for f in PROFILE_FIELDS}
        except (KeyError, TypeError, ValueError) as err:
            raise PlaybookError(
                f"{where}: {', '.join(PROFILE_FIELDS)} moeten getallen zijn") from err
        profiles[name] = Profile(name=name, label=str(entry.get("label", name)), **values)
    missing = {"strict", "standard", "accommodating"} - profiles.keys()
    if missing:
        raise PlaybookError(f"{source}: profiel(en) ontbreken: {', '.join(sorted(missing))}")
    moments = data.get("call_moments") or {}
    return Playbook(
        situations=situations, profiles=profiles, proposal_texts=dict(texts),
        messages=dict(data.get("messages") or {}),
        call_windows=tuple(moments.get("windows") or ()),
        preferred_weekdays=tuple(moments.get("preferred_weekdays") or ()),
        callback_time=str(moments.get("callback_time", "10:00")),
        agreement_rules=parse_agreement_rules(data.get("agreements"), source),
        followup_rules=parse_followup_rules(data.get("followups"), source),
        checklist_rules=parse_checklist_rules(data.get("live_checklist"), source, PlaybookError))


def load_playbook(path: Path | str = PLAYBOOK_PATH) -> Playbook:
    path = Path(path)
    return parse_playbook(read_yaml(path, PlaybookError), path.name)


@lru_cache(maxsize=1)
def default_playbook() -> Playbook:
    return load_playbook()
