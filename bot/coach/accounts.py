"""Who may use the coach: accounts with a role, passwords hashed with argon2id, and a
pause after repeated failed logins.

Roles: a collector works their own calls, a trainer sees training, a manager sees
everything (all calls, the team's follow-up list, every trainee's history, the audit log).
"""
from __future__ import annotations

import datetime as dt
import re
import secrets
from dataclasses import dataclass
from enum import Enum
from typing import Protocol

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from bot.coach.errors import CoachError

MIN_PASSWORD_CHARS = 10
MAX_PASSWORD_CHARS = 200
PAUSE_SECONDS = 30  # after the allowed failures; doubles with every further one
MAX_PAUSE_SECONDS = 15 * 60
NAME = re.compile(r"[a-z0-9][a-z0-9._@-]{1,63}")
_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters
# Checked against when the name is unknown, so a wrong name costs as long as a wrong password.
_UNKNOWN_HASH = _hasher.hash(secrets.token_hex(16))


class Role(str, Enum):
    COLLECTOR = "collector"
    TRAINER = "trainer"
    MANAGER = "manager"


ROLE_LABELS = {Role.COLLECTOR: "incasseerder", Role.TRAINER: "trainer", Role.MANAGER: "manager"}


class AccessError(CoachError):
    """An account request that is refused; ``status`` is the HTTP status a door answers."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class AccountRow:
    """An account as stored."""
    name: str
    full_name: str
    role: Role
    password_hash: str
    active: bool
    created_at: dt.datetime
    last_login: dt.datetime | None = None
    failed_logins: int = 0
    paused_until: dt.datetime | None = None


class AccountStore(Protocol):
    """bot.storage.access.AccountRepository"""

    def get(self, name: str) -> AccountRow | None: ...

    def all(self) -> list[AccountRow]: ...

    def count(self) -> int: ...

    def add(self, row: AccountRow) -> bool: ...

    def update(self, name: str, **values: object) -> None: ...


def account_name(name: object) -> str:
    """A login name: 2–64 characters, lower case letters, digits and . _ @ -."""
    text = str(name or "").strip().lower()
    if not NAME.fullmatch(text):
        raise AccessError("Een gebruikersnaam heeft 2 tot 64 tekens: kleine letters, cijfers "
                          "en . _ @ - (bijvoorbeeld sanne.jansen).")
    return text


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_CHARS:
        raise AccessError(f"Een wachtwoord heeft minstens {MIN_PASSWORD_CHARS} tekens.")
    if len(password) > MAX_PASSWORD_CHARS:
        raise AccessError(f"Een wachtwoord heeft hoogstens {MAX_PASSWORD_CHARS} tekens.")
    return password


def new_password() -> str:
    """A generated password for a first or reset account (about 100 bits)."""
    return secrets.token_urlsafe(16)


class Accounts:
    """The one writer of accounts."""

    def __init__(self, store: AccountStore, allowed_failures: int = 5):
        self.store = store
        self.allowed_failures = allowed_failures

    def add(self, name: str, role: str, password: str, full_name: str = "",
            at: dt.datetime | None = None) -> AccountRow:
        try:
            role_value = Role(role)
        except ValueError:
            raise AccessError(f"Onbekende rol '{str(role)[:20]}': kies collector, trainer of "
                              "manager.") from None
        full_name = " ".join(full_name.split())[:100]
        row = AccountRow(name=account_name(name), full_name=full_name, role=role_value,
                         password_hash=_hasher.hash(check_password(password)), active=True,
                         created_at=at or dt.datetime.now().replace(microsecond=0))
        if not self.store.add(row):
            raise AccessError(f"De gebruiker '{row.name}' bestaat al.", 409)
        return row

    def get(self, name: str) -> AccountRow:
        row = self.store.get(str(name).strip().lower())
        if row is None:
            raise AccessError(f"Er is geen gebruiker '{str(name)[:64]}'.", 404)
        return row

    def all(self) -> list[AccountRow]:
        return self.store.all()

    def any(self) -> bool:
        return self.store.count() > 0

    def disable(self, name: str) -> AccountRow:
        row = self.get(name)
        self.store.update(row.name, active=False)
        return row

    def enable(self, name: str) -> AccountRow:
        row = self.get(name)
        self.store.update(row.name, active=True, failed_logins=0, paused_until=None)
        return row

    def set_password(self, name: str, password: str) -> AccountRow:
        row = self.get(name)
        self.store.update(row.name, password_hash=_hasher.hash(check_password(password)),
                          failed_logins=0, paused_until=None)
        return row

    def authenticate(self, name: object, password: object, at: dt.datetime) -> AccountRow:
        """The account when name and password match an active account; AccessError 401
        otherwise (the same text whatever was wrong), 429 while paused."""
        refused = AccessError("Gebruikersnaam of wachtwoord klopt niet.", 401)
        text = password if isinstance(password, str) else ""
        row = self.store.get(name.strip().lower()[:64]) if isinstance(name, str) else None
        if row is None or not row.active:
            _verifies(_UNKNOWN_HASH, text)
            raise refused
        if row.paused_until and row.paused_until > at:
            seconds = int((row.paused_until - at).total_seconds()) + 1
            raise AccessError(f"Te veel mislukte pogingen. Probeer het over {seconds} seconden "
                              "opnieuw.", 429)
        if not text or len(text) > MAX_PASSWORD_CHARS or not _verifies(row.password_hash, text):
            failures = row.failed_logins + 1
            over = failures - self.allowed_failures  # 0 at the last allowed failure
            pause = (at + dt.timedelta(seconds=min(PAUSE_SECONDS * 2 ** min(over, 10),
                                                   MAX_PAUSE_SECONDS)) if over >= 0 else None)
            self.store.update(row.name, failed_logins=failures, paused_until=pause)
            raise refused
        values: dict[str, object] = {"failed_logins": 0, "paused_until": None, "last_login": at}
        if _hasher.check_needs_rehash(row.password_hash):
            values["password_hash"] = _hasher.hash(text)
        self.store.update(row.name, **values)
        return row


def _verifies(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False
