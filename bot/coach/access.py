"""Who is asking, and what they may do: logins and sessions for people, API tokens for
tools, one rule table for every door.

A door (the pane, the REST channel) asks ``Access`` for the Principal behind a request's
session cookie or bearer token, and the Principal for permission; the call routes add
ownership on top (a collector works their own calls, a manager sees all of them).
"""
from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from enum import Enum
from typing import Protocol

from bot.coach.accounts import ROLE_LABELS, AccessError, AccountRow, Accounts, AccountStore, Role
from bot.coach.audit import AuditLog, AuditStore
from bot.coach.clock import now
from bot.coach.tokens import ApiTokens, TokenStore, digest

TOKEN_ACTOR_PREFIX = "token:"
UNKNOWN_ACTOR = "(onbekende gebruikersnaam)"
# The key under which a door puts the message's owner in Rasa's message metadata, so an
# action starting a call records who it belongs to; a client's own value is overwritten.
OWNER_KEY = "incasso_owner"


class Area(str, Enum):
    """What a request touches; the rule table below says who may."""
    CALLS = "calls"            # cases, calls, follow-ups, payments
    PUSH = "push"              # a transcript line into a call
    REST = "rest"              # the REST channel
    TRAINING = "training"      # one's own role-plays and scorecards
    TEAM_TRAINING = "team_training"  # every trainee's history
    AUDIT = "audit"            # the audit log
    SELF = "self"              # one's own account (who am I)


ROLE_AREAS = {
    Role.COLLECTOR: {Area.CALLS, Area.PUSH, Area.REST, Area.TRAINING, Area.SELF},
    Role.TRAINER: {Area.TRAINING, Area.TEAM_TRAINING, Area.SELF},
    Role.MANAGER: set(Area),
}
SCOPE_AREAS = {"push": {Area.PUSH}, "rest": {Area.REST}}


@dataclass(frozen=True)
class Principal:
    """An account behind a session, or a tool behind an API token (role None)."""
    name: str
    role: Role | None = None
    scope: str | None = None
    full_name: str = ""

    @property
    def actor(self) -> str:
        """How the audit log and call owners name it: the account, or "token:<name>"."""
        return self.name if self.role else TOKEN_ACTOR_PREFIX + self.name

    def may(self, area: Area) -> bool:
        if self.role is not None:
            return area in ROLE_AREAS[self.role]
        return area in SCOPE_AREAS.get(self.scope or "", set())

    @property
    def sees_everything(self) -> bool:
        return self.role is Role.MANAGER

    def owns(self, owner: str) -> bool:
        """May work in a call or conversation with this owner: their own; a manager all;
        a push token every call (it is the line from the phone system)."""
        return self.sees_everything or owner == self.actor or self.scope == "push"

    def to_payload(self) -> dict:
        return {"name": self.name, "full_name": self.full_name,
                "role": self.role.value if self.role else None,
                "role_label": ROLE_LABELS[self.role] if self.role else None}


class SessionStore(Protocol):
    """bot.storage.access.SessionRepository"""

    def add(self, token_hash: str, account: str, created_at: dt.datetime,
            expires_at: dt.datetime) -> None: ...

    def account_of(self, token_hash: str, at: dt.datetime) -> str | None: ...

    def remove(self, token_hash: str) -> None: ...

    def remove_for(self, account: str) -> int: ...

    def remove_expired(self, at: dt.datetime) -> None: ...


class AccessStore(Protocol):
    """What Access needs from storage (bot.storage.store.Storage gives it)."""

    @property
    def accounts(self) -> AccountStore: ...

    @property
    def sessions(self) -> SessionStore: ...

    @property
    def tokens(self) -> TokenStore: ...

    @property
    def audit(self) -> AuditStore: ...


def principal_of(row: AccountRow) -> Principal:
    return Principal(name=row.name, role=row.role, full_name=row.full_name)


class Access:
    def __init__(self, storage: AccessStore, session_hours: int = 12, allowed_failures: int = 5):
        self.accounts = Accounts(storage.accounts, allowed_failures)
        self.tokens = ApiTokens(storage.tokens)
        self.sessions = storage.sessions
        self.audit = AuditLog(storage.audit)
        self.session_hours = session_hours

    def login(self, name: object, password: object) -> tuple[str, Principal]:
        """A new session's cookie value and its principal; AccessError when refused (and
        logged either way)."""
        at = now().replace(microsecond=0)
        try:
            row = self.accounts.authenticate(name, password, at)
        except AccessError as err:
            # Only a known account's name is kept: what someone typed in the name field
            # may be a password.
            known = isinstance(name, str) and self.accounts.store.get(name.strip().lower()[:64])
            self.audit.record(known.name if known else UNKNOWN_ACTOR, "login_failed",
                              detail=err.message)
            raise
        secret = secrets.token_urlsafe(32)
        self.sessions.remove_expired(at)
        self.sessions.add(digest(secret), row.name, at,
                          at + dt.timedelta(hours=self.session_hours))
        self.audit.record(row.name, "login")
        return secret, principal_of(row)

    def logout(self, secret: str, principal: Principal) -> None:
        self.sessions.remove(digest(secret))
        self.audit.record(principal.actor, "logout")

    def session(self, secret: str) -> Principal | None:
        """The principal of a live session of an active account."""
        if not secret or len(secret) > 100:
            return None
        name = self.sessions.account_of(digest(secret), now())
        row = self.accounts.store.get(name) if name else None
        return principal_of(row) if row and row.active else None

    def bearer(self, secret: str) -> Principal | None:
        row = self.tokens.verify(secret, now().replace(microsecond=0))
        return Principal(name=row.name, scope=row.scope) if row else None

    def disable(self, name: str, actor: str) -> AccountRow:
        """Disables an account and ends its sessions at once."""
        row = self.accounts.disable(name)
        self.sessions.remove_for(row.name)
        self.audit.record(actor, "account_disabled", row.name)
        return row
