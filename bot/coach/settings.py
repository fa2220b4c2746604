"""Your own company's details (name, bank account, reply address, signature) and the
e-mail's payment terms, kept in bot/settings.yml so a manager can change them.

Validated on load, so a typo gives a Dutch message naming the field instead of an e-mail
with a wrong IBAN or an empty signature in front of a debtor.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from stdnum import bic as bic_numbers
from stdnum import iban as iban_numbers

from bot.coach.yaml_files import read_yaml

SETTINGS_PATH = Path(__file__).resolve().parents[1] / "settings.yml"
SETTINGS_ENV = "INCASSO_SETTINGS"
TEXT_FIELDS = ("company", "sender_name", "reply_to", "phone", "signature")
TERMS_FIELDS = ("missed_payment", "missed_instalment", "plan_conditions")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}")
_PLACEHOLDER = re.compile(r"\[[^\]]*\]|\{[^}]*\}")


class SettingsError(ValueError):
    """The settings file is missing, not YAML, or has a wrong or missing field."""


@dataclass(frozen=True)
class Settings:
    company: str
    sender_name: str
    reply_to: str
    phone: str
    signature: str
    iban: str                 # compact: "NL91ABNA0417164300"
    bic: str
    missed_payment: str
    missed_instalment: str
    plan_conditions: str
    session_hours: int = 12           # access: a login stays valid this long
    failed_logins_before_pause: int = 5
    call_lines_days: int = 365        # retention: 0 keeps call lines for ever

    @property
    def iban_display(self) -> str:
        """The IBAN in groups of four, as people read it: "NL91 ABNA 0417 1643 00"."""
        return iban_numbers.format(self.iban)


def _text(data: dict, key: str, where: str) -> str:
    value = data.get(key)
    if isinstance(value, int | float) and not isinstance(value, bool):
        # YAML reads 0307001234 as a number (even octal): the leading zero would be lost.
        raise SettingsError(f"{where}: zet '{key}' tussen aanhalingstekens, het is geen getal")
    if not isinstance(value, str) or not value.strip():
        raise SettingsError(f"{where}: '{key}' ontbreekt of is leeg")
    text = value.strip() if key == "signature" else " ".join(value.split())
    if _PLACEHOLDER.search(text):
        raise SettingsError(f"{where}: '{key}' bevat nog een invulveld: {text!r}")
    return text


def _unknown(data: dict, known: tuple[str, ...], where: str) -> None:
    unknown = sorted(str(k) for k in data if k not in known)
    if unknown:
        raise SettingsError(f"{where}: onbekende instelling(en): {', '.join(unknown)}")


def _number(section: dict, key: str, default: int, low: int, high: int, where: str) -> int:
    """An optional whole number in a section, within [low, high]."""
    value = section.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise SettingsError(f"{where}: '{key}' moet een heel getal van {low} tot {high} zijn")
    return value


def _section(data: dict, key: str, known: tuple[str, ...], where: str) -> dict:
    section = data.get(key) or {}
    if not isinstance(section, dict):
        raise SettingsError(f"{where}: '{key}' is geen mapping")
    _unknown(section, known, f"{where}: {key}")
    return section


def parse_settings(data: object, source: str = "instellingen") -> Settings:
    if not isinstance(data, dict):
        raise SettingsError(f"{source}: verwacht een mapping bovenaan")
    _unknown(data, (*TEXT_FIELDS, "iban", "bic", "payment_terms", "access", "retention"),
             source)
    access = _section(data, "access", ("session_hours", "failed_logins_before_pause"), source)
    retention = _section(data, "retention", ("call_lines_days",), source)
    numbers = {
        "session_hours": _number(access, "session_hours", 12, 1, 24 * 30, f"{source}: access"),
        "failed_logins_before_pause": _number(access, "failed_logins_before_pause", 5, 1, 100,
                                              f"{source}: access"),
        "call_lines_days": _number(retention, "call_lines_days", 365, 0, 36500,
                                   f"{source}: retention")}
    terms = data.get("payment_terms")
    if not isinstance(terms, dict):
        raise SettingsError(f"{source}: 'payment_terms' ontbreekt of is geen mapping")
    _unknown(terms, TERMS_FIELDS, f"{source}: payment_terms")
    texts = {key: _text(data, key, source) for key in TEXT_FIELDS}
    if not _EMAIL.fullmatch(texts["reply_to"]):
        raise SettingsError(f"{source}: 'reply_to' is geen e-mailadres: {texts['reply_to']!r}")
    iban = _text(data, "iban", source)
    if not iban_numbers.is_valid(iban):
        raise SettingsError(f"{source}: 'iban' is geen geldig IBAN: {iban!r}")
    bic = _text(data, "bic", source)
    if not bic_numbers.is_valid(bic):
        raise SettingsError(f"{source}: 'bic' is geen geldige BIC: {bic!r}")
    terms_texts = {key: _text(terms, key, f"{source}: payment_terms") for key in TERMS_FIELDS}
    return Settings(
        company=texts["company"], sender_name=texts["sender_name"], reply_to=texts["reply_to"],
        phone=texts["phone"], signature=texts["signature"], iban=iban_numbers.compact(iban),
        bic=bic_numbers.compact(bic), missed_payment=terms_texts["missed_payment"],
        missed_instalment=terms_texts["missed_instalment"],
        plan_conditions=terms_texts["plan_conditions"], session_hours=numbers["session_hours"],
        failed_logins_before_pause=numbers["failed_logins_before_pause"],
        call_lines_days=numbers["call_lines_days"])


def settings_path() -> Path:
    """INCASSO_SETTINGS when set, else bot/settings.yml."""
    override = os.environ.get(SETTINGS_ENV, "").strip()
    return Path(override) if override else SETTINGS_PATH


def load_settings(path: Path | str | None = None) -> Settings:
    path = Path(path) if path is not None else settings_path()
    return parse_settings(read_yaml(path, SettingsError), path.name)


@lru_cache(maxsize=4)
def _cached(path: str) -> Settings:
    return load_settings(path)


def default_settings() -> Settings:
    """The settings file in use (INCASSO_SETTINGS or bot/settings.yml), read once."""
    return _cached(str(settings_path().resolve()))
