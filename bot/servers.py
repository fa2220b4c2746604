"""Start and stop the Rasa server and the action server on 127.0.0.1.

Used by `make run`/`make serve`, the integration tests and the benchmark, so all of them
start the services the same way: telemetry off, loopback only, ready when they answer.
"""
from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from bot.storage.database import DATABASE_URL_ENV, database_url
from bot.storage.store import default_storage

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "models" / "incassocoach.tar.gz"
LOGS = ROOT / "build" / "logs"


def service_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2",
                "SANIC_HOST": "127.0.0.1", "PYTHONPATH": str(ROOT)})
    env.update(extra)
    env.setdefault(DATABASE_URL_ENV, database_url())  # both servers on the same database
    return env


# Rasa keeps its trackers in the coach's own database (table `events`), so a restarted
# server knows every conversation. The URL comes from the environment, never from disk
# (unquoted, so Rasa expands the variable).
def endpoints_yaml(action_url: str) -> str:
    return (f'action_endpoint:\n  url: "{action_url}/webhook"\n'
            f'tracker_store:\n  type: SQL\n  url: ${{{DATABASE_URL_ENV}}}\n')


def wait_until_up(url: str, timeout: float, process: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"server for {url} stopped with exit code {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.5)
    raise TimeoutError(f"{url} did not answer within {timeout:.0f} s")


def missing_env_vars(credentials: Path, env: dict[str, str] | None = None) -> list[str]:
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
    processes: tuple[subprocess.Popen, ...] = ()

    @property
    def rasa_url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    @property
    def action_url(self) -> str:
        return f"http://127.0.0.1:{self.action_port}"

    def start_action_server(self) -> subprocess.Popen:
        LOGS.mkdir(parents=True, exist_ok=True)
        log = open(LOGS / f"actions-{self.action_port}.log", "w")
        process = subprocess.Popen(
            [sys.executable, "-m", "rasa_sdk", "--actions", "bot.actions",
             "--port", str(self.action_port)],
            cwd=ROOT, env=service_env(**self.env), stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True)
        self.processes += (process,)
        wait_until_up(f"{self.action_url}/health", 60, process)
        return process

    def start_rasa(self) -> subprocess.Popen:
        if not self.model.exists():
            raise FileNotFoundError(f"no trained model at {self.model}; run `make train`")
        LOGS.mkdir(parents=True, exist_ok=True)
        endpoints = LOGS / f"endpoints-{self.rasa_port}.yml"
        endpoints.write_text(endpoints_yaml(self.action_url))
        credentials = ROOT / "credentials.yml"
        if self.chat_credentials:  # the text as written: ${VAR}s stay unexpanded on disk
            combined = LOGS / f"credentials-{self.rasa_port}.yml"
            combined.write_text(credentials.read_text() + "\n"
                                + Path(self.chat_credentials).read_text())
            credentials = combined
        log = open(LOGS / f"rasa-{self.rasa_port}.log", "w")
        process = subprocess.Popen(
            [sys.executable, "-m", "rasa", "run", "--enable-api", "-i", "127.0.0.1",
             "-p", str(self.rasa_port), "-m", str(self.model), "--endpoints", str(endpoints),
             "--credentials", str(credentials)],
            cwd=ROOT, env=service_env(**self.env), stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True)
        self.processes += (process,)
        wait_until_up(f"{self.rasa_url}/status", 180, process)
        return process

    def start(self) -> "Services":
        """Migrates the database once, then starts both servers; stops what did start
        when anything fails or the start is interrupted."""
        default_storage(self.env.get(DATABASE_URL_ENV))
        try:
            self.start_action_server()
            self.start_rasa()
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        self.processes = ()

    def __enter__(self) -> "Services":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
