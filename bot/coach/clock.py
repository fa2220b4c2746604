"""What "today" is. INCASSO_TODAY=YYYY-MM-DD pins it, so tests and demos are reproducible."""
import datetime as dt
import os

TODAY_ENV = "INCASSO_TODAY"


def today() -> dt.date:
    pinned = os.environ.get(TODAY_ENV, "").strip()
    if not pinned:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(pinned)
    except ValueError as err:
        raise ValueError(f"{TODAY_ENV} must be a date as YYYY-MM-DD, got {pinned!r}") from err
