"""The preparation brief shown when a call starts: facts at hand, goal, deadline, opening
line and the best moments to call."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from babel.numbers import format_percent

from bot.coach.business_days import add_business_days, is_business_day
from bot.coach.cases import Case
from bot.coach.formatting import join_nl, long_date, short_date
from bot.coach.money import format_euro
from bot.coach.playbook import Playbook
from bot.coach.advice import opening_line
from bot.coach.profiles import profile_for

BEHAVIOUR_NL = {"good": "goed", "average": "gemiddeld", "poor": "slecht"}
CREDIT_NL = {"good": "goed", "moderate": "matig", "poor": "slecht"}
WEEKDAY_NL = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


@dataclass(frozen=True)
class Brief:
    case_id: str
    title: str
    facts: tuple[str, ...]
    goal: str
    deadline: dt.date
    opening: str
    call_moments: tuple[str, ...]
    profile: str
    balance: float

    def to_payload(self) -> dict:
        return {"type": "brief", "case_id": self.case_id, "title": self.title,
                "facts": list(self.facts), "goal": self.goal,
                "deadline": self.deadline.isoformat(), "opening": self.opening,
                "call_moments": list(self.call_moments), "profile": self.profile,
                "balance": self.balance}

    def to_text(self) -> str:
        lines = [self.title, "Bij de hand:"]
        lines += [f"  • {fact}" for fact in self.facts]
        lines.append(f"Doel: {self.goal}")
        lines.append(f"Openingszin: \u201c{self.opening}\u201d")
        lines.append("Beste belmomenten: " + "; ".join(self.call_moments))
        return "\n".join(lines)


def _call_moments(today: dt.date, playbook: Playbook) -> tuple[str, ...]:
    windows = " of ".join("tussen " + " en ".join(t.lstrip("0").replace(":", ".") for t in w.split("-"))
                          + " uur" for w in playbook.call_windows)
    day = today
    while not (is_business_day(day) and WEEKDAY_NL[day.weekday()] in playbook.preferred_weekdays):
        day += dt.timedelta(days=1)
    return (windows, f"bij voorkeur vroeg in de week ({join_nl(list(playbook.preferred_weekdays))}),"
            " zodat afspraken nog dezelfde week rond komen",
            f"eerstvolgende goede dag: {long_date(day)}")


def _case_facts(case: Case, today: dt.date) -> list[str]:
    contact = case.contact.name + (f" ({case.contact.role})" if case.contact.role else "")
    reach = ", ".join(x for x in (case.contact.phone, case.contact.email) if x)
    facts = [f"Contactpersoon: {contact}" + (f", {reach}" if reach else "")]
    for inv in case.invoices:
        delivered = f"; geleverd {short_date(inv.delivered_on)}" if inv.delivered_on else ""
        facts.append(
            f"Factuur {inv.number} van {short_date(inv.date)}: {format_euro(inv.amount)}, "
            f"vervallen op {short_date(inv.due_date)} ({inv.days_overdue(today)} dagen te laat)"
            + (f" — {inv.description}{delivered}" if inv.description else delivered))
    facts.append(f"Openstaand saldo: {format_euro(case.balance)}"
                 + (f" (plus {format_euro(case.costs)} kosten en rente)" if case.costs else ""))
    facts.append(f"Betalingsgedrag: {BEHAVIOUR_NL[case.payment_behaviour]}, gemiddeld "
                 f"{case.average_days_late} dagen te laat; kredietwaardigheid: "
                 f"{CREDIT_NL[case.creditworthiness]}")
    if case.earlier_agreements:
        kept = sum(1 for a in case.earlier_agreements if a.kept)
        facts.append(f"Eerdere afspraken: {len(case.earlier_agreements)}, waarvan {kept} nagekomen"
                     + (f" en {case.broken_agreements} niet" if case.broken_agreements else ""))
    else:
        facts.append("Eerdere afspraken: geen")
    if case.reminders:
        facts.append("Verstuurd: " + join_nl([f"{r.kind} op {short_date(r.date)}"
                                              for r in case.reminders]))
    else:
        facts.append("Verstuurd: nog geen herinnering of aanmaning")
    share = f"{format_percent(case.revenue_share, '#,##0.#%', locale='nl')} van de jaaromzet"
    facts.append(("Belangrijke klant: ja, " if case.important_customer else
                  "Belangrijke klant: nee, ") + share)
    for c in case.complaints:
        status = "nog open" if c.is_open else "opgelost"
        facts.append(f"Klacht van {short_date(c.date)} over {c.invoice}: {c.subject} ({status})")
    if case.delivery_stop:
        facts.append("Er geldt een leveringsstop")
    if case.notes:
        facts.append(f"Notitie: {case.notes}")
    return facts


def preparation_brief(case: Case | None, today: dt.date, playbook: Playbook) -> Brief:
    profile = profile_for(case, playbook)
    deadline = add_business_days(today, profile.pay_within_days)
    if case is None:
        return Brief(case_id="", title="Gesprek zonder dossier: algemene voorbereiding",
                     facts=("Zoek vooraf op: contactpersoon, factuurnummers en bedragen, wat er "
                            "is geleverd en wanneer, vervaldata, eerdere afspraken, verstuurde "
                            "herinneringen en eventuele klachten.",),
                     goal=f"betaling van het openstaande bedrag uiterlijk {long_date(deadline)}",
                     deadline=deadline, opening=opening_line(None, today, profile),
                     call_moments=_call_moments(today, playbook), profile=profile.name, balance=0.0)
    return Brief(
        case_id=case.id, title=f"Dossier {case.id} — {case.company}",
        facts=tuple(_case_facts(case, today)),
        goal=(f"{format_euro(case.balance)} uiterlijk {long_date(deadline)} binnen "
              f"(houding: {profile.label})"),
        deadline=deadline, opening=opening_line(case, today, profile),
        call_moments=_call_moments(today, playbook), profile=profile.name,
        balance=float(case.balance))
