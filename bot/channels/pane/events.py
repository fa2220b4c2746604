"""Server-Sent Events for open pages. The call's events live in the database; the hub
only wakes the streams of a call when something was added: its own, and, with Redis
(bot.scale.fanout), every replica's. Each stream also looks in the database every few
seconds, so a line written by any process reaches the page even without Redis."""
from __future__ import annotations

import asyncio
import json
from collections import defaultdict
from collections.abc import Callable

from sanic.request import Request

from bot.scale.fanout import RedisFanout

HEARTBEAT_SECONDS = 15.0
POLL_SECONDS = 2.0
SHORT_POLL_SECONDS = 0.25  # several workers, no Redis: another worker's line shows this soon


class EventHub:
    def __init__(self) -> None:
        self.waiting: dict[str, set[asyncio.Event]] = defaultdict(set)
        self.closing = False
        self.fanout: RedisFanout | None = None  # set when the replicas share Redis
        self.poll_seconds = POLL_SECONDS

    async def notify(self, call_id: str) -> None:
        """Something was added to the call: wake its streams here and on every replica."""
        self.wake(call_id)
        if self.fanout is not None:
            await self.fanout.publish(call_id)

    def wake(self, call_id: str) -> None:
        """Wakes this process's streams of the call."""
        for woken in self.waiting.get(call_id, ()):
            woken.set()

    def close(self) -> None:
        """Ends every stream, so the server stops without waiting for open pages."""
        self.closing = True
        for events in self.waiting.values():
            for woken in events:
                woken.set()

    async def stream(self, request: Request, call_id: str, sent: int,
                     events_after: Callable[[int], list[dict]]) -> None:
        """Sends what came after ``sent``, then every new event, until the page leaves."""
        woken = asyncio.Event()
        self.waiting[call_id].add(woken)
        try:
            stream = await request.respond(
                content_type="text/event-stream; charset=utf-8",
                headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})
            await stream.send("retry: 2000\n\n")
            quiet = 0.0
            while not self.closing:
                for event in events_after(sent):
                    await stream.send(sse(event))
                    sent = event["id"]
                    quiet = 0.0
                try:
                    await asyncio.wait_for(woken.wait(), self.poll_seconds)
                except TimeoutError:
                    quiet += self.poll_seconds
                    if quiet >= HEARTBEAT_SECONDS:
                        await stream.send(": hartslag\n\n")
                        quiet = 0.0
                woken.clear()
            await stream.send(end_stream=True)
        finally:
            self.waiting[call_id].discard(woken)
            if not self.waiting[call_id]:
                self.waiting.pop(call_id, None)


def sse(event: dict) -> str:
    """One event as SSE text. ASCII JSON: any string is sent as \\u escapes, so even a
    lone surrogate stored by an older version cannot break the stream (UTF-8 encoding of
    the text would fail on it, at the same event after every reconnect)."""
    return f"id: {int(event['id'])}\ndata: {json.dumps(event, ensure_ascii=True)}\n\n"
