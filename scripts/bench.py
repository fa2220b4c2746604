"""Benchmark Incassocoach: NLU quality, entity values, latency, training time and memory.

Latency includes the live pane: Enter → rendered advice card in headless Chromium
(scripts/bench_pane.py; needs Debian's /usr/bin/chromium).

Everything is measured on this machine when the script runs and written to
docs/benchmarks.md (see scripts/bench_report.py for the layout). `make bench` runs it
after `make train`; by hand, from the repo root:

    .venv/bin/python scripts/bench.py [--skip-train] [--messages N] [--out PATH] [--model PATH]

The servers are started on their own ports (Rasa 5105, actions 5155), so a dev server
on the default ports keeps running. No network is needed.
"""
from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import os
import platform
import re
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import uuid
from collections import Counter
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import numpy as np
import requests
import yaml
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score, precision_recall_fscore_support
from sklearn.pipeline import FeatureUnion, Pipeline, make_pipeline

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `python scripts/bench.py` without PYTHONPATH
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bot.coach.access import Access  # noqa: E402
from bot.nlu.speaker_intents import COLLECTOR, DEBTOR, belongs_to, best_intent  # noqa: E402
from bot.rasa_run import API_TOKEN_ENV  # noqa: E402
from bot.servers import Services, service_env  # noqa: E402
from bot.storage.store import Storage  # noqa: E402

from bench_pane import pane_latency  # noqa: E402
from bench_report import render  # noqa: E402
from bench_sections import kept_sections, restore_sections  # noqa: E402

TRAIN_GLOB = "bot/data/nlu/*.yml"
HOLDOUT = ROOT / "tests" / "data" / "nlu_holdout.yml"
# What collectors say (role-play trainees); scored raw top-1 and speaker-aware.
COLLECTOR_HOLDOUT = ROOT / "tests" / "data" / "nlu_holdout_collector.yml"
ENTITY_HOLDOUT = ROOT / "tests" / "data" / "entities_holdout.yml"
# Debtor lines written blind by people outside the project (written and speech-to-text
# style); sets never trained on or tuned against (tests/data/blind/README.md).
BLIND_GLOB = "tests/data/blind/debtor_*.yml"
SPACY_META = ROOT / "build" / "spacy_nl" / "incasso_pipeline.json"
RASA_PORT, ACTION_PORT = 5105, 5155
FALLBACK = "nlu_fallback"
ENTITY_TYPES = ("amount", "date", "invoice_number")
WARMUP = 10
SENDERS = 4
START_CALL = '/start_call{"case_id":"DEMO-1"}'
# Rasa training-data markup "[text](entity)" / "[text]{...}" → "text", as Rasa reads it.
ANNOTATION_RE = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\{[^}]*\})")


@dataclass
class IntentScores:
    """Intent classification results on the held-out set for one classifier."""
    accuracy: float
    macro_f1: float
    per_intent: dict[str, tuple[float, float, float, int]]  # precision, recall, F1, support
    predictions: list[str]


@dataclass
class EntityScores:
    """Entity value accuracy: per type (expected, found exactly, spurious) and overall;
    misses are (text, expected, got) for utterances not entirely right."""
    per_type: dict[str, tuple[int, int, int]]
    examples: int
    examples_exact: int
    misses: list[tuple[str, list[str], list[str]]]

    @property
    def accuracy(self) -> float:
        expected = sum(e for e, _, _ in self.per_type.values())
        return sum(f for _, f, _ in self.per_type.values()) / expected if expected else 0.0


@dataclass
class Latency:
    """Request latencies in milliseconds plus how many replies were error fallbacks."""
    samples_ms: list[float]
    errors: int = 0

    def stats(self) -> dict[str, float]:
        p50, p95 = np.percentile(self.samples_ms, [50, 95])
        return {"n": len(self.samples_ms), "p50": float(p50), "p95": float(p95),
                "max": max(self.samples_ms), "mean": float(np.mean(self.samples_ms))}


