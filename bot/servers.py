"""Start and stop the Rasa server and the action server.

Used by `make run`/`make serve` (through bot.supervisor), the integration tests and the
benchmark, so all of them start the services the same way: telemetry off, ready when they
answer, each server in a session of its own and stopped by its process group. Rasa listens
on the bind address ($INCASSO_BIND or --host, default 127.0.0.1); the action server only
ever on 127.0.0.1, since only Rasa calls it. Rasa's HTTP API is off unless a token is set
(bot.rasa_run).
"""
from __future__ import annotations

import contextlib
import ipaddress
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from bot.rasa_run import API_TOKEN_ENV, api_token
from bot.scale.settings import REDIS_URL_ENV, redis_url, workers
from bot.storage.database import DATABASE_URL_ENV, database_url
from bot.storage.store import default_storage

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "models" / "incassocoach.tar.gz"
LOGS = ROOT / "build" / "logs"
BIND_ENV = "INCASSO_BIND"
LOOPBACK = "127.0.0.1"
HEALTH_PATH = "/webhooks/health"  # bot/channels/health.py: Rasa, action server, database
STOP_SECONDS = 15  # a server gets this long after SIGTERM before SIGKILL


class Interrupted(Exception):
    """A stop was requested (SIGTERM/SIGINT) while a server was starting."""


def bind_address(value: str | None = None) -> str:
    """The address Rasa listens on: ``value``, else $INCASSO_BIND, else 127.0.0.1. Only an
    IP address (0.0.0.0 = every interface); ValueError in Dutch otherwise."""
    address = (value or os.environ.get(BIND_ENV) or "").strip() or LOOPBACK
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        raise ValueError(f"Ongeldig bindadres {address!r}: geef een IP-adres, "
                         "bijvoorbeeld 127.0.0.1 of 0.0.0.0.") from None


def service_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2",
                "SANIC_HOST": LOOPBACK, "PYTHONPATH": str(ROOT)})
    env.update(extra)
    env.setdefault(DATABASE_URL_ENV, database_url())  # both servers on the same database
    return env


# Rasa keeps its trackers in the coach's own database (table `events`), so a restarted
# server knows every conversation; with Redis, replicas share the conversation locks
# (bot.scale.lock_store). URLs come from the environment, never from disk (unquoted, so
# Rasa expands the variables).
def endpoints_yaml(action_url: str, lock_store: str = "in_memory") -> str:
    """``lock_store``: "in_memory" (one worker), "redis" (replicas, bot.scale.lock_store)
    or "file" (several workers on one machine, bot.scale.file_lock_store)."""
    text = (f'action_endpoint:\n  url: "{action_url}/webhook"\n'
            f'tracker_store:\n  type: SQL\n  url: ${{{DATABASE_URL_ENV}}}\n')
    if lock_store == "redis":
        text += ('lock_store:\n  type: bot.scale.lock_store.FencedRedisLockStore\n'
                 f'  url: ${{{REDIS_URL_ENV}}}\n')
    elif lock_store == "file":
        text += 'lock_store:\n  type: bot.scale.file_lock_store.FileLockStore\n'
    return text


def lock_store_kind(settings: Mapping[str, str]) -> str:
    if redis_url(settings):
        return "redis"
    return "file" if workers(settings) > 1 else "in_memory"


