"""The scorecard: ten yes/no checks on the collector's lines, each tied to a practice
from the articles in shared/seeds/ (the checks themselves: bot.coach.roleplay.checks), a
total out of 100 from the checks that were met — a check half met shows how far the trainee
got but earns nothing, as a trainer judges it — and, for every check that is not fully met,
a tip that quotes the trainee's own line.

It reads a list of Turns, so a live role-play, a scored transcript and a scripted test
are graded the same way.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from bot.coach.cases import Case
from bot.coach.clock import today as current_day
from bot.coach.roleplay.checks import CHECK_FUNCTIONS, check_identity_first, check_referral
from bot.coach.roleplay.reading import read_acts
from bot.coach.roleplay.second_reading import SecondReading
from bot.coach.roleplay.tips import Example, quote
from bot.coach.roleplay.turns import Turn, collector_turns


@dataclass(frozen=True)
class Check:
    key: str
    label: str
    practice: str  # the good practice behind it, in our words, with the article it is from
    weight: int
    # The tip after the quoted line when the second reading takes the check away.
    doubt: str = ""


CHECKS = (
    Check("purpose_deadline", "Doel en termijn genoemd",
          "Zeg vroeg in het gesprek waarom u belt en vóór wanneer u het geld wilt zien "
          "(01 Doel noemen; 03 Bepaal uw doel).", 10,
          "Zo bleef onduidelijk waarom u belde of vóór wanneer u het geld wilt zien. Zeg beide "
          "vroeg in het gesprek."),
    Check("invoice_amount", "Factuurnummer en bedrag genoemd",
          "Maak het tastbaar: noem het factuurnummer en het openstaande bedrag "
          "(01 Doel noemen; 02 Tip 1).", 10,
          "Zo was niet eenduidig welke factuur en welk bedrag openstaan. Noem het factuurnummer "
          "en het openstaande bedrag."),
    Check("open_questions", "Minstens twee open vragen",
          "Laat de debiteur met open vragen zelf meedenken over de oplossing "
          "(01 Onderhandelen; 05 tip 6 doorvragen).", 10,
          "Dat telt niet als een echte open vraag. Vraag zo dat de debiteur moet uitleggen, "
          "bijvoorbeeld: “Hoe ziet uw betaalplanning er deze maand uit?”"),
    Check("understanding", "Begrip getoond zonder toe te geven",
          "Leef mee met de situatie, maar houd uw doel vast (01 Onderhandelen; 02 Tip 2; "
          "05 tip 4).", 10,
          "Hier klonk uw begrip niet echt, of liet u daarmee het doel los. Laat merken dat u de "
          "situatie snapt en houd daarna vast aan betaling."),
    Check("concrete_agreement", "Concrete afspraak met exacte datum en bedrag",
          "Spreek een precieze datum en een precies bedrag af; 'zo snel mogelijk' is geen "
          "afspraak (02 Tip 3; 04 Tip 4; 05 tip 8).", 15,
          "Zo bleef de afspraak niet hard genoeg. Leg één datum en één bedrag vast, bijvoorbeeld "
          "{amount} uiterlijk {deadline}."),
    Check("concession_return", "Geen concessie zonder iets terug",
          "Geeft u iets toe, vraag er dan iets voor terug (01 Onderhandelen).", 10,
          "Hier gaf u iets toe zonder er iets tegenover te zetten. Vraag bij elke toegeving iets "
          "terug, zoals een vaste betaaldatum of een eerste deelbetaling."),
    Check("summarised", "Afspraken samengevat",
          "Zet aan het eind de afspraken met datum en bedrag nog eens op een rij "
          "(01 Afspraak; 02 Tip 4; 04 Tip 5).", 10,
          "Dat is nog geen volledige samenvatting van de afspraak. Zet aan het eind datum en "
          "bedrag samen op een rij en vraag of het klopt."),
    Check("confirmation", "Schriftelijke bevestiging aangekondigd",
          "Zeg dat u de afspraken per mail of brief bevestigt en vraag om een reactie "
          "(01 Nazorg; 02 Tip 4; 04 Tip 5).", 10,
          "Daarmee zegde u nog geen schriftelijke bevestiging van de afspraak toe. Zeg dat u de "
          "afspraken per mail of brief bevestigt."),
    Check("positive_close", "Positief afgesloten",
          "Rond vriendelijk af: bedank, bied ruimte voor vragen en wens een goede dag "
          "(01 Afsluiting).", 5,
          "Zo klonk het einde kortaf. Bedank de debiteur en wens een goede dag."),
    Check("no_threats", "Geen dreigementen of boosheid",
          "Blijf rustig en zakelijk; dreigen en verwijten werken averechts "
          "(02 Tip 2; 03 Niet dreigen; 05 tip 5).", 10,
          "Dat kan als dreigement of verwijt klinken. Blijf rustig en zakelijk, ook als de "
          "debiteur dat niet is."),
)

# Judged only in the scenarios that train them (ScenarioFocus); the total stays out of 100.
IDENTITY_FIRST = Check(
    "identity_first", "Eerst nagegaan met wie u spreekt",
    "Bespreek een schuld alleen met de debiteur zelf: vraag eerst met wie u spreekt "
    "(privacy, AVG).", 10)
REFERRAL = Check(
    "referral", "Gewezen op hulp bij schulden",
    "Loopt iemand vast, wijs dan op hulp, zoals de schuldhulpverlening van de gemeente "
    "(gedragsregels voor incasso).", 10)
@dataclass(frozen=True)
class ScenarioFocus:
    """What a scenario trains besides the ten checks: the words that ask who is on the
    line (identity check judged when given) and the words that point to help with debts
    (referral judged when given)."""
    identity_questions: tuple[str, ...] = ()
    referral_words: tuple[str, ...] = ()


@dataclass(frozen=True)
class CheckResult:
    check: Check
    credit: float  # 0 … 1: how far the collector got (the trend and proficiency show it)
    tip: str | None
    turned: bool = False  # the second reading decided the other way than the rules

    @property
    def passed(self) -> bool:
        return self.credit >= 1.0

    @property
    def points(self) -> float:
        """The weight for a check that was done, nothing for one half done: a summary
        without the amount is no summary of the agreement, as a trainer judges it (and
        half points lifted poor calls into the range of mediocre ones)."""
        return float(self.check.weight) if self.passed else 0.0


@dataclass(frozen=True)
class Scorecard:
    results: tuple[CheckResult, ...]

    @property
    def total(self) -> int:
        """Out of 100, also when a scenario adds its own checks."""
        weights = sum(r.check.weight for r in self.results)
        return round(sum(r.points for r in self.results) * 100 / weights) if weights else 0

    def result(self, key: str) -> CheckResult:
        return next(r for r in self.results if r.check.key == key)

    def to_payload(self) -> dict:
        return {"type": "scorecard", "total": self.total, "checks": [
            {"key": r.check.key, "label": r.check.label, "practice": r.check.practice,
             "weight": r.check.weight, "credit": r.credit, "points": round(r.points, 1),
             "passed": r.passed, "tip": r.tip, "turned": r.turned} for r in self.results]}

    def to_text(self) -> str:
        lines = [f"Scorekaart: {self.total} van de 100 punten", ""]
        for r in self.results:
            mark = "✔" if r.passed else ("½" if r.credit > 0 else "✘")
            points = f"{r.points:g}/{r.check.weight}"
            lines.append(f"  {mark} {r.check.label:<46} {points:>7}")
        tips = [r for r in self.results if r.tip]
        if tips:
            lines += ["", "Zo kan het beter:"]
            for r in tips:
                lines.append(f"  • {r.check.label}: {r.tip}")
                lines.append(f"    (praktijk: {r.check.practice})")
        return "\n".join(lines)


def score(turns: Sequence[Turn], case: Case | None = None, today: dt.date | None = None,
          focus: ScenarioFocus | None = None,
          second_reading: SecondReading | None = None) -> Scorecard:
    """Grade the collector's lines in ``turns`` (debtor lines give context: excuses and
    whether a proposal was accepted); ``focus`` adds a scenario's own checks, and
    ``second_reading`` may turn a check the rules decided (second_reading.py)."""
    example = Example.for_case(case, today or current_day())
    said = collector_turns(turns)
    # The costly moves need their words too; dates already past are no deadline (cues).
    turns = read_acts(list(turns), today or current_day())
    results = []
    for check in CHECKS:
        result = CheckResult(check, *CHECK_FUNCTIONS[check.key](turns, example))
        if second_reading is not None:
            result = _read_again(result, said, second_reading, example)
        results.append(result)
    if focus and focus.identity_questions:
        results.append(CheckResult(IDENTITY_FIRST, *check_identity_first(
            turns, focus.identity_questions, example)))
    if focus and focus.referral_words:
        results.append(CheckResult(REFERRAL, *check_referral(
            turns, focus.referral_words, example)))
    return Scorecard(tuple(results))


def _read_again(result: CheckResult, said: Sequence[Turn], second_reading: SecondReading,
                example: Example) -> CheckResult:
    """The check as the second reading decides it; one it takes away keeps the credit of
    a check half done and quotes the line that cost it."""
    turned = second_reading.verdict(result.check.key, [t.text for t in said], result.passed)
    if turned is None:
        return result
    if turned.line is None:  # a check won has nothing to quote
        return CheckResult(result.check, 1.0, None, turned=True)
    doubt = result.check.doubt.format(invoice=example.invoice, amount=example.amount,
                                      deadline=example.deadline)
    return CheckResult(result.check, 0.5, f"{quote(said[turned.line])} {doubt}", turned=True)


def checks_for(focus: ScenarioFocus | None = None) -> tuple[Check, ...]:
    """The checks a session is scored on: the ten, and the scenario's own."""
    extra = (([IDENTITY_FIRST] if focus and focus.identity_questions else [])
             + ([REFERRAL] if focus and focus.referral_words else []))
    return (*CHECKS, *extra)