def load_nlu_examples(paths: list[Path]) -> list[tuple[str, str]]:
    """(text, intent) pairs from Rasa NLU YAML files (`- intent:` with an `examples: |` block)."""
    pairs = []
    for path in paths:
        for item in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu") or []:
            if "intent" not in item:
                continue
            for line in str(item.get("examples") or "").splitlines():
                line = line.strip()
                if line.startswith("- "):
                    pairs.append((ANNOTATION_RE.sub(r"\1", line[2:].strip()), item["intent"]))
    return pairs


def load_training_examples() -> list[tuple[str, str]]:
    """The NLU training examples the Rasa model is trained on (bot/data/nlu/*.yml)."""
    return load_nlu_examples(sorted(ROOT.glob(TRAIN_GLOB)))


def line_key(text: str) -> str:
    """What counts as the same line: the text, case and spacing aside."""
    return " ".join(text.lower().split())


def blind_sets(train: list[tuple[str, str]],
               paths: list[Path]) -> dict[str, list[tuple[str, str]]]:
    """Each blind debtor file's lines, without those that are word for word a training
    line (a "Ja." written twice measures nothing); keyed by the file's path in the repo."""
    known = {line_key(text) for text, _ in train}
    return {str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path):
            [(t, i) for t, i in load_nlu_examples([path]) if line_key(t) not in known]
            for path in paths}


def score_intents(truth: list[str], predicted: list[str]) -> IntentScores:
    """Accuracy, macro-F1 and per-intent P/R/F1 over the held-out label set."""
    labels = sorted(set(truth))
    p, r, f, s = precision_recall_fscore_support(truth, predicted, labels=labels,
                                                 zero_division=0)
    return IntentScores(
        accuracy=accuracy_score(truth, predicted),
        macro_f1=f1_score(truth, predicted, labels=labels, average="macro", zero_division=0),
        per_intent={label: (p[i], r[i], f[i], int(s[i])) for i, label in enumerate(labels)},
        predictions=list(predicted))


def baseline_model(train: list[tuple[str, str]]) -> Pipeline:
    """The plain baseline: TF-IDF (word 1-2 + char_wb 2-5, sublinear) + logistic
    regression, trained on the same examples as the model."""
    features = FeatureUnion([
        ("word", TfidfVectorizer(analyzer="word", ngram_range=(1, 2), lowercase=True,
                                 sublinear_tf=True)),
        ("char", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), lowercase=True,
                                 sublinear_tf=True))])
    model = make_pipeline(features, LogisticRegression(max_iter=2000))
    return model.fit([t for t, _ in train], [i for _, i in train])


def baseline_scores(model: Pipeline, holdout: list[tuple[str, str]]) -> IntentScores:
    return score_intents([i for _, i in holdout], model.predict([t for t, _ in holdout]))


def parse_url(services: Services) -> str:
    """Rasa's POST /model/parse, with the API token the benchmark gave the server."""
    return f"{services.rasa_url}/model/parse?" + urllib.parse.urlencode(
        {"token": services.api_token})


def parse(session: requests.Session, services: Services, text: str) -> dict:
    """The running Rasa server's NLU result for one text."""
    response = session.post(parse_url(services), json={"text": text}, timeout=60)
    response.raise_for_status()
    return response.json()


def rasa_scores(session: requests.Session, services: Services,
                holdout: list[tuple[str, str]]) -> IntentScores:
    """Intent scores of the trained model via POST /model/parse (nlu_fallback counts as wrong)."""
    predicted = [(parse(session, services, text).get("intent") or {}).get("name") or FALLBACK
                 for text, _ in holdout]
    return score_intents([i for _, i in holdout], predicted)


