"""The file lock store: one holder at a time across worker processes; a killed holder
frees the conversation at once (the kernel drops its flock)."""
from __future__ import annotations

import asyncio
import multiprocessing
import os
import signal
from pathlib import Path

import pytest
from rasa.core.lock_store import LockError

from bot.scale.file_lock_store import FileLockStore

WORKERS, TASKS, ROUNDS = 3, 6, 5


async def _unsafe_increments(folder: str, counter: str) -> None:
    """Read-pause-write on a counter file under the lock: lost updates if two hold it."""
    store = FileLockStore(folder=Path(folder))

    async def one_task() -> None:
        for _ in range(ROUNDS):
            async with store.lock("call-race", lock_lifetime=60):
                value = int(Path(counter).read_text() or 0)
                await asyncio.sleep(0.002)
                Path(counter).write_text(str(value + 1))

    await asyncio.gather(*(one_task() for _ in range(TASKS)))


def _worker(folder: str, counter: str) -> None:
    asyncio.run(_unsafe_increments(folder, counter))


def test_one_holder_at_a_time_across_processes(tmp_path):
    counter = tmp_path / "counter"
    counter.write_text("0")
    context = multiprocessing.get_context("spawn")
    processes = [context.Process(target=_worker, args=(str(tmp_path / "locks"), str(counter)))
                 for _ in range(WORKERS)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=120)
        assert process.exitcode == 0
    assert int(counter.read_text()) == WORKERS * TASKS * ROUNDS


def _hold(folder: str, ready) -> None:
    async def hold() -> None:
        async with FileLockStore(folder=Path(folder)).lock("call-dead"):
            ready.set()
            await asyncio.sleep(3600)
    asyncio.run(hold())


def test_a_killed_holder_frees_the_conversation_at_once(tmp_path):
    folder = str(tmp_path / "locks")
    context = multiprocessing.get_context("spawn")
    ready = context.Event()
    holder = context.Process(target=_hold, args=(folder, ready))
    holder.start()
    try:
        assert ready.wait(60)
        store = FileLockStore(folder=Path(folder))

        async def take(patience: float) -> bool:
            async with store.lock("call-dead", lock_lifetime=patience):
                return True

        with pytest.raises(LockError):
            asyncio.run(take(0.3))
        os.kill(holder.pid, signal.SIGKILL)
        holder.join()
        assert asyncio.run(take(2.0))
    finally:
        holder.kill()
        holder.join()


def test_conversations_map_to_a_fixed_set_of_files(tmp_path):
    store = FileLockStore(folder=tmp_path)
    paths = {store.path(f"pane-{n}") for n in range(5000)}
    assert len(paths) <= 1024 and store.path("pane-1") == store.path("pane-1")
