"""Where the shared state lives, read from the environment like the database URL."""
from __future__ import annotations

import os
from collections.abc import Mapping

REDIS_URL_ENV = "INCASSO_REDIS_URL"
WORKERS_ENV = "INCASSO_WORKERS"
LOCK_TTL_ENV = "INCASSO_LOCK_TTL_SECONDS"
DEFAULT_LOCK_TTL = 10.0  # a dead replica's conversation lock is free again after this
KEY_PREFIX = "incasso:"


def redis_url(env: Mapping[str, str] | None = None) -> str | None:
    """$INCASSO_REDIS_URL (redis://host:6379/0), or None: everything stays in-process."""
    value = (os.environ if env is None else env).get(REDIS_URL_ENV, "").strip()
    if value and not value.startswith(("redis://", "rediss://", "unix://")):
        raise ValueError(f"{REDIS_URL_ENV} moet met redis://, rediss:// of unix:// beginnen.")
    return value or None


def workers(env: Mapping[str, str] | None = None) -> int:
    """Sanic workers per Rasa process ($INCASSO_WORKERS, default 1). With more than one,
    conversations are locked in files (one machine) or in Redis (several replicas), never
    in a worker's memory."""
    env = os.environ if env is None else env
    raw = env.get(WORKERS_ENV, "").strip() or "1"
    if not raw.isdigit() or not 1 <= int(raw) <= 64:
        raise ValueError(f"{WORKERS_ENV} moet een getal van 1 tot 64 zijn, niet {raw[:20]!r}.")
    return int(raw)


def lock_ttl(env: Mapping[str, str] | None = None) -> float:
    raw = (os.environ if env is None else env).get(LOCK_TTL_ENV, "").strip()
    try:
        value = float(raw) if raw else DEFAULT_LOCK_TTL
    except ValueError:
        raise ValueError(f"{LOCK_TTL_ENV} moet een aantal seconden zijn.") from None
    if not 1 <= value <= 600:
        raise ValueError(f"{LOCK_TTL_ENV} moet tussen 1 en 600 seconden liggen.")
    return value
