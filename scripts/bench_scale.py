"""`make bench-scale`: throughput and latency of the pane's line route under concurrent
calls, for the embedded default (one and two Sanic workers) and for PostgreSQL + Redis
with one replica, two replicas and one replica with two workers. The table goes into
docs/benchmarks.md as its own section (scripts/bench_sections.py).

Each concurrent call is a client that logs in, opens a call and sends debtor lines one
after the other (closed loop: the next line when the answer is in), a new call every 25
lines, for a fixed time; with
two replicas the lines of a call alternate between them as a round-robin balancer would
send them. A second run paces 100 calls at one line per 5 s each (open loop), as a team
on the phone does. Client and servers share this machine's cores, as the issue's first
measurement did.
"""
from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import itertools
import math
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import aiohttp

from bot.servers import ROOT, Services
from tests.accounts import PASSWORD, add_account
from tests.e2e.net import free_port
from tests.servers.postgres import PostgresServer, wait_for
from tests.servers.redis import RedisServer

from bench_sections import DOC, write_section

SECTION = "bench-scale"
LEVELS = (1, 10, 20, 50)
CASES = ("DEMO-1", "DEMO-2", "DEMO-3", "DEMO-4", "DEMO-5", "DEMO-6", "DEMO-7", "DEMO-8")
TEXTS = (
    "Die factuur hebben wij nooit ontvangen.",
    "De boekhouder is er deze week niet, die is op vakantie.",
    "Er is een storing bij de bank, de betaling staat klaar maar gaat er niet uit.",
    "Wij wachten zelf nog op geld van onze grootste klant.",
    "Kunnen we het in drie termijnen doen?",
    "Ik vind het bedrag eerlijk gezegd te hoog voor wat er geleverd is.",
    "Wanneer is die factuur dan precies verstuurd?",
    "Ik kan nu echt niet betalen, het is krap.",
    "Ja, dat is goed.",
    "Prima, dan spreken we dat af.",
)
ACCOUNT = "bench"
LINES_PER_CALL = 25  # then the next call starts, as a collector's day goes
TEAMS = (50, 500)
ON_THE_PHONE = 0.8  # share of a team in a call at the busiest moment (a model input)
SECONDS_PER_LINE = 5.0  # a call's pace, debtor and collector together (the figure)
MAX_LOAD = 0.5  # of a machine's capacity, to keep latency short


@dataclass
class Measured:
    setup: str
    calls: int
    lines: int
    seconds: float
    latencies: list[float]
    errors: int
    pace: float | None = None  # seconds between a call's lines; None: as fast as answered

    @property
    def throughput(self) -> float:
        return self.lines / self.seconds if self.seconds else 0.0

    def percentile(self, q: int) -> float:
        if len(self.latencies) < 2:
            return self.latencies[0] if self.latencies else 0.0
        return statistics.quantiles(self.latencies, n=100, method="inclusive")[q - 1]


# ---- the load --------------------------------------------------------------------------

async def _login(session: aiohttp.ClientSession, base: str) -> None:
    async with session.post(f"{base}/login", json={"username": ACCOUNT,
                                                   "password": PASSWORD}) as answer:
        answer.raise_for_status()


@dataclass
class Client:
    """One collector: logged in, with a call open, before the clock starts."""
    number: int
    session: aiohttp.ClientSession
    call_id: str = ""


async def _prepare(bases: list[str], number: int) -> Client:
    session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120),
                                    cookie_jar=aiohttp.CookieJar(unsafe=True))
    await _login(session, bases[0])
    client = Client(number, session)
    client.call_id = await _new_call(session, bases[number % len(bases)],
                                     CASES[number % len(CASES)])
    return client


