"""The audit log: who logged in, opened which case, changed agreements, payments,
accounts or tokens, and when. Written by the doors through AuditLog; read by a manager."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from bot.coach.clock import now

# What is logged (the `action` column), with the Dutch label a manager reads.
ACTIONS = {
    "login": "ingelogd",
    "login_failed": "inloggen mislukt",
    "logout": "uitgelogd",
    "case_opened": "dossier geopend",
    "call_viewed": "gesprek bekeken",
    "agreements_changed": "afspraken gewijzigd",
    "agreement_undone": "afspraak ongedaan gemaakt",
    "payment_booked": "betaling geboekt",
    "account_added": "gebruiker toegevoegd",
    "account_disabled": "gebruiker uitgeschakeld",
    "account_enabled": "gebruiker weer ingeschakeld",
    "password_set": "wachtwoord ingesteld",
    "token_added": "token aangemaakt",
    "token_revoked": "token ingetrokken",
    "settings_changed": "instellingen gewijzigd",
    "retention": "oude gespreksregels verwijderd",
    "assignment_given": "trainingsopdracht gegeven",
    "assignment_removed": "trainingsopdracht verwijderd",
}
MAX_DETAIL_CHARS = 500


@dataclass(frozen=True)
class AuditEntry:
    at: dt.datetime
    actor: str
    action: str
    subject: str = ""
    detail: str = ""

    def to_payload(self) -> dict:
        return {"at": self.at.isoformat(timespec="seconds"), "actor": self.actor,
                "action": self.action, "label": ACTIONS.get(self.action, self.action),
                "subject": self.subject, "detail": self.detail}


class AuditStore(Protocol):
    """bot.storage.access.AuditRepository"""

    def add(self, entry: AuditEntry) -> None: ...

    def recent(self, limit: int = 100, actor: str | None = None,
               action: str | None = None) -> list[AuditEntry]: ...


class AuditLog:
    def __init__(self, store: AuditStore):
        self.store = store

    def record(self, actor: str, action: str, subject: str = "", detail: str = "") -> None:
        if action not in ACTIONS:
            raise ValueError(f"unknown audit action {action!r}")
        self.store.add(AuditEntry(at=now().replace(microsecond=0), actor=actor[:80],
                                  action=action, subject=subject[:200],
                                  detail=detail[:MAX_DETAIL_CHARS]))

    def recent(self, limit: int = 100, actor: str | None = None,
               action: str | None = None) -> list[AuditEntry]:
        return self.store.recent(max(1, min(limit, 1000)), actor, action)