def speaker_scores(session: requests.Session, services: Services,
                   holdout: list[tuple[str, str]],
                   speaker: str) -> tuple[IntentScores, IntentScores]:
    """(raw top-1, speaker-aware) scores of the trained model on one speaker's held-out
    set; speaker-aware takes the best intent of that speaker (bot/nlu/speaker_intents.py)."""
    parses = [parse(session, services, text) for text, _ in holdout]
    truth = [intent for _, intent in holdout]
    top1 = [(p.get("intent") or {}).get("name") or FALLBACK for p in parses]
    return (score_intents(truth, top1),
            score_intents(truth, [best_intent(p, speaker)[0] for p in parses]))


def baseline_speaker_scores(model: Pipeline, holdout: list[tuple[str, str]],
                            speaker: str) -> IntentScores:
    """The baseline restricted to the speaker's intents (its most probable one of them)."""
    allowed = np.array([belongs_to(c, speaker) for c in model.classes_])
    probabilities = model.predict_proba([t for t, _ in holdout]) * allowed
    return score_intents([i for _, i in holdout],
                         [model.classes_[row.argmax()] for row in probabilities])


def top_confusions(truth: list[str], predicted: list[str],
                   n: int = 10) -> list[tuple[str, str, int]]:
    """The n most frequent (true, predicted, count) mistakes."""
    counts = Counter((t, p) for t, p in zip(truth, predicted, strict=True) if t != p)
    return [(t, p, c) for (t, p), c in counts.most_common(n)]


def load_entity_holdout() -> tuple[dt.date, list[dict]]:
    """Reference date and examples ({text, entities}) of the entity test set."""
    data = yaml.safe_load(ENTITY_HOLDOUT.read_text(encoding="utf-8"))
    reference = data["reference_date"]
    if isinstance(reference, str):
        reference = dt.date.fromisoformat(reference)
    return reference, data["examples"]


def same_value(entity: str, got: object, expected: object) -> bool:
    """Amounts as floats within 0.005; dates and invoice numbers as exact strings."""
    if entity == "amount":
        try:
            return abs(float(got) - float(expected)) <= 0.005
        except (TypeError, ValueError):
            return False
    return str(got) == str(expected)


def entity_scores(session: requests.Session, services: Services,
                  examples: list[dict]) -> EntityScores:
    """Per entity type: expected values found exactly and spurious extra values."""
    totals = {entity: [0, 0, 0] for entity in ENTITY_TYPES}
    misses = []
    for example in examples:
        expected = example.get("entities") or {}
        got = parse(session, services, example["text"]).get("entities") or []
        all_right = True
        for entity in ENTITY_TYPES:
            values = [e.get("value") for e in got if e.get("entity") == entity]
            found = entity in expected and any(same_value(entity, v, expected[entity])
                                               for v in values)
            spurious = len(values) - found
            totals[entity][0] += entity in expected
            totals[entity][1] += found
            totals[entity][2] += spurious
            all_right &= spurious == 0 and (found or entity not in expected)
        if not all_right:
            misses.append((example["text"],
                           [f"{name}={value}" for name, value in expected.items()],
                           [f"{e['entity']}={e.get('value')}" for e in got
                            if e.get("entity") in ENTITY_TYPES]))
    return EntityScores({e: tuple(v) for e, v in totals.items()}, len(examples),
                        len(examples) - len(misses), misses)


def timed(session: requests.Session, url: str, payload: dict) -> tuple[float, object]:
    """POST payload; (milliseconds, JSON reply)."""
    started = time.perf_counter()
    response = session.post(url, json=payload, timeout=60)
    elapsed = (time.perf_counter() - started) * 1000
    response.raise_for_status()
    return elapsed, response.json()


def is_error_reply(reply: list[dict]) -> bool:
    """True when the webhook answered with nothing or the channel's service_unavailable."""
    return not reply or any((m.get("custom") or {}).get("code") == "service_unavailable"
                            for m in reply)


