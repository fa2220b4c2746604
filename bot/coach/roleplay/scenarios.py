"""Role-play scenarios as YAML a trainer can edit: which case, who the debtor is, the
excuses they try in order, the facts behind them (when, who, how much, why, what
happened), what it takes to get a concrete promise, and what they say.

Replies a scenario leaves out come from bot/roleplay/defaults.yml, which also holds the
keyword table that tells question types apart, the difficulty levels, the extra excuse
of the hard level and the words that are a bare "ja". Loading checks every field and
names the file and the field of any mistake, in Dutch, so a trainer can fix it.
"""
from __future__ import annotations

import datetime as dt
import string
from dataclasses import dataclass, field, replace
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
# the trainee has just proposed an exact date and amount. collection_costs is the
# statutory scale on the balance (bot/coach/statutory_costs.py), balance_with_costs the
# two together.
CASE_FIELDS = frozenset({"company", "contact", "invoice", "balance", "collection_costs",
                         "balance_with_costs"})
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
    "calmed": "begrip getoond terwijl de debiteur defensief was, en nu is hij rustig",
    "partly_calmed": "begrip getoond, maar de debiteur is nog niet gerust (vijandig op "
                     "moeilijk: één keer begrip is niet genoeg)",
    "understanding": "begrip getoond",
    "concession_without_return": "de trainee gaf iets weg zonder iets terug te vragen",
    "concession_with_return": "de trainee vroeg iets terug, maar nog zonder datum en bedrag",
    "summary_agreed": "samenvatting na een toezegging",
    "summary_not_agreed": "samenvatting terwijl er nog niets is afgesproken",
    "confirmation": "de trainee kondigde een schriftelijke bevestiging aan",
    "closing": "positieve afsluiting",
    "after_promise": "nieuw voorstel terwijl er al een afspraak is",
    "unclear": "de trainee zei iets dat niet te plaatsen is",
    "acknowledge": "de trainee zei alleen 'ja' of 'oké' (geen voorstel, geen concessie)",
    "remembered_amount": "voorstel met datum maar zonder bedrag, terwijl de trainee eerder "
                         "een bedrag noemde: de debiteur vraagt of dat bedrag bedoeld is",
    "need_date_named": "concreet voorstel, maar de trainee noemde de datum uit "
                       "promise.requires.date_named nog niet (bijv. die van de bevestiging)",
    "need_mention": "concreet voorstel, maar de trainee zei nog geen van de woorden uit "
                    "promise.requires.mentions (bijv. schuldhulpverlening)",
    "identity_confirmed": "identity_check: de trainee vroeg met wie hij spreekt; wie opnam "
                          "zegt wie hij is en geeft de debiteur aan de lijn",
    "guarded": "identity_check: de trainee noemde de schuld voordat hij wist met wie hij "
               "sprak; wie opnam wordt wantrouwig (telt als defensief)",
    "identity_unknown": "identity_check: de trainee vroeg of zei iets anders terwijl nog niet "
                        "duidelijk is wie er aan de lijn is",
}

# Question types the debtor answers from the facts of the scenario, with what they ask.
QUESTION_TYPES = {
    "when": "wanneer: een dag of datum",
    "who": "wie: een persoon",
    "how_much": "hoeveel: een bedrag",
    "why": "waarom: de reden",
    "what": "wat er gebeurd is",
}
DIFFICULTIES = ("easy", "medium", "hard")
DIFFICULTY_NL = {"easy": "makkelijk", "medium": "gemiddeld", "hard": "moeilijk"}
DEFAULT_DIFFICULTY = "medium"
LEVEL_FIELDS = {"max_excuses", "extra_excuse", "open_questions", "understanding",
                "hostile_start"}
WITH_PROPOSAL = frozenset({"objection", "promise", "need_open_questions", "need_invoice",
                           "need_understanding", "need_deal", "remembered_amount",
                           "need_date_named", "need_mention"})
