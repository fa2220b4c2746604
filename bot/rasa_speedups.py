"""Two places where Rasa 3.6 spends CPU on every line for nothing, mended before it starts
(bot.rasa_run applies them):

- RemoteAction validates the action server's answer with ``jsonschema.validate``, which
  checks the constant schema itself and builds a validator every time: a quarter of each
  line's CPU. Here the validator is built once; answers are validated exactly as before
  (same schema, same best-match error, same message).
- Reading a tracker looks up each event's class by walking every subclass of Event, for
  every event; the answer per type name never changes, so it is remembered.
- SQLTrackerStore opens the SQLite file anew for every read and write of a tracker
  (SQLAlchemy 1.4's default for files); here it keeps a pool of open connections, as it
  does for PostgreSQL.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

import rasa.core.tracker_store as tracker_store
import sqlalchemy as sa
from jsonschema import ValidationError
from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL
from rasa.shared.core.events import Event

_rasa_engine_kwargs = tracker_store.create_engine_kwargs


@lru_cache(maxsize=1)
def _action_response_validator() -> Any:
    schema = RemoteAction.action_response_format_spec()
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def validate_action_result(_action: RemoteAction, result: dict[str, Any]) -> bool:
    error = best_match(_action_response_validator().iter_errors(result))
    if error is None:
        return True
    assert isinstance(error, ValidationError)
    error.message += (". Failed to validate Action server response from API, make sure "
                      "your response from the Action endpoint is valid. For more "
                      f"information about the format visit {DOCS_BASE_URL}/custom-actions")
    raise error


def engine_kwargs(url: Any) -> dict[str, Any]:
    """Rasa's engine options, with a connection pool for a SQLite file."""
    parsed = sa.engine.make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return _rasa_engine_kwargs(url)
    return {"poolclass": sa.pool.QueuePool, "pool_size": 5, "max_overflow": 10,
            "connect_args": {"check_same_thread": False}}


_rasa_resolve_by_type = Event.resolve_by_type


@lru_cache(maxsize=256)
def _event_class(type_name: str) -> Any:
    return _rasa_resolve_by_type(type_name, None)


def resolve_by_type(type_name: str, default: Any = None) -> Any:
    """Event.resolve_by_type, remembered per type name (errors and defaults unchanged)."""
    try:
        return _event_class(type_name)
    except ValueError:
        if default is not None:
            return default
        raise


def apply() -> None:
    RemoteAction._validate_action_result = validate_action_result
    tracker_store.create_engine_kwargs = engine_kwargs
    Event.resolve_by_type = staticmethod(resolve_by_type)
