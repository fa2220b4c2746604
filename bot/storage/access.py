"""Accounts, sessions, API tokens, the audit log and conversation owners, in the database.

Secrets are never stored: passwords as argon2 hashes (made by bot.coach.accounts), session
cookies and API tokens as their SHA-256."""
from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from bot.coach.accounts import AccountRow, Role
from bot.coach.audit import AuditEntry
from bot.coach.tokens import TokenRow
from bot.storage.tables import accounts, api_tokens, audit_log, conversation_owners, sessions


def _account(row: sa.engine.Row) -> AccountRow:
    return AccountRow(name=row.name, full_name=row.full_name, role=Role(row.role),
                      password_hash=row.password_hash, active=bool(row.active),
                      created_at=row.created_at, last_login=row.last_login,
                      failed_logins=row.failed_logins, paused_until=row.paused_until)


class AccountRepository:
    def __init__(self, engine: sa.engine.Engine):
        self.engine = engine

    def get(self, name: str) -> AccountRow | None:
        with self.engine.connect() as db:
            row = db.execute(sa.select(accounts).where(accounts.c.name == name)).first()
        return _account(row) if row else None

    def all(self) -> list[AccountRow]:
        with self.engine.connect() as db:
            return [_account(r) for r in db.execute(sa.select(accounts).order_by(accounts.c.name))]

    def count(self) -> int:
        with self.engine.connect() as db:
            return db.execute(sa.select(sa.func.count()).select_from(accounts)).scalar() or 0

    def add(self, row: AccountRow) -> bool:
        """False when the name is taken."""
        try:
            with self.engine.begin() as db:
                db.execute(accounts.insert().values(
                    name=row.name, full_name=row.full_name, role=row.role.value,
                    password_hash=row.password_hash, active=row.active,
                    created_at=row.created_at, failed_logins=0))
        except sa.exc.IntegrityError:
            return False
        return True

    def update(self, name: str, **values: object) -> None:
        with self.engine.begin() as db:
            db.execute(accounts.update().where(accounts.c.name == name).values(**values))


class SessionRepository:
    def __init__(self, engine: sa.engine.Engine):
        self.engine = engine

    def add(self, token_hash: str, account: str, created_at: dt.datetime,
            expires_at: dt.datetime) -> None:
        with self.engine.begin() as db:
            db.execute(sessions.insert().values(token_hash=token_hash, account=account,
                                                created_at=created_at, expires_at=expires_at))

    def account_of(self, token_hash: str, at: dt.datetime) -> str | None:
        """The account of a session that has not expired."""
        query = sa.select(sessions.c.account).where(sessions.c.token_hash == token_hash,
                                                    sessions.c.expires_at > at)
        with self.engine.connect() as db:
            return db.execute(query).scalar()

    def remove(self, token_hash: str) -> None:
        with self.engine.begin() as db:
            db.execute(sessions.delete().where(sessions.c.token_hash == token_hash))

    def remove_for(self, account: str) -> int:
        with self.engine.begin() as db:
            return db.execute(sessions.delete().where(sessions.c.account == account)).rowcount

    def remove_expired(self, at: dt.datetime) -> None:
        with self.engine.begin() as db:
            db.execute(sessions.delete().where(sessions.c.expires_at <= at))


def _token(row: sa.engine.Row) -> TokenRow:
    return TokenRow(name=row.name, token_hash=row.token_hash, scope=row.scope,
                    created_at=row.created_at, revoked_at=row.revoked_at,
                    last_used=row.last_used)


class TokenRepository:
    def __init__(self, engine: sa.engine.Engine):
        self.engine = engine

    def add(self, row: TokenRow) -> bool:
        """False when the name is taken (also by a revoked token: names are not reused)."""
        try:
            with self.engine.begin() as db:
                db.execute(api_tokens.insert().values(
                    name=row.name, token_hash=row.token_hash, scope=row.scope,
                    created_at=row.created_at))
        except sa.exc.IntegrityError:
            return False
        return True

    def by_hash(self, token_hash: str) -> TokenRow | None:
        with self.engine.connect() as db:
            row = db.execute(sa.select(api_tokens)
                             .where(api_tokens.c.token_hash == token_hash)).first()
        return _token(row) if row else None

    def all(self) -> list[TokenRow]:
        with self.engine.connect() as db:
            return [_token(r) for r in db.execute(sa.select(api_tokens)
                                                  .order_by(api_tokens.c.name))]

    def update(self, name: str, **values: object) -> int:
        with self.engine.begin() as db:
            return db.execute(api_tokens.update().where(api_tokens.c.name == name)
                              .values(**values)).rowcount


class AuditRepository:
    def __init__(self, engine: sa.engine.Engine):
        self.engine = engine

    def add(self, entry: AuditEntry) -> None:
        with self.engine.begin() as db:
            db.execute(audit_log.insert().values(at=entry.at, actor=entry.actor,
                                                 action=entry.action, subject=entry.subject,
                                                 detail=entry.detail))

    def recent(self, limit: int = 100, actor: str | None = None,
               action: str | None = None) -> list[AuditEntry]:
        query = sa.select(audit_log).order_by(audit_log.c.id.desc()).limit(limit)
        if actor:
            query = query.where(audit_log.c.actor == actor)
        if action:
            query = query.where(audit_log.c.action == action)
        with self.engine.connect() as db:
            return [AuditEntry(at=r.at, actor=r.actor, action=r.action, subject=r.subject,
                               detail=r.detail) for r in db.execute(query)]


class ConversationOwners:
    """First writer wins: claim() is atomic on every database (a primary-key insert)."""

    def __init__(self, engine: sa.engine.Engine):
        self.engine = engine

    def claim(self, sender_id: str, owner: str, at: dt.datetime) -> str:
        """The conversation's owner after trying to make it ``owner``."""
        try:
            with self.engine.begin() as db:
                db.execute(conversation_owners.insert().values(sender_id=sender_id, owner=owner,
                                                               created_at=at))
            return owner
        except sa.exc.IntegrityError:
            with self.engine.connect() as db:
                return db.execute(sa.select(conversation_owners.c.owner).where(
                    conversation_owners.c.sender_id == sender_id)).scalar() or owner
