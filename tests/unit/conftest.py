"""Shared fixtures for the unit tests of the coach's plain-Python domain.

tests/conftest.py already gives every test its own SQLite database (INCASSO_DATABASE_URL) and a
pinned "today" (INCASSO_TODAY=2026-11-23, a Monday), so no test touches
build/cases.sqlite3 and no result depends on the day the suite runs.
"""
from __future__ import annotations

import datetime as dt

import pytest

from bot.coach.case_files import SAMPLE_CASES, load_yaml
from bot.coach.cases import Case, case_from_dict
from bot.coach.playbook import Playbook, default_playbook
from bot.storage.store import Storage

from unit_constants import TODAY


@pytest.fixture
def today() -> dt.date:
    return TODAY


@pytest.fixture(scope="session")
def sample_cases() -> dict[str, Case]:
    return {case.id: case for case in load_yaml(SAMPLE_CASES)}


@pytest.fixture(scope="session")
def playbook() -> Playbook:
    return default_playbook()


@pytest.fixture
def storage(tmp_path) -> Storage:
    """A fresh database in this test's tmp_path, seeded with the seven sample cases."""
    fresh = Storage.at(f"sqlite:///{tmp_path / 'unit.sqlite3'}")
    fresh.cases.save_all(load_yaml(SAMPLE_CASES))
    return fresh


@pytest.fixture
def make_case():
    """Factory for small hand-made cases: ``make_case(payment_behaviour="poor", ...)``."""

    def _make(**overrides) -> Case:
        data = {
            "id": "TEST-1",
            "company": "Testbedrijf B.V.",
            "contact": {"name": "mevrouw Test", "email": "test@example.nl"},
            "invoices": [{"number": "T-1001", "date": "2026-09-01", "due_date": "2026-10-01",
                          "amount": "1000.00", "description": "levering van testwaren"}],
        }
        data.update(overrides)
        return case_from_dict(data)

    return _make


@pytest.fixture
def broken_agreement() -> dict:
    """An earlier payment promise that was not kept."""
    return {"made_on": "2026-08-01", "promised_date": "2026-08-15", "amount": "500.00",
            "kept": False}
