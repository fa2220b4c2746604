"""`python -m bot.cli serve` as systemd or `kill` sees it: a real process in its own session,
on free ports and a scratch database. A killed action server comes back while Rasa keeps
answering; the health URL tells; SIGTERM (also during start-up) leaves no process; only
the two given ports are opened; Rasa's HTTP API needs a token; a damaged database stops
the start with a clear message. On its new database serve makes the first manager and
shows the generated password once; the tests log in with it."""
from __future__ import annotations

import hashlib
import os
import re
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import requests

from bot.servers import ROOT, service_env
from tests.conftest import TODAY
from tests.e2e.net import free_port

pytestmark = pytest.mark.slow

START_SECONDS = 240  # Rasa loads the model; the CI machine is busy
FIRST_MANAGER = re.compile(r"Eerste gebruiker aangemaakt: beheerder \(manager\), "
                           r"wachtwoord: (\S+)\n")


class Serve:
    """`bot.cli serve` in a session of its own. Every process it starts inherits a marker
    in its environment, so the test finds them all, also after they were orphaned."""

    def __init__(self, tmp_path: Path, db: Path | None = None, **env: str) -> None:
        self.marker = f"INCASSO_TEST_RUN={uuid.uuid4().hex}"
        self.rasa_port, self.action_port = free_port(), free_port()
        self.db = db or tmp_path / "incasso.sqlite3"
        self.log = tmp_path / f"serve-{self.rasa_port}.log"
        key, value = self.marker.split("=")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "serve", "--rasa-port", str(self.rasa_port),
             "--action-port", str(self.action_port)],
            cwd=ROOT, stdout=self.log.open("w"), stderr=subprocess.STDOUT,
            start_new_session=True,
            env=service_env(INCASSO_DATABASE_URL=f"sqlite:///{self.db}", INCASSO_TODAY=TODAY,
                            **{key: value}, **env))
        self.http = requests.Session()  # logged in by login()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    def output(self) -> str:
        return self.log.read_text()

    def marked(self) -> list[int]:
        """PIDs of every live process started by this serve (itself included)."""
        found = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                environ = (entry / "environ").read_bytes().split(b"\0")
                state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
            except OSError:
                continue
            if self.marker.encode() in environ and state != "Z":
                found.append(int(entry.name))
        return found

    def children(self, pattern: str) -> list[int]:
        return [pid for pid in self.marked() if pattern.encode() in cmdline(pid)]

    def health(self) -> requests.Response:
        return requests.get(f"{self.url}/webhooks/health", timeout=10)

    def wait_healthy(self, timeout: float = START_SECONDS) -> dict:
        """The health report once it is 200 and serve has said it is ready."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.output()
            try:
                answer = self.health()
                if answer.status_code == 200 and "Stoppen met Ctrl-C" in self.output():
                    return answer.json()
            except requests.ConnectionError:
                pass
            time.sleep(0.2)
        raise AssertionError(f"not healthy in {timeout} s:\n{self.output()}")

    def login(self) -> None:
        """Logs ``http`` in as the first manager, with the password serve showed once (on
        its new database) and never again."""
        shown = FIRST_MANAGER.findall(self.output())
        assert len(shown) == 1, self.output()
        assert self.output().count(shown[0]) == 1
        answer = self.http.post(f"{self.url}/webhooks/pane/login", timeout=30,
                                json={"username": "beheerder", "password": shown[0]})
        assert answer.status_code == 200, answer.text
        assert answer.json()["user"]["role"] == "manager"

    def say(self, sender: str, text: str) -> list[dict]:
        answer = self.http.post(f"{self.url}/webhooks/rest/webhook", timeout=60,
                                json={"sender": sender, "message": text})
        assert answer.status_code == 200, answer.text
        return [r["custom"] for r in answer.json() if "custom" in r]

    def terminate(self, timeout: float = 60) -> None:
        """SIGTERM to serve alone (as `kill` and systemd's KillMode=mixed do); it must
        stop its servers itself."""
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=timeout)

    def cleanup(self) -> None:
        self.http.close()
        for pid in self.marked():  # only if the test failed: leave nothing behind
            os.kill(pid, signal.SIGKILL)
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
    except OSError:
        return b""


def listening_ports(pids: list[int]) -> set[int]:
    """TCP ports in LISTEN state whose socket one of ``pids`` holds."""
    sockets: dict[str, int] = {}
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if fields[3] == "0A":  # LISTEN
                sockets[fields[9]] = int(fields[1].rsplit(":", 1)[1], 16)
    ports = set()
    for pid in pids:
        try:
            links = [os.readlink(fd) for fd in Path(f"/proc/{pid}/fd").iterdir()]
        except OSError:
            continue
        for link in links:
            if link.startswith("socket:[") and link[8:-1] in sockets:
                ports.add(sockets[link[8:-1]])
    return ports


@pytest.fixture
def serve(tmp_path):
    started: list[Serve] = []

    def start(**kwargs) -> Serve:
        started.append(Serve(tmp_path, **kwargs))
        return started[-1]

    yield start
    for running in started:
        running.cleanup()


def test_a_killed_action_server_comes_back_while_rasa_keeps_answering(serve, trained_model):
    token = uuid.uuid4().hex
    running = serve(INCASSO_RASA_API_TOKEN=token)
    report = running.wait_healthy()
    assert report["status"] == "ok"
    assert {name for name, part in report["onderdelen"].items() if part["ok"]} == \
        {"rasa", "actieserver", "database"}
    assert listening_ports(running.marked()) == {running.rasa_port, running.action_port}
    # Rasa's HTTP API only with the token from the environment
    parse = f"{running.url}/model/parse"
    assert requests.post(parse, json={"text": "hoi"}, timeout=30).status_code == 401
    assert requests.post(parse, params={"token": "fout" * 8}, json={"text": "hoi"},
                         timeout=30).status_code == 401
    assert requests.post(parse, params={"token": token}, json={"text": "hoi"},
                         timeout=60).status_code == 200
    assert token.encode() not in b"".join(cmdline(pid) for pid in running.marked())

    running.login()
    sender = f"test-{uuid.uuid4().hex[:8]}"
    assert running.say(sender, '/start_call{"case_id":"DEMO-1"}')[0]["type"] == "brief"
    excuse = "Ik heb die factuur nooit ontvangen."
    assert running.say(sender, excuse)[0]["type"] == "advice"

    [action] = running.children("rasa_sdk")
    [rasa] = running.children("bot.rasa_run")
    killed = time.monotonic()
    os.kill(action, signal.SIGKILL)
    assert running.say(sender, excuse)[0]["code"] == "service_unavailable"
    down = running.health()
    assert down.status_code == 503
    assert down.json()["status"] == "storing" and "actieserver" in down.json()["melding"]
    assert not down.json()["onderdelen"]["actieserver"]["ok"]

    running.wait_healthy(timeout=10 - (time.monotonic() - killed))
    assert time.monotonic() - killed < 10
    [again] = running.children("rasa_sdk")
    assert again != action and running.children("bot.rasa_run") == [rasa]
    assert running.say(sender, excuse)[0]["type"] == "advice"
    assert listening_ports(running.marked()) == {running.rasa_port, running.action_port}
    deadline = time.monotonic() + 10  # the supervisor polls; its log line follows shortly
    while "actieserver draait weer" not in running.output() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert "actieserver is gestopt (exitcode -9); herstart over 1 s" in running.output()
    assert "actieserver draait weer" in running.output()

    running.terminate()
    assert running.process.returncode == 0
    assert running.marked() == [], "SIGTERM left processes behind"
    assert "Gestopt." in running.output()


def test_sigterm_during_start_up_leaves_nothing(serve, trained_model):
    """A stop while the action server starts, and one while Rasa loads its model."""
    for waiting_for in ("rasa_sdk", "bot.rasa_run"):
        running = serve()
        deadline = time.monotonic() + START_SECONDS
        while not running.children(waiting_for):
            assert time.monotonic() < deadline and running.process.poll() is None, \
                running.output()
            time.sleep(0.05)
        running.terminate()
        assert running.marked() == [], f"left behind while starting {waiting_for}"
        with pytest.raises(requests.ConnectionError):
            requests.get(f"{running.url}/webhooks/health", timeout=5)


def test_rasa_api_is_off_without_a_token(serve, trained_model):
    running = serve(INCASSO_RASA_API_TOKEN="")
    running.wait_healthy()
    for method, path in (("GET", "/status"), ("POST", "/model/parse"), ("DELETE", "/model"),
                         ("GET", "/conversations/x/tracker")):
        answer = requests.request(method, f"{running.url}{path}", json={"text": "hoi"},
                                  timeout=30)
        assert answer.status_code == 404, (method, path, answer.status_code)
    running.terminate()
    assert running.marked() == []
    assert "HTTP-API van Rasa:  uit" in running.output()


def test_a_damaged_database_stops_the_start_and_is_left_alone(serve, tmp_path):
    damaged = tmp_path / "kapot.sqlite3"
    damaged.write_bytes(b"geen database\n" * 500)
    before = hashlib.sha256(damaged.read_bytes()).hexdigest()
    running = serve(db=damaged)
    assert running.process.wait(timeout=120) == 3
    output = running.output()
    assert "is geen SQLite-database" in output and "Traceback" not in output
    assert hashlib.sha256(damaged.read_bytes()).hexdigest() == before
    assert running.marked() == []
