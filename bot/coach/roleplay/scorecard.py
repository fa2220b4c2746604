"""The scorecard: ten yes/no checks on the collector's lines, each tied to a practice
from the articles in shared/seeds/, with partial credit, a total out of 100 and, for every
check that is not fully met, a tip that quotes the trainee's own line.

It reads a list of Turns, so a live role-play, a scored transcript and a scripted test
are graded the same way.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from babel.dates import format_date

from bot.coach.business_days import add_business_days
from bot.coach.cases import Case
from bot.coach.clock import today as current_day
from bot.coach.money import format_euro
from bot.coach.roleplay import turns as moves
from bot.coach.roleplay.cues import (
    amount_named,
    debt_amount,
    exact_date,
    has_phrase,
    read_acts,
    vague_date,
)
from bot.coach.roleplay.turns import (
    ACCEPTANCE,
    COLLECTOR,
    PROPOSALS,
    Turn,
    collector_turns,
    named,
    said,
)

EXCUSE_INTENTS = ("excuse_invoice_not_received", "excuse_contact_unavailable",
                  "excuse_bank_problem", "excuse_waiting_for_customer", "claim_already_paid",
                  "dispute_invoice", "cannot_pay", "express_anger")


@dataclass(frozen=True)
class Check:
    key: str
    label: str
    practice: str  # the good practice behind it, in our words, with the article it is from
    weight: int


CHECKS = (
    Check("purpose_deadline", "Doel en termijn genoemd",
          "Zeg vroeg in het gesprek waarom u belt en vóór wanneer u het geld wilt zien "
          "(01 Doel noemen; 03 Bepaal uw doel).", 10),
    Check("invoice_amount", "Factuurnummer en bedrag genoemd",
          "Maak het tastbaar: noem het factuurnummer en het openstaande bedrag "
          "(01 Doel noemen; 02 Tip 1).", 10),
    Check("open_questions", "Minstens twee open vragen",
          "Laat de debiteur met open vragen zelf meedenken over de oplossing "
          "(01 Onderhandelen; 05 tip 6 doorvragen).", 10),
    Check("understanding", "Begrip getoond zonder toe te geven",
          "Leef mee met de situatie, maar houd uw doel vast (01 Onderhandelen; 02 Tip 2; "
          "05 tip 4).", 10),
    Check("concrete_agreement", "Concrete afspraak met exacte datum en bedrag",
          "Spreek een precieze datum en een precies bedrag af; 'zo snel mogelijk' is geen "
          "afspraak (02 Tip 3; 04 Tip 4; 05 tip 8).", 15),
    Check("concession_return", "Geen concessie zonder iets terug",
          "Geeft u iets toe, vraag er dan iets voor terug (01 Onderhandelen).", 10),
    Check("summarised", "Afspraken samengevat",
          "Zet aan het eind de afspraken met datum en bedrag nog eens op een rij "
          "(01 Afspraak; 02 Tip 4; 04 Tip 5).", 10),
    Check("confirmation", "Schriftelijke bevestiging aangekondigd",
          "Zeg dat u de afspraken per mail of brief bevestigt en vraag om een reactie "
          "(01 Nazorg; 02 Tip 4; 04 Tip 5).", 10),
    Check("positive_close", "Positief afgesloten",
          "Rond vriendelijk af: bedank, bied ruimte voor vragen en wens een goede dag "
          "(01 Afsluiting).", 5),
    Check("no_threats", "Geen dreigementen of boosheid",
          "Blijf rustig en zakelijk; dreigen en verwijten werken averechts "
          "(02 Tip 2; 03 Niet dreigen; 05 tip 5).", 10),
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
DEBT_WORDS = ("factuur", "rekening", "openstaand", "openstaande", "bedrag", "schuld",
              "achterstand", "betaling")


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
    credit: float  # 0 … 1
    tip: str | None

    @property
    def passed(self) -> bool:
        return self.credit >= 1.0

    @property
    def points(self) -> float:
        return self.check.weight * self.credit


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
             "passed": r.passed, "tip": r.tip} for r in self.results]}

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


@dataclass(frozen=True)
class Example:
    """Case facts for the model sentences in the tips."""
    invoice: str
    amount: str
    deadline: str

    @classmethod
    def for_case(cls, case: Case | None, today: dt.date) -> Example:
        """The oldest invoice of the case (a made-up one without a case), due in three
        business days."""
        deadline = format_date(add_business_days(today, 3), "EEEE d MMMM", locale="nl")
        if case is None or not case.invoices:
            return cls("F2026-0081", "€ 1.000,00", deadline)
        oldest = min(case.invoices, key=lambda invoice: invoice.due_date)
        return cls(oldest.number, format_euro(oldest.amount), deadline)


def _quote(turn: Turn | None, lead: str = "U zei") -> str:
    if turn is None:
        return "U zei niets."
    text = turn.text if len(turn.text) <= 140 else turn.text[:137].rstrip() + "…"
    return f"{lead}: “{text}”"


def _closing(turns: Sequence[Turn]) -> str:
    """For what was missing at the end: the collector's last line, named as such (it did
    not lose the points itself; the moment to say the missing thing was there)."""
    return _quote(_last_line(turns), "U sloot af met")


def _first_line(turns: Sequence[Turn]) -> Turn | None:
    lines = collector_turns(turns)
    return lines[0] if lines else None


def _last_line(turns: Sequence[Turn]) -> Turn | None:
    lines = collector_turns(turns)
    return lines[-1] if lines else None


def _after_excuse(turns: Sequence[Turn]) -> Turn | None:
    """The collector's reply to the debtor's first excuse (or first line at all)."""
    for i, turn in enumerate(turns):
        if turn.speaker != COLLECTOR and turn.intent in EXCUSE_INTENTS:
            return next((t for t in turns[i + 1:] if t.speaker == COLLECTOR), None)
    return _first_line(turns)


def check_purpose_deadline(turns: Sequence[Turn], ex: Example) -> tuple[float, str | None]:
    purposes = said(turns, moves.STATE_PURPOSE)
    if any(t.has("date") for t in purposes):
        return 1.0, None
    if purposes:
        return 0.5, (f"{_quote(purposes[0])} Daar ontbreekt de termijn: zeg erbij vóór "
                     f"wanneer het betaald moet zijn, bijvoorbeeld “… en ik wil graag dat het "
                     f"uiterlijk {ex.deadline} binnen is.”")
    return 0.0, (f"{_quote(_first_line(turns))} U noemde nergens waarom u belde. Zeg het "
                 f"meteen na uw naam: “Ik bel over factuur {ex.invoice} van {ex.amount}; ik wil "
                 f"graag dat die uiterlijk {ex.deadline} betaald is.”")


def check_invoice_amount(turns: Sequence[Turn], ex: Example) -> tuple[float, str | None]:
    has_invoice = named(turns, "invoice_number")
    has_amount = any(debt_amount(t) for t in collector_turns(turns))  # not waived costs
    credit = 0.5 * has_invoice + 0.5 * has_amount
    if credit == 1.0:
        return credit, None
    missing = ("het factuurnummer en het bedrag" if not (has_invoice or has_amount)
               else "het factuurnummer" if not has_invoice else "het bedrag")
    stated = said(turns, moves.STATE_PURPOSE)
    where = stated[0] if stated else _first_line(turns)
    return credit, (f"{_quote(where)} Noem ook {missing}, dan weet de debiteur precies "
                    f"waar het over gaat: “factuur {ex.invoice}, {ex.amount}”.")


def check_open_questions(turns: Sequence[Turn], ex: Example) -> tuple[float, str | None]:
    count = len(said(turns, moves.OPEN_QUESTION))
    if count >= 2:
        return 1.0, None
    closed = said(turns, moves.CLOSED_QUESTION)
    example = "“Wat is er nodig om de factuur deze week goed te keuren?”"
    if closed:
        return 0.5 * count, (f"{_quote(closed[0])} Dat is een gesloten vraag: het antwoord "
                             f"is ja of nee. Vraag open door met wat, hoe, wie of wanneer, "
                             f"bijvoorbeeld {example}")
    asked = "maar één open vraag" if count == 1 else "geen open vragen"
    return 0.5 * count, (f"{_quote(_after_excuse(turns))} U stelde {asked}. Laat de "
                         f"debiteur de oorzaak en de oplossing zelf vertellen, bijvoorbeeld "
                         f"{example}")


def check_understanding(turns: Sequence[Turn], ex: Example) -> tuple[float, str | None]:
    lines = collector_turns(turns)
    shown = [i for i, t in enumerate(lines) if t.intent == moves.SHOW_UNDERSTANDING]
    if not shown:
        return 0.0, (f"{_quote(_after_excuse(turns))} Laat eerst merken dat u de situatie "
                     f"van de debiteur begrijpt (“Dat is vervelend, dat snap ik.”) en ga dan "
                     f"verder met uw voorstel.")
    gave_in = [lines[i + 1] for i in shown if i + 1 < len(lines)
               and lines[i + 1].intent in (moves.OFFER_CONCESSION, moves.VAGUE_PROPOSAL)]
    later = [i for i, t in enumerate(turns) if t.speaker == COLLECTOR][shown[0] + 1:]
    vague = [turns[i] for i in later if turns[i].intent == moves.VAGUE_PROPOSAL]
    gave_up = bool(vague) and not any(_concrete_at(turns, i) for i in later)
    if len(gave_in) < len(shown) and not gave_up:
        return 1.0, None
    if len(gave_in) < len(shown):  # understanding, then only vague proposals: given up
        return 0.0, (f"{_quote(vague[0])} Na uw begrip liet u het doel los: houd vast aan "
                     f"een datum en een bedrag. “Dat begrijp ik. Kunt u dan {ex.amount} "
                     f"uiterlijk {ex.deadline} overmaken?”")
    return 0.5, (f"{_quote(gave_in[0])} Na uw begrip gaf u meteen toe. Begrip tonen mag, "
                 f"maar houd daarna vast aan uw doel: “Dat begrijp ik. Kunt u dan {ex.amount} "
                 f"uiterlijk {ex.deadline} overmaken?”")


def _accepted_after(turns: Sequence[Turn], index: int) -> bool:
    return any(t.speaker != COLLECTOR and t.intent in ACCEPTANCE for t in turns[index + 1:])


def _concrete_at(turns: Sequence[Turn], index: int) -> bool:
    """The collector's act at ``index``, with their acts just before it ("Vrijdag 4
    december dus?" … "En dan het hele bedrag?"), names an exact date and an amount."""
    before = [t for t in turns[max(index - 4, 0):index] if t.speaker == COLLECTOR][-2:]
    pair = [*before, turns[index]]
    return (any(exact_date(t) for t in pair) and any(amount_named(t) for t in pair)
            and not vague_date(turns[index]))


