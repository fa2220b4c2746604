"""Concrete proposals: exact business dates and exact euro amounts, computed from the case.

Each proposal kind in the playbook's ``proposal_texts`` has a builder here. Dates skip
weekends and Dutch public holidays; instalments are split to the cent so they add up to
the balance exactly. The firmness profile decides how much time and how many parts.
"""
from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from dateutil.relativedelta import relativedelta  # no stubs

from bot.coach.business_days import add_business_days, on_or_after
from bot.coach.cases import Case
from bot.coach.formatting import long_date
from bot.coach.money import euros, format_euro, percentage_of, split_evenly
from bot.coach.playbook import Playbook, Profile, fill

MIN_INSTALLMENT = Decimal("50.00")  # smaller parts cost more in follow-up than they bring


@dataclass(frozen=True)
class Installment:
    date: dt.date
    amount: Decimal

    def to_payload(self) -> dict:
        return {"date": self.date.isoformat(), "amount": float(self.amount)}


@dataclass(frozen=True)
class Proposal:
    kind: str
    text: str
    date: dt.date
    amount: Decimal | None
    installments: tuple[Installment, ...] = ()

    def to_payload(self) -> dict:
        payload: dict[str, object] = {
            "kind": self.kind, "text": self.text, "date": self.date.isoformat(),
            "amount": float(self.amount) if self.amount is not None else None}
        if self.installments:
            payload["installments"] = [i.to_payload() for i in self.installments]
        return payload


@dataclass(frozen=True)
class ProposalContext:
    """What a proposal is computed from: the case (if any), today, the firmness profile,
    and what the debtor just said (a date, an amount, an invoice number)."""
    today: dt.date
    profile: Profile
    playbook: Playbook
    case: Case | None = None
    said_date: dt.date | None = None
    said_amount: Decimal | None = None
    said_invoice: str | None = None
    facts: dict = field(default_factory=dict)

    @property
    def balance(self) -> Decimal | None:
        if self.case is not None:
            return self.case.balance
        return self.said_amount

    def deadline(self) -> dt.date:
        return add_business_days(self.today, self.profile.pay_within_days)

    def text(self, kind: str, **values: object) -> str:
        return fill(self.playbook.proposal_texts[kind], {**self.facts, **values})


def _money(amount: Decimal | None) -> str:
    return format_euro(amount) if amount is not None else "het openstaande bedrag"


def pay_in_full(ctx: ProposalContext) -> Proposal:
    date = ctx.deadline()
    return Proposal("pay_in_full", ctx.text("pay_in_full", amount=_money(ctx.balance),
                                            date=long_date(date)), date, ctx.balance)


def resend_and_pay(ctx: ProposalContext) -> Proposal:
    date = ctx.deadline()
    return Proposal("resend_and_pay", ctx.text("resend_and_pay", amount=_money(ctx.balance),
                                               date=long_date(date)), date, ctx.balance)


def proof_or_pay(ctx: ProposalContext) -> Proposal:
    date = ctx.deadline()
    return Proposal("proof_or_pay", ctx.text("proof_or_pay", amount=_money(ctx.balance),
                                             date=long_date(date)), date, ctx.balance)


def callback_and_pay(ctx: ProposalContext) -> Proposal:
    callback_day = add_business_days(ctx.today, 1)
    date = add_business_days(callback_day, 2)
    callback = f"{long_date(callback_day)} om {ctx.playbook.callback_time} uur"
    return Proposal("callback_and_pay", ctx.text("callback_and_pay", callback=callback,
                                                 amount=_money(ctx.balance), date=long_date(date)),
                    date, ctx.balance)