def latency_end_to_end(session: requests.Session, services: Services, texts: list[str],
                       messages: int) -> Latency:
    """REST webhook latency (NLU + custom action) for `messages` debtor turns over SENDERS calls."""
    url = f"{services.rasa_url}/webhooks/rest/webhook"
    run = uuid.uuid4().hex[:6]
    warmup = f"bench-{run}-warmup"
    for text in [START_CALL] + texts[:WARMUP - 1]:
        timed(session, url, {"sender": warmup, "message": text})
    senders = [f"bench-{run}-{i}" for i in range(SENDERS)]
    for sender in senders:
        timed(session, url, {"sender": sender, "message": START_CALL})
    result = Latency([])
    for i, text in zip(range(messages), itertools.cycle(texts)):
        ms, reply = timed(session, url, {"sender": senders[i % SENDERS], "message": text})
        result.samples_ms.append(ms)
        result.errors += is_error_reply(reply)
    return result


def latency_parse(session: requests.Session, services: Services, texts: list[str],
                  messages: int) -> Latency:
    """POST /model/parse latency (NLU only) for `messages` texts after WARMUP unmeasured ones."""
    url = parse_url(services)
    for text in texts[:WARMUP]:
        timed(session, url, {"text": text})
    return Latency([timed(session, url, {"text": text})[0]
                    for _, text in zip(range(messages), itertools.cycle(texts))])


