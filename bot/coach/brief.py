"""The preparation brief shown when a call starts: facts at hand, the case's history with
us (calls, promises, payments), goal, deadline, opening line and the best moments to call."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from babel.numbers import format_percent

from bot.coach import clock
from bot.coach.business_days import add_business_days, is_business_day
from bot.coach.cases import Case
from bot.coach.formatting import join_nl, long_date, short_date
from bot.coach.ledger import Payment, PromiseState, open_balance
from bot.coach.money import format_euro
from bot.coach.opening import opening_line
from bot.coach.playbook import Playbook
from bot.coach.profiles import profile_for
from bot.coach.settings import Settings, default_settings
from bot.coach.statutory_costs import assess

BEHAVIOUR_NL = {"good": "goed", "average": "gemiddeld", "poor": "slecht"}
CREDIT_NL = {"good": "goed", "moderate": "matig", "poor": "slecht"}
WEEKDAY_NL = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
STATUS_NL = {"open": "openstaand", "kept": "nagekomen", "partly_kept": "deels nagekomen",
             "broken": "niet nagekomen", "cancelled": "vervallen"}
NOT_KEPT = ("broken", "partly_kept")
SHOWN = 5  # latest calls and payments listed; older ones are counted


@dataclass(frozen=True)
class BriefHistory:
    """What happened on the case with us: calls (started_at, collector, outcome in Dutch),
    the ledger's promises with their status, and the payments received."""
    calls: tuple[tuple[dt.datetime, str, str], ...] = ()
    promises: tuple[PromiseState, ...] = ()
    payments: tuple[Payment, ...] = ()

    def not_kept(self) -> list[PromiseState]:
        return [s for s in self.promises if s.status in NOT_KEPT]


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
    windows = " of ".join(
        "tussen " + " en ".join(t.lstrip("0").replace(":", ".") for t in w.split("-")) + " uur"
        for w in playbook.call_windows)
    day = today
    while not (is_business_day(day) and WEEKDAY_NL[day.weekday()] in playbook.preferred_weekdays):
        day += dt.timedelta(days=1)
    weekdays = join_nl(list(playbook.preferred_weekdays))
    return (windows, f"bij voorkeur vroeg in de week ({weekdays}),"
            " zodat afspraken nog dezelfde week rond komen",
            f"eerstvolgende goede dag: {long_date(day)}")


def _more(shown: list[str], total: int) -> str:
    rest = total - len(shown)
    return "; ".join(shown) + (f" (en {rest} eerder)" if rest > 0 else "")


def _history_facts(history: BriefHistory) -> list[str]:
    calls = sorted(history.calls, key=lambda c: c[0], reverse=True)
    lines = [f"{short_date(started.date())} om {started:%H.%M} uur"
             + (f" ({collector})" if collector else "") + (f": {outcome}" if outcome else "")
             for started, collector, outcome in calls[:SHOWN]]
    facts = [f"Gesprekken: {_more(lines, len(calls))}" if calls else "Gesprekken: nog geen"]
    promises = []
    for state in sorted(history.promises, key=lambda s: (s.promise.date, s.promise.id or 0)):
        status = STATUS_NL[state.status]
        if state.status == "partly_kept":
            status += f", {format_euro(state.paid)} ontvangen"
        plan = " (termijn van een regeling)" if state.promise.plan else ""
        promises.append(f"{format_euro(state.promise.amount)} voor "
                        f"{short_date(state.promise.date)}{plan}: {status}")
    facts.append("Toezeggingen: " + ("; ".join(promises) if promises else "geen"))
    payments = sorted(history.payments, key=lambda p: p.date, reverse=True)
    paid = [f"{format_euro(p.amount)} op {short_date(p.date)}"
            + (f" ({p.reference})" if p.reference else "") for p in payments[:SHOWN]]
    facts.append(f"Betalingen: {_more(paid, len(payments))}" if payments
                 else "Betalingen: nog niets ontvangen")
    return facts


