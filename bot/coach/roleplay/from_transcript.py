"""From a real call to practice: a role-play scenario built from a transcript and a case.

The debtor's lines of the transcript ("Debiteur: …") are classified as debtor intents
with the ``classify`` function the caller passes (the trained model in the terminal, a
keyword rule in the tests). The excuses the debtor tries become the scenario's excuses,
in the order they first come up, in the debtor's own words:

* a line of an excuse kind is said (``says``) unless it answers a question of the
  collector (the collector line before it has a "?"), then it is an answer
  (``answers``); the first line of a kind is always said. Lines of a kind that comes
  back later in the call join that excuse: one excuse per kind;
* an excuse without an answering line gets general answers for its kind (below);
* a date still to come in an excuse's lines (``Found.text``, as the debtor said it)
  becomes its ``facts.when`` (not for claim_already_paid, whose dates lie behind us).

The persona is the case's contact; the attitude is hostile when the debtor was angry
(express_anger), evasive after two or more vague promises, else cooperative. The
promise requirements are the loader's defaults. The required replies come from the call
where possible — the debtor's greeting is the opening, angry lines are the defensive
reply, a promise with a date and an amount becomes the promise with {date} and
{amount} in their place, a goodbye the closing — and otherwise from defaults.yml.

The result is validated with the scenario loader before it is returned, so what is
written always loads and plays.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import yaml  # no types-PyYAML in the venv

from bot.coach.cases import Case
from bot.coach.clock import today as current_day
from bot.coach.dutch_values import find_values
from bot.coach.formatting import join_nl
from bot.coach.roleplay.scenarios import (
    EXCUSES,
    Defaults,
    Requirements,
    Scenario,
    load_defaults,
    scenario_from_dict,
)
from bot.coach.roleplay.transcript import Classify, TranscriptLine, parse_transcript
from bot.coach.roleplay.turns import COLLECTOR, DEBTOR

ANGER = "express_anger"
VAGUE = "promise_vague"
VAGUE_FOR_EVASIVE = 2  # this many vague promises make the persona evasive
MAX_LINES = 4  # at most this many lines per says / answers / reply list
ID_LENGTH = 60

# What the debtor brings up, as the persona description names it.
EXCUSE_NL = {
    "excuse_invoice_not_received": "de factuur die niet zou zijn aangekomen",
    "excuse_contact_unavailable": "de contactpersoon die er niet is",
    "excuse_bank_problem": "een probleem bij de bank",
    "excuse_waiting_for_customer": "het wachten op geld van de eigen klant",
    "claim_already_paid": "de bewering dat er al betaald is",
    "dispute_invoice": "een geschil over de factuur",
    "cannot_pay": "geldgebrek",
    ANGER: "boosheid over het telefoontje",
    VAGUE: "vage beloftes",
}
# Answers to open questions for an excuse the call gave no answering line for.
GENERIC_ANSWERS = {
    "excuse_invoice_not_received": [
        "Ik heb echt niets binnengekregen, ook niet in de spam. Naar welk adres is hij gestuurd?",
        "Als u hem nog een keer mailt, kijk ik er meteen naar.",
    ],
    "excuse_contact_unavailable": [
        "Degene die de betalingen doet, is er nu niet. Ik weet niet precies hoe hij het plant.",
        "Ik kan het zelf wel, maar ik laat het liever aan hem over.",
    ],
    "excuse_bank_problem": [
        "De bank heeft het nog niet opgelost. Ik zit er zelf ook op te wachten.",
        "Zodra de bank het weer doet, gaat de betaling eruit.",
    ],
    "excuse_waiting_for_customer": [
        "Onze eigen klant heeft nog niet betaald, en daar hangt het van af.",
        "Als dat geld binnen is, betalen wij u meteen.",
    ],
    "claim_already_paid": [
        "Volgens mij is het gewoon overgemaakt. Ik moet het even nakijken in de bank.",
        "Ik weet zeker dat ik er een betaling voor heb klaargezet.",
    ],
    "dispute_invoice": [
        "Het klopt gewoon niet met wat we hebben afgesproken. Daar wil ik eerst uitsluitsel over.",
        "Als dat is rechtgezet, betaal ik de rest zonder problemen.",
    ],
    "cannot_pay": [
        "Het is op dit moment gewoon krap. Alles in één keer lukt me niet.",
        "In delen zou het misschien wel gaan.",
    ],
    ANGER: [
        "Het gaat mij erom hoe jullie met ons omgaan. Wij zijn geen wanbetalers.",
        "Ik wil eerst gehoord worden voordat we over geld praten.",
    ],
    VAGUE: [
        "Ik wil gewoon niets beloven wat ik straks niet kan waarmaken.",
        "Ik moet eerst kijken hoe het er deze week voor staat.",
    ],
}
OPENING = ["{company}, goedemorgen.", "Met {company}, goedemorgen. Waar gaat het over?"]


class FromTranscriptError(ValueError):
    """No scenario can be made; the message (Dutch) says why."""


class CaseLookup(Protocol):
    def get(self, case_id: str) -> Case | None: ...


@dataclass
class _Excuse:
    kind: str
    says: list[TranscriptLine] = field(default_factory=list)
    answers: list[TranscriptLine] = field(default_factory=list)


@dataclass(frozen=True)
class TranscriptScenario:
    """The scenario as YAML fields (``data``), validated (``scenario``), and what each
    part was taken from (``notes``, written as comments above the YAML)."""
    data: dict
    scenario: Scenario
    notes: tuple[str, ...]

    def to_yaml(self, command: str = "") -> str:
        header = ["# Rollenspelscenario, gemaakt uit een echt gesprek"
                  + (f" met\n#   {command}" if command else ".")]
        header += ["# Alle velden staan uitgelegd in 01-factuur-niet-ontvangen.yml. Het model "
                   "heeft de", "# smoesjes herkend, niet een mens: lees het na en pas het aan."]
        header += [f"# {note}" for note in self.notes]
        body = yaml.safe_dump(self.data, allow_unicode=True, sort_keys=False, width=4096,
                              default_flow_style=False)
        return "\n".join(header) + "\n" + body


def debtor_lines(text: str) -> list[TranscriptLine]:
    """The transcript's lines (all speakers); raises TranscriptError for a malformed
    transcript (naming the line) and FromTranscriptError when the debtor never speaks."""
    lines = parse_transcript(text)
    if not any(line.speaker == DEBTOR for line in lines):
        raise FromTranscriptError(
            "Het transcript heeft geen regels van de debiteur ('Debiteur: …'), dus er zijn "
            "geen smoesjes om een scenario van te maken.")
    return lines


def find_case(store: CaseLookup, case_id: str) -> Case:
    key = " ".join(str(case_id or "").split()).upper()
    case = store.get(key) if key else None
    if case is None:
        raise FromTranscriptError(f"Dossier '{str(case_id)[:40]}' staat niet in de "
                                  f"dossieropslag; geef een bestaand dossiernummer, bijv. DEMO-1.")
    return case


def slug(text: str) -> str:
    """"Bankstoring — Bakkerij Smit" → "bankstoring-bakkerij-smit"."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:ID_LENGTH].strip("-")


