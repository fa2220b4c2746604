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


def parse_settings(data: object, source: str = "instellingen") -> Settings:
    if not isinstance(data, dict):
        raise SettingsError(f"{source}: verwacht een mapping bovenaan")
    _unknown(data, (*TEXT_FIELDS, "iban", "bic", "payment_terms"), source)
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
    return Settings(**texts, iban=iban_numbers.compact(iban), bic=bic_numbers.compact(bic),
                    **{key: _text(terms, key, f"{source}: payment_terms")
                       for key in TERMS_FIELDS})


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