REQUIRED_IN_SCENARIO = ("opening", "promise", "defensive")
# Own lines a scenario with identity_check: true must have (the generic ones cannot say
# who picked up the phone).
REQUIRED_FOR_IDENTITY = ("identity_confirmed", "guarded", "identity_unknown")
REQUIREMENT_FIELDS = ("open_questions", "invoice_named", "understanding", "deal",
                      "date_named", "mentions")


class ScenarioError(ValueError):
    """A scenario (or the defaults) cannot be used; the message says where and why."""


@dataclass(frozen=True)
class Persona:
    """``vulnerable``: a debtor in a hard time (illness, job loss, a death, debts piling
    up) who shuts down under pressure: a threat counts double, as for a hostile persona,
    and a payment proposal before any shown understanding makes them defensive too."""
    name: str
    description: str
    attitude: str
    important_customer: bool
    vulnerable: bool = False


@dataclass(frozen=True)
class Excuse:
    """A situation the debtor brings up: how they say it, what they reveal when asked
    open questions about it, the facts behind it and, per question type, how they answer
    a question of that type (lines that may use the facts as {when}, {who}, …)."""
    kind: str
    says: tuple[str, ...]
    answers: tuple[str, ...]
    facts: dict[str, str] = field(default_factory=dict)
    answers_to: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Level:
    """How much resistance a difficulty level adds: how many of the scenario's excuses
    the debtor uses (None: all), whether the extra excuse comes last, the change to the
    number of open questions required, whether understanding is always required (None:
    as the scenario says), and how defensive a hostile persona starts."""
    max_excuses: int | None = None
    extra_excuse: bool = False
    open_questions: int = 0
    understanding: bool | None = None
    hostile_start: int = 1


@dataclass(frozen=True)
class Defaults:
    """bot/roleplay/defaults.yml: fallback replies and typed answers, the keyword table
    for question types, the difficulty levels, the extra excuse of the hard level, the
    bare acknowledgements and the words the debtor puts before a line said again."""
    replies: dict[str, tuple[str, ...]]
    answers_to: dict[str, tuple[str, ...]] = field(default_factory=dict)
    questions: tuple[tuple[str, tuple[str, ...]], ...] = ()
    levels: dict[str, Level] = field(default_factory=dict)
    extra_excuse: Excuse | None = None
    acknowledgements: frozenset[str] = frozenset()
    said_before: tuple[str, ...] = ()
    identity_questions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Requirements:
    """What the trainee must have done before the debtor makes a concrete promise, on
    top of an exact date and amount in the proposal and all excuses handled.
    ``date_named``: a date the trainee must have named (e.g. of a written confirmation);
    ``mentions``: words of which the trainee must have said at least one (e.g.
    "schuldhulpverlening"), matched case-insensitively anywhere in a line."""
    open_questions: int = 2
    invoice_named: bool = True
    understanding: bool = False
    deal: bool = False
    date_named: dt.date | None = None
    mentions: tuple[str, ...] = ()


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
    facts: dict[str, str] = field(default_factory=dict)
    answers_to: dict[str, tuple[str, ...]] = field(default_factory=dict)
    questions: tuple[tuple[str, tuple[str, ...]], ...] = ()
    levels: dict[str, Level] = field(default_factory=dict)
    extra_excuse: Excuse | None = None
    acknowledgements: frozenset[str] = frozenset()
    said_before: tuple[str, ...] = ()
    identity_check: bool = False
    identity_questions: tuple[str, ...] = ()
    referral_check: bool = False  # promise.requires.mentions are words of a referral

    @property
    def starts_defensive(self) -> bool:
        return self.persona.attitude == "hostile"

    def level(self, difficulty: str) -> Level:
        return self.levels.get(difficulty) or Level()

    def excuses_for(self, difficulty: str) -> tuple[Excuse, ...]:
        """The excuses the debtor goes through at this difficulty, in order."""
        level = self.level(difficulty)
        excuses = self.excuses[:max(1, level.max_excuses)] if level.max_excuses else self.excuses
        if level.extra_excuse and self.extra_excuse is not None:
            excuses = (*excuses, self.extra_excuse)
        return excuses

    def requires_for(self, difficulty: str) -> Requirements:
        """What the trainee must have done for a promise at this difficulty."""
        level = self.level(difficulty)
        understanding = (self.requires.understanding if level.understanding is None
                         else level.understanding)
        return replace(self.requires, understanding=understanding,
                       open_questions=min(5, max(0, self.requires.open_questions
                                                 + level.open_questions)))

    def start_defensive(self, difficulty: str) -> int:
        return self.level(difficulty).hostile_start if self.starts_defensive else 0


