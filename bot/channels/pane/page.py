"""The page itself: index.html and its own static files, under a strict CSP."""
from __future__ import annotations

from pathlib import Path

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.auth import principal_of
from bot.wiring import access

WEB = Path(__file__).resolve().parents[2] / "web"
MIME = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
        ".svg": "image/svg+xml"}
# The page loads only its own files; injected markup could not run scripts even if it
# were ever rendered as HTML (it is not: the page uses textContent).
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; "
                               "connect-src 'self'; img-src 'self'; base-uri 'none'; "
                               "form-action 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache"}


def add_page_routes(pane: Blueprint) -> None:
    # Every file the page may load, by its path under bot/web; nothing else is served.
    assets = {path.relative_to(WEB).as_posix(): path for path in WEB.rglob("*")
              if path.suffix in MIME and path.is_file()}

    async def send(name: str) -> HTTPResponse:
        path = assets.get(name)
        if path is None:
            return response.json({"error": "Dit bestand bestaat niet."}, status=404)
        return await response.file(path, headers=SECURITY_HEADERS, mime_type=MIME[path.suffix])

    @pane.route("/", methods=["GET"])
    async def page(request: Request) -> HTTPResponse:
        """The pane for a logged-in user, the login page for anyone else (same address,
        so a bookmark and a reload after logging in or out just work)."""
        if not request.path.endswith("/"):  # the page loads its files relative to the slash
            return response.redirect(request.path + "/")
        html = "index.html" if principal_of(request, access()) else "login.html"
        return await response.file(WEB / html, headers={**SECURITY_HEADERS,
                                                        "Cache-Control": "no-store"},
                                   mime_type="text/html; charset=utf-8")

    @pane.route(r"/<name:[a-z0-9_-]+\.(?:js|css|svg)>", methods=["GET"])
    async def asset(request: Request, name: str) -> HTTPResponse:
        return await send(name)

    @pane.route(r"/js/<name:[a-z0-9_-]+\.js>", methods=["GET"])
    async def module(request: Request, name: str) -> HTTPResponse:
        return await send(f"js/{name}")
