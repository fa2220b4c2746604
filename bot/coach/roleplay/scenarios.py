"""Role-play scenarios as YAML a trainer can edit: which case, who the debtor is, the
excuses they try in order, what it takes to get a concrete promise, and what they say.

Replies a scenario leaves out come from bot/roleplay/defaults.yml. Loading checks every
field and names the file and the field of any mistake, in Dutch, so a trainer can fix it.
"""
from __future__ import annotations

import string
from dataclasses import dataclass
from pathlib import Path

from bot.coach.yaml_files import read_yaml

PROJECT_ROOT = Path(__file__).resolve().parents[3]
SCENARIO_DIR = PROJECT_ROOT / "bot" / "roleplay" / "scenarios"
DEFAULT_REPLIES = PROJECT_ROOT / "bot" / "roleplay" / "defaults.yml"

ATTITUDES = ("cooperative", "evasive", "hostile")
# The situations a debtor can bring up, named like the debtor intents of the NLU.
EXCUSES = ("excuse_invoice_not_received", "excuse_contact_unavailable", "excuse_bank_problem",
           "excuse_waiting_for_customer", "claim_already_paid", "dispute_invoice",
           "cannot_pay", "express_anger", "promise_vague")

# {placeholders} every reply may use (filled from the case) and those only usable where
# the trainee has just proposed an exact date and amount.
CASE_FIELDS = frozenset({"company", "contact", "invoice", "balance"})
PROPOSAL_FIELDS = frozenset({"date", "amount"})

# Reaction type → what the trainee just did. The simulator picks one line of the list.
REACTIONS = {
    "opening": "de debiteur neemt op",
    "introduce": "de trainee stelde zich voor",
    "purpose": "de trainee noemde het doel en alle smoesjes zijn al gebruikt",
    "open_question": "open vraag zonder specifiek antwoord bij het huidige smoesje",
    "closed_question": "gesloten vraag: kort antwoord, weinig informatie",
    "vague_proposal": "vaag voorstel: een even vaag antwoord",
    "objection": "concreet voorstel terwijl er nog een smoesje komt (gaat vóór dat smoesje)",
    "promise": "concreet voorstel en aan alle voorwaarden is voldaan: de toezegging",
    "need_date": "voorstel zonder datum",
    "need_amount": "voorstel zonder bedrag",
    "need_open_questions": "concreet voorstel, maar de trainee vroeg te weinig door",
    "need_invoice": "concreet voorstel, maar de factuur is niet genoemd",
    "need_understanding": "concreet voorstel, maar de trainee toonde geen begrip",
    "need_deal": "concreet voorstel, maar de debiteur wil iets terug (een regeling, uitstel)",
    "need_calm": "voorstel terwijl de debiteur nog defensief is",
    "defensive": "de trainee dreigde of verweet iets",
    "calmed": "begrip getoond terwijl de debiteur defensief was",
    "understanding": "begrip getoond",
    "concession_without_return": "de trainee gaf iets weg zonder iets terug te vragen",
    "concession_with_return": "de trainee vroeg iets terug, maar nog zonder datum en bedrag",
    "summary_agreed": "samenvatting na een toezegging",
    "summary_not_agreed": "samenvatting terwijl er nog niets is afgesproken",
    "confirmation": "de trainee kondigde een schriftelijke bevestiging aan",
    "closing": "positieve afsluiting",
    "after_promise": "nieuw voorstel terwijl er al een afspraak is",
    "unclear": "de trainee zei iets dat niet te plaatsen is",
}
WITH_PROPOSAL = frozenset({"objection", "promise", "need_open_questions", "need_invoice",
                           "need_understanding", "need_deal"})
REQUIRED_IN_SCENARIO = ("opening", "promise", "defensive")


class ScenarioError(ValueError):
    """A scenario (or the defaults) cannot be used; the message says where and why."""


@dataclass(frozen=True)
class Persona:
    name: str
    description: str
    attitude: str
    important_customer: bool