def placeholders(line: str) -> set[str]:
    """The {fields} a reply line uses."""
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
            unknown = placeholders(line) - allowed
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


def _question_type(key: object, where: str) -> str:
    if key not in QUESTION_TYPES:
        raise ScenarioError(f"{where}: onbekend vraagtype '{key}'; kies uit "
                            f"{', '.join(QUESTION_TYPES)}")
    return str(key)


def _facts(data: object, where: str) -> dict[str, str]:
    """facts: {vraagtype: tekst}, e.g. when: "maandag 30 november"."""
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ScenarioError(f"{where}: verwacht per vraagtype één tekst, bijv. "
                            f'when: "maandag 30 november"')
    facts = {}
    for key, value in data.items():
        kind = _question_type(key, where)
        if not isinstance(value, str) or not value.strip():
            raise ScenarioError(f"{where}.{kind}: moet tekst zijn, niet {value!r}")
        facts[kind] = _lines(value, f"{where}.{kind}", CASE_FIELDS)[0].rstrip(".")
    return facts


def _answers_to(data: object, where: str, known_facts: set[str] | None
                ) -> dict[str, tuple[str, ...]]:
    """answers_to: {vraagtype: [zinnen]}; a line may use the facts as {when}, {who}, …
    When ``known_facts`` is given, every fact a line uses must be among them."""
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ScenarioError(f"{where}: verwacht per vraagtype een lijst met zinnen")
    answers = {}
    for key, value in data.items():
        kind = _question_type(key, where)
        lines = _lines(value, f"{where}.{kind}", CASE_FIELDS | frozenset(QUESTION_TYPES))
        if known_facts is not None:
            for i, line in enumerate(lines, 1):
                missing = sorted((placeholders(line) & set(QUESTION_TYPES)) - known_facts)
                if missing:
                    raise ScenarioError(
                        f"{where}.{kind}, zin {i}: gebruikt {{{missing[0]}}}, maar "
                        f"facts.{missing[0]} ontbreekt (zet het bij het smoesje of bovenaan "
                        f"het scenario)")
        answers[kind] = lines
    return answers


# how_much is always known: the case's open balance, unless the scenario says otherwise.
ALWAYS_KNOWN = {"how_much"}


def _excuse(item: object, at: str, scenario_facts: dict[str, str]) -> Excuse:
    if not isinstance(item, dict) or item.get("kind") not in EXCUSES:
        kind = item.get("kind") if isinstance(item, dict) else item
        raise ScenarioError(f"{at}: kind moet een van {', '.join(EXCUSES)} zijn, "
                            f"niet {kind!r}")
    unknown = set(item) - {"kind", "says", "answers", "facts", "answers_to"}
    if unknown:
        raise ScenarioError(f"{at}: onbekend veld '{sorted(unknown)[0]}'; een smoesje heeft "
                            f"kind, says, answers, facts en answers_to")
    facts = _facts(item.get("facts"), f"{at}.facts")
    known = set(scenario_facts) | set(facts) | ALWAYS_KNOWN
    return Excuse(kind=item["kind"],
                  says=_lines(item.get("says"), f"{at}.says", CASE_FIELDS),
                  answers=_lines(item.get("answers"), f"{at}.answers", CASE_FIELDS),
                  facts=facts,
                  answers_to=_answers_to(item.get("answers_to"), f"{at}.answers_to", known))


