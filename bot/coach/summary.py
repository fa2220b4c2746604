"""End of a call: the agreements, the e-mail to the debtor and the follow-up plan.

The e-mail confirms what was agreed (never "received"): each payment, the total, what stays
open, where and under which reference to pay, and what happens when a payment is missed.
With nothing agreed it is a different mail that asks for a date. The follow-up plan checks
each payment date, calls back at once when money is missing, and thanks once at the end:
one call per instalment is more than a team can make.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from bot.coach.business_days import add_business_days, on_or_after
from bot.coach.cases import Case
from bot.coach.formatting import join_nl, long_date, salutation
from bot.coach.ledger import Promise
from bot.coach.money import format_euro
from bot.coach.playbook import Playbook
from bot.coach.settings import Settings

CHECK = ("controleer of {amount} is ontvangen; zo niet, bel direct terug, spreek uw "
         "teleurstelling uit en maak een strengere afspraak")
THANK = ("is alles binnen, bel dan één keer om te bedanken en spreek uw waardering uit "
         "(niet na elke termijn)")
CALL_AGAIN = "geen afspraak gemaakt: bel opnieuw en vraag om een datum"
COUNT_NL = {2: "twee", 3: "drie", 4: "vier", 5: "vijf", 6: "zes", 7: "zeven", 8: "acht",
            9: "negen", 10: "tien", 11: "elf", 12: "twaalf"}


@dataclass(frozen=True)
class FollowUp:
    date: dt.date
    action: str

    def to_payload(self) -> dict:
        return {"date": self.date.isoformat(), "action": self.action}


@dataclass(frozen=True)
class CallSummary:
    agreements: tuple[dict, ...]
    summary: str
    email_subject: str
    email_body: str
    follow_up: tuple[FollowUp, ...]

    def to_payload(self) -> dict:
        return {"type": "summary", "agreements": list(self.agreements), "summary": self.summary,
                "email": {"subject": self.email_subject, "body": self.email_body},
                "follow_up": [f.to_payload() for f in self.follow_up]}

    def to_text(self) -> str:
        lines = ["Samenvatting van het gesprek", self.summary, "",
                 f"Conceptmail — onderwerp: {self.email_subject}", self.email_body, "",
                 "Opvolging:"]
        lines += [f"  • {long_date(f.date)}: {f.action}" for f in self.follow_up]
        return "\n".join(lines)


def _agreement(promise: Promise) -> dict:
    return {"id": promise.id, "date": promise.date.isoformat(), "amount": float(promise.amount),
            "text": promise.line, "source": promise.source, "plan": promise.plan}


def _payment(promise: Promise) -> str:
    return f"{format_euro(promise.amount)} uiterlijk {long_date(promise.date)}"


def _numbers(case: Case | None, article: str = "de ") -> str:
    """"factuur F1" or "de facturen F1 en F2" (the payment reference as well)."""
    if case is None:
        return "uw openstaande factuur"
    numbers = join_nl([inv.number for inv in case.invoices])
    return f"factuur {numbers}" if len(case.invoices) == 1 else f"{article}facturen {numbers}"


def _remaining(total: Decimal, balance: Decimal | None) -> str:
    if balance is None:
        return ""
    if total >= balance:
        return "Daarmee is het volledige openstaande bedrag voldaan."
    return (f"Daarna staat er nog {format_euro(balance - total)} open; daarover nemen wij "
            "apart contact met u op.")


def _how_to_pay(case: Case | None, settings: Settings, payments: int) -> str:
    """Where and under which reference to pay; ``payments`` agreed (0: nothing agreed)."""
    reference = join_nl([inv.number for inv in case.invoices]) if case else "het factuurnummer"
    agreed = payments > 0
    verb = (f"Wilt u {'de bedragen' if payments > 1 else 'het bedrag'} overmaken" if agreed
            else "U kunt het bedrag overmaken")
    return (f"{verb} naar IBAN {settings.iban_display} (BIC {settings.bic}) ten name van "
            f"{settings.company}, onder vermelding van {reference}"
            + ("? Dan koppelen wij uw betaling meteen aan de juiste factuur." if agreed else "."))


def _agreed_core(promises: list[Promise], case: Case | None, settings: Settings,
                 balance: Decimal | None) -> list[str]:
    total = sum((p.amount for p in promises), Decimal("0.00"))
    if len(promises) == 1:
        agreed = f"We hebben afgesproken dat u {_payment(promises[0])} betaalt."
    else:
        count = COUNT_NL.get(len(promises), str(len(promises)))
        agreed = (f"We hebben afgesproken dat u het bedrag in {count} delen betaalt:\n"
                  + "\n".join(f"- {_payment(p)}" for p in promises)
                  + f"\nSamen is dat {format_euro(total)}.")
    remaining = _remaining(total, balance)
    plan = any(p.plan for p in promises)
    missed = settings.missed_payment + (f" {settings.missed_instalment}" if plan else "")
    return [f"Zoals beloofd zet ik onze afspraak over {_numbers(case)} hieronder op een rij.",
            agreed + (f" {remaining}" if remaining else ""),
            _how_to_pay(case, settings, len(promises)),
            *([settings.plan_conditions] if plan else []), missed,
            "Wilt u deze afspraak binnen twee werkdagen per e-mail bevestigen? Dan weten we "
            "allebei precies waar we aan toe zijn."]


def _nothing_core(case: Case | None, settings: Settings, today: dt.date,
                  balance: Decimal | None) -> list[str]:
    if case is None:
        still_open = "staat uw factuur nog open."
    elif len(case.invoices) == 1:
        still_open = f"staat {_numbers(case)} nog open; het gaat om {format_euro(balance)}."
    else:
        still_open = f"staan {_numbers(case)} nog open, samen {format_euro(balance)}."
    return [f"Zoals besproken {still_open} We hebben in ons gesprek nog geen betaaldatum "
            f"kunnen afspreken. Wilt u mij uiterlijk {long_date(add_business_days(today, 2))} "
            "laten weten op welke datum u het bedrag overmaakt?",
            _how_to_pay(case, settings, 0)]


def _follow_up(promises: list[Promise], today: dt.date) -> list[FollowUp]:
    if not promises:
        return [FollowUp(add_business_days(today, 2), CALL_AGAIN)]
    due: dict[dt.date, Decimal] = defaultdict(lambda: Decimal("0.00"))
    for promise in promises:
        due[on_or_after(promise.date)] += promise.amount
    checks = [FollowUp(day, CHECK.format(amount=format_euro(amount)))
              for day, amount in sorted(due.items())]
    return checks + [FollowUp(add_business_days(checks[-1].date, 1), THANK)]


def summarise_call(promises: list[Promise], case: Case | None, today: dt.date,
                   playbook: Playbook, settings: Settings, collector: str = "",
                   open_balance: Decimal | None = None,
                   now: dt.datetime | None = None) -> CallSummary:
    """``promises`` are this call's; cancelled ones are left out. ``open_balance`` is what
    the case still owes before them (default: the case balance); ``now`` when the call took
    place (default: today); ``collector`` signs the e-mail (default: the settings' sender)."""
    active = sorted((p for p in promises if p.cancelled_at is None),
                    key=lambda p: (p.date, p.id or 0))
    balance = open_balance if open_balance is not None else (case.balance if case else None)
    call_day = now.date() if now else today
    if active:
        total = sum((p.amount for p in active), Decimal("0.00"))
        remaining = _remaining(total, balance)
        summary = (f"Afgesproken: {join_nl([_payment(p) for p in active])}"
                   + (f"; samen {format_euro(total)}." if len(active) > 1 else ".")
                   + (f" {remaining}" if remaining else ""))
        subject = ("Bevestiging betalingsafspraak "
                   + (f"{case.company} — {_numbers(case, article='')}" if case
                      else "over uw openstaande factuur"))
        core = _agreed_core(active, case, settings, balance)
    else:
        summary = playbook.messages["nothing_agreed"]
        subject = f"Ons telefoongesprek over {_numbers(case)}"
        core = _nothing_core(case, settings, today, balance)
    greeting = salutation(case.contact.name) if case else "Geachte heer, mevrouw,"
    signature = "\n".join([collector.strip() or settings.sender_name, settings.signature,
                           settings.company])
    body = "\n\n".join([greeting, f"Dank u voor ons telefoongesprek van {long_date(call_day)}. "
                        + core[0], *core[1:],
                        f"Hebt u nog vragen? Bel mij gerust op {settings.phone} of mail naar "
                        f"{settings.reply_to}.", f"Met vriendelijke groet,\n\n{signature}"])
    return CallSummary(agreements=tuple(_agreement(p) for p in active), summary=summary,
                       email_subject=subject, email_body=body,
                       follow_up=tuple(_follow_up(active, today)))
