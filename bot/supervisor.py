"""Keeps Rasa and the action server running for `make run` / `bot.cli serve`.

A server that exits is started again after a back-off (1, 2, 4 … 30 s; back to 1 s once it
had run for a minute), with a log line on stderr, while the other one keeps serving.
SIGTERM (systemd, `kill`) and SIGINT (Ctrl-C) only set a flag that every wait checks, so a
stop that arrives during start-up or a restart is handled like any other: each server's
process group is stopped and nothing is left behind.
"""
from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from types import FrameType
from typing import Any

from bot.servers import Interrupted, Services, terminate

FIRST_DELAY = 1.0
MAX_DELAY = 30.0
STABLE_SECONDS = 60.0  # a server that ran this long starts again after FIRST_DELAY
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)
CHORE_SECONDS = 6 * 3600.0

# What signal.signal() takes and returns.
SignalHandler = Callable[[int, FrameType | None], Any] | int | signal.Handlers | None


def log(message: str) -> None:
    print(f"{time.strftime('%Y-%m-%d %H:%M:%S')} incassocoach: {message}",
          file=sys.stderr, flush=True)


@dataclass
class _Watched:
    name: str
    start: Callable[[], subprocess.Popen]
    current: Callable[[], subprocess.Popen | None]
    started_at: float = 0.0
    delay: float = FIRST_DELAY
    restart_at: float | None = None


class Supervisor:
    """``with Supervisor(services) as s: s.run()`` — until SIGTERM or SIGINT."""

    def __init__(self, services: Services, logger: Callable[[str], None] = log) -> None:
        self.services = services
        self.stop = threading.Event()
        services.stop_requested = self.stop
        self.log = logger
        self.watched = (
            _Watched("actieserver", services.start_action_server, lambda: services.action),
            _Watched("Rasa", services.start_rasa, lambda: services.rasa))
        self._previous: dict[int, SignalHandler] = {}

    def __enter__(self) -> Supervisor:
        for signum in STOP_SIGNALS:
            self._previous[signum] = signal.signal(signum, self._on_signal)
        try:
            self.services.start()  # Interrupted when a signal came during the start
        except BaseException:
            self._restore()
            raise
        for watched in self.watched:
            watched.started_at = time.monotonic()
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self.services.stop()
        finally:
            self._restore()

    def _on_signal(self, *_: object) -> None:
        self.stop.set()

    def _restore(self) -> None:
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)
        self._previous = {}

    def raise_on_signals(self) -> None:
        """For the terminal session, blocked in input(): SIGTERM and SIGINT raise
        KeyboardInterrupt there instead of only setting the flag."""
        def interrupt(*_: object) -> None:
            self.stop.set()
            raise KeyboardInterrupt
        for signum in STOP_SIGNALS:
            signal.signal(signum, interrupt)

    def run(self, chore: Callable[[], str] | None = None,
            every: float = CHORE_SECONDS) -> None:
        """Watches both servers until a stop is requested; runs ``chore`` (retention) every
        ``every`` seconds and logs what it says, so a server that runs for months keeps to
        the retention period too."""
        next_chore = time.monotonic() + every
        try:
            while not self.stop.wait(0.5):
                self.check()
                if chore is not None and time.monotonic() >= next_chore:
                    next_chore = time.monotonic() + every
                    try:
                        self.log(chore())
                    except Exception as err:  # noqa: BLE001 - logged; the servers keep running
                        self.log(f"onderhoud mislukt: {err}")
        except Interrupted:
            pass

    def check(self) -> None:
        """Schedules a restart for a server that exited and starts it when its back-off
        has passed. Blocks while a server starts (Interrupted on a stop request)."""
        for watched in self.watched:
            process = watched.current()
            if process is None or process.poll() is None:
                continue
            now = time.monotonic()
            if watched.restart_at is None:
                terminate(process, signal.SIGKILL)  # anything it left in its group
                if now - watched.started_at >= STABLE_SECONDS:
                    watched.delay = FIRST_DELAY
                self.log(f"{watched.name} is gestopt (exitcode {process.returncode}); "
                         f"herstart over {watched.delay:.0f} s")
                watched.restart_at = now + watched.delay
                watched.delay = min(watched.delay * 2, MAX_DELAY)
            elif now >= watched.restart_at:
                watched.restart_at = None
                watched.started_at = now
                try:
                    started = watched.start()
                except Interrupted:
                    raise
                except Exception as err:  # noqa: BLE001 - logged; tried again after the back-off
                    failed = watched.current()
                    if failed is not None:
                        terminate(failed, signal.SIGKILL)
                        failed.wait()
                    self.log(f"{watched.name} start niet: {err}")
                    continue
                self.log(f"{watched.name} draait weer (pid {started.pid})")
