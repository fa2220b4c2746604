"""From what the debtor said to what the collector should do next.

``advise`` combines the recognised situation, the case, the call so far and today's date
into one Advice: a line to say, probing questions, computed proposals, concessions that
are always paired with something in return, what to avoid and the next step. It also
records agreements in the call state when the debtor commits or accepts a proposal.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.coach.business_days import add_business_days
from bot.coach.call import Agreement, CallState
from bot.coach.cases import Case
from bot.coach.formatting import join_nl, long_date, spoken_name
from bot.coach.money import euros, format_euro, percentage_of
from bot.coach.playbook import Concession, Playbook, Profile, fill
from bot.coach.profiles import profile_for
from bot.coach.proposals import Proposal, ProposalContext, build_proposals

OUR_EMAIL = "debiteuren@uwbedrijf.nl"


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
    agreements: tuple[dict, ...] = ()

    def to_payload(self) -> dict:
        return {
            "type": "advice", "intent": self.intent, "label": self.label,
            "confidence": round(float(self.confidence), 4), "entities": self.entities,
            "say": self.say, "probing_questions": list(self.probing_questions),
            "proposals": [p.to_payload() for p in self.proposals],
            "concessions": list(self.concessions), "avoid": list(self.avoid),
            "next_step": self.next_step, "profile": self.profile, "notes": list(self.notes),
            "agreements": list(self.agreements),
        }

    def to_text(self) -> str:
        lines = [f"{self.label} (zekerheid {self.confidence:.0%})"]
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


def case_facts(case: Case | None, today: dt.date, profile: Profile) -> dict:
    """Values for the playbook's {placeholders}; general words when there is no case."""
    deadline = long_date(add_business_days(today, profile.pay_within_days))
    if case is None:
        return {"contact": "de contactpersoon", "company": "uw bedrijf", "invoices": "de openstaande factuur",
                "invoice_numbers": "de openstaande factuur", "balance": "het openstaande bedrag",
                "undisputed": "het onbetwiste deel", "disputed": "het betwiste deel",
                "costs": "de kosten", "deadline": deadline, "email": "het juiste e-mailadres",
                "email_our": OUR_EMAIL, "delivered": "de levering",
                "down_payment": f"{profile.down_payment_percent}% van het bedrag",
                "oldest_due": "de vervaldatum", "opening": opening_line(None, today, profile)}
    numbers = [inv.number for inv in case.invoices]
    return {
        "contact": spoken_name(case.contact.name),
        "company": case.company,
        "invoices": join_nl([f"factuur {inv.number} van {format_euro(inv.amount)}"
                             for inv in case.invoices]),
        "invoice_numbers": ("factuur " if len(numbers) == 1 else "de facturen ") + join_nl(numbers),
        "balance": format_euro(case.balance), "undisputed": format_euro(case.undisputed_balance),
        "disputed": format_euro(case.balance - case.undisputed_balance),
        "costs": format_euro(case.costs), "deadline": deadline,
        "email": case.contact.email or "het juiste e-mailadres", "email_our": OUR_EMAIL,
        "delivered": join_nl([inv.description for inv in case.invoices if inv.description]),
        "down_payment": format_euro(percentage_of(case.balance, profile.down_payment_percent)),
        "oldest_due": long_date(case.oldest_due_date()),
        "opening": opening_line(case, today, profile),
    }


def opening_line(case: Case | None, today: dt.date, profile: Profile) -> str:
    """Who you are, why you call, and the deadline, in one breath."""
    deadline = long_date(add_business_days(today, profile.pay_within_days))
    if case is None:
        return ("Goedemorgen, u spreekt met [uw naam] van [uw bedrijf]. Ik bel over een factuur "
                f"die nog openstaat, en ik wil graag met u afspreken dat die uiterlijk {deadline} "
                "is betaald.")
    numbers = join_nl([inv.number for inv in case.invoices])
    return (f"Goedemorgen {spoken_name(case.contact.name)}, u spreekt met [uw naam] van [uw bedrijf]. Ik bel "
            f"over {'factuur' if len(case.invoices) == 1 else 'de facturen'} {numbers}, samen "
            f"{format_euro(case.balance)}, die sinds {long_date(case.oldest_due_date())} "
            f"openstaan. Ik wil graag met u afspreken dat dit bedrag uiterlijk {deadline} bij ons "
            "binnen is.")


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


