"""The live suggestion pane: a Rasa input channel that serves the page and its JSON API.

It runs inside the Rasa server (http://127.0.0.1:5005/webhooks/pane/), so the pane needs
no process or port of its own, and every debtor line goes through the same NLU, rules and
actions as the REST channel. The calls themselves are kept by bot.coach.calls in the
database, so a restart of the server loses nothing and an open page picks up where it was.
"""
from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint

from bot.channels import guard
from bot.channels.pane import calls_api, session_api, training_api
from bot.channels.pane.events import SHORT_POLL_SECONDS, EventHub
from bot.channels.pane.page import add_page_routes
from bot.scale.fanout import RedisFanout
from bot.scale.settings import redis_url, workers
from bot.wiring import calls


class PaneInput(InputChannel):
    """GET /webhooks/pane/ is the page; the rest is the JSON API it and other tools use."""

    @classmethod
    def name(cls) -> str:
        return "pane"

    def __init__(self) -> None:
        self.hub = EventHub()

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        pane = Blueprint("incassocoach_pane", __name__)
        guard.install(pane)  # Host, CSRF and JSON-only checks, then logins (bot.channels.auth)
        add_page_routes(pane)
        session_api.add_routes(pane)
        calls_api.add_routes(pane, calls, self.hub, on_new_message, self.name())
        training_api.add_routes(pane, on_new_message, self.name())

        @pane.listener("after_server_start")
        async def share_events(app: Any, _: Any) -> None:
            url = redis_url()
            if url:  # several replicas: wake each other's streams through Redis
                self.hub.fanout = RedisFanout(url)
                app.add_task(self.hub.fanout.listen(self.hub.wake), name="pane-fanout")
            elif workers() > 1:  # workers on one machine: look in the database more often
                self.hub.poll_seconds = SHORT_POLL_SECONDS

        @pane.listener("before_server_stop")
        async def end_streams(app: Any, _: Any) -> None:
            self.hub.close()
            if self.hub.fanout is not None:
                await app.cancel_task("pane-fanout", raise_exception=False)
                await self.hub.fanout.close()

        return pane