def check_concrete_agreement(turns: Sequence[Turn], ex: Example) -> tuple[float, str | None]:
    offers = [(i, t) for i, t in enumerate(turns)
              if t.speaker == COLLECTOR and (t.intent in PROPOSALS or t.intent == moves.SUMMARISE
                                             or t.has("date") or amount_named(t))
              and t.intent not in (moves.THREATEN, moves.OFFER_CONCESSION, moves.STATE_PURPOSE)]
    concrete = [i for i, _ in offers if _concrete_at(turns, i)]
    if any(_accepted_after(turns, i) for i in concrete):
        return 1.0, None
    half = [t for _, t in offers if t.has("date") or t.has("amount")]
    credit = 0.5 if concrete else 0.25 if half else 0.0
    vague = said(turns, moves.VAGUE_PROPOSAL)
    if concrete and not vague:
        return credit, (f"{_quote(turns[concrete[-1]])} Dat voorstel was concreet, maar de "
                        f"debiteur stemde er niet mee in. Vraag door naar wat er nog in de weg "
                        f"staat en leg daarna opnieuw een exacte datum en bedrag voor.")
    offered = vague or half
    quoted = offered[0] if offered else _last_line(turns)
    return credit, (f"{_quote(quoted)} Dat laat open wanneer en hoeveel er betaald wordt. "
                    f"Noem een exacte datum én een bedrag: “Kunt u {ex.amount} uiterlijk "
                    f"{ex.deadline} overmaken?”")