def _debtor_promises(entities: dict, case: Case | None, state: CallState) -> list[Agreement]:
    """One agreement per date the debtor named, paired with the amounts in the order said
    ("vrijdag 1.000 euro en de rest op 15 december"); a date without an amount gets what
    is still open. A promise without amount after everything was promised is a new date
    for the whole balance."""
    dates = [dt.date.fromisoformat(d) for d in _all(entities, "date")]
    amounts = [euros(a) for a in _all(entities, "amount")]
    promises: list[Agreement] = []
    for i, date in enumerate(dates):
        amount = amounts[i] if i < len(amounts) else None
        if amount is None and case is not None:
            promised = state.agreed_total() + sum(p.amount for p in promises if p.amount)
            amount = case.balance - promised
            if amount <= 0:
                if promises:
                    continue
                state.agreements = []
                amount = case.balance
        promises.append(Agreement(date, amount, "Toezegging van de debiteur", "debtor"))
    return promises


def _accepted_proposal(state: CallState) -> Agreement:
    accepted = state.last_proposals[0]
    return Agreement(
        dt.date.fromisoformat(accepted["date"]),
        euros(accepted["amount"]) if accepted.get("amount") is not None else None,
        accepted["text"], "proposal",
        tuple((dt.date.fromisoformat(i["date"]), euros(i["amount"]))
              for i in accepted.get("installments", ())))


def _record_agreements(intent: str, entities: dict, ctx: ProposalContext, state: CallState,
                       playbook: Playbook) -> list[str]:
    """Agreements from a concrete promise, or from 'yes' to the last proposal."""
    if intent == "promise_to_pay":
        agreements = _debtor_promises(entities, ctx.case, state)
    elif intent == "affirm" and state.last_proposals:
        agreements = [_accepted_proposal(state)]
    else:
        agreements = []
    notes = []
    latest = add_business_days(ctx.today, ctx.profile.extension_days)
    for agreement in agreements:
        state.agree_to(agreement)
        amount = format_euro(agreement.amount) if agreement.amount is not None else "het bedrag"
        notes.append(fill(playbook.messages["agreement_recorded"],
                          {"amount": amount, "date": long_date(agreement.date)}))
        if agreement.source == "debtor" and agreement.date > latest:
            notes.append(fill(playbook.messages["agreement_too_late"],
                              {"date": long_date(agreement.date), "deadline": long_date(latest)}))
    if agreements:
        state.last_proposals = []
        if ctx.case is not None and state.agreed_total() < ctx.case.balance:
            notes.append(fill(playbook.messages["remaining_open"],
                              {"amount": format_euro(ctx.case.balance - state.agreed_total())}))
    return notes


def advise(intent: str, confidence: float, entities: dict, state: CallState,
           case: Case | None, today: dt.date, playbook: Playbook) -> Advice:
    """The advice for one debtor utterance; updates ``state`` (agreements, last proposals)."""
    situation = playbook.situation(intent)
    profile = profile_for(case, playbook)
    facts = case_facts(case, today, profile)
    said_date = _first(entities, "date")
    said_amount = _first(entities, "amount")
    said_invoice = _first(entities, "invoice_number")
    ctx = ProposalContext(
        today=today, profile=profile, playbook=playbook, case=case,
        said_date=dt.date.fromisoformat(said_date) if said_date else None,
        said_amount=euros(said_amount) if said_amount is not None else None,
        said_invoice=str(said_invoice).upper() if said_invoice else None, facts=facts)

    notes = [] if case is not None else [playbook.messages["no_case"]]
    notes += _record_agreements(situation.name, entities, ctx, state, playbook)
    proposals = build_proposals(situation.proposals, ctx)
    for proposal in proposals:
        if proposal.kind == "undisputed_part":  # the debtor may have named the disputed invoice
            facts["undisputed"] = format_euro(proposal.amount)
    if situation.name not in ("affirm", "goodbye"):
        state.last_proposals = [p.to_payload() for p in proposals]
    state.situations.append(situation.name)

    return Advice(
        intent=intent if intent in playbook.situations else "unknown",
        label=situation.label, confidence=confidence, entities=entities,
        say=fill(situation.say, facts),
        probing_questions=tuple(fill(q, facts) for q in situation.probing_questions),
        proposals=tuple(proposals),
        concessions=tuple({"give": fill(c.give, facts), "get": fill(c.get, facts)}
                          for c in situation.concessions if _applies(c, case)),
        avoid=situation.avoid, next_step=fill(situation.next_step, facts),
        profile=profile.name, notes=tuple(notes),
        agreements=tuple(a.to_dict() for a in state.agreements))
