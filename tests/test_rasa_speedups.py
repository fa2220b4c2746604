"""The mended Rasa hot spots give exactly Rasa's own answers."""
from __future__ import annotations

import pytest
import rasa.core.tracker_store as tracker_store
import sqlalchemy as sa
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.events import Event, UserUttered
from rasa.shared.utils.common import all_subclasses

from bot import rasa_speedups

ACTION = RemoteAction("action_give_advice", None)


def test_a_valid_action_answer_passes_and_an_invalid_one_fails_as_in_rasa():
    valid = {"events": [{"event": "slot", "name": "x", "value": 1}],
             "responses": [{"text": "Vraag door."}]}
    assert rasa_speedups.validate_action_result(ACTION, valid)
    invalid = {"events": [{"name": "x"}], "responses": "geen lijst"}
    with pytest.raises(ValidationError) as ours:
        rasa_speedups.validate_action_result(ACTION, invalid)
    with pytest.raises(ValidationError) as theirs:
        RemoteAction._validate_action_result(ACTION, invalid)
    assert ours.value.message == theirs.value.message
    assert "Failed to validate Action server response" in ours.value.message


def test_event_classes_resolve_as_rasa_resolves_them():
    for cls in all_subclasses(Event):
        if getattr(cls, "type_name", None):
            assert rasa_speedups.resolve_by_type(cls.type_name) is \
                rasa_speedups._rasa_resolve_by_type(cls.type_name)
    assert rasa_speedups.resolve_by_type("user") is UserUttered
    assert rasa_speedups.resolve_by_type("topic") is None
    assert rasa_speedups.resolve_by_type("onbekend", UserUttered) is UserUttered
    with pytest.raises(ValueError, match="Unknown event name"):
        rasa_speedups.resolve_by_type("onbekend")


def test_a_sqlite_tracker_store_keeps_its_connections_and_postgres_is_unchanged(tmp_path):
    options = rasa_speedups.engine_kwargs(f"sqlite:///{tmp_path / 'rasa.db'}")
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'rasa.db'}", **options)
    assert isinstance(engine.pool, sa.pool.QueuePool)
    postgres = "postgresql://u@127.0.0.1:5432/db"
    assert rasa_speedups.engine_kwargs(postgres) == \
        rasa_speedups._rasa_engine_kwargs(postgres)
    assert rasa_speedups.engine_kwargs("sqlite://") == {}


def test_apply_installs_all_three(monkeypatch):
    monkeypatch.setattr(RemoteAction, "_validate_action_result",
                        RemoteAction._validate_action_result)
    monkeypatch.setattr(tracker_store, "create_engine_kwargs", tracker_store.create_engine_kwargs)
    monkeypatch.setattr(Event, "resolve_by_type", Event.__dict__["resolve_by_type"])
    rasa_speedups.apply()
    assert RemoteAction._validate_action_result is rasa_speedups.validate_action_result
    assert tracker_store.create_engine_kwargs is rasa_speedups.engine_kwargs
    assert Event.resolve_by_type("user") is UserUttered
