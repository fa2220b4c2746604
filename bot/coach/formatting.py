"""Dutch presentation of dates, lists and forms of address."""
import datetime as dt
import re

from babel.dates import format_date


def long_date(day: dt.date) -> str:
    """"vrijdag 27 november 2026"."""
    return format_date(day, "EEEE d MMMM y", locale="nl")


def short_date(day: dt.date) -> str:
    """"27 november 2026"."""
    return format_date(day, "d MMMM y", locale="nl")


def join_nl(items: list[str]) -> str:
    """"a", "a en b", "a, b en c"."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


_TITLES = {"mevrouw": "mevrouw", "mevr": "mevrouw", "mw": "mevrouw", "mej": "mevrouw",
           "heer": "heer", "meneer": "heer", "dhr": "heer", "de heer": "heer"}


def salutation(name: str) -> str:
    """Formal Dutch opening of a letter: "Geachte mevrouw De Vries,"."""
    words = name.replace(".", ". ").split()
    title = None
    if words and words[0].rstrip(".").lower() in _TITLES:
        title = _TITLES[words.pop(0).rstrip(".").lower()]
    elif len(words) > 1 and " ".join(words[:2]).lower() == "de heer":
        title, words = "heer", words[2:]
    surname = " ".join(w for w in words if not re.fullmatch(r"[A-Za-zÀ-ÿ]\.", w))
    if title and surname:
        return f"Geachte {title} {surname},"
    return f"Geachte {name.strip()}," if name.strip() else "Geachte heer, mevrouw,"


def spoken_name(name: str) -> str:
    """How to address someone on the phone: "de heer Hoekstra" → "meneer Hoekstra"."""
    words = name.replace(".", ". ").split()
    if len(words) > 1 and " ".join(words[:2]).lower() == "de heer":
        words = ["meneer"] + words[2:]
    elif words and words[0].rstrip(".").lower() in _TITLES:
        words[0] = "meneer" if _TITLES[words[0].rstrip(".").lower()] == "heer" else "mevrouw"
    return " ".join(w for w in words if not re.fullmatch(r"[A-Za-zÀ-ÿ]\.", w)) or name
