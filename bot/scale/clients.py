"""Redis clients for code that runs on several event loops (each Sanic worker and each test
has its own): a redis.asyncio connection belongs to the loop that opened it."""
from __future__ import annotations

import asyncio

import redis.asyncio as aioredis

SOCKET_TIMEOUT = 5.0  # seconds; Rasa's own Redis stores wait 10


class LoopClients:
    """One client for ``url`` per running event loop."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._clients: dict[int, aioredis.Redis] = {}

    def current(self) -> aioredis.Redis:
        loop = id(asyncio.get_running_loop())
        if loop not in self._clients:
            self._clients[loop] = aioredis.Redis.from_url(self.url,
                                                          socket_timeout=SOCKET_TIMEOUT)
        return self._clients[loop]
