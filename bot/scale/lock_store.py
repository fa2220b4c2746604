"""A conversation lock in Redis that two replicas cannot take at the same time.

Rasa Open Source's RedisLockStore reads a conversation's ticket list, changes it in Python
and writes it back, so two replicas can both hold the lock (the race-free store is Rasa Pro
only). Here every step is one Lua script, which Redis runs atomically:

- joining the queue takes a ticket from INCR (per conversation, rising: the fencing token)
  and records its deadline in the conversation's hash;
- a ticket holds the lock when it is the lowest live ticket (deadline not passed);
- the holder, and every waiter, pushes its deadline forward every ttl/3 seconds, so a
  replica that dies frees the conversation within ttl seconds (default 10) while a slow
  but living one keeps it for as long as it works;
- leaving deletes the ticket, whatever happened in between.

The store talks to one Redis server (not a cluster: Rasa's own lock store breaks there,
and nothing here was tested on one).
Rasa builds it from endpoints.yml (``lock_store: type: bot.scale.lock_store.FencedRedisLockStore``,
``url: redis://…``); bot.servers writes that entry when $INCASSO_REDIS_URL is set.
"""
from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncGenerator
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass
from typing import Any

import redis.asyncio as aioredis
from rasa.core.lock_store import LOCK_LIFETIME, LockError, LockStore

from bot.scale.clients import LoopClients
from bot.scale.settings import KEY_PREFIX, lock_ttl, redis_url

logger = logging.getLogger(__name__)

KEEP_MS = 3_600_000  # an idle conversation's keys go after an hour
FIRST_POLL, MAX_POLL = 0.005, 0.05  # seconds between tries while another ticket holds it

_NOW_MS = """
if redis.replicate_commands then redis.replicate_commands() end
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
"""

# KEYS: sequence, tickets. ARGV: ttl ms, keep ms. Returns the new ticket.
JOIN = _NOW_MS + """
local ticket = redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
redis.call('HSET', KEYS[2], ticket, now + tonumber(ARGV[1]))
redis.call('PEXPIRE', KEYS[2], ARGV[2])
return ticket
"""

# KEYS: tickets. ARGV: ticket. 1 = it holds the lock, 0 = wait, -1 = the ticket expired.
TRY = _NOW_MS + """
local mine = tonumber(ARGV[1])
local lowest, alive = nil, false
local entries = redis.call('HGETALL', KEYS[1])
for i = 1, #entries, 2 do
  local ticket = tonumber(entries[i])
  if tonumber(entries[i + 1]) < now then
    redis.call('HDEL', KEYS[1], entries[i])
  else
    if ticket == mine then alive = true end
    if lowest == nil or ticket < lowest then lowest = ticket end
  end
end
if not alive then return -1 end
if lowest == mine then return 1 end
return 0
"""

# KEYS: tickets. ARGV: ticket, ttl ms, keep ms. 0 when the ticket is gone.
RENEW = _NOW_MS + """
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], now + tonumber(ARGV[2]))
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1
"""


@dataclass(frozen=True)
class FencedLock:
    """What ``lock()`` yields: the conversation and the ticket that holds it. Tickets of a
    conversation only rise, so a write stamped with one can be refused once a later
    ticket wrote (a fencing token)."""
    conversation_id: str
    token: int


class FencedRedisLockStore(LockStore):
    def __init__(self, endpoint_config: Any = None, url: str | None = None,
                 ttl: float | None = None) -> None:
        configured = getattr(endpoint_config, "url", None)
        self.url = url or configured or redis_url()
        if not self.url:
            raise LockError("FencedRedisLockStore needs a Redis URL (INCASSO_REDIS_URL).")
        self.ttl = ttl if ttl is not None else lock_ttl()
        self.clients = LoopClients(self.url)
        super().__init__()

    @staticmethod
    def keys(conversation_id: str) -> tuple[str, str]:
        """The conversation's ticket counter and its tickets with their deadlines."""
        return (f"{KEY_PREFIX}lock:{conversation_id}:seq",
                f"{KEY_PREFIX}lock:{conversation_id}:tickets")

    @asynccontextmanager
    async def lock(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME,
                   wait_time_in_seconds: float = 1) -> AsyncGenerator[FencedLock, None]:
        """Holds the conversation until the block ends; LockError when Redis cannot be
        reached or the lock was not free within ``lock_lifetime`` seconds."""
        client = self.clients.current()
        sequence, tickets = self.keys(conversation_id)
        ttl_ms = int(self.ttl * 1000)
        try:
            token = int(await client.eval(JOIN, 2, sequence, tickets, ttl_ms, KEEP_MS))
        except aioredis.RedisError as err:
            raise LockError(f"Redis lock store unreachable: {err}") from err
        keeper = asyncio.create_task(self._keep_alive(client, tickets, token, ttl_ms))
        try:
            await self._wait_turn(client, tickets, token, lock_lifetime, conversation_id)
            yield FencedLock(conversation_id, token)
        finally:
            keeper.cancel()
            with suppress(asyncio.CancelledError):
                await keeper
            with suppress(aioredis.RedisError):
                await client.hdel(tickets, token)

    async def _wait_turn(self, client: aioredis.Redis, tickets: str, token: int,
                         patience: float, conversation_id: str) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + patience
        pause = FIRST_POLL
        while True:
            try:
                state = int(await client.eval(TRY, 1, tickets, token))
            except aioredis.RedisError as err:
                raise LockError(f"Redis lock store unreachable: {err}") from err
            if state == 1:
                return
            if state == -1 or loop.time() >= deadline:
                raise LockError(f"Could not acquire lock for conversation_id "
                                f"'{conversation_id}'.")
            await asyncio.sleep(pause)
            pause = min(pause * 2, MAX_POLL)

    async def _keep_alive(self, client: aioredis.Redis, tickets: str, token: int,
                          ttl_ms: int) -> None:
        while True:
            await asyncio.sleep(self.ttl / 3)
            try:
                alive = int(await client.eval(RENEW, 1, tickets, token, ttl_ms, KEEP_MS))
            except aioredis.RedisError as err:
                logger.warning("Could not renew conversation lock %s: %s", tickets, err)
                continue
            if not alive:
                logger.warning("Conversation lock %s ticket %s expired while held",
                               tickets, token)
                return