def _level(data: object, where: str) -> Level:
    if data is None:
        return Level()
    if not isinstance(data, dict):
        raise ScenarioError(f"{where}: verwacht velden als {', '.join(sorted(LEVEL_FIELDS))}")
    unknown = set(data) - LEVEL_FIELDS
    if unknown:
        raise ScenarioError(f"{where}: onbekend veld '{sorted(unknown)[0]}'; kies uit "
                            f"{', '.join(sorted(LEVEL_FIELDS))}")

    def number(key: str, low: int, high: int, default: int | None) -> int | None:
        value = data.get(key, default)
        if value is None and default is None:
            return None
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            raise ScenarioError(f"{where}.{key}: moet een geheel getal van {low} t/m {high} zijn")
        return value

    understanding = data.get("understanding")
    if understanding is not None and not isinstance(understanding, bool):
        raise ScenarioError(f"{where}.understanding: moet true of false zijn")
    return Level(max_excuses=number("max_excuses", 1, 10, None),
                 extra_excuse=_flag(data, "extra_excuse", where, False),
                 open_questions=number("open_questions", -5, 5, 0) or 0,
                 understanding=understanding,
                 hostile_start=number("hostile_start", 1, 5, 1) or 1)


def _words(value: object, where: str) -> tuple[str, ...]:
    return tuple(line.lower() for line in _lines(value, where, frozenset()))


def load_defaults(path: Path = DEFAULT_REPLIES) -> Defaults:
    """Everything a scenario falls back on; all reply types and levels must be present."""
    data = _read(path)
    name = Path(path).name
    replies = _replies(data.get("replies"), f"{name}: replies")
    missing = [key for key in REACTIONS if key not in replies]
    if missing:
        raise ScenarioError(f"{name}: replies mist {', '.join(missing)}")
    answers_to = _answers_to(data.get("answers_to"), f"{name}: answers_to", None)
    questions = data.get("questions")
    if not isinstance(questions, dict):
        raise ScenarioError(f"{name}: 'questions' ontbreekt (per vraagtype de woorden "
                            f"waaraan u de vraag herkent)")
    table = tuple((_question_type(kind, f"{name}: questions"),
                   _words(words, f"{name}: questions.{kind}"))
                  for kind, words in questions.items())
    missing = [kind for kind in QUESTION_TYPES
               if kind not in answers_to or kind not in dict(table)]
    if missing:
        raise ScenarioError(f"{name}: answers_to en questions moeten elk vraagtype hebben; "
                            f"{missing[0]} ontbreekt")
    levels_data = data.get("difficulty")
    if not isinstance(levels_data, dict) or set(levels_data) != set(DIFFICULTIES):
        raise ScenarioError(f"{name}: 'difficulty' moet precies {', '.join(DIFFICULTIES)} "
                            f"beschrijven")
    levels = {key: _level(levels_data[key], f"{name}: difficulty.{key}")
              for key in DIFFICULTIES}
    extra = _excuse(data.get("extra_excuse"), f"{name}: extra_excuse", {})
    return Defaults(replies=replies, answers_to=answers_to, questions=table, levels=levels,
                    extra_excuse=extra,
                    acknowledgements=frozenset(_words(data.get("acknowledgements"),
                                                      f"{name}: acknowledgements")),
                    said_before=_lines(data.get("said_before"), f"{name}: said_before",
                                       frozenset()),
                    identity_questions=_words(data.get("identity_questions"),
                                              f"{name}: identity_questions"))


def load_default_replies(path: Path = DEFAULT_REPLIES) -> dict[str, tuple[str, ...]]:
    """The fallback reply for every reaction type; all types must be present."""
    return load_defaults(path).replies


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