def down_payment_and_rest(ctx: ProposalContext) -> Proposal | None:
    if ctx.balance is None:
        return None
    first = percentage_of(ctx.balance, ctx.profile.down_payment_percent)
    if ctx.said_amount is not None and first < ctx.said_amount < ctx.balance:
        first = ctx.said_amount  # the debtor offered more up front: take it
    rest = ctx.balance - first
    first_date = add_business_days(ctx.today, 1)
    date = add_business_days(ctx.today, ctx.profile.rest_within_days)
    text = ctx.text("down_payment_and_rest", first_amount=format_euro(first),
                    first_date=long_date(first_date), rest_amount=format_euro(rest),
                    date=long_date(date))
    return Proposal("down_payment_and_rest", text, date, ctx.balance,
                    (Installment(first_date, first), Installment(date, rest)))


def installment_plan(ctx: ProposalContext) -> Proposal | None:
    """Monthly parts, the first within two business days. The debtor's own monthly amount
    sets the count when it fits the profile; otherwise the profile's maximum applies."""
    balance = ctx.balance
    if balance is None:
        return None
    cap = max(2, min(ctx.profile.max_installments, int(balance // MIN_INSTALLMENT)))
    count = cap
    if ctx.said_amount and ctx.said_amount < balance:
        count = min(cap, max(2, math.ceil(balance / ctx.said_amount)))
    first_date = add_business_days(ctx.today, 2)
    dates = [on_or_after(first_date + relativedelta(months=i)) for i in range(count)]
    amounts = split_evenly(balance, count)
    parts = tuple(Installment(d, a) for d, a in zip(dates, amounts, strict=False))
    schedule = "; ".join(f"{format_euro(p.amount)} uiterlijk {long_date(p.date)}" for p in parts)
    return Proposal("installment_plan", ctx.text("installment_plan", count=count,
                                                 schedule=schedule), dates[-1], balance, parts)


def undisputed_part(ctx: ProposalContext) -> Proposal | None:
    """Only with a case where some invoices are disputed (recorded complaint, or the one
    the debtor names now) and some are not."""
    case = ctx.case
    if case is None:
        return None
    disputed = {inv.number for inv in case.disputed_invoices}
    if ctx.said_invoice and any(inv.number.upper() == ctx.said_invoice for inv in case.invoices):
        disputed.add(next(inv.number for inv in case.invoices
                          if inv.number.upper() == ctx.said_invoice))
    undisputed = euros(sum((inv.amount for inv in case.invoices if inv.number not in disputed),
                           Decimal("0")))
    if not disputed or undisputed == 0:
        return None
    date = add_business_days(ctx.today, 2)
    disputed_amount = case.balance - undisputed
    text = ctx.text("undisputed_part", amount=format_euro(undisputed), date=long_date(date),
                    disputed=format_euro(disputed_amount))
    return Proposal("undisputed_part", text, date, undisputed)


def extension(ctx: ProposalContext) -> Proposal:
    """Extra time up to the profile's limit; a date the debtor asks for is granted only
    when it falls within that limit."""
    latest = add_business_days(ctx.today, ctx.profile.extension_days)
    date = latest
    if ctx.said_date and ctx.today < ctx.said_date <= latest:
        date = on_or_after(ctx.said_date)
    return Proposal("extension", ctx.text("extension", amount=_money(ctx.balance),
                                          date=long_date(date)), date, ctx.balance)


BUILDERS: dict[str, Callable[[ProposalContext], Proposal | None]] = {
    "pay_in_full": pay_in_full,
    "resend_and_pay": resend_and_pay,
    "proof_or_pay": proof_or_pay,
    "callback_and_pay": callback_and_pay,
    "down_payment_and_rest": down_payment_and_rest,
    "installment_plan": installment_plan,
    "undisputed_part": undisputed_part,
    "extension": extension,
}


def build_proposals(kinds: tuple[str, ...], ctx: ProposalContext) -> list[Proposal]:
    """The proposals the situation asks for, skipping those that do not apply here."""
    proposals = []
    for kind in kinds:
        proposal = BUILDERS[kind](ctx)
        if proposal is not None:
            proposals.append(proposal)
    return proposals
