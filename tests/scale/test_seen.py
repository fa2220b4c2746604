"""Chat de-duplication: in one process, and shared by replicas through a real Redis."""
from __future__ import annotations

import asyncio

from bot.scale.seen import RecentlySeen, RedisSeen, recently_seen


def test_in_memory_a_key_is_answered_once_and_forgotten_after_its_time():
    async def run() -> list[bool]:
        seen = RecentlySeen(ttl=0.2)
        answers = [await seen.first_time("Ev1", "C1:1.0"), await seen.first_time("Ev2", "C1:1.0"),
                   await seen.first_time("Ev3", None)]
        await asyncio.sleep(0.3)
        return [*answers, await seen.first_time("Ev1")]

    assert asyncio.run(run()) == [True, False, True, True]


def test_two_replicas_sharing_redis_answer_an_event_once(redis_server):
    async def run() -> list[bool]:
        one, two = RedisSeen(redis_server.url, "slack"), RedisSeen(redis_server.url, "slack")
        teams = RedisSeen(redis_server.url, "teams")
        first = await asyncio.gather(*(seen.first_time("EvX", "C9:2.0") for seen in (one, two)))
        return [*sorted(first), await two.first_time("EvY", "C9:2.0"),
                await teams.first_time("EvX")]

    assert asyncio.run(run()) == [False, True, False, True]


def test_without_redis_the_event_is_answered(monkeypatch):
    seen = RedisSeen("redis://127.0.0.1:1/0", "slack")
    assert asyncio.run(seen.first_time("EvZ"))


def test_the_kind_follows_the_environment(monkeypatch, redis_server):
    monkeypatch.delenv("INCASSO_REDIS_URL", raising=False)
    assert isinstance(recently_seen("slack"), RecentlySeen)
    monkeypatch.setenv("INCASSO_REDIS_URL", redis_server.url)
    assert isinstance(recently_seen("slack"), RedisSeen)
