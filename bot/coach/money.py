"""Euro amounts as exact cents, Dutch formatting, and splitting a balance into parts.

Money is kept as ``Decimal`` rounded to the cent so that instalments always add up to the
balance exactly; floats only appear at the edge, in JSON payloads.
"""
from decimal import ROUND_HALF_UP, Decimal

from babel.numbers import format_currency

CENT = Decimal("0.01")


def euros(value: object) -> Decimal:
    """An amount as Decimal euros rounded to the cent; accepts int, float, str or Decimal."""
    if isinstance(value, float):
        value = repr(value)
    try:
        amount = Decimal(str(value))
    except ArithmeticError as err:
        raise ValueError(f"not an amount: {value!r}") from err
    if not amount.is_finite():
        raise ValueError(f"not an amount: {value!r}")
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def format_euro(amount: object) -> str:
    """Dutch notation: € 1.250,50."""
    return format_currency(euros(amount), "EUR", locale="nl_NL")


def split_evenly(total: Decimal, parts: int) -> list[Decimal]:
    """``parts`` amounts that add up to ``total`` exactly and differ by at most a cent;
    the leftover cents go to the earliest parts."""
    if parts < 1:
        raise ValueError("parts must be at least 1")
    total_cents = int(euros(total) / CENT)
    base, leftover = divmod(total_cents, parts)
    cents = [base + (1 if i < leftover else 0) for i in range(parts)]
    return [Decimal(c) * CENT for c in cents]


def percentage_of(total: Decimal, percent: int | float) -> Decimal:
    return euros(euros(total) * Decimal(str(percent)) / 100)