def _clean(text: str) -> str:
    """A line as the scenario may hold it: braces would be read as {fields}."""
    return " ".join(text.replace("{", "(").replace("}", ")").split())


def classified_texts(lines: Sequence[TranscriptLine]) -> list[str]:
    """What build_scenario asks ``classify`` about: each debtor line, cleaned. For a caller
    that must classify beforehand (the pane's running model answers asynchronously)."""
    return [_clean(line.text) for line in lines if line.speaker == DEBTOR]


def _unique(lines: Iterable[str], limit: int = MAX_LINES) -> list[str]:
    seen: dict[str, str] = {}
    for line in lines:
        seen.setdefault(line.lower(), line)
    return list(seen.values())[:limit]


def _numbers(lines: Sequence[TranscriptLine]) -> str:
    """"regel 4" or "regels 4, 6"."""
    return ("regel " if len(lines) == 1 else "regels ") + ", ".join(str(line.number)
                                                                  for line in lines)


def _promise_line(text: str, today: dt.date) -> str | None:
    """A debtor's promise with its first date and amount as {date} and {amount}; None
    unless it names both."""
    found = find_values(text, today)
    date = next((f for f in found if f.entity == "date"), None)
    amount = next((f for f in found if f.entity == "amount"), None)
    if date is None or amount is None:
        return None
    line = text
    for value, name in sorted(((date, "{date}"), (amount, "{amount}")),
                              key=lambda pair: pair[0].start, reverse=True):
        line = line[:value.start] + name + line[value.end:]
    return line


