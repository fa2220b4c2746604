"""From what the debtor said to what the collector should do next.

``advise`` combines the recognised situation, the case, the call so far and today's date
into one Advice: a line to say, probing questions, computed proposals, concessions that
are always paired with something in return, what to avoid and the next step. It records
nothing: agreements are the business of bot.coach.recording.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.coach import clock
from bot.coach.business_days import add_business_days
from bot.coach.cases import Case
from bot.coach.formatting import join_nl, long_date, spoken_name
from bot.coach.money import euros, format_euro, percentage_of
from bot.coach.opening import opening_line
from bot.coach.playbook import Concession, Playbook, Profile, fill
from bot.coach.profiles import profile_for
from bot.coach.proposals import Proposal, ProposalContext, build_proposals
from bot.coach.settings import Settings, default_settings

ON_FILE = "het e-mailadres in onze administratie"


@dataclass(frozen=True)
class Advice:
    intent: str
    label: str
    confidence: float
    entities: dict
    say: str
    probing_questions: tuple[str, ...]
    proposals: tuple[Proposal, ...]
    concessions: tuple[dict, ...]
    avoid: tuple[str, ...]
    next_step: str
    profile: str
    notes: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    agreements: tuple[dict, ...] = ()

    def to_payload(self) -> dict:
        return {
            "type": "advice", "intent": self.intent, "label": self.label,
            "confidence": round(float(self.confidence), 4), "entities": self.entities,
            "say": self.say, "probing_questions": list(self.probing_questions),
            "proposals": [p.to_payload() for p in self.proposals],
            "concessions": list(self.concessions), "avoid": list(self.avoid),
            "next_step": self.next_step, "profile": self.profile, "notes": list(self.notes),
            "warnings": list(self.warnings), "agreements": list(self.agreements),
        }

    def to_text(self) -> str:
        lines = [f"{self.label} (zekerheid {self.confidence:.0%})"]
        lines += [f"⚠ {warning}" for warning in self.warnings]
        lines += [f"ℹ {note}" for note in self.notes]
        lines.append(f"Zeg: \u201c{self.say}\u201d")
        lines.append("Vraag door:")
        lines += [f"  • {q}" for q in self.probing_questions]
        if self.proposals:
            lines.append("Stel voor:")
            lines += [f"  {i}. {p.text}" for i, p in enumerate(self.proposals, start=1)]
        if self.concessions:
            lines.append("Geef alleen iets als u iets terugkrijgt:")
            lines += [f"  • geef: {c['give']} → vraag terug: {c['get']}" for c in self.concessions]
        if self.avoid:
            lines.append("Vermijd:")
            lines += [f"  • {a}" for a in self.avoid]
        lines.append(f"Volgende stap: {self.next_step}")
        return "\n".join(lines)


def case_facts(case: Case | None, today: dt.date, profile: Profile,
               settings: Settings | None = None, opening: str | None = None) -> dict:
    """Values for the playbook's {placeholders}; general words when there is no case.
    ``opening`` is the call's opening line when the caller has one (with the collector's
    name and a broken promise); otherwise it is made for the current time of day."""
    settings = settings or default_settings()
    deadline = long_date(add_business_days(today, profile.pay_within_days))
    if opening is None:
        opening = opening_line(case, today, profile, settings=settings, now=clock.now())
    if case is None:
        return {"contact": "de contactpersoon", "company": "uw bedrijf",
                "invoices": "de openstaande factuur", "invoice_numbers": "de openstaande factuur",
                "invoice_word": "de factuur", "balance": "het openstaande bedrag",
                "undisputed": "het onbetwiste deel", "disputed": "het betwiste deel",
                "costs": "de kosten", "deadline": deadline, "email": "het juiste e-mailadres",
                "email_on_file": ON_FILE, "email_our": settings.reply_to,
                "delivered": "de levering",
                "down_payment": f"{profile.down_payment_percent}% van het bedrag",
                "oldest_due": "de vervaldatum", "opening": opening}
    numbers = [inv.number for inv in case.invoices]
    return {
        "contact": spoken_name(case.contact.name),
        "company": case.company,
        "invoices": join_nl([f"factuur {inv.number} van {format_euro(inv.amount)}"
                             for inv in case.invoices]),
        "invoice_numbers": ("factuur " if len(numbers) == 1 else "de facturen ") + join_nl(numbers),
        "invoice_word": "de factuur" if len(numbers) == 1 else "de facturen",
        "balance": format_euro(case.balance), "undisputed": format_euro(case.undisputed_balance),
        "disputed": format_euro(case.balance - case.undisputed_balance),
        "costs": format_euro(case.costs), "deadline": deadline,
        "email": case.contact.email or "het juiste e-mailadres",
        "email_on_file": case.contact.email or ON_FILE, "email_our": settings.reply_to,
        "delivered": join_nl([inv.description for inv in case.invoices if inv.description]),
        "down_payment": format_euro(percentage_of(case.balance, profile.down_payment_percent)),
        "oldest_due": long_date(case.oldest_due_date()),
        "opening": opening,
    }


def _applies(concession: Concession, case: Case | None) -> bool:
    if concession.only_if is None:
        return True
    if case is None:
        return False
    return {"has_costs": case.costs > 0, "delivery_stop": case.delivery_stop,
            "has_dispute": bool(case.disputed_invoices) or len(case.invoices) > 1,
            "important_customer": case.important_customer}[concession.only_if]


def _all(entities: dict, name: str) -> list:
    value = entities.get(name)
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _first(entities: dict, name: str) -> object:
    values = _all(entities, name)
    return values[0] if values else None


def advise(intent: str, confidence: float, entities: dict, case: Case | None, today: dt.date,
           playbook: Playbook, *, profile: Profile | None = None, opening: str | None = None,
           notes: tuple[str, ...] | list[str] = (), warnings: tuple[str, ...] | list[str] = (),
           agreements: tuple[dict, ...] | list[dict] = ()) -> Advice:
    """The advice for one debtor utterance. What it did to the ledger (``notes``,
    ``warnings``, the call's ``agreements``) comes from bot.coach.recording."""
    situation = playbook.situation(intent)
    profile = profile or profile_for(case, playbook)
    facts = case_facts(case, today, profile, opening=opening)
    # Of several dates the latest is the one that counts: "vandaag niet, wel uiterlijk
    # vrijdag 11 december" (the same rule as bot.coach.dutch_values.promised_date).
    said_date = max((str(d) for d in _all(entities, "date")), default=None)
    said_amount = _first(entities, "amount")
    said_invoice = _first(entities, "invoice_number")
    ctx = ProposalContext(
        today=today, profile=profile, playbook=playbook, case=case,
        said_date=dt.date.fromisoformat(str(said_date)) if said_date else None,
        said_amount=euros(said_amount) if said_amount is not None else None,
        said_invoice=str(said_invoice).upper() if said_invoice else None, facts=facts)
    proposals = build_proposals(situation.proposals, ctx)
    for proposal in proposals:
        if proposal.kind == "undisputed_part":  # the debtor may have named the disputed invoice
            facts["undisputed"] = format_euro(proposal.amount)
    return Advice(
        intent=intent if intent in playbook.situations else "unknown",
        label=situation.label, confidence=confidence, entities=entities,
        say=fill(situation.say, facts),
        probing_questions=tuple(fill(q, facts) for q in situation.probing_questions),
        proposals=tuple(proposals),
        concessions=tuple({"give": fill(c.give, facts), "get": fill(c.get, facts)}
                          for c in situation.concessions if _applies(c, case)),
        avoid=situation.avoid, next_step=fill(situation.next_step, facts),
        profile=profile.name,
        notes=tuple(([] if case is not None else [playbook.messages["no_case"]]) + list(notes)),
        warnings=tuple(warnings), agreements=tuple(agreements))
