"""One health URL for the whole coach: GET /webhooks/health on the Rasa port.

It reports Rasa (model loaded), the action server (its /health answers) and the database
(every table of the schema can be read): 200 when all three are fine, 503 otherwise, with
the reason in Dutch. A monitor, load balancer or systemd watchdog script needs only this
URL; it holds no debtor data, so it needs no login.
"""
from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
import sqlalchemy as sa
from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request

from bot.storage.database import SCHEMA_TABLES, database_url, engine

ACTION_TIMEOUT_SECONDS = 2.0
DATABASE_TIMEOUT_SECONDS = 5.0
Check = dict[str, Any]


def _part(ok: bool, message: str) -> Check:
    return {"ok": ok, "melding": message}


def rasa_check(app: Any) -> Check:
    agent = getattr(app.ctx, "agent", None)
    if agent is None or not agent.is_ready():
        return _part(False, "Rasa heeft geen model geladen.")
    return _part(True, "Rasa draait, het model is geladen.")


def action_health_url(app: Any) -> str | None:
    """The action server's /health, next to the /webhook of the endpoints file."""
    endpoint = getattr(getattr(app.ctx, "agent", None), "action_endpoint", None)
    url = getattr(endpoint, "url", None)
    if not url:
        return None
    return url.rstrip("/").removesuffix("/webhook") + "/health"


async def action_check(app: Any) -> Check:
    url = action_health_url(app)
    if url is None:
        return _part(False, "Er is geen actieserver ingesteld.")
    try:
        timeout = aiohttp.ClientTimeout(total=ACTION_TIMEOUT_SECONDS)
        async with aiohttp.ClientSession(timeout=timeout) as session:
            async with session.get(url) as answer:
                if answer.status == 200:
                    return _part(True, "De actieserver antwoordt.")
                return _part(False, f"De actieserver antwoordt met status {answer.status}.")
    except (TimeoutError, aiohttp.ClientError, OSError):
        return _part(False, "De actieserver is niet bereikbaar.")


def database_check(url: str | None = None) -> Check:
    """Reads one row of every table of the schema (blocking: run it in a thread)."""
    try:
        with engine(url or database_url()).connect() as db:
            for table in sorted(SCHEMA_TABLES):
                db.execute(sa.text(f'SELECT 1 FROM "{table}" LIMIT 1')).all()
    except Exception as err:  # noqa: BLE001 - any failure is the answer
        reason = str(err).splitlines()[0][:300] if str(err) else type(err).__name__
        return _part(False, f"De database is niet bruikbaar: {reason}")
    return _part(True, "De database is leesbaar.")


async def report(app: Any) -> tuple[int, dict[str, Any]]:
    loop = asyncio.get_running_loop()
    database = loop.run_in_executor(None, database_check)
    actions = await action_check(app)
    try:
        stored = await asyncio.wait_for(database, DATABASE_TIMEOUT_SECONDS)
    except TimeoutError:
        stored = _part(False, "De database antwoordt niet binnen "
                              f"{DATABASE_TIMEOUT_SECONDS:.0f} s.")
    parts = {"rasa": rasa_check(app), "actieserver": actions, "database": stored}
    failing = [part["melding"] for part in parts.values() if not part["ok"]]
    if failing:
        return 503, {"status": "storing", "melding": " ".join(failing), "onderdelen": parts}
    return 200, {"status": "ok", "melding": "Alles werkt.", "onderdelen": parts}


class HealthInput(InputChannel):
    """Registered in credentials.yml; takes no messages, only answers GET."""

    @classmethod
    def name(cls) -> str:
        return "health"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        health = Blueprint("incassocoach_health", __name__)

        @health.route("/", methods=["GET", "HEAD"])
        async def status(request: Request) -> response.HTTPResponse:
            code, body = await report(request.app)
            return response.json(body, status=code, headers={"Cache-Control": "no-store"})

        return health