@dataclass(frozen=True)
class Excuse:
    """A situation the debtor brings up: how they say it and what they reveal when
    asked open questions about it."""
    kind: str
    says: tuple[str, ...]
    answers: tuple[str, ...]


@dataclass(frozen=True)
class Requirements:
    """What the trainee must have done before the debtor makes a concrete promise, on
    top of an exact date and amount in the proposal and all excuses handled."""
    open_questions: int = 2
    invoice_named: bool = True
    understanding: bool = False
    deal: bool = False


@dataclass(frozen=True)
class Scenario:
    id: str
    title: str
    case_id: str
    persona: Persona
    excuses: tuple[Excuse, ...]
    requires: Requirements
    replies: dict[str, tuple[str, ...]]
    source: str = ""

    @property
    def starts_defensive(self) -> bool:
        return self.persona.attitude == "hostile"


def _fields(line: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(line) if name is not None}


def _lines(value: object, where: str, allowed: frozenset[str]) -> tuple[str, ...]:
    """A non-empty list of non-empty strings using only allowed {placeholders}."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value:
        raise ScenarioError(f"{where}: geef een lijst met minstens één zin")
    lines = []
    for i, line in enumerate(value, 1):
        if not isinstance(line, str) or not line.strip():
            raise ScenarioError(f"{where}, zin {i}: moet tekst zijn, niet {line!r}")
        try:
            unknown = _fields(line) - allowed
        except ValueError as err:
            raise ScenarioError(f"{where}, zin {i}: accolades kloppen niet ({err})") from err
        if unknown:
            raise ScenarioError(
                f"{where}, zin {i}: onbekend veld {{{sorted(unknown)[0]}}}; hier mogen "
                f"{', '.join('{' + f + '}' for f in sorted(allowed))}")
        lines.append(" ".join(line.split()))
    return tuple(lines)


def _replies(data: object, where: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(data, dict):
        raise ScenarioError(f"{where}: verwacht per reactie een lijst met zinnen")
    replies = {}
    for key, value in data.items():
        if key not in REACTIONS:
            raise ScenarioError(f"{where}: onbekende reactie '{key}'; kies uit "
                                f"{', '.join(REACTIONS)}")
        allowed = CASE_FIELDS | (PROPOSAL_FIELDS if key in WITH_PROPOSAL else frozenset())
        replies[key] = _lines(value, f"{where}.{key}", allowed)
    return replies


def load_default_replies(path: Path = DEFAULT_REPLIES) -> dict[str, tuple[str, ...]]:
    """The fallback reply for every reaction type; all types must be present."""
    data = _read(path)
    replies = _replies(data.get("replies"), f"{path.name}: replies")
    missing = [key for key in REACTIONS if key not in replies]
    if missing:
        raise ScenarioError(f"{path.name}: replies mist {', '.join(missing)}")
    return replies


def _read(path: Path) -> dict:
    data = read_yaml(path, ScenarioError)
    if not isinstance(data, dict):
        raise ScenarioError(f"{Path(path).name}: verwacht velden als id, title, case, persona")
    return data


def _text(data: dict, key: str, where: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ScenarioError(f"{where}: veld '{key}' ontbreekt of is leeg")
    return " ".join(value.split())


def _flag(data: dict, key: str, where: str, default: bool) -> bool:
    value = data.get(key, default)
    if not isinstance(value, bool):
        raise ScenarioError(f"{where}.{key}: moet true of false zijn, niet {value!r}")
    return value


def scenario_from_dict(data: dict, defaults: dict[str, tuple[str, ...]],
                       source: str = "scenario") -> Scenario:
    """Validate one scenario; replies it leaves out are taken from ``defaults``."""
    where = source
    persona_data = data.get("persona")
    if not isinstance(persona_data, dict):
        raise ScenarioError(f"{where}: veld 'persona' ontbreekt")
    attitude = persona_data.get("attitude")
    if attitude not in ATTITUDES:
        raise ScenarioError(f"{where}: persona.attitude moet {', '.join(ATTITUDES)} zijn, "
                            f"niet {attitude!r}")
    persona = Persona(name=_text(persona_data, "name", f"{where}: persona"),
                      description=_text(persona_data, "description", f"{where}: persona"),
                      attitude=attitude,
                      important_customer=_flag(persona_data, "important_customer",
                                               f"{where}: persona", False))

    excuse_data = data.get("excuses")
    if not isinstance(excuse_data, list) or not excuse_data:
        raise ScenarioError(f"{where}: 'excuses' moet een lijst met minstens één smoesje zijn")
    excuses = []
    for i, item in enumerate(excuse_data, 1):
        at = f"{where}: excuses[{i}]"
        if not isinstance(item, dict) or item.get("kind") not in EXCUSES:
            kind = item.get("kind") if isinstance(item, dict) else item
            raise ScenarioError(f"{at}: kind moet een van {', '.join(EXCUSES)} zijn, "
                                f"niet {kind!r}")
        excuses.append(Excuse(kind=item["kind"],
                              says=_lines(item.get("says"), f"{at}.says", CASE_FIELDS),
                              answers=_lines(item.get("answers"), f"{at}.answers", CASE_FIELDS)))

    promise = data.get("promise")
    req = promise.get("requires") if isinstance(promise, dict) else None
    if not isinstance(req, dict):
        raise ScenarioError(f"{where}: 'promise.requires' ontbreekt")
    unknown = set(req) - {"open_questions", "invoice_named", "understanding", "deal"}
    if unknown:
        raise ScenarioError(f"{where}: promise.requires kent '{sorted(unknown)[0]}' niet")
    questions = req.get("open_questions", 2)
    if not isinstance(questions, int) or isinstance(questions, bool) or not 0 <= questions <= 5:
        raise ScenarioError(f"{where}: promise.requires.open_questions moet 0 t/m 5 zijn")
    req_at = f"{where}: promise.requires"
    requires = Requirements(open_questions=questions,
                            invoice_named=_flag(req, "invoice_named", req_at, True),
                            understanding=_flag(req, "understanding", req_at, False),
                            deal=_flag(req, "deal", req_at, False))

    own = _replies(data.get("replies") or {}, f"{where}: replies")
    missing = [key for key in REQUIRED_IN_SCENARIO if key not in own]
    if missing:
        raise ScenarioError(f"{where}: replies.{missing[0]} ontbreekt (eigen zinnen voor "
                            f"deze persona zijn verplicht)")
    case_id = data.get("case")
    if not isinstance(case_id, str) or not case_id.strip():
        raise ScenarioError(f"{where}: veld 'case' (dossiernummer, bijv. DEMO-1) ontbreekt")
    return Scenario(id=_text(data, "id", where), title=_text(data, "title", where),
                    case_id=case_id.strip().upper(), persona=persona, excuses=tuple(excuses),
                    requires=requires, replies={**defaults, **own}, source=source)


def load_scenario(path: Path | str, defaults: dict[str, tuple[str, ...]] | None = None) -> Scenario:
    path = Path(path)
    return scenario_from_dict(_read(path), load_default_replies() if defaults is None else defaults,
                              source=path.name)


def load_scenarios(directory: Path | str = SCENARIO_DIR) -> dict[str, Scenario]:
    """All scenarios in a folder, by id; ids must be unique."""
    defaults = load_default_replies()
    scenarios: dict[str, Scenario] = {}
    for path in sorted(Path(directory).glob("*.yml")):
        scenario = load_scenario(path, defaults)
        if scenario.id in scenarios:
            raise ScenarioError(f"{path.name}: id '{scenario.id}' komt ook voor in "
                                f"{scenarios[scenario.id].source}")
        scenarios[scenario.id] = scenario
    if not scenarios:
        raise ScenarioError(f"geen scenario's gevonden in {directory}")
    return scenarios
