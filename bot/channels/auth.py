"""Who may come in: one app-wide check after the guard (bot.channels.guard), for the
coach's own channels, and the security headers on every answer.

* /webhooks/pane/: the page and its files and POST login are open; everything else needs
  a session cookie (people) or, for the transcript routes only, an API token
  (``Authorization: Bearer ic_…``, tools). No credentials: 401; the wrong role or scope: 403.
  Making a scenario from a real call (TEAM_ROUTES) is for trainers and managers.
* /webhooks/rest/webhook: a session of a collector or manager, or a token with scope "rest".
* Rasa's API (token of its own), Slack and Teams (signatures), health: unchanged.

The Principal is put on ``request.ctx.principal`` for the routes (ownership, trainee).
"""
from __future__ import annotations

import os
import re

from sanic import Sanic, response
from sanic.exceptions import NotFound
from sanic.request import Request
from sanic.response import BaseHTTPResponse, HTTPResponse

from bot.coach.access import Access, Area, Principal
from bot.wiring import access

SESSION_COOKIE = "incasso_session"
COOKIE_PATH = "/webhooks/"
TLS_ENV = "INCASSO_TLS"  # "1" behind a TLS proxy: cookies are sent over HTTPS only
PANE = "/webhooks/pane/"
REST_WEBHOOK = "/webhooks/rest/webhook"
PUBLIC_PANE = re.compile(r"(?:|[a-z0-9_-]+\.(?:js|css|svg)|js/[a-z0-9_-]+\.js)")
PUSH_ROUTES = re.compile(r"(?:calls|cases)/[^/]+/transcript")
TEAM_ROUTES = ("training/scenarios/from-transcript",)
NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache",
            "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
            "X-Frame-Options": "DENY",
            "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'"}
NOT_LOGGED_IN = "U bent niet ingelogd. Log in op de gesprekshulp om verder te gaan."
NOT_ALLOWED = "Dit mag uw account niet. Vraag uw manager om de juiste rol."
TOKEN_ONLY_PUSH = "Dit token mag alleen gespreksregels sturen."
NOT_FOUND = "Dit adres bestaat niet in de gesprekshulp."


def area_of(method: str, path: str) -> Area | None:
    """The area a request to the coach's channels touches; None for open routes and for
    paths this check does not cover."""
    if path.rstrip("/") == REST_WEBHOOK:  # Sanic routes "…/webhook/" there too
        return Area.REST if method == "POST" else None
    if not path.startswith(PANE):
        return None
    route = path[len(PANE):].rstrip("/")
    if (method in ("GET", "HEAD") and PUBLIC_PANE.fullmatch(route)) or route in ("login",
                                                                                   "logout"):
        return None
    if method == "POST" and PUSH_ROUTES.fullmatch(route):
        return Area.PUSH
    if route == "me":
        return Area.SELF
    if route in TEAM_ROUTES:
        return Area.TEAM_TRAINING
    if route.startswith("training/"):
        return Area.TRAINING
    if route == "audit":
        return Area.AUDIT
    return Area.CALLS


def principal_of(request: Request, service: Access) -> Principal | None:
    header = request.headers.get("authorization") or ""
    scheme, _, secret = header.partition(" ")
    if scheme.lower() == "bearer" and secret.strip():
        return service.bearer(secret.strip())
    cookie = request.cookies.get(SESSION_COOKIE) or ""
    return service.session(cookie) if cookie else None


async def authorise(request: Request) -> HTTPResponse | None:
    area = area_of(request.method.upper(), request.path)
    if area is None:
        return None
    principal = principal_of(request, access())
    if principal is None:
        return response.json({"error": NOT_LOGGED_IN}, status=401,
                             headers={"WWW-Authenticate": 'Bearer realm="incassocoach"'})
    if not principal.may(area):
        message = TOKEN_ONLY_PUSH if principal.scope == "push" else NOT_ALLOWED
        return response.json({"error": message}, status=403)
    request.ctx.principal = principal
    return None


async def protect(request: Request, answer: BaseHTTPResponse) -> None:
    """Headers on the coach's JSON answers: never cached (debtor data), never framed."""
    if request.path.startswith("/webhooks/") and (answer.content_type or "").startswith(
            "application/json"):
        for name, value in NO_STORE.items():
            answer.headers.setdefault(name, value)


def secure_cookies(request: Request) -> bool:
    return request.scheme == "https" or os.environ.get(TLS_ENV, "").strip() == "1"


def set_session(answer: HTTPResponse, request: Request, secret: str, hours: int) -> None:
    answer.cookies[SESSION_COOKIE] = secret
    cookie = answer.cookies[SESSION_COOKIE]
    cookie["httponly"] = True
    cookie["samesite"] = "Strict"
    cookie["path"] = COOKIE_PATH
    cookie["max-age"] = hours * 3600
    if secure_cookies(request):
        cookie["secure"] = True


def clear_session(answer: HTTPResponse, request: Request) -> None:
    set_session(answer, request, "", 0)


def install(app: Sanic) -> None:
    """Registers the check, the headers and a Dutch 404 under /webhooks/ once per app,
    after the guard."""
    if getattr(app.ctx, "incasso_auth", False):
        return
    app.ctx.incasso_auth = True
    app.register_middleware(authorise, "request")
    app.register_middleware(protect, "response")
    default = app.error_handler.default

    def not_found(request: Request, exception: Exception) -> BaseHTTPResponse:
        if request.path.startswith("/webhooks/"):
            return response.json({"error": NOT_FOUND}, status=404)
        return default(request, exception)

    app.error_handler.add(NotFound, not_found)
