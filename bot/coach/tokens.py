"""API tokens for tools (speech-to-text, telephony): a named secret with one scope,
revocable, stored only as its SHA-256.

Scopes: "push" may post transcript lines to the pane's calls and nothing else; "rest" may
use the REST channel (advice for a tool's own conversations)."""
from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from typing import Protocol

from bot.coach.accounts import AccessError, account_name

SCOPES = {"push": "gespreksregels sturen", "rest": "het REST-kanaal gebruiken"}
TOKEN_PREFIX = "ic_"  # recognisable in a leaked config file or a secret scanner


@dataclass(frozen=True)
class TokenRow:
    name: str
    token_hash: str
    scope: str
    created_at: dt.datetime
    revoked_at: dt.datetime | None = None
    last_used: dt.datetime | None = None


class TokenStore(Protocol):
    """bot.storage.access.TokenRepository"""

    def add(self, row: TokenRow) -> bool: ...

    def by_hash(self, token_hash: str) -> TokenRow | None: ...

    def all(self) -> list[TokenRow]: ...

    def update(self, name: str, **values: object) -> int: ...


def digest(secret: str) -> str:
    """The stored form of a session cookie or token: SHA-256 is enough for 256-bit random
    secrets (no dictionary to guess from), and lets a lookup use an index."""
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


class ApiTokens:
    """The one writer of API tokens."""

    def __init__(self, store: TokenStore):
        self.store = store

    def add(self, name: str, scope: str, at: dt.datetime) -> str:
        """The new token's secret; it is shown once and cannot be read back."""
        if scope not in SCOPES:
            raise AccessError(f"Onbekende scope '{str(scope)[:20]}': kies "
                              f"{' of '.join(SCOPES)}.")
        secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
        row = TokenRow(name=account_name(name), token_hash=digest(secret), scope=scope,
                       created_at=at)
        if not self.store.add(row):
            raise AccessError(f"Er is al een token met de naam '{row.name}'.", 409)
        return secret

    def revoke(self, name: str, at: dt.datetime) -> None:
        if not self.store.update(str(name).strip().lower(), revoked_at=at):
            raise AccessError(f"Er is geen token '{str(name)[:64]}'.", 404)

    def all(self) -> list[TokenRow]:
        return self.store.all()

    def verify(self, secret: str, at: dt.datetime) -> TokenRow | None:
        """The live token with this secret, or None (unknown or revoked)."""
        if not secret.startswith(TOKEN_PREFIX) or len(secret) > 100:
            return None
        row = self.store.by_hash(digest(secret))
        if row is None or row.revoked_at is not None:
            return None
        if row.last_used is None or (at - row.last_used).total_seconds() > 60:
            self.store.update(row.name, last_used=at)  # at most once a minute: no write per line
        return row
