"""The coach's services on the configured database, made once per database per process.
The doors (Rasa actions, the pane, the command line) all get their services here."""
from __future__ import annotations

from functools import lru_cache

from bot.coach.access import Access
from bot.coach.calls import CallService
from bot.coach.settings import default_settings
from bot.storage.database import database_url
from bot.storage.store import Storage, default_storage


@lru_cache(maxsize=4)
def _storage(url: str) -> Storage:
    return default_storage(url)


def storage() -> Storage:
    """Every repository on $INCASSO_DATABASE_URL (the calls' own storage among them)."""
    return _storage(database_url())


@lru_cache(maxsize=4)
def _call_service(url: str) -> CallService:
    return CallService(_storage(url))


def calls() -> CallService:
    """The call service on $INCASSO_DATABASE_URL."""
    return _call_service(database_url())


@lru_cache(maxsize=4)
def _access(url: str) -> Access:
    settings = default_settings()
    return Access(_storage(url), settings.session_hours, settings.failed_logins_before_pause)


def access() -> Access:
    """Accounts, sessions, tokens and the audit log on $INCASSO_DATABASE_URL."""
    return _access(database_url())
