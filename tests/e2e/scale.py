"""Two replicas on one PostgreSQL and one Redis, one of them killed mid-run: the check behind
`make scale-check` (scripts/scale_check.py) and tests/e2e/test_replicas.py.

Everything runs on 127.0.0.1 and is started here: PostgreSQL and Redis from the machine's
binaries, two Rasa servers each with its own action server (bot.servers), a fake Slack
API. Concurrent calls go through the pane's API, each line to the other replica than the
last; when the first replica dies a line in flight is sent again, with the same ref, to
the survivor. Counted afterwards from the database and from what clients and pages saw.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import requests
import sqlalchemy as sa

from bot.servers import MODEL, ROOT, Services, terminate
from bot.storage.tables import call_events, promises
from tests.accounts import add_account, logged_in
from tests.chat.fakes import FakeChatServer
from tests.chat.slack_events import BOT_USER, envelope, signature
from tests.e2e.net import free_port
from tests.servers.postgres import PostgresServer, wait_for
from tests.servers.redis import RedisServer

COLLECTOR = "schaal"
OPEN_AMOUNT = 1200.0  # each case's one invoice
LINES: tuple[tuple[str, str], ...] = (
    ("incasseerder", "Goedemorgen, u spreekt met Sanne van de debiteurenadministratie. "
                     "Ik bel over de openstaande factuur van 1.200 euro."),
    ("debiteur", "Die factuur hebben wij volgens mij nooit ontvangen."),
    ("incasseerder", "Ik stuur hem u vandaag nog per mail. Wanneer kunt u betalen?"),
    ("debiteur", "De boekhouder is deze week op vakantie, dus dat wordt lastig."),
    ("debiteur", "ik betaal vrijdag 500 euro en de rest op 18 december"),
    ("incasseerder", "Dus we spreken af: vrijdag 500 euro en op 18 december de rest. "
                     "U krijgt vandaag een bevestiging per mail."),
    ("debiteur", "Ja, dat is goed, stuurt u mij maar een bevestiging."),
    ("debiteur", "Prima, dank u wel en een fijne dag."),
)


@dataclass
class Result:
    calls: int = 0
    lines: int = 0
    answered: int = 0
    lost: int = 0
    duplicates: int = 0
    retried: int = 0
    agreements_wrong: list[str] = field(default_factory=list)
    pages_missed: int = 0
    slack_events: int = 0
    slack_answers: int = 0
    killed_after: int = 0

    @property
    def ok(self) -> bool:
        return (self.answered == self.lines and not self.lost and not self.duplicates
                and not self.agreements_wrong and not self.pages_missed
                and self.slack_answers == self.slack_events)

    def details(self) -> str:
        return (f"replica 1 killed after {self.killed_after} answered lines; {self.retried} "
                f"lines sent again to the survivor; agreements wrong: "
                f"{len(self.agreements_wrong)}; events missed by pages on the survivor: "
                f"{self.pages_missed}; Slack events {self.slack_events} (each delivered to both "
                f"replicas), answers {self.slack_answers}")

    def summary(self) -> str:
        """The contract line of `make scale-check`."""
        return (f"calls {self.calls}, lines {self.lines}, answered {self.answered}, "
                f"lost {self.lost}, duplicates {self.duplicates}")


def _cases_csv(folder: Path, count: int) -> Path:
    rows = ["debiteurnummer;bedrijfsnaam;contactpersoon;functie;telefoon;email;factuurnummer;"
            "factuurdatum;vervaldatum;bedrag;omschrijving;leverdatum"]
    for n in range(1, count + 1):
        rows.append(f"SCHAAL-{n:03d};Testbedrijf {n} B.V.;Dhr. T. Klant;eigenaar;+31 10 0000000;"
                    f"klant{n}@example.nl;S-{n:04d};01-10-2026;31-10-2026;1.200,00;"
                    "levering van kantoormeubilair;28-09-2026")
    path = folder / "schaal.csv"
    path.write_text("\n".join(rows) + "\n")
    return path


class Run:
    def __init__(self, database_url: str, redis_url: str, calls: int, model: Path,
                 log) -> None:
        self.url, self.calls, self.log = database_url, calls, log
        self.fake = FakeChatServer().start()
        self.secret = uuid.uuid4().hex
        env = {"INCASSO_DATABASE_URL": database_url, "INCASSO_REDIS_URL": redis_url,
               "INCASSO_LOCK_TTL_SECONDS": "4", "SQL_POOL_SIZE": "10", "SQL_MAX_OVERFLOW": "10",
               "SLACK_BOT_TOKEN": "xoxb-scale-check", "SLACK_SIGNING_SECRET": self.secret,
               "SLACK_API_URL": self.fake.slack_api_url, "TEAMS_APP_ID": str(uuid.uuid4()),
               "TEAMS_APP_PASSWORD": uuid.uuid4().hex, "TEAMS_TENANT_ID": str(uuid.uuid4()),
               "TEAMS_OPENID_METADATA_URL": self.fake.openid_metadata_url,
               "TEAMS_LOGIN_URL": f"{self.fake.url}/login"}
        self.replicas = [Services(rasa_port=free_port(), action_port=free_port(), model=model,
                                  env=dict(env), chat_credentials=ROOT / "credentials-chat.yml")
                         for _ in range(2)]
        self.alive = [True, True]
        self.result = Result(calls=calls, lines=calls * len(LINES))
        self.answered_lock = threading.Lock()
        self.answers: dict[tuple[str, str], dict] = {}  # (call, ref) -> the event answered

    # ---- set-up ------------------------------------------------------------------------

    def start(self, folder: Path) -> None:
        env = {**os.environ, "INCASSO_DATABASE_URL": self.url, "PYTHONPATH": str(ROOT)}
        subprocess.run([sys.executable, "-m", "bot.cli", "import-cases",
                        str(_cases_csv(folder, self.calls))], env=env, check=True,
                       capture_output=True, timeout=300)
        add_account(self.url, COLLECTOR, "collector", "Sanne Schaal")
        for number, replica in enumerate(self.replicas, 1):  # one at a time: 2 cores
            started = time.monotonic()
            replica.start()
            self.log(f"replica {number} up in {time.monotonic() - started:.0f} s "
                     f"(Rasa :{replica.rasa_port}, actions :{replica.action_port})")

    def stop(self) -> None:
        for replica in self.replicas:
            replica.stop()
        self.fake.stop()

    def kill_first(self) -> None:
        """SIGKILL to replica 1's Rasa and action server: no goodbye, locks left held."""
        self.alive[0] = False
        for process in self.replicas[0].processes:
            terminate(process, signal.SIGKILL)
            process.wait()

    # ---- the calls ---------------------------------------------------------------------

    def base(self, index: int) -> str:
        return f"{self.replicas[index].rasa_url}/webhooks/pane"

    def post_line(self, http: requests.Session, call_id: str, first: int, speaker: str,
                  text: str, ref: str) -> dict:
        """To replica ``first``; when it is gone (or goes while answering), once more to the
        other one with the same ref."""
        body = {"speaker": speaker, "text": text, "ref": ref}
        for attempt, index in enumerate((first, 1 - first)):
            if not self.alive[index] and attempt == 0:
                continue
            try:
                answer = http.post(f"{self.base(index)}/calls/{call_id}/transcript", json=body,
                                   timeout=120)
                if answer.status_code == 200:
                    if index != first:
                        with self.answered_lock:
                            self.result.retried += 1
                    return answer.json()
            except requests.RequestException:
                pass
        return {}

    def one_call(self, number: int, cookie: str, kill_at: int) -> str:
        http = requests.Session()
        http.cookies.set("incasso_session", cookie)
        started = http.post(f"{self.base(number % 2 if self.alive[number % 2] else 1)}/calls",
                            json={"case_id": f"SCHAAL-{number + 1:03d}"}, timeout=60)
        started.raise_for_status()
        call_id = started.json()["call_id"]
        self.pages[call_id] = Page(self.base(1), call_id, cookie).open()
        for index, (speaker, text) in enumerate(LINES):
            ref = f"{call_id}-{index}"
            event = self.post_line(http, call_id, (number + index) % 2, speaker, text, ref)
            with self.answered_lock:
                if event.get("ref") == ref and event.get("kind") == "line":
                    self.answers[(call_id, ref)] = event
                if len(self.answers) >= kill_at and self.alive[0]:
                    self.result.killed_after = len(self.answers)
                    self.kill_first()
        return call_id

    def slack_twice(self, count: int) -> None:
        """Each event delivered to both replicas at once, as a Slack retry that lands on
        the other replica: one answer each."""
        def deliver(index: int, payload: bytes) -> None:
            stamp = str(int(time.time()))
            requests.post(f"{self.replicas[index].rasa_url}/webhooks/slack/webhook",
                          data=payload, timeout=30, headers={
                              "Content-Type": "application/json",
                              "X-Slack-Request-Timestamp": stamp,
                              "X-Slack-Signature": signature(self.secret, stamp, payload)})

        threads = []
        for n in range(count):
            channel, ts = f"CSCALE{n:04d}", f"{int(time.time())}.{n:06d}"
            payload = json.dumps(envelope(f"<@{BOT_USER}> SCHAAL-{n + 1:03d}", channel,
                                          ts)).encode()
            threads += [threading.Thread(target=deliver, args=(i, payload)) for i in (0, 1)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.result.slack_events = count
        time.sleep(3)  # answers are posted in the background
        self.fake.wait_for("slack", lambda r: r.path.endswith("chat.postMessage"), count, 60)
        time.sleep(2)  # any second answer would arrive by now
        self.result.slack_answers = len(self.fake.matching(
            "slack", lambda r: r.path.endswith("chat.postMessage")))

    def run(self, folder: Path) -> Result:
        self.start(folder)
        self.pages: dict[str, Page] = {}
        self.slack_twice(min(self.calls, 4))
        cookie = logged_in(self.replicas[1].rasa_url, COLLECTOR).cookies["incasso_session"]
        kill_at = max(1, self.result.lines * 2 // 5)
        with ThreadPoolExecutor(max_workers=self.calls) as pool:
            call_ids = list(pool.map(lambda n: self.one_call(n, cookie, kill_at),
                                     range(self.calls)))
        self.count(call_ids)
        return self.result

    # ---- counting ----------------------------------------------------------------------

    def count(self, call_ids: list[str]) -> None:
        engine = sa.create_engine(self.url)
        with engine.connect() as db:
            rows = db.execute(sa.select(call_events.c.call_id, call_events.c.seq,
                                        call_events.c.kind, call_events.c.data)
                              .where(call_events.c.call_id.in_(call_ids))).all()
            stored = db.execute(sa.select(promises.c.call_id, promises.c.amount_cents)
                                .where(promises.c.call_id.in_(call_ids),
                                       promises.c.cancelled_at.is_(None))).all()
        engine.dispose()
        refs = Counter((r.call_id, json.loads(r.data).get("ref")) for r in rows
                       if r.kind == "line")
        for call_id in call_ids:
            for index in range(len(LINES)):
                key = (call_id, f"{call_id}-{index}")
                if refs[key] == 0:
                    self.result.lost += 1
                self.result.duplicates += max(refs[key] - 1, 0)
                if refs[key] >= 1 and key in self.answers:
                    self.result.answered += 1
            amounts = sorted(a / 100 for c, a in stored if c == call_id)
            if amounts != [500.0, OPEN_AMOUNT - 500.0]:
                self.result.agreements_wrong.append(f"{call_id}: {amounts}")
            ids = {r.seq for r in rows if r.call_id == call_id}
            self.result.pages_missed += len(ids - self.pages[call_id].wait_for(ids))
        for page in self.pages.values():
            page.close()


class Page:
    """An open pane page's event stream (SSE) on one replica: the event ids it received."""

    def __init__(self, base: str, call_id: str, cookie: str) -> None:
        self.url = f"{base}/calls/{call_id}/events?after=0"
        self.http = requests.Session()
        self.http.cookies.set("incasso_session", cookie)
        self.seen: set[int] = set()
        self.changed = threading.Condition()
        self.closed = False

    def open(self) -> Page:
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()
        return self

    def _read(self) -> None:
        try:
            with self.http.get(self.url, stream=True, timeout=(10, 60)) as stream:
                for raw in stream.iter_lines():
                    if self.closed:
                        return
                    line = raw.decode("utf-8", "replace")
                    if line.startswith("id: "):
                        with self.changed:
                            self.seen.add(int(line[4:]))
                            self.changed.notify_all()
        except requests.RequestException:
            return

    def wait_for(self, ids: set[int], seconds: float = 15) -> set[int]:
        deadline = time.monotonic() + seconds
        with self.changed:
            while not ids <= self.seen and time.monotonic() < deadline:
                self.changed.wait(0.2)
            return set(self.seen)

    def close(self) -> None:
        self.closed = True
        self.http.close()


def run_scale_check(calls: int = 8, model: Path = MODEL, log=print) -> Result:
    """Starts everything, runs the calls, stops everything it started."""
    import tempfile
    postgres, redis = PostgresServer(), RedisServer()
    folder = Path(tempfile.mkdtemp(prefix="incasso-scale-"))
    run = None
    try:
        postgres.start()
        wait_for(postgres)
        redis.start()
        run = Run(postgres.new_database(), redis.url, calls, model, log)
        return run.run(folder)
    finally:
        if run is not None:
            run.stop()
        redis.stop()
        postgres.stop()
