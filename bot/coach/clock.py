"""What "today" and "now" are. INCASSO_TODAY=YYYY-MM-DD pins the date and
INCASSO_NOW=YYYY-MM-DDTHH:MM pins the moment, so tests and demos are reproducible."""
import datetime as dt
import os

TODAY_ENV = "INCASSO_TODAY"
NOW_ENV = "INCASSO_NOW"


def _pinned_now() -> dt.datetime | None:
    pinned = os.environ.get(NOW_ENV, "").strip()
    if not pinned:
        return None
    try:
        return dt.datetime.fromisoformat(pinned)
    except ValueError as err:
        raise ValueError(f"{NOW_ENV} must be a date and time as YYYY-MM-DDTHH:MM, "
                         f"got {pinned!r}") from err


def today() -> dt.date:
    """INCASSO_TODAY, else the date of INCASSO_NOW, else the real date."""
    pinned = os.environ.get(TODAY_ENV, "").strip()
    if not pinned:
        moment = _pinned_now()
        return moment.date() if moment else dt.date.today()
    try:
        return dt.date.fromisoformat(pinned)
    except ValueError as err:
        raise ValueError(f"{TODAY_ENV} must be a date as YYYY-MM-DD, got {pinned!r}") from err


def now() -> dt.datetime:
    """INCASSO_NOW, else the real time of day on today(): a pinned INCASSO_TODAY alone
    keeps the date and the clock agreeing, as a demo on the reference date expects."""
    moment = _pinned_now()
    if moment is not None:
        return moment
    real = dt.datetime.now()
    return dt.datetime.combine(today(), real.time())