def peak_rss_mb(pid: int) -> float:
    """VmHWM (peak resident set size) of a process, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmHWM for pid {pid}")


def training_seconds() -> float:
    """Wall-clock seconds of a full `rasa train` into a temporary directory (deleted after)."""
    with tempfile.TemporaryDirectory(prefix="incasso-bench-train-") as out:
        log = Path(out) / "train.log"
        command = [sys.executable, "-m", "rasa", "train", "--config", "config.yml",
                   "--domain", "bot/domain.yml", "--data", "bot/data", "--out", out,
                   "--fixed-model-name", "bench", "--force"]
        started = time.perf_counter()
        with log.open("w") as handle:
            code = subprocess.call(command, cwd=ROOT, env=service_env(), stdout=handle,
                                   stderr=subprocess.STDOUT)
        elapsed = time.perf_counter() - started
        if code != 0:
            tail = "\n".join(log.read_text(errors="replace").splitlines()[-20:])
            raise RuntimeError(f"rasa train failed with exit code {code}:\n{tail}")
    return elapsed


def ensure_ports_free(*ports: int) -> None:
    """Refuse to run when something already listens on a benchmark port."""
    for port in ports:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                raise SystemExit(f"port {port} is in use; stop whatever runs there first")


def machine_info(model: Path) -> dict[str, str]:
    """Date, CPUs, Python, Rasa, spaCy pipeline kind and model file for the report header."""
    kind = json.loads(SPACY_META.read_text()).get("kind", "?") if SPACY_META.exists() else "missing"
    return {"date": dt.datetime.now().astimezone().isoformat(sep=" ", timespec="seconds"),
            "cpus": str(len(os.sched_getaffinity(0))), "python": platform.python_version(),
            "rasa": version("rasa"), "spacy_pipeline": kind,
            "model": str(model.relative_to(ROOT) if model.is_relative_to(ROOT) else model)}


def run_server_benchmarks(model: Path, holdout: list[tuple[str, str]], messages: int,
                          collector_holdout: list[tuple[str, str]],
                          blind: dict[str, list[tuple[str, str]]]) -> dict:
    """Start the servers (INCASSO_TODAY pinned) and measure NLU, entities, latency, memory."""
    reference, entity_examples = load_entity_holdout()
    os.environ["INCASSO_TODAY"] = reference.isoformat()
    ensure_ports_free(RASA_PORT, ACTION_PORT)
    # The benchmark's calls go to a scratch database, not to the user's build/incasso.sqlite3.
    scratch = Path(tempfile.mkdtemp(prefix="incasso-bench-"))
    # Rasa's HTTP API (for /model/parse) is on only with a token: a fresh one per run.
    services = Services(rasa_port=RASA_PORT, action_port=ACTION_PORT, model=model,
                        env={"INCASSO_DATABASE_URL": f"sqlite:///{scratch / 'bench.sqlite3'}",
                             API_TOKEN_ENV: secrets.token_urlsafe(32)})
    texts = [text for text, _ in holdout]
    try:
        services.start()
        # The coach's doors want a login: a collector for the pane, a REST token for the API.
        login = ("bench", secrets.token_urlsafe(16))
        access = Access(Storage.at(services.env["INCASSO_DATABASE_URL"]))
        access.accounts.add(login[0], "collector", login[1], "Bench")
        rest_token = access.tokens.add("bench-rest", "rest", dt.datetime.now())
        with requests.Session() as session:
            session.headers["Authorization"] = f"Bearer {rest_token}"
            rasa = rasa_scores(session, services, holdout)
            speakers = {DEBTOR: speaker_scores(session, services, holdout, DEBTOR),
                        COLLECTOR: speaker_scores(session, services, collector_holdout, COLLECTOR)}
            blind_scores = {name: speaker_scores(session, services, lines, DEBTOR)
                            for name, lines in blind.items()}
            entities = entity_scores(session, services, entity_examples)
            parse_only = latency_parse(session, services, texts, messages)
            end_to_end = latency_end_to_end(session, services, texts, messages)
        pane = Latency(*pane_latency(services.rasa_url, texts, messages, login))
        actions, rasa_process = services.processes
        memory = {"rasa": peak_rss_mb(rasa_process.pid), "actions": peak_rss_mb(actions.pid)}
    finally:
        services.stop()
    return {"rasa": rasa, "speakers": speakers, "blind_scores": blind_scores,
            "entities": entities, "reference_date": reference,
            "parse": parse_only, "e2e": end_to_end, "pane": pane, "memory": memory}


def main(argv: list[str] | None = None) -> int:
    """Run every benchmark, write the Markdown report and print a summary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-train", action="store_true", help="do not time a training run")
    parser.add_argument("--messages", type=int, default=200,
                        help="measured requests per latency run (also pane submissions)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md")
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "incassocoach.tar.gz")
    args = parser.parse_args(argv)
    os.chdir(ROOT)
    model = args.model.resolve()
    if not model.exists():
        raise SystemExit(f"no trained model at {model}; run `make train` or pass --model")

    train = load_training_examples()
    holdout = load_nlu_examples([HOLDOUT])
    collector_holdout = load_nlu_examples([COLLECTOR_HOLDOUT])
    info = machine_info(model)
    train_s = None if args.skip_train else training_seconds()
    blind = blind_sets(train, sorted(ROOT.glob(BLIND_GLOB)))
    fitted = baseline_model(train)  # once, for every held-out set below
    baseline = baseline_scores(fitted, holdout)
    measured = run_server_benchmarks(model, holdout, args.messages, collector_holdout, blind)
    baseline_speakers = {DEBTOR: baseline_speaker_scores(fitted, holdout, DEBTOR),
                         COLLECTOR: baseline_speaker_scores(fitted, collector_holdout,
                                                            COLLECTOR)}
    baseline_blind = {name: baseline_speaker_scores(fitted, lines, DEBTOR)
                      for name, lines in blind.items()}
    truth = [intent for _, intent in holdout]
    results = dict(measured, info=info, train=train, holdout=holdout, baseline=baseline,
                   collector_holdout=collector_holdout, baseline_speakers=baseline_speakers,
                   blind=blind, baseline_blind=baseline_blind,
                   train_seconds=train_s, warmup=WARMUP, senders=SENDERS,
                   confusions=top_confusions(truth, measured["rasa"].predictions),
                   fallbacks=measured["rasa"].predictions.count(FALLBACK))
    report, summary = render(results)
    sections = kept_sections(args.out)  # the scale and scorecard figures stay as they are
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report, encoding="utf-8")
    restore_sections(sections, args.out)
    print(summary)
    print(f"Report written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
