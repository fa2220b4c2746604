"""Shared test set-up: a fixed 'today', an isolated database and the trained model."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "models" / "incassocoach.tar.gz"
TODAY = "2026-11-23"  # a Monday; tests compute business days from here

os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


@pytest.fixture(autouse=True)
def isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("INCASSO_TODAY", TODAY)
    monkeypatch.setenv("INCASSO_DATABASE_URL", f"sqlite:///{tmp_path / 'incasso.sqlite3'}")
    # `serve` takes over an earlier training file once: never the checkout's build/ one
    monkeypatch.setenv("INCASSO_TRAINING_DB", str(tmp_path / "training.sqlite3"))


@pytest.fixture(scope="session")
def trained_model() -> Path:
    if not MODEL.exists():
        pytest.fail(f"no trained model at {MODEL}: run the tests with `make test`, which trains it")
    return MODEL


@pytest.fixture(scope="session")
def postgres():
    """A PostgreSQL server for the whole session (tests/servers/postgres.py); the tests
    that use it fail, not skip, when PostgreSQL is missing: .ci/run installs it."""
    from tests.servers.postgres import PostgresServer, binaries, wait_for
    if binaries() is None:
        pytest.fail("PostgreSQL is not installed: `apt-get install -y postgresql` (.ci/run does)")
    server = PostgresServer()
    try:
        server.start()
        wait_for(server)
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def redis_server():
    """A Redis server for the whole session (tests/servers/redis.py); fails, not skips,
    when redis-server is missing: .ci/run installs it."""
    from tests.servers.redis import RedisServer, binary
    if binary() is None:
        pytest.fail("redis-server is not installed: `apt-get install -y redis-server` "
                    "(.ci/run does)")
    server = RedisServer().start()
    try:
        yield server
    finally:
        server.stop()