def _unpaired_concessions(turns: Sequence[Turn]) -> list[Turn]:
    """Concessions with nothing asked back in the two acts before or after them ("Ik laat
    de rente vallen. Dan betaalt u wel vandaag de helft." is a trade, not a gift)."""
    lines = collector_turns(turns)
    return [t for i, t in enumerate(lines) if t.intent == moves.OFFER_CONCESSION
            and moves.ASK_IN_RETURN not in {n.intent for n in lines[max(i - 2, 0):i + 3]}]


def check_concession_return(turns: Sequence[Turn], ex: Example) -> tuple[float, str | None]:
    given = _unpaired_concessions(turns)
    if not given:
        return 1.0, None
    return 0.0, (f"{_quote(given[0])} Daarmee gaf u iets weg zonder tegenprestatie. Maak "
                 f"het voorwaardelijk: “Als u vandaag de helft betaalt, kan ik de rente laten "
                 f"vallen.”")


def check_summarised(turns: Sequence[Turn], ex: Example) -> tuple[float, str | None]:
    summaries = said(turns, moves.SUMMARISE)
    if any(exact_date(t) and amount_named(t) for t in summaries):
        return 1.0, None
    model = f"“Even samengevat: u betaalt {ex.amount} uiterlijk {ex.deadline}.”"
    half = [t for t in summaries if exact_date(t) or amount_named(t)]
    if half:
        return 0.5, (f"{_quote(half[0])} Noem in de samenvatting de datum en het "
                     f"bedrag allebei: {model}")
    if summaries:  # "Dus volgende week dan?" puts nothing on a row
        return 0.0, (f"{_quote(summaries[0])} Dat is geen samenvatting van een afspraak: "
                     f"noem de exacte datum en het bedrag: {model}")
    return 0.0, (f"{_closing(turns)} Sluit niet af zonder de afspraken op een "
                 f"rij te zetten: {model}")


