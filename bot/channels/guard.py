"""Request guards for the whole Rasa server: who may knock, and in what form.

One app-wide Sanic request middleware, registered once by the channels that call
``install`` (the pane and the REST channel), so it also covers Rasa's own routes:

* Host: only the names in INCASSO_ALLOWED_HOSTS (default "127.0.0.1,localhost"; any
  port; "*" switches the check off). A page on another name that resolves to this
  machine (DNS rebinding) is refused.
* CSRF: a state-changing request (POST, PUT, PATCH, DELETE) that a browser marks as
  coming from another site (Sec-Fetch-Site cross-site/same-site, or an Origin that is
  not this server) is refused. Tools and the Slack/Teams webhooks send neither header
  and pass; they are server-to-server.
* On the coach's own channels (/webhooks/pane/, /webhooks/rest/): state-changing
  requests carry JSON (Content-Type application/json) or no body at all, so an HTML form
  (text/plain, form-urlencoded) never reaches a handler; the body, the path and the query
  string have limits.

Every refusal is a Dutch JSON error {"error": …} and nothing is changed.
"""
from __future__ import annotations

import json
import os
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from sanic import Blueprint, Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels import auth
from bot.channels.commands import InputError, thousands

ALLOWED_HOSTS_ENV = "INCASSO_ALLOWED_HOSTS"
DEFAULT_HOSTS = "127.0.0.1,localhost"
BIND_ENV = "INCASSO_BIND"  # bot.servers.BIND_ENV (not imported: Rasa's process stays light)
JSON_PREFIXES = ("/webhooks/pane/", "/webhooks/rest/")
STATE_CHANGING = frozenset({"POST", "PUT", "PATCH", "DELETE"})
MAX_BODY_BYTES = 1_000_000  # a 100.000-character transcript, escaped; REST has its own
MAX_PATH_CHARS = 300
MAX_QUERY_CHARS = 1000
MAX_JSON_DEPTH = 20
EXAMPLE = '{"speaker": "debiteur", "text": "De boekhouder is op vakantie."}'


def allowed_hosts(env: Mapping[str, str] | None = None) -> frozenset[str]:
    """$INCASSO_ALLOWED_HOSTS; by default loopback, plus the address Rasa was told to bind
    to ($INCASSO_BIND), when that is one address and not "every interface"."""
    env = os.environ if env is None else env
    names = env.get(ALLOWED_HOSTS_ENV) or DEFAULT_HOSTS
    bind = (env.get(BIND_ENV) or "").strip()
    if not env.get(ALLOWED_HOSTS_ENV) and bind not in ("", "0.0.0.0", "::"):
        names += "," + bind
    return frozenset(n.strip().lower().rstrip(".") for n in names.split(",") if n.strip())


def host_name(host: str) -> str:
    """'127.0.0.1:5005' → '127.0.0.1', '[::1]:80' → '::1', 'Name.' → 'name'."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].partition("]")[0]
    return host.rpartition(":")[0].rstrip(".") if ":" in host else host.rstrip(".")


def _netloc(origin: str) -> str | None:
    """Host[:port] of an Origin header, default ports dropped; None when it is no URL."""
    try:
        parts = urlsplit(origin)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    default = {"http": 80, "https": 443}[parts.scheme]
    name = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    return name if port in (None, default) else f"{name}:{port}"


def _own_netloc(host: str) -> str:
    host = host.strip().lower()
    for default in (":80", ":443"):
        if host.endswith(default):
            return host[: -len(default)]
    return host


def refusal(method: str, path: str, headers: Mapping[str, str], body_size: int,
            query_string: str, hosts: frozenset[str]) -> tuple[int, str] | None:
    """Why a request may not go in (status, Dutch message), or None. Pure, so the rules
    are tested without a server; ``headers`` are looked up in lower case."""
    host = headers.get("host") or ""
    if "*" not in hosts and host_name(host) not in hosts:
        return 403, ("Deze coach is niet bereikbaar via dit adres. Gebruik het adres van de "
                     "server, bijvoorbeeld http://127.0.0.1:5005/webhooks/pane/, of laat de "
                     f"beheerder de naam toevoegen aan {ALLOWED_HOSTS_ENV}.")
    if method in STATE_CHANGING:
        site = (headers.get("sec-fetch-site") or "").lower()
        origin = headers.get("origin")
        if site in ("cross-site", "same-site") or (
                origin is not None and _netloc(origin) != _own_netloc(host)):
            return 403, ("Deze aanvraag komt van een andere website en is geweigerd. Werk in "
                         "de gesprekshulp zelf.")
    if not path.startswith(JSON_PREFIXES):
        return None
    if len(path) > MAX_PATH_CHARS or len(query_string) > MAX_QUERY_CHARS:
        return 414, "Het adres van de aanvraag is te lang."
    if method in STATE_CHANGING:
        media = (headers.get("content-type") or "").split(";")[0].strip().lower()
        if media != "application/json" and (media or body_size):
            return 415, ("Stuur de gegevens als JSON, met de header "
                         "'Content-Type: application/json'.")
        if body_size > MAX_BODY_BYTES:
            return 413, (f"De aanvraag is te groot ({thousands(body_size)} bytes; maximaal "
                         f"{thousands(MAX_BODY_BYTES)}).")
    return None


def _depth(value: Any) -> int:
    depth, level = 0, [value]
    while level:
        depth += 1
        level = [v for item in level if isinstance(item, dict | list)
                 for v in (item.values() if isinstance(item, dict) else item)]
        if depth > MAX_JSON_DEPTH:
            break
    return depth


def json_object(body: bytes | None, example: str = EXAMPLE) -> dict:
    """The request body as a JSON object; InputError 400 for anything else (empty, not
    JSON, a list, nested deeper than any request of the coach needs)."""
    if not body or not body.strip():
        raise InputError(400, "De aanvraag is leeg, dus geen geldige JSON. Stuur een "
                              f"JSON-object, bijvoorbeeld {example}.")
    try:
        value = json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise InputError(400, "De aanvraag is geen geldige JSON. Stuur bijvoorbeeld "
                              f"{example}.") from None
    if not isinstance(value, dict):
        raise InputError(400, f"Verwacht een JSON-object, bijvoorbeeld {example}.")
    if _depth(value) > MAX_JSON_DEPTH:
        raise InputError(400, "De aanvraag is te diep genest; stuur alleen de gevraagde velden.")
    return value


async def _check(request: Request) -> HTTPResponse | None:
    problem = refusal(request.method.upper(), request.path,
                      {k.lower(): v for k, v in request.headers.items()},
                      len(request.body or b""), request.query_string or "",
                      request.app.ctx.incasso_allowed_hosts)
    if problem is None:
        return None
    return response.json({"error": problem[1]}, status=problem[0])


def install(blueprint: Blueprint) -> None:
    """Registers the guard on the app that serves ``blueprint``, once per app, followed by
    the login check (bot.channels.auth), so a refused request never reaches the database."""

    @blueprint.listener("before_server_start")
    async def register(app: Sanic, _loop: Any) -> None:
        if getattr(app.ctx, "incasso_allowed_hosts", None) is None:
            app.ctx.incasso_allowed_hosts = allowed_hosts()
            app.register_middleware(_check, "request")
            auth.install(app)
