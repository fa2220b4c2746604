"""Logging in and out, who is logged in, and the audit log (managers)."""
from __future__ import annotations

import asyncio

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels import auth
from bot.channels.pane.validation import PaneError, json_body, served
from bot.coach.access import Area
from bot.coach.accounts import AccessError
from bot.coach.audit import ACTIONS
from bot.wiring import access

MAX_AUDIT_ROWS = 500


def add_routes(pane: Blueprint) -> None:
    @pane.route("/login", methods=["POST"])
    @served
    async def login(request: Request) -> HTTPResponse:
        body = json_body(request)
        service = access()
        try:  # argon2 takes tens of milliseconds on purpose: off the event loop
            secret, principal = await asyncio.get_running_loop().run_in_executor(
                None, service.login, body.get("username"), body.get("password"))
        except AccessError as err:
            raise PaneError(err.status, err.message) from None
        answer = response.json({"user": principal.to_payload()})
        auth.set_session(answer, request, secret, service.session_hours)
        return answer

    @pane.route("/logout", methods=["POST"])
    @served
    async def logout(request: Request) -> HTTPResponse:
        secret = request.cookies.get(auth.SESSION_COOKIE) or ""
        principal = access().session(secret) if secret else None
        if principal is not None:
            access().logout(secret, principal)
        answer = response.json({"logged_out": principal is not None})
        auth.clear_session(answer, request)
        return answer

    @pane.route("/me", methods=["GET"])
    @served
    async def me(request: Request) -> HTTPResponse:
        principal = request.ctx.principal
        return response.json({"user": principal.to_payload(),
                              "areas": [area.value for area in Area if principal.may(area)]})

    @pane.route("/audit", methods=["GET"])
    @served
    async def audit(request: Request) -> HTTPResponse:
        try:
            limit = int(request.args.get("limit", "100"))
        except ValueError:
            raise PaneError(400, "'limit' moet een getal zijn.") from None
        action = request.args.get("action") or None
        if action is not None and action not in ACTIONS:
            raise PaneError(400, f"Onbekende actie '{action[:30]}'.")
        entries = access().audit.recent(min(limit, MAX_AUDIT_ROWS),
                                        request.args.get("actor") or None, action)
        return response.json({"entries": [e.to_payload() for e in entries]})