def wait_until_up(url: str, timeout: float, process: subprocess.Popen | None = None,
                  any_status: bool = False, stop: threading.Event | None = None) -> None:
    """Until ``url`` answers 200 (or, with ``any_status``, answers at all); Interrupted as
    soon as ``stop`` is set, RuntimeError when ``process`` ends first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if stop is not None and stop.is_set():
            raise Interrupted(url)
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"server for {url} stopped with exit code {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError as err:
            if any_status:
                return
            err.close()
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        if stop is not None:
            stop.wait(0.5)
        else:
            time.sleep(0.5)
    raise TimeoutError(f"{url} did not answer within {timeout:.0f} s")


def missing_env_vars(credentials: Path, env: Mapping[str, str] | None = None) -> list[str]:
    """The ${VAR}s in a credentials file that are not set; Rasa would stop on them."""
    env = os.environ if env is None else env
    settings = [line for line in Path(credentials).read_text().splitlines()
                if not line.lstrip().startswith("#")]
    names = re.findall(r"\$\{(\w+)\}", "\n".join(settings))
    return sorted({name for name in names if name not in env})


@dataclass
class Services:
    rasa_port: int = 5005
    action_port: int = 5055
    model: Path = MODEL
    env: dict[str, str] = field(default_factory=dict)  # extra environment for both servers
    chat_credentials: Path | None = None  # e.g. credentials-chat.yml: added to credentials.yml
    host: str | None = None  # Rasa's bind address; None: $INCASSO_BIND or 127.0.0.1
    stop_requested: threading.Event | None = None  # set by a signal handler: abort a start
    action: subprocess.Popen | None = None
    rasa: subprocess.Popen | None = None
    _logs: set[str] = field(default_factory=set, repr=False)  # opened by this object

    def __post_init__(self) -> None:
        """Settings are checked here, before anything starts (ValueError, in Dutch)."""
        self.host = bind_address(self.host)
        settings = {**os.environ, **self.env}
        api_token(settings)
        if workers(settings) > 1 and redis_url(settings) is None and self.chat_credentials:
            raise ValueError("Slack en Teams met meer dan één worker vragen om "
                             f"{REDIS_URL_ENV}: anders kan een herhaald bericht bij een "
                             "andere worker twee keer beantwoord worden.")

    @property
    def bind_host(self) -> str:
        """``host`` as __post_init__ resolved it (never None after that)."""
        assert self.host is not None
        return self.host

    @property
    def processes(self) -> tuple[subprocess.Popen, ...]:
        """The current action server and Rasa processes (those started), in that order."""
        return tuple(p for p in (self.action, self.rasa) if p is not None)

    @property
    def rasa_url(self) -> str:
        """Where this machine reaches Rasa (loopback when it listens on every interface)."""
        address = ipaddress.ip_address(self.bind_host)
        if address.is_unspecified:
            return f"http://{LOOPBACK}:{self.rasa_port}"
        return f"http://{f'[{address}]' if address.version == 6 else address}:{self.rasa_port}"

    @property
    def action_url(self) -> str:
        return f"http://{LOOPBACK}:{self.action_port}"

    @property
    def api_token(self) -> str | None:
        """Rasa's HTTP API token (None: the API is off); see bot.rasa_run."""
        return api_token({**os.environ, **self.env})

    def _spawn(self, command: list[str], log_name: str, env: dict[str, str]) -> subprocess.Popen:
        LOGS.mkdir(parents=True, exist_ok=True)
        mode = "a" if log_name in self._logs else "w"  # a restart keeps the crash's log
        self._logs.add(log_name)
        with open(LOGS / log_name, mode) as log:
            return subprocess.Popen(command, cwd=ROOT, env=env, stdout=log,
                                    stderr=subprocess.STDOUT, start_new_session=True)

    def start_action_server(self) -> subprocess.Popen:
        env = service_env(**self.env)
        env.pop(API_TOKEN_ENV, None)  # only Rasa needs it
        self.action = self._spawn(
            [sys.executable, "-m", "rasa_sdk", "--actions", "bot.actions",
             "--port", str(self.action_port)], f"actions-{self.action_port}.log", env)
        wait_until_up(f"{self.action_url}/health", 60, self.action, stop=self.stop_requested)
        return self.action

    def start_rasa(self) -> subprocess.Popen:
        if not self.model.exists():
            raise FileNotFoundError(f"no trained model at {self.model}; run `make train`")
        LOGS.mkdir(parents=True, exist_ok=True)
        endpoints = LOGS / f"endpoints-{self.rasa_port}.yml"
        settings = {**os.environ, **self.env}
        endpoints.write_text(endpoints_yaml(self.action_url, lock_store_kind(settings)))
        credentials = ROOT / "credentials.yml"
        if self.chat_credentials:  # the text as written: ${VAR}s stay unexpanded on disk
            combined = LOGS / f"credentials-{self.rasa_port}.yml"
            combined.write_text(credentials.read_text() + "\n"
                                + Path(self.chat_credentials).read_text())
            credentials = combined
        self.rasa = self._spawn(
            [sys.executable, "-m", "bot.rasa_run", "-i", self.bind_host, "-p", str(self.rasa_port),
             "-m", str(self.model), "--endpoints", str(endpoints),
             "--credentials", str(credentials)],
            f"rasa-{self.rasa_port}.log",
            service_env(**{**self.env, BIND_ENV: self.bind_host,  # the Host guard allows it
                           "SANIC_WORKERS": str(workers(settings))}))
        # Any answer of the health URL (503 too: the action server may be down) means the
        # model is loaded: Rasa serves only after loading it.
        wait_until_up(f"{self.rasa_url}{HEALTH_PATH}", 180, self.rasa, any_status=True,
                      stop=self.stop_requested)
        return self.rasa

    def start(self) -> Services:
        """Migrates the database once (DatabaseDamaged before any server starts), then
        starts both servers; stops what did start when anything fails or is interrupted."""
        default_storage(self.env.get(DATABASE_URL_ENV))
        try:
            self.start_action_server()
            self.start_rasa()
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        """SIGTERM to each server's process group, SIGKILL after STOP_SECONDS. The stopped
        processes stay in ``processes`` so callers can check they are gone."""
        for process in self.processes:
            if process.poll() is None:
                terminate(process, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=STOP_SECONDS)
            except subprocess.TimeoutExpired:
                terminate(process, signal.SIGKILL)
                process.wait()
            terminate(process, signal.SIGKILL)  # anything the server left in its group

    def __enter__(self) -> Services:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def terminate(process: subprocess.Popen, signum: int) -> None:
    """Sends ``signum`` to the process group the server leads (its own session)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signum)
