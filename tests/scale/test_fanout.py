"""Pane events across replicas through a real Redis: a line added on one replica wakes
the pages open on another."""
from __future__ import annotations

import asyncio

from bot.channels.pane.events import EventHub
from bot.scale.fanout import RedisFanout


def test_a_notify_on_one_replica_wakes_the_streams_of_another(redis_server):
    async def run() -> tuple[bool, bool]:
        here, there = EventHub(), EventHub()
        here.fanout, there.fanout = RedisFanout(redis_server.url), RedisFanout(redis_server.url)
        listening = asyncio.create_task(there.fanout.listen(there.wake))
        await asyncio.sleep(0.3)  # subscribed
        page, other_call = asyncio.Event(), asyncio.Event()
        there.waiting["pane-a"].add(page)
        there.waiting["pane-b"].add(other_call)
        await here.notify("pane-a")
        await asyncio.wait_for(page.wait(), 10)
        listening.cancel()
        await asyncio.gather(listening, return_exceptions=True)
        await here.fanout.close()
        await there.fanout.close()
        return page.is_set(), other_call.is_set()

    assert asyncio.run(run()) == (True, False)


def test_without_redis_a_notify_still_wakes_this_replica_and_does_not_fail():
    async def run() -> bool:
        hub = EventHub()
        hub.fanout = RedisFanout("redis://127.0.0.1:1/0")
        page = asyncio.Event()
        hub.waiting["pane-a"].add(page)
        await hub.notify("pane-a")
        await hub.fanout.close()
        return page.is_set()

    assert asyncio.run(run())
