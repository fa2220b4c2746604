"""Statutory collection costs ("buitengerechtelijke incassokosten") for a consumer debt.

The rule: article 6:96 BW (Wet normering buitengerechtelijke incassokosten, "Wet
incassokosten") with the Besluit vergoeding voor buitengerechtelijke incassokosten.
For a debt of a consumer (a private person, not acting for a business) the collection
costs are at most this scale over the principal (the unpaid invoice total):

    15 %  over the first          €   2.500   (minimum € 40)
    10 %  over the next           €   2.500
     5 %  over the next           €   5.000
     1 %  over the next           € 190.000
     0,5 % over the rest, with a maximum of € 6.775 for the costs as a whole.

No VAT is added: for a consumer VAT may only come on top when the creditor cannot
reclaim it, and we keep that case out (our creditors are VAT-registered businesses).

The costs may only be charged after a "veertiendagenbrief" (the 14-day letter): a
reminder, sent after the due date, that names the costs that will follow and gives the
debtor 14 days *after the day of receipt* to pay without them. We do not know the day of
receipt, so we simplify: the letter is taken to arrive the day after it was sent, and the
14 days have passed on the letter date + 15 days. From that day on the costs may be
charged; before it, or without a letter, they may not.

Amounts are ``Decimal`` in euros; the scale is applied exactly and the result rounded
once to whole cents (half up).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
MINIMUM = Decimal("40.00")
MAXIMUM = Decimal("6775.00")
# (width of the bracket in euros, or None for "the rest"; percentage as a fraction)
BRACKETS: tuple[tuple[Decimal | None, Decimal], ...] = (
    (Decimal("2500"), Decimal("0.15")),
    (Decimal("2500"), Decimal("0.10")),
    (Decimal("5000"), Decimal("0.05")),
    (Decimal("190000"), Decimal("0.01")),
    (None, Decimal("0.005")),
)
# Days after the letter date on which the 14-day term counts as passed (the letter is
# taken to arrive the next day; then 14 days).
TERM_DAYS = 15


def _euros(value: Decimal | int | str) -> Decimal:
    amount = Decimal(str(value))
    if not amount.is_finite():
        raise ValueError(f"geen bedrag: {value!r}")
    if amount < 0:
        raise ValueError(f"een hoofdsom kan niet negatief zijn: {value!r}")
    return amount


def statutory_costs(principal: Decimal | int | str) -> Decimal:
    """The statutory collection costs on ``principal`` (euros), to the cent: the scale
    above, at least € 40 and at most € 6.775, no VAT. A principal of 0 has no costs."""
    rest = _euros(principal)
    if rest == 0:
        return Decimal("0.00")
    costs = Decimal(0)
    for width, rate in BRACKETS:
        part = rest if width is None else min(rest, width)
        costs += part * rate
        rest -= part
        if rest <= 0:
            break
    costs = min(MAXIMUM, max(MINIMUM, costs))
    return costs.quantize(CENT, rounding=ROUND_HALF_UP)


def costs_due_from(letter_sent: dt.date) -> dt.date:
    """The first day the costs may be charged after a 14-day letter sent on
    ``letter_sent`` (the simplification above: letter date + 15 days)."""
    return letter_sent + dt.timedelta(days=TERM_DAYS)


def may_charge(letter_sent: dt.date | None, today: dt.date) -> bool:
    """Whether collection costs may be charged today: only when a 14-day letter was sent
    and its term has passed (``today`` on or after letter date + 15 days)."""
    return letter_sent is not None and today >= costs_due_from(letter_sent)


@dataclass(frozen=True)
class CostsAssessment:
    """What the scale says (``scale``), whether it may be charged today and so what can
    be charged (``chargeable``: the scale amount or € 0,00), with the reason in Dutch."""
    principal: Decimal
    scale: Decimal
    allowed: bool
    due_from: dt.date | None
    reason: str

    @property
    def chargeable(self) -> Decimal:
        return self.scale if self.allowed else Decimal("0.00")


def assess(principal: Decimal | int | str, letter_sent: dt.date | None,
           today: dt.date) -> CostsAssessment:
    """The statutory costs on ``principal`` and whether they may be charged on ``today``
    after a 14-day letter sent on ``letter_sent`` (None: no letter sent)."""
    amount = _euros(principal)
    scale = statutory_costs(amount)
    if letter_sent is None:
        return CostsAssessment(amount, scale, False, None,
                               "Er is geen veertiendagenbrief verstuurd; incassokosten mogen "
                               "nog niet in rekening worden gebracht.")
    due = costs_due_from(letter_sent)
    if today < due:
        return CostsAssessment(amount, scale, False, due,
                               f"De termijn van de veertiendagenbrief loopt nog; "
                               f"incassokosten mogen pas vanaf {due:%d-%m-%Y}.")
    return CostsAssessment(amount, scale, True, due,
                           f"De veertiendagenbrief is verstuurd en de termijn is verstreken; "
                           f"de wettelijke incassokosten mogen sinds {due:%d-%m-%Y}.")
