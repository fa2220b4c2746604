"""The coach's services on the configured database, made once per database per process.
The doors (Rasa actions, the pane, the command line) all get their services here."""
from __future__ import annotations

from functools import lru_cache

from bot.coach.calls import CallService
from bot.storage.database import database_url
from bot.storage.store import default_storage


@lru_cache(maxsize=4)
def _call_service(url: str) -> CallService:
    return CallService(default_storage())


def calls() -> CallService:
    """The call service on $INCASSO_DATABASE_URL."""
    return _call_service(database_url())