def _consumer_costs(case: Case, balance: Decimal, today: dt.date) -> str:
    """For a private person: the statutory collection costs on what is open, and whether
    they may be charged yet (bot.coach.statutory_costs)."""
    costs = assess(balance, case.fourteen_day_letter, today)
    return (f"Particulier: wettelijke incassokosten {format_euro(costs.scale)} over "
            f"{format_euro(balance)}. {costs.reason}")


def _case_facts(case: Case, today: dt.date, balance: Decimal,
                history: BriefHistory | None) -> list[str]:
    contact = case.contact.name + (f" ({case.contact.role})" if case.contact.role else "")
    reach = ", ".join(x for x in (case.contact.phone, case.contact.email) if x)
    facts = [f"Contactpersoon: {contact}" + (f", {reach}" if reach else "")]
    for inv in case.invoices:
        delivered = f"; geleverd {short_date(inv.delivered_on)}" if inv.delivered_on else ""
        facts.append(
            f"Factuur {inv.number} van {short_date(inv.date)}: {format_euro(inv.amount)}, "
            f"vervallen op {short_date(inv.due_date)} ({inv.days_overdue(today)} dagen te laat)"
            + (f" — {inv.description}{delivered}" if inv.description else delivered))
    received = case.balance - balance
    facts.append(f"Openstaand saldo: {format_euro(balance)}"
                 + (f" ({format_euro(received)} van {format_euro(case.balance)} ontvangen)"
                    if received > 0 else "")
                 + (f" plus {format_euro(case.costs)} kosten en rente" if case.costs else ""))
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
    if case.consumer:
        facts.append(_consumer_costs(case, balance, today))
    if case.delivery_stop:
        facts.append("Er geldt een leveringsstop")
    if case.notes:
        facts.append(f"Notitie: {case.notes}")
    if history is not None:
        facts += _history_facts(history)
    return facts


def preparation_brief(case: Case | None, today: dt.date, playbook: Playbook, *,
                      settings: Settings | None = None, now: dt.datetime | None = None,
                      collector: str = "", history: BriefHistory | None = None) -> Brief:
    """``now`` sets the greeting (default: the clock); ``collector`` who calls (default: the
    settings' sender); ``history`` the case's calls, promises and payments with us."""
    settings = settings or default_settings()
    now = now or clock.now()
    not_kept = history.not_kept() if history else []
    profile = profile_for(case, playbook, broken_promises=len(not_kept))
    deadline = add_business_days(today, profile.pay_within_days)
    if case is None:
        return Brief(case_id="", title="Gesprek zonder dossier: algemene voorbereiding",
                     facts=("Zoek vooraf op: contactpersoon, factuurnummers en bedragen, wat er "
                            "is geleverd en wanneer, vervaldata, eerdere afspraken, verstuurde "
                            "herinneringen en eventuele klachten.",),
                     goal=f"betaling van het openstaande bedrag uiterlijk {long_date(deadline)}",
                     deadline=deadline,
                     opening=opening_line(None, today, profile, settings=settings, now=now,
                                          collector=collector),
                     call_moments=_call_moments(today, playbook), profile=profile.name, balance=0.0)
    balance = open_balance(case.balance, history.payments) if history else case.balance
    latest = max(not_kept, key=lambda s: s.promise.date, default=None)
    opening = opening_line(case, today, profile, settings=settings, now=now, collector=collector,
                           balance=balance, broken=latest.promise if latest else None,
                           broken_paid=latest.paid if latest else Decimal("0.00"))
    return Brief(
        case_id=case.id, title=f"Dossier {case.id} — {case.company}",
        facts=tuple(_case_facts(case, today, balance, history)),
        goal=(f"{format_euro(balance)} uiterlijk {long_date(deadline)} binnen; "
              f"houding: {profile.label}"),
        deadline=deadline, opening=opening, call_moments=_call_moments(today, playbook),
        profile=profile.name, balance=float(balance))
