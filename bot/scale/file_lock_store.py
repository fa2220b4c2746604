"""Conversation locks for several Sanic workers on one machine, without Redis.

Each conversation maps to one of a fixed set of lock files under build/locks/, locked with
flock(2): the kernel lets one open file hold it at a time and drops it when the holder's
process dies, so a crashed worker can never leave a conversation locked. Two conversations
that share a file only wait for each other, never mix. With several replicas on several
machines the locks must be in Redis (bot.scale.lock_store); this store is for
``INCASSO_WORKERS`` > 1 in the embedded set-up, and bot.servers names it then.
"""
from __future__ import annotations

import asyncio
import fcntl
import hashlib
import os
from collections.abc import AsyncGenerator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from rasa.core.lock_store import LOCK_LIFETIME, LockError, LockStore

LOCKS = Path(__file__).resolve().parents[2] / "build" / "locks"
SLOTS = 1024
FIRST_POLL, MAX_POLL = 0.002, 0.05


class FileLockStore(LockStore):
    def __init__(self, endpoint_config: Any = None, folder: Path | None = None) -> None:
        configured = getattr(endpoint_config, "url", None)
        self.folder = Path(folder or configured or LOCKS)
        self.folder.mkdir(parents=True, exist_ok=True)
        super().__init__()

    def path(self, conversation_id: str) -> Path:
        slot = int.from_bytes(hashlib.sha256(conversation_id.encode()).digest()[:4], "big")
        return self.folder / f"{slot % SLOTS:04d}.lock"

    @asynccontextmanager
    async def lock(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME,
                   wait_time_in_seconds: float = 1) -> AsyncGenerator[None, None]:
        """Holds the conversation until the block ends; LockError after ``lock_lifetime``
        seconds of waiting."""
        descriptor = os.open(self.path(conversation_id), os.O_RDWR | os.O_CREAT, 0o600)
        try:
            loop = asyncio.get_running_loop()
            deadline, pause = loop.time() + lock_lifetime, FIRST_POLL
            while True:
                try:
                    fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if loop.time() >= deadline:
                        raise LockError(f"Could not acquire lock for conversation_id "
                                        f"'{conversation_id}'.") from None
                    await asyncio.sleep(pause)
                    pause = min(pause * 2, MAX_POLL)
            yield None
        finally:
            os.close(descriptor)  # closing the file releases the lock
