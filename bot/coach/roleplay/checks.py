"""The ten checks of the scorecard, and the two a scenario may add: each reads the
collector's acts (as bot.coach.roleplay.cues reads them) and gives a credit from 0 to 1 and,
when not fully met, a tip that quotes the sentence that lost the points with a model
sentence built from the case (``Example``)."""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from bot.coach.roleplay import turns as moves
from bot.coach.roleplay.agreement import (
    accepted_after,
    concrete_at,
    keeps_terms,
    takes_offer,
    took_debtors_promise,
)
from bot.coach.roleplay.concessions import unpaired_concessions
from bot.coach.roleplay.cues import has_phrase
from bot.coach.roleplay.questions import question_kind
from bot.coach.roleplay.terms import amount_named, deadline_words, debt_amount, exact_date
from bot.coach.roleplay.tips import Example, after_excuse, closing, first_line, last_line, quote
from bot.coach.roleplay.turns import (
    COLLECTOR,
    EXCUSE_INTENTS,
    PROPOSALS,
    Turn,
    collector_turns,
    named,
    said,
)
from bot.coach.roleplay.warmth import drops_goal, gives_way
from bot.coach.roleplay.written import INVOICE

DEBT_WORDS = ("factuur", "rekening", "openstaand", "openstaande", "bedrag", "schuld",
              "achterstand", "betaling")


def _same_turn(turns: Sequence[Turn], index: int) -> list[Turn]:
    """The collector's act at ``index`` and the acts after it before the debtor speaks
    ("Ik bel over factuur 26.0412. … En we zouden graag zien dat hij vrijdag betaald is.")."""
    run = [turns[index]]
    for turn in turns[index + 1:]:
        if turn.speaker != COLLECTOR:
            break
        run.append(turn)
    return run


def _opening(turns: Sequence[Turn], stated: list[int]) -> list[Turn]:
    """Where the purpose is put to the debtor: the turn of the first purpose stated and
    the turn that first names the invoice or the amount. A deadline first named after the
    debtor's story is not early ("Ik zou het graag woensdag binnen hebben." ten turns on)."""
    named = [i for i in stated if any(t.has("invoice_number") or t.has("amount")
                                      for t in _same_turn(turns, i))]
    first = [i for i, t in enumerate(turns) if t.speaker == COLLECTOR  # "Welke factuur?" –
             and (t.has("invoice_number") or t.has("amount"))]  # "Factuur 5531, van 1.180 euro."
    story = next((i for i, t in enumerate(turns) if t.intent in EXCUSE_INTENTS), len(turns))
    before_story = [i for i in stated if i < story] or stated[:1]  # "Ik bel even voor meneer
    #   Bosman." – "… ik bel over een factuur die we graag nog deze week binnen hebben."
    return [t for i in {*before_story, *named[:1], *first[:1]} for t in _same_turn(turns, i)]


# The words of wanting the money by a day ("Ik wil dat hij vandaag betaald wordt.").
PAY_BY = re.compile(r"\b(wil|graag|uiterlijk|vóór|betaald|betalen|binnen|overmaken|overgemaakt"
                    r"|op de rekening|moet)\b")


def check_purpose_deadline(turns: Sequence[Turn], ex: Example) -> tuple[float, str | None]:
    stated = [i for i, t in enumerate(turns)
              if t.speaker == COLLECTOR and t.intent == moves.STATE_PURPOSE]
    if stated and any(t.has("date") or deadline_words(t) for t in _opening(turns, stated)):
        return 1.0, None
    debt = next((i for i, t in enumerate(turns)  # "Factuur 2026-0917, € 385,-. Staat open
                 if t.speaker == COLLECTOR       # sinds 10 november. Ik wil dat bedrag
                 and (t.has("invoice_number") or debt_amount(t))), None)  # vandaag nog …"
    if not stated and debt is not None and any(
            t.has("date") and PAY_BY.search(t.text.lower()) for t in _same_turn(turns, debt)):
        return 1.0, None
    purposes = [turns[i] for i in stated]
    if purposes:
        return 0.5, (f"{quote(purposes[0])} Daar ontbreekt de termijn: zeg erbij vóór "
                     f"wanneer het betaald moet zijn, bijvoorbeeld “… en ik wil graag dat het "
                     f"uiterlijk {ex.deadline} binnen is.”")
    return 0.0, (f"{quote(first_line(turns))} U noemde nergens waarom u belde. Zeg het "
                 f"meteen na uw naam: “Ik bel over factuur {ex.invoice} van {ex.amount}; ik wil "
                 f"graag dat die uiterlijk {ex.deadline} betaald is.”")