async def _one_call(bases: list[str], client: Client, warm_until: float, until: float,
                    pace: float | None, latencies: list[float], errors: list[int]) -> int:
    """Lines sent and answered in the measured window by one collector."""
    number, session = client.number, client.session
    texts = itertools.cycle(TEXTS[number % len(TEXTS):] + TEXTS[:number % len(TEXTS)])
    sent, loop = 0, asyncio.get_running_loop()
    if pace:
        await asyncio.sleep((number % 50) * pace / 50)  # spread the first lines
    for index in itertools.count(1):
        started = loop.time()
        if started >= until:
            return sent
        base = bases[(number + index) % len(bases)]
        try:
            async with session.post(f"{base}/calls/{client.call_id}/transcript",
                                    json={"speaker": "debiteur", "text": next(texts),
                                          "ref": f"{client.call_id}-{index}"}) as answer:
                event = await answer.json()
                ok = answer.status == 200 and not _is_error(event)
        except (TimeoutError, aiohttp.ClientError):
            ok = False
        finished = loop.time()
        if started >= warm_until:
            if ok:
                latencies.append((finished - started) * 1000)
                sent += 1
            else:
                errors.append(1)
        if index % LINES_PER_CALL == 0:  # a collector's next call (its start not timed)
            client.call_id = await _new_call(session, base, CASES[(number + index) % len(CASES)])
        if pace:
            await asyncio.sleep(max(0.0, pace - (loop.time() - started)))


async def _new_call(session: aiohttp.ClientSession, base: str, case_id: str) -> str:
    async with session.post(f"{base}/calls", json={"case_id": case_id}) as answer:
        answer.raise_for_status()
        return (await answer.json())["call_id"]


def _is_error(event: dict) -> bool:
    return any(p.get("type") == "error" for p in event.get("payloads") or [])


async def _load(bases: list[str], calls: int, seconds: float, warmup: float,
                pace: float | None) -> tuple[int, list[float], int]:
    """Every collector logs in and opens a call first; then the clock runs."""
    clients = await asyncio.gather(*(_prepare(bases, n) for n in range(calls)))
    loop = asyncio.get_running_loop()
    warm_until = loop.time() + warmup
    until = warm_until + seconds
    latencies: list[float] = []
    errors: list[int] = []
    try:
        sent = await asyncio.gather(*(_one_call(bases, client, warm_until, until, pace,
                                                latencies, errors) for client in clients))
    finally:
        await asyncio.gather(*(client.session.close() for client in clients))
    return sum(sent), latencies, len(errors)


def measure(setup: str, bases: list[str], calls: int, seconds: float, warmup: float,
            pace: float | None = None) -> Measured:
    lines, latencies, errors = asyncio.run(_load(bases, calls, seconds, warmup, pace))
    result = Measured(setup, calls, lines, seconds, latencies, errors, pace)
    print(f"{setup:<34} {calls:>3} calls: {result.throughput:5.1f} lines/s, p50 "
          f"{result.percentile(50):4.0f} ms, p95 {result.percentile(95):4.0f} ms, p99 "
          f"{result.percentile(99):4.0f} ms, errors {errors}", flush=True)
    return result


# ---- the set-ups -----------------------------------------------------------------------

@contextmanager
def replicas(database_url: str, redis_url: str | None, count: int, workers: int,
             ) -> Iterator[list[str]]:
    env = {"INCASSO_DATABASE_URL": database_url, "SQL_POOL_SIZE": "20",
           "SQL_MAX_OVERFLOW": "20"}
    env["INCASSO_WORKERS"] = str(workers)
    if redis_url:
        env["INCASSO_REDIS_URL"] = redis_url
    with ExitStack() as stack:
        add_account(database_url, ACCOUNT, "collector", "Bench Mark")
        bases = []
        for _ in range(count):
            services = Services(rasa_port=free_port(), action_port=free_port(), env=dict(env))
            stack.enter_context(services)
            bases.append(f"{services.rasa_url}/webhooks/pane")
        yield bases


