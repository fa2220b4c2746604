"""Which chat events were answered already. Slack (and the Bot Framework) deliver an event
again when the first answer was slow; with several replicas the retry may reach another
one, so with Redis the keys are shared, and one script (all of an event's keys at once,
atomically) decides who answers."""
from __future__ import annotations

import logging
import time
from collections import OrderedDict
from typing import Protocol

import redis.asyncio as aioredis

from bot.scale.clients import LoopClients
from bot.scale.settings import KEY_PREFIX, redis_url

logger = logging.getLogger(__name__)

SEEN_SECONDS = 3600  # chat platforms retry within minutes

# KEYS: the event's keys. ARGV: seconds. 1 when none was there (all are recorded now).
CLAIM = """
for i = 1, #KEYS do
  if redis.call('EXISTS', KEYS[i]) == 1 then return 0 end
end
for i = 1, #KEYS do redis.call('SET', KEYS[i], 1, 'EX', ARGV[1]) end
return 1
"""


class Seen(Protocol):
    async def first_time(self, *keys: str | None) -> bool: ...


class RecentlySeen:
    """One process's memory of accepted events (at most ``limit`` keys, for ``ttl``)."""

    def __init__(self, ttl: float = SEEN_SECONDS, limit: int = 10_000):
        self.ttl, self.limit = ttl, limit
        self._seen: OrderedDict[str, float] = OrderedDict()

    async def first_time(self, *keys: str | None) -> bool:
        """Records ``keys``; False when any of them was seen before."""
        now = time.monotonic()
        while self._seen and (len(self._seen) > self.limit
                              or next(iter(self._seen.values())) < now - self.ttl):
            self._seen.popitem(last=False)
        present = [key for key in keys if key]
        if any(key in self._seen for key in present):
            return False
        for key in present:
            self._seen[key] = now
        return True


class RedisSeen:
    """The same, shared by every replica. When Redis cannot be reached the event is
    answered (a possible double answer beats a lost one) and the failure logged."""

    def __init__(self, url: str, namespace: str, ttl: int = SEEN_SECONDS):
        self.namespace, self.ttl = namespace, ttl
        self.clients = LoopClients(url)

    async def first_time(self, *keys: str | None) -> bool:
        present = [f"{KEY_PREFIX}seen:{self.namespace}:{key}" for key in keys if key]
        if not present:
            return True
        try:
            return bool(await self.clients.current().eval(CLAIM, len(present), *present, self.ttl))
        except aioredis.RedisError as err:
            logger.warning("Chat de-duplication without Redis (%s): answering", err)
            return True


def recently_seen(namespace: str) -> Seen:
    """Shared through Redis when $INCASSO_REDIS_URL is set, else this process's memory."""
    url = redis_url()
    return RedisSeen(url, namespace) if url else RecentlySeen()