# A number of five or more digits standing on its own ("Er staat nog een factuur open.
# 100482, € 79,90."): the invoice's number when the collector's turn speaks of an invoice.
BARE_NUMBER = re.compile(r"(?<![\d.,€/-])\b\d{5,10}\b(?![.,/-]\d)")


def _invoice_by_number(turns: Sequence[Turn]) -> bool:
    starts = [i for i, t in enumerate(turns) if t.speaker == COLLECTOR
              and (i == 0 or turns[i - 1].speaker != COLLECTOR)]
    for start in starts:
        text = " ".join(t.text for t in _same_turn(turns, start))
        if INVOICE.search(text.lower()) and BARE_NUMBER.search(text):
            return True
    return False


def check_invoice_amount(turns: Sequence[Turn], ex: Example) -> tuple[float, str | None]:
    has_invoice = named(turns, "invoice_number") or _invoice_by_number(turns)
    has_amount = any(debt_amount(t) for t in collector_turns(turns))  # not waived costs
    credit = 0.5 * has_invoice + 0.5 * has_amount
    if credit == 1.0:
        return credit, None
    missing = ("het factuurnummer en het bedrag" if not (has_invoice or has_amount)
               else "het factuurnummer" if not has_invoice else "het bedrag")
    stated = said(turns, moves.STATE_PURPOSE)
    where = stated[0] if stated else first_line(turns)
    return credit, (f"{quote(where)} Noem ook {missing}, dan weet de debiteur precies "
                    f"waar het over gaat: “factuur {ex.invoice}, {ex.amount}”.")


def check_open_questions(turns: Sequence[Turn], ex: Example) -> tuple[float, str | None]:
    # Two questions in one breath ("Wanneer is Pieter terug, en wie kan het in de tussentijd
    # aftekenen?") count once: one moment the debtor gets to explain, as the judges count it.
    count = len(said(turns, moves.OPEN_QUESTION)) + sum(
        # "Wat zou wél lukken, als we …?"
        question_kind(t.text) == "open" for t in collector_turns(turns)
        if t.intent in (moves.OFFER_CONCESSION, moves.ASK_IN_RETURN))
    if count >= 2:
        return 1.0, None
    closed = said(turns, moves.CLOSED_QUESTION)
    example = "“Wat is er nodig om de factuur deze week goed te keuren?”"
    if closed:
        return 0.5 * count, (f"{quote(closed[0])} Dat is een gesloten vraag: het antwoord "
                             f"is ja of nee. Vraag open door met wat, hoe, wie of wanneer, "
                             f"bijvoorbeeld {example}")
    asked = "maar één open vraag" if count == 1 else "geen open vragen"
    return 0.5 * count, (f"{quote(after_excuse(turns))} U stelde {asked}. Laat de "
                         f"debiteur de oorzaak en de oplossing zelf vertellen, bijvoorbeeld "
                         f"{example}")


# What presses for a day after understanding was shown.
PRESSING = (moves.CONCRETE_PROPOSAL, moves.VAGUE_PROPOSAL, moves.ASK_IN_RETURN,
            moves.CLOSED_QUESTION, moves.OPEN_QUESTION)