def _date(value: object, where: str) -> dt.date | None:
    """An optional date (YAML may already have made it one), e.g. 2026-11-10."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as err:
        raise ScenarioError(f"{where}: geen geldige datum (JJJJ-MM-DD): {value!r}") from err


def _flag(data: dict, key: str, where: str, default: bool) -> bool:
    value = data.get(key, default)
    if not isinstance(value, bool):
        raise ScenarioError(f"{where}.{key}: moet true of false zijn, niet {value!r}")
    return value


def scenario_from_dict(data: dict, defaults: Defaults, source: str = "scenario") -> Scenario:
    """Validate one scenario; what it leaves out is taken from ``defaults``."""
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
                                               f"{where}: persona", False),
                      vulnerable=_flag(persona_data, "vulnerable", f"{where}: persona", False))

    facts = _facts(data.get("facts"), f"{where}: facts")
    excuse_data = data.get("excuses")
    if not isinstance(excuse_data, list) or not excuse_data:
        raise ScenarioError(f"{where}: 'excuses' moet een lijst met minstens één smoesje zijn")
    excuses = [_excuse(item, f"{where}: excuses[{i}]", facts)
               for i, item in enumerate(excuse_data, 1)]
    extra = (_excuse(data["extra_excuse"], f"{where}: extra_excuse", facts)
             if data.get("extra_excuse") is not None else defaults.extra_excuse)
    known = set(facts) | ALWAYS_KNOWN | {k for e in excuses for k in e.facts}
    own_answers = _answers_to(data.get("answers_to"), f"{where}: answers_to", known)

    promise = data.get("promise")
    req = promise.get("requires") if isinstance(promise, dict) else None
    if not isinstance(req, dict):
        raise ScenarioError(f"{where}: 'promise.requires' ontbreekt")
    unknown = set(req) - set(REQUIREMENT_FIELDS)
    if unknown:
        raise ScenarioError(f"{where}: promise.requires kent '{sorted(unknown)[0]}' niet")
    questions = req.get("open_questions", 2)
    if not isinstance(questions, int) or isinstance(questions, bool) or not 0 <= questions <= 5:
        raise ScenarioError(f"{where}: promise.requires.open_questions moet 0 t/m 5 zijn")
    req_at = f"{where}: promise.requires"
    requires = Requirements(open_questions=questions,
                            invoice_named=_flag(req, "invoice_named", req_at, True),
                            understanding=_flag(req, "understanding", req_at, False),
                            deal=_flag(req, "deal", req_at, False),
                            date_named=_date(req.get("date_named"), f"{req_at}.date_named"),
                            mentions=(_words(req["mentions"], f"{req_at}.mentions")
                                      if req.get("mentions") is not None else ()))

    own = _replies(data.get("replies") or {}, f"{where}: replies")
    identity_check = _flag(data, "identity_check", where, False)
    missing = [key for key in REQUIRED_IN_SCENARIO + (REQUIRED_FOR_IDENTITY if identity_check
                                                      else ()) if key not in own]
    if missing:
        raise ScenarioError(f"{where}: replies.{missing[0]} ontbreekt (eigen zinnen voor "
                            f"deze persona zijn verplicht)")
    case_id = data.get("case")
    if not isinstance(case_id, str) or not case_id.strip():
        raise ScenarioError(f"{where}: veld 'case' (dossiernummer, bijv. DEMO-1) ontbreekt")
    return Scenario(id=_text(data, "id", where), title=_text(data, "title", where),
                    case_id=case_id.strip().upper(), persona=persona, excuses=tuple(excuses),
                    requires=requires, replies={**defaults.replies, **own}, source=source,
                    facts=facts, answers_to={**defaults.answers_to, **own_answers},
                    questions=defaults.questions, levels=defaults.levels, extra_excuse=extra,
                    acknowledgements=defaults.acknowledgements,
                    said_before=defaults.said_before, identity_check=identity_check,
                    identity_questions=defaults.identity_questions,
                    referral_check=_flag(data, "referral_check", where, False))


def load_scenario(path: Path | str, defaults: Defaults | None = None) -> Scenario:
    path = Path(path)
    return scenario_from_dict(_read(path), load_defaults() if defaults is None else defaults,
                              source=path.name)


def load_scenarios(directory: Path | str = SCENARIO_DIR) -> dict[str, Scenario]:
    """All scenarios in a folder, by id; ids must be unique."""
    defaults = load_defaults()
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
