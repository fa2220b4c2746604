"""Pane events across replicas: a replica that adds an event to a call publishes the call's
id on Redis, and every replica wakes the streams it has open for that call, so a page
connected to replica A shows a line posted to replica B at once (the database stays the
only record; a missed message costs at most the streams' poll interval)."""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

import redis.asyncio as aioredis

from bot.scale.clients import SOCKET_TIMEOUT
from bot.scale.settings import KEY_PREFIX

logger = logging.getLogger(__name__)

CHANNEL = f"{KEY_PREFIX}pane-events"
RETRY_SECONDS = 1.0


class RedisFanout:
    def __init__(self, url: str) -> None:
        self.url = url
        self._client: aioredis.Redis | None = None

    def _redis(self) -> aioredis.Redis:
        if self._client is None:
            self._client = aioredis.Redis.from_url(self.url, socket_timeout=SOCKET_TIMEOUT)
        return self._client

    async def publish(self, call_id: str) -> None:
        """Tells every replica; a Redis failure is logged, never the request's failure."""
        try:
            await self._redis().publish(CHANNEL, call_id)
        except aioredis.RedisError as err:
            logger.warning("Could not publish pane event for %s: %s", call_id, err)

    async def listen(self, wake: Callable[[str], None]) -> None:
        """Calls ``wake(call_id)`` for every published id until cancelled; reconnects
        after a lost connection."""
        while True:
            pubsub = self._redis().pubsub(ignore_subscribe_messages=True)
            try:
                await pubsub.subscribe(CHANNEL)
                async for message in pubsub.listen():
                    data = message.get("data")
                    if isinstance(data, bytes):
                        wake(data.decode("utf-8", "replace"))
            except (aioredis.RedisError, OSError) as err:
                logger.warning("Pane event fan-out lost Redis (%s); retrying", err)
                await asyncio.sleep(RETRY_SECONDS)
            finally:
                await pubsub.close()

    async def close(self) -> None:
        if self._client is not None:
            await self._client.close()
            self._client = None
