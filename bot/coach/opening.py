"""The opening line of a call: greeting for the time of day, who is calling, which
invoices, the broken promise if there is one, and the deadline, in one breath."""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from bot.coach.business_days import add_business_days
from bot.coach.cases import Case
from bot.coach.formatting import join_nl, long_date, short_date, spoken_name
from bot.coach.ledger import Promise
from bot.coach.money import format_euro
from bot.coach.playbook import Profile
from bot.coach.settings import Settings

_LEGAL_FORM = re.compile(r",?\s+(B\.?V\.?|N\.?V\.?|V\.?O\.?F\.?)$", re.IGNORECASE)


def greeting(now: dt.datetime) -> str:
    if now.hour < 12:
        return "Goedemorgen"
    return "Goedemiddag" if now.hour < 18 else "Goedenavond"


def spoken_company(company: str) -> str:
    """Nobody says "B.V." on the phone: "Groenhof Interieur B.V." → "Groenhof Interieur"."""
    return _LEGAL_FORM.sub("", company.strip()) or company


def _invoices_sentence(case: Case, balance: Decimal) -> str:
    since = long_date(case.oldest_due_date())
    if len(case.invoices) == 1:
        invoice = case.invoices[0]
        sentence = (f"Ik bel over factuur {invoice.number} van {format_euro(invoice.amount)}, "
                    f"die sinds {since} openstaat.")
    else:
        sentence = (f"Ik bel over de facturen {join_nl([inv.number for inv in case.invoices])}, "
                    f"samen {format_euro(case.balance)}, waarvan de oudste sinds {since} "
                    "openstaat.")
    if 0 < balance < case.balance:
        sentence += f" Daarvan staat nog {format_euro(balance)} open."
    return sentence


def broken_promise_sentence(broken: Promise, paid: Decimal = Decimal("0.00")) -> str:
    """Names the disappointment plainly: what was promised, for when, and what came in."""
    promised = f"{format_euro(broken.amount)} toegezegd voor {short_date(broken.date)}"
    made = broken.created_at.date() if broken.created_at else None
    sentence = f"Op {short_date(made)} hebt u ons {promised}" if made else f"U hebt ons {promised}"
    if paid > 0:
        return sentence + f"; daarvan is maar {format_euro(paid)} binnengekomen."
    return sentence + "; dat is niet binnengekomen."


def opening_line(case: Case | None, today: dt.date, profile: Profile, *, settings: Settings,
                 now: dt.datetime, collector: str = "", balance: Decimal | None = None,
                 broken: Promise | None = None, broken_paid: Decimal = Decimal("0.00")) -> str:
    """``collector`` is who calls (else the settings' sender); ``balance`` what is still
    open when payments came in (else the case balance); ``broken`` the latest promise that
    was not kept, and ``broken_paid`` what did arrive of it."""
    deadline = long_date(add_business_days(today, profile.pay_within_days))
    caller = (f"u spreekt met {collector.strip() or settings.sender_name} "
              f"van {spoken_company(settings.company)}")
    if case is None:
        return (f"{greeting(now)}, {caller}. Ik bel over een factuur die nog openstaat, en ik "
                f"wil graag met u afspreken dat die uiterlijk {deadline} is betaald.")
    balance = case.balance if balance is None else balance
    parts = [f"{greeting(now)} {spoken_name(case.contact.name)}, {caller}.",
             _invoices_sentence(case, balance)]
    if broken is not None:
        parts.append(broken_promise_sentence(broken, broken_paid))
    parts.append(f"Ik wil graag met u afspreken dat het openstaande bedrag uiterlijk {deadline} "
                 "bij ons binnen is.")
    return " ".join(parts)