def check_understanding(turns: Sequence[Turn], ex: Example) -> tuple[float, str | None]:
    """Understanding counts unless every show of it is followed at once by giving in, or
    the collector drops the goal in so many words ("het heeft geen haast", "dan hoor ik het
    wel") before pressing for a day again — either only when no exact agreement stands at
    the end."""
    lines = collector_turns(turns)
    shown = [i for i, t in enumerate(lines) if t.intent == moves.SHOW_UNDERSTANDING]
    if not shown:
        return 0.0, (f"{quote(after_excuse(turns))} Laat eerst merken dat u de situatie "
                     f"van de debiteur begrijpt (“Dat is vervelend, dat snap ik.”) en ga dan "
                     f"verder met uw voorstel.")
    agreed = check_concrete_agreement(turns, ex)[0] == 1.0
    dropped = [i for i in range(max(shown[0] - 1, 0), len(lines))  # also just before it
               if i != shown[0] and drops_goal(lines[i])]
    if dropped and any(t.intent in PRESSING and exact_date(t)  # "Maar lukt vrijdag dan toch?"
                       for t in lines[shown[0] + 1:dropped[0]]):
        dropped = []
    if dropped and not agreed:
        return 0.0, (f"{quote(lines[dropped[0]])} Na uw begrip liet u het doel los: houd vast aan "
                     f"een datum en een bedrag. “Dat begrijp ik. Kunt u dan {ex.amount} "
                     f"uiterlijk {ex.deadline} overmaken?”")
    gave_in = [lines[i + 1] for i in shown if i + 1 < len(lines) and gives_way(lines[i + 1])]
    if len(gave_in) < len(shown) or agreed:
        return 1.0, None
    return 0.5, (f"{quote(gave_in[0])} Na uw begrip gaf u meteen toe. Begrip tonen mag, "
                 f"maar houd daarna vast aan uw doel: “Dat begrijp ik. Kunt u dan {ex.amount} "
                 f"uiterlijk {ex.deadline} overmaken?”")


def check_concrete_agreement(turns: Sequence[Turn], ex: Example) -> tuple[float, str | None]:
    offers = [(i, t) for i, t in enumerate(turns)
              if t.speaker == COLLECTOR and (t.intent in PROPOSALS or t.intent == moves.SUMMARISE
                                             or t.has("date") or amount_named(t) or keeps_terms(t))
              and t.intent not in (moves.THREATEN, moves.STATE_PURPOSE, moves.SHOW_UNDERSTANDING,
                                   moves.ANNOUNCE_CONFIRMATION)]  # a yes to the mail
    concrete = [i for i, _ in offers if concrete_at(turns, i)]
    if any(accepted_after(turns, i) or takes_offer(turns, i) for i in concrete) \
            or took_debtors_promise(turns):
        return 1.0, None
    half = [t for _, t in offers if t.has("date") or t.has("amount")]
    credit = 0.5 if concrete else 0.25 if half else 0.0
    vague = said(turns, moves.VAGUE_PROPOSAL)
    if concrete and not vague:
        return credit, (f"{quote(turns[concrete[-1]])} Dat voorstel was concreet, maar de "
                        f"debiteur stemde er niet mee in. Vraag door naar wat er nog in de weg "
                        f"staat en leg daarna opnieuw een exacte datum en bedrag voor.")
    offered = vague or half
    quoted = offered[0] if offered else last_line(turns)
    return credit, (f"{quote(quoted)} Dat laat open wanneer en hoeveel er betaald wordt. "
                    f"Noem een exacte datum én een bedrag: “Kunt u {ex.amount} uiterlijk "
                    f"{ex.deadline} overmaken?”")


def check_concession_return(turns: Sequence[Turn], ex: Example) -> tuple[float, str | None]:
    given = unpaired_concessions(turns)
    if not given:
        return 1.0, None
    return 0.0, (f"{quote(given[0])} Daarmee gaf u iets weg zonder tegenprestatie. Maak "
                 f"het voorwaardelijk: “Als u vandaag de helft betaalt, kan ik de rente laten "
                 f"vallen.”")


