"""End of a call: the agreements, a draft confirmation e-mail and the follow-up plan.

The follow-up closes the loop: check the payment on each agreed date, call back at once
when it did not arrive, and call to thank the debtor when it did.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.coach.business_days import add_business_days, on_or_after
from bot.coach.call import CallState
from bot.coach.cases import Case
from bot.coach.formatting import join_nl, long_date, salutation
from bot.coach.money import format_euro
from bot.coach.playbook import Playbook


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


def _payment_lines(state: CallState) -> list[str]:
    lines = []
    for agreement in state.agreements:
        for date, amount in agreement.payments():
            money = format_euro(amount) if amount is not None else "het afgesproken bedrag"
            lines.append(f"{money} uiterlijk {long_date(date)}")
    return lines


def summarise_call(state: CallState, case: Case | None, today: dt.date,
                   playbook: Playbook) -> CallSummary:
    payments = _payment_lines(state)
    if payments:
        summary = "Afgesproken: " + join_nl(payments) + "."
    else:
        summary = playbook.messages["nothing_agreed"]

    invoices = "factuur [factuurnummer]"
    if case:
        invoices = ("factuur " if len(case.invoices) == 1 else "de facturen ") + join_nl(
            [f"{inv.number} ({format_euro(inv.amount)})" for inv in case.invoices])
    company = case.company if case else "[bedrijf]"
    subject = f"Bevestiging betalingsafspraak {company} — {invoices}"
    greeting = salutation(case.contact.name) if case else "Geachte heer, mevrouw,"
    if payments:
        agreed = "\n".join(f"- {line}" for line in payments)
        body_core = (f"Zoals afgesproken bevestig ik hierbij de betaling van:\n{agreed}\n\n"
                     f"Het gaat om {invoices}. Wilt u bij de betaling de "
                     "factuurnummers vermelden?\n\n"
                     "Wilt u deze afspraak binnen twee werkdagen per e-mail bevestigen? Zo weten "
                     "we allebei precies waar we aan toe zijn.")
    else:
        body_core = (f"Zoals besproken {'staan' if case and len(case.invoices) > 1 else 'staat'} {invoices} nog open. Ik hoor graag "
                     f"uiterlijk {long_date(add_business_days(today, 2))} op welke datum u "
                     "het bedrag overmaakt.")
    body = (f"{greeting}\n\nDank u voor ons telefoongesprek van {long_date(today)}. "
            f"{body_core}\n\nHebt u nog vragen, dan kunt u mij altijd bellen of mailen.\n\n"
            "Met vriendelijke groet,\n\n[uw naam]\n[uw bedrijf]")

    follow_up = []
    for agreement in state.agreements:
        for date, amount in agreement.payments():
            check = on_or_after(date)
            money = format_euro(amount) if amount is not None else "de betaling"
            follow_up.append(FollowUp(check, f"controleer of {money} is ontvangen"))
            follow_up.append(FollowUp(
                add_business_days(check, 1),
                "niet ontvangen: bel direct terug, spreek uw teleurstelling uit en maak een "
                "strengere afspraak; wel ontvangen: bel om te bedanken en spreek uw "
                "waardering uit"))
    if not follow_up:
        follow_up.append(FollowUp(add_business_days(today, 2),
                                  "geen afspraak gemaakt: bel opnieuw en vraag om een datum"))
    follow_up.sort(key=lambda f: f.date)
    return CallSummary(agreements=tuple(a.to_dict() for a in state.agreements), summary=summary,
                       email_subject=subject, email_body=body, follow_up=tuple(follow_up))
