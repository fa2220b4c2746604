"""The fenced Redis lock store on a real Redis: one holder at a time across processes, a
dead holder's lock freed within its ttl, a living slow one kept, clear errors."""
from __future__ import annotations

import asyncio
import multiprocessing
import os
import signal
import time

import pytest
import redis
from rasa.core.lock_store import LockError

from bot.scale.lock_store import FencedRedisLockStore

WORKERS, TASKS, ROUNDS = 3, 8, 5


async def _unsafe_increments(url: str, conversation: str, counter: str) -> list[int]:
    """Read-pause-write on a Redis counter under the lock: lost updates if two hold it."""
    store = FencedRedisLockStore(url=url, ttl=2)
    client = redis.asyncio.Redis.from_url(url)
    tokens: list[int] = []

    async def one_task() -> None:
        for _ in range(ROUNDS):
            async with store.lock(conversation, lock_lifetime=60) as held:
                tokens.append(held.token)
                value = int(await client.get(counter) or 0)
                await asyncio.sleep(0.002)
                await client.set(counter, value + 1)

    await asyncio.gather(*(one_task() for _ in range(TASKS)))
    await client.close()
    return tokens


def _worker(url: str, conversation: str, counter: str, out: multiprocessing.Queue) -> None:
    out.put(asyncio.run(_unsafe_increments(url, conversation, counter)))


def test_one_holder_at_a_time_across_processes(redis_server):
    context = multiprocessing.get_context("spawn")
    out = context.Queue()
    processes = [context.Process(target=_worker, args=(redis_server.url, "call-race",
                                                       "counter-race", out))
                 for _ in range(WORKERS)]
    for process in processes:
        process.start()
    tokens = [token for _ in processes for token in out.get(timeout=120)]
    for process in processes:
        process.join(timeout=30)
    total = WORKERS * TASKS * ROUNDS
    assert int(redis.Redis.from_url(redis_server.url).get("counter-race")) == total
    assert len(set(tokens)) == total  # every holder had its own fencing token


def _hold_forever(url: str, ready: multiprocessing.Event) -> None:
    async def hold() -> None:
        async with FencedRedisLockStore(url=url, ttl=1).lock("call-dead"):
            ready.set()
            await asyncio.sleep(3600)
    asyncio.run(hold())


def test_a_killed_holder_frees_the_conversation_within_its_ttl(redis_server):
    context = multiprocessing.get_context("spawn")
    ready = context.Event()
    holder = context.Process(target=_hold_forever, args=(redis_server.url, ready))
    holder.start()
    try:
        assert ready.wait(60)
        time.sleep(1.5)  # past the ttl: only the heartbeat keeps the living holder's lock
        store = FencedRedisLockStore(url=redis_server.url, ttl=1)

        async def try_briefly() -> None:
            async with store.lock("call-dead", lock_lifetime=0.5):
                pass

        with pytest.raises(LockError):
            asyncio.run(try_briefly())
        os.kill(holder.pid, signal.SIGKILL)
        started = time.monotonic()

        async def wait_for_it() -> float:
            async with store.lock("call-dead", lock_lifetime=10):
                return time.monotonic() - started

        assert asyncio.run(wait_for_it()) < 2.0
    finally:
        holder.kill()
        holder.join()


def test_waiters_take_turns_in_ticket_order(redis_server):
    store = FencedRedisLockStore(url=redis_server.url, ttl=2)
    order: list[int] = []

    async def run() -> None:
        async def one(n: int) -> None:
            await asyncio.sleep(n * 0.01)  # join the queue in this order
            async with store.lock("call-order", lock_lifetime=10):
                order.append(n)
                await asyncio.sleep(0.02)
        await asyncio.gather(*(one(n) for n in range(6)))

    asyncio.run(run())
    assert order == list(range(6))


def test_a_lock_taken_from_no_redis_is_a_lock_error():
    store = FencedRedisLockStore(url="redis://127.0.0.1:1/0", ttl=1)

    async def run() -> None:
        async with store.lock("call-x"):
            pass

    with pytest.raises(LockError, match="unreachable"):
        asyncio.run(run())


def test_the_lock_is_released_when_the_block_fails(redis_server):
    store = FencedRedisLockStore(url=redis_server.url, ttl=5)

    async def run() -> int:
        with pytest.raises(RuntimeError):
            async with store.lock("call-fail"):
                raise RuntimeError("handling the message failed")
        async with store.lock("call-fail", lock_lifetime=0.2) as held:
            return held.token

    assert asyncio.run(run()) == 2
    tickets = FencedRedisLockStore.keys("call-fail")[1]
    assert redis.Redis.from_url(redis_server.url).hlen(tickets) == 0


def test_no_url_is_refused(monkeypatch):
    monkeypatch.delenv("INCASSO_REDIS_URL", raising=False)
    with pytest.raises(LockError, match="INCASSO_REDIS_URL"):
        FencedRedisLockStore()