def run(seconds: float, warmup: float) -> list[Measured]:
    results: list[Measured] = []
    folder = Path(tempfile.mkdtemp(prefix="incasso-bench-"))

    def levels(setup: str, bases: list[str]) -> None:
        for calls in LEVELS:
            results.append(measure(setup, bases, calls, seconds, warmup))

    with replicas(f"sqlite:///{folder / 'embedded.sqlite3'}", None, 1, 1) as bases:
        levels("embedded (SQLite, in-process)", bases)
        results.append(measure("embedded, 100 calls, 1 line/5 s", bases, 100, 60, 5, pace=5.0))
    with replicas(f"sqlite:///{folder / 'workers.sqlite3'}", None, 1, 2) as bases:
        levels("embedded, 2 workers (file locks)", bases)
    postgres, redis = PostgresServer(), RedisServer()
    try:
        postgres.start()
        wait_for(postgres)
        redis.start()
        for setup, count, workers in (("PostgreSQL + Redis, 1 replica", 1, 1),
                                      ("PostgreSQL + Redis, 2 replicas", 2, 1),
                                      ("PostgreSQL + Redis, 1 replica × 2 workers", 1, 2)):
            with replicas(postgres.new_database(), redis.url, count, workers) as bases:
                levels(setup, bases)
                if count == 2:
                    results.append(measure("2 replicas, 100 calls, 1 line/5 s", bases, 100,
                                           60, 5, pace=5.0))
    finally:
        redis.stop()
        postgres.stop()
    return results


# ---- the report ------------------------------------------------------------------------

def report(results: list[Measured], seconds: float) -> str:
    rows = "\n".join(
        f"| {r.setup} | {r.calls} | {r.lines} | {r.throughput:.1f} | {r.percentile(50):.0f} | "
        f"{r.percentile(95):.0f} | {r.percentile(99):.0f} | {r.errors} |" for r in results)
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M")
    return "\n".join([
        "## Scale: concurrent calls and replicas", "",
        f"Generated by `make bench-scale` (scripts/bench_scale.py) on {when} UTC, "
        f"{os.cpu_count()} CPUs; client and servers on the same machine. Each concurrent "
        "client logs in, opens a call and posts debtor lines to "
        "`POST /webhooks/pane/calls/<id>/transcript` one after the other, a new call every "
        f"{LINES_PER_CALL} lines, for {seconds:.0f} s after a warm-up; with two replicas a "
        "call's lines alternate between them, as a round-robin balancer sends them. The "
        "paced rows are 100 calls each sending a line every 5 s for 60 s. Latency is from "
        "request to answer at the client; errors are failed requests or error cards.", "",
        "| set-up | calls | lines | lines/s | p50 ms | p95 ms | p99 ms | errors |",
        "|---|---:|---:|---:|---:|---:|---:|---:|", rows, "", team_model(results)])


def team_model(results: list[Measured]) -> str:
    """What a team needs, from the best throughput one machine reached here."""
    capacity = max(r.throughput for r in results if r.pace is None)
    best = next(r for r in results if r.pace is None and r.throughput == capacity)
    rows = []
    for team in TEAMS:
        peak = team * ON_THE_PHONE / SECONDS_PER_LINE
        machines = math.ceil(peak / (capacity * MAX_LOAD)) + 1  # one more, to lose one
        rows.append(f"| {team} | {peak:.0f} | {peak / MAX_LOAD:.0f} | {machines} |")
    return "\n".join([
        "### What a team needs",
        "",
        f"A model, not a measurement: at the busiest moment {ON_THE_PHONE:.0%} of the "
        f"collectors are in a call, and a call brings a line every {SECONDS_PER_LINE:.0f} s "
        f"(debtor and collector together). For short answers a server should run at no more "
        f"than {MAX_LOAD:.0%} of what it can do. One 2-core machine did {capacity:.0f} lines/s "
        f"here at best ({best.setup}), so a team needs, with one machine more than the load "
        "asks for so that one may die:",
        "",
        "| collectors | lines/s at the peak | capacity wanted | 2-core machines (N+1) |",
        "|---:|---:|---:|---:|",
        *rows,
        "",
        "Each machine also holds its Rasa workers' memory (about 0.8 GB each, `make bench`'s "
        "memory table), and every replica takes up to 65 PostgreSQL connections with the "
        "pool settings of the README (Several replicas). PostgreSQL and Redis themselves are "
        "far from busy at these rates.",
    ])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=15.0, help="measured time per level")
    parser.add_argument("--warmup", type=float, default=3.0)
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args(argv)
    started = time.monotonic()
    results = run(args.seconds, args.warmup)
    section = report(results, args.seconds)
    if not args.no_write:
        write_section(SECTION, section)
        print(f"written to {DOC.relative_to(ROOT)}")
    print(f"bench-scale took {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