def _future_date(lines: Sequence[TranscriptLine], today: dt.date) -> str | None:
    for line in lines:
        for value in find_values(line.text, today):
            if value.entity == "date" and value.as_date() >= today:
                return value.text
    return None


def build_scenario(lines: Sequence[TranscriptLine], case: Case, classify: Classify,
                   title: str | None = None, today: dt.date | None = None,
                   defaults: Defaults | None = None) -> TranscriptScenario:
    """The scenario for a parsed transcript (``debtor_lines``) on ``case``; raises
    FromTranscriptError when no debtor line is an excuse."""
    today = today or current_day()
    defaults = defaults if defaults is not None else load_defaults()
    cleaned = [TranscriptLine(line.number, line.speaker, _clean(line.text)) for line in lines]
    excuses: dict[str, _Excuse] = {}
    by_intent: dict[str, list[TranscriptLine]] = {}
    picked_up: TranscriptLine | None = None  # a debtor line before the collector spoke
    asked = False  # the collector's last line was a question
    for line in cleaned:
        if line.speaker == COLLECTOR:
            asked = "?" in line.text
            continue
        intent = str(classify(line.text, DEBTOR)[0])  # the model may give a str subclass
        by_intent.setdefault(intent, []).append(line)
        if line is cleaned[0]:
            picked_up = line
        if intent in EXCUSES:
            excuse = excuses.setdefault(intent, _Excuse(intent))
            (excuse.answers if asked and excuse.says else excuse.says).append(line)
    if not excuses:
        heard = join_nl(sorted(by_intent)) or "niets"
        raise FromTranscriptError(
            "Geen van de regels van de debiteur is een smoesje (herkend: " + heard + "), "
            "dus er valt geen scenario van te maken. Een scenario heeft minstens één smoesje "
            "nodig: " + ", ".join(EXCUSES) + ".")

    notes = ["Smoesjes uit het gesprek (regelnummers van het transcript):"]
    excuse_data = []
    fallback: list[str] = []
    for number, excuse in enumerate(excuses.values(), 1):
        item: dict = {"kind": excuse.kind, "says": _unique(line.text for line in excuse.says)}
        if excuse.answers:
            item["answers"] = _unique(line.text for line in excuse.answers)
        else:
            item["answers"] = list(GENERIC_ANSWERS[excuse.kind])
            fallback.append(f"excuses[{number}].answers")
        when = (_future_date([*excuse.says, *excuse.answers], today)
                if excuse.kind != "claim_already_paid" else None)
        if when:
            item["facts"] = {"when": _clean(when)}
        excuse_data.append(item)
        answered = f"; answers: {_numbers(excuse.answers)}" if excuse.answers else ""
        notes.append(f"  {number}. {excuse.kind}: says: {_numbers(excuse.says)}{answered}")

    anger = by_intent.get(ANGER, [])
    vague = by_intent.get(VAGUE, [])
    if anger:
        attitude, why = "hostile", f"boos op {_numbers(anger)}"
    elif len(vague) >= VAGUE_FOR_EVASIVE:
        attitude, why = "evasive", f"vage beloftes op {_numbers(vague)}"
    else:
        attitude, why = "cooperative", "geen boosheid en hooguit één vage belofte"
    notes.append(f"Houding {attitude}: {why}.")

    replies: dict[str, list[str]] = {}
    greetings = by_intent.get("greet", [])
    in_excuses = {line.number for e in excuses.values() for line in (*e.says, *e.answers)}
    opening = greetings[0] if greetings else (
        picked_up if picked_up is not None and picked_up.number not in in_excuses else None)
    if opening is not None:
        replies["opening"] = [opening.text]
        later = [line.text for line in greetings if line.number != opening.number]
        if later:
            replies["introduce"] = _unique(later)
    else:
        replies["opening"] = list(OPENING)
        fallback.append("replies.opening")
    if anger:
        replies["defensive"] = _unique(line.text for line in anger)
    else:
        replies["defensive"] = list(defaults.replies["defensive"])
        fallback.append("replies.defensive")
    promises = [p for p in (_promise_line(line.text, today)
                            for line in by_intent.get("promise_to_pay", [])) if p]
    if promises:
        replies["promise"] = _unique(promises)
    else:
        replies["promise"] = list(defaults.replies["promise"])
        fallback.append("replies.promise")
    goodbyes = by_intent.get("goodbye", [])
    if goodbyes:
        replies["closing"] = _unique(line.text for line in goodbyes)
    if fallback:
        notes.append("Niet uit het gesprek (algemene zinnen of defaults.yml): "
                     + ", ".join(fallback) + ".")

    title = " ".join((title or "").split())
    scenario_id = slug(title) or slug(f"{case.id} {today.isoformat()}")
    if not title:
        title = f"Uit een echt gesprek — {case.company} ({today:%d-%m-%Y})"
    role = (case.contact.role or "contactpersoon")
    description = (f"{role[:1].upper()}{role[1:]} van {case.company}"
                   f"{f' ({case.sector})' if case.sector else ''}. Dit scenario komt uit een "
                   f"echt gesprek: de debiteur begon over "
                   f"{join_nl([EXCUSE_NL[kind] for kind in excuses])}.")
    requires = Requirements()
    data = {
        "id": scenario_id,
        "title": title,
        "case": case.id,
        "persona": {"name": case.contact.name, "description": _clean(description),
                    "attitude": attitude, "important_customer": case.important_customer},
        "excuses": excuse_data,
        "promise": {"requires": {"open_questions": requires.open_questions,
                                 "invoice_named": requires.invoice_named,
                                 "understanding": requires.understanding,
                                 "deal": requires.deal}},
        "replies": replies,
    }
    scenario = scenario_from_dict(data, defaults, source=f"{scenario_id}.yml")
    return TranscriptScenario(data, scenario, tuple(notes))


def scenario_from_transcript(text: str, case_id: str, store: CaseLookup, classify: Classify,
                             title: str | None = None, today: dt.date | None = None,
                             defaults: Defaults | None = None) -> TranscriptScenario:
    """Parse, look up the case and build (raises TranscriptError or FromTranscriptError)."""
    lines = debtor_lines(text)
    return build_scenario(lines, find_case(store, case_id), classify, title, today, defaults)


def id_in_use(directory: Path, scenario_id: str, besides: Path | None = None) -> Path | None:
    """The scenario file in ``directory`` (other than ``besides``) that already has this
    id: the trainer refuses two scenarios with one id."""
    for path in sorted(Path(directory).glob("*.yml")):
        if besides is not None and path.resolve() == besides.resolve():
            continue
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue
        if isinstance(data, dict) and str(data.get("id", "")).strip() == scenario_id:
            return path
    return None