def _summary_runs(turns: Sequence[Turn]) -> list[list[Turn]]:
    """Summary acts said one after the other ("… betaal je in drie termijnen van 3.120 euro.
    De eerste maak jij vrijdag 12 februari over, …"): one summary, its date in one sentence
    and its amount in the next. A bare summary's words after the terms ("Woensdag 7
    november, 4.118,75 euro. Da's de afspraak.") make those terms the summary."""
    runs: list[list[Turn]] = []
    previous = None
    for turn in turns:
        if turn.speaker == COLLECTOR and turn.intent == moves.SUMMARISE:
            if previous is not None and previous.intent == moves.SUMMARISE \
                    and previous.speaker == COLLECTOR:
                runs[-1].append(turn)
            elif previous is not None and previous.speaker == COLLECTOR \
                    and not (turn.has("date") or turn.has("amount")) \
                    and exact_date(previous) and amount_named(previous):
                runs.append([previous, turn])
            else:
                runs.append([turn])
        previous = turn
    return runs


def check_summarised(turns: Sequence[Turn], ex: Example) -> tuple[float, str | None]:
    summaries = said(turns, moves.SUMMARISE)
    if any(any(map(exact_date, run)) and any(map(amount_named, run))
           for run in _summary_runs(turns)):
        return 1.0, None
    model = f"“Even samengevat: u betaalt {ex.amount} uiterlijk {ex.deadline}.”"
    half = [t for t in summaries if exact_date(t) or amount_named(t)]
    if half:
        return 0.5, (f"{quote(half[0])} Noem in de samenvatting de datum en het "
                     f"bedrag allebei: {model}")
    if summaries:  # "Dus volgende week dan?" puts nothing on a row
        return 0.0, (f"{quote(summaries[0])} Dat is geen samenvatting van een afspraak: "
                     f"noem de exacte datum en het bedrag: {model}")
    return 0.0, (f"{closing(turns)} Sluit niet af zonder de afspraken op een "
                 f"rij te zetten: {model}")


def check_confirmation(turns: Sequence[Turn], ex: Example) -> tuple[float, str | None]:
    if said(turns, moves.ANNOUNCE_CONFIRMATION):
        return 1.0, None
    return 0.0, (f"{closing(turns)} Kondig daarna aan dat u de afspraken schriftelijk "
                 f"bevestigt: “Ik stuur u vandaag een mail met deze afspraak; wilt u daar even "
                 f"op reageren?”")


def check_positive_close(turns: Sequence[Turn], ex: Example) -> tuple[float, str | None]:
    lines = collector_turns(turns)
    closes = [i for i, t in enumerate(lines) if t.intent == moves.POSITIVE_CLOSE]
    if closes and closes[-1] >= len(lines) - 2:
        return 1.0, None
    tip = (f"{quote(last_line(turns))} Eindig positief: “Fijn dat we dit hebben "
           f"kunnen regelen. Heeft u nog vragen? Dan wens ik u een goede dag.”")
    return (0.5 if closes else 0.0), tip


def check_no_threats(turns: Sequence[Turn], ex: Example) -> tuple[float, str | None]:
    threats = said(turns, moves.THREATEN)
    if not threats:
        return 1.0, None
    return 0.0, (f"{quote(threats[0])} Een dreigement of verwijt maakt de debiteur "
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
        return 0.5, (f"{quote(lines[debt])} U noemde de schuld voordat u wist met wie u "
                     f"sprak. Vraag dat eerst: {model}")
    first = lines[debt] if debt is not None else first_line(turns)
    return 0.0, (f"{quote(first)} U ging niet na met wie u sprak. Een schuld bespreekt u "
                 f"alleen met de debiteur zelf: {model}")


def check_referral(turns: Sequence[Turn], words: Sequence[str],
                   ex: Example) -> tuple[float, str | None]:
    if any(has_phrase(t.text, words) for t in collector_turns(turns)):
        return 1.0, None
    return 0.0, (f"{closing(turns)} Deze debiteur loopt vast met meer dan uw rekening. "
                 f"Wijs op hulp: “Kent u de schuldhulpverlening van uw gemeente? Die kan u "
                 f"helpen alles op een rij te zetten; het is gratis.”")