def check_confirmation(turns: Sequence[Turn], ex: Example) -> tuple[float, str | None]:
    if said(turns, moves.ANNOUNCE_CONFIRMATION):
        return 1.0, None
    return 0.0, (f"{_closing(turns)} Kondig daarna aan dat u de afspraken schriftelijk "
                 f"bevestigt: “Ik stuur u vandaag een mail met deze afspraak; wilt u daar even "
                 f"op reageren?”")


def check_positive_close(turns: Sequence[Turn], ex: Example) -> tuple[float, str | None]:
    lines = collector_turns(turns)
    closes = [i for i, t in enumerate(lines) if t.intent == moves.POSITIVE_CLOSE]
    if closes and closes[-1] >= len(lines) - 2:
        return 1.0, None
    tip = (f"{_quote(_last_line(turns))} Eindig positief: “Fijn dat we dit hebben "
           f"kunnen regelen. Heeft u nog vragen? Dan wens ik u een goede dag.”")
    return (0.5 if closes else 0.0), tip


def check_no_threats(turns: Sequence[Turn], ex: Example) -> tuple[float, str | None]:
    threats = said(turns, moves.THREATEN)
    if not threats:
        return 1.0, None
    return 0.0, (f"{_quote(threats[0])} Een dreigement of verwijt maakt de debiteur "
                 f"defensief. Blijf zakelijk en wijs hooguit rustig op de volgende stap: "
                 f"“Als we er vandaag niet uitkomen, gaat het dossier volgens onze procedure "
                 f"verder; ik zoek liever samen met u een oplossing.”")


CHECK_FUNCTIONS: dict[str, Callable[[Sequence[Turn], Example], tuple[float, str | None]]] = {
    "purpose_deadline": check_purpose_deadline, "invoice_amount": check_invoice_amount,
    "open_questions": check_open_questions, "understanding": check_understanding,
    "concrete_agreement": check_concrete_agreement,
    "concession_return": check_concession_return, "summarised": check_summarised,
    "confirmation": check_confirmation, "positive_close": check_positive_close,
    "no_threats": check_no_threats,
}


def check_identity_first(turns: Sequence[Turn], phrases: Sequence[str],
                         ex: Example) -> tuple[float, str | None]:
    lines = collector_turns(turns)
    asked = next((i for i, t in enumerate(lines) if has_phrase(t.text, phrases)), None)
    debt = next((i for i, t in enumerate(lines) if t.has("invoice_number") or t.has("amount")
                 or has_phrase(t.text, DEBT_WORDS)), None)
    model = "“Goedemiddag, u spreekt met … Spreek ik met mevrouw Koster zelf?”"
    if asked is not None and (debt is None or asked < debt):
        return 1.0, None
    if asked is not None and debt is not None:
        return 0.5, (f"{_quote(lines[debt])} U noemde de schuld voordat u wist met wie u "
                     f"sprak. Vraag dat eerst: {model}")
    first = lines[debt] if debt is not None else _first_line(turns)
    return 0.0, (f"{_quote(first)} U ging niet na met wie u sprak. Een schuld bespreekt u "
                 f"alleen met de debiteur zelf: {model}")


def check_referral(turns: Sequence[Turn], words: Sequence[str],
                   ex: Example) -> tuple[float, str | None]:
    if any(has_phrase(t.text, words) for t in collector_turns(turns)):
        return 1.0, None
    return 0.0, (f"{_closing(turns)} Deze debiteur loopt vast met meer dan uw rekening. "
                 f"Wijs op hulp: “Kent u de schuldhulpverlening van uw gemeente? Die kan u "
                 f"helpen alles op een rij te zetten; het is gratis.”")


def score(turns: Sequence[Turn], case: Case | None = None, today: dt.date | None = None,
          focus: ScenarioFocus | None = None) -> Scorecard:
    """Grade the collector's lines in ``turns`` (debtor lines give context: excuses and
    whether a proposal was accepted); ``focus`` adds a scenario's own checks."""
    example = Example.for_case(case, today or current_day())
    turns = read_acts(list(turns))  # the costly moves need their words too (cues)
    results = []
    for check in CHECKS:
        credit, tip = CHECK_FUNCTIONS[check.key](turns, example)
        results.append(CheckResult(check, credit, tip))
    if focus and focus.identity_questions:
        results.append(CheckResult(IDENTITY_FIRST, *check_identity_first(
            turns, focus.identity_questions, example)))
    if focus and focus.referral_words:
        results.append(CheckResult(REFERRAL, *check_referral(
            turns, focus.referral_words, example)))
    return Scorecard(tuple(results))


def checks_for(focus: ScenarioFocus | None = None) -> tuple[Check, ...]:
    """The checks a session is scored on: the ten, and the scenario's own."""
    extra = (([IDENTITY_FIRST] if focus and focus.identity_questions else [])
             + ([REFERRAL] if focus and focus.referral_words else []))
    return (*CHECKS, *extra)
