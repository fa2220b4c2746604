"""The live suggestion pane: a Rasa input channel that serves the page and its JSON API.

It runs inside the Rasa server (http://127.0.0.1:5005/webhooks/pane/), so the pane needs
no process or port of its own, and every line the collector types or a speech-to-text tool
pushes goes through the same NLU, rules and actions as the REST channel. Python here only
routes and validates; the advice comes from bot.coach through the actions, and the page
renders the `custom` payloads as they are.

Open pages receive the lines and advice of their call as Server-Sent Events. Calls and
their events are kept in memory, like Rasa's own in-memory tracker store: a restart of
the server ends all calls.
"""
from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import uuid
from collections import OrderedDict
from dataclasses import dataclass, field
from decimal import Decimal
from functools import wraps
from pathlib import Path
from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from rasa.shared.core.events import SlotSet
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.coach.call import Agreement, CallState
from bot.coach.case_store import default_store
from bot.coach.clock import today
from bot.coach.formatting import long_date
from bot.coach.money import euros
from bot.coach.playbook import default_playbook
from bot.coach.roleplay.trainer import Trainer
from bot.coach.roleplay.transcript import TranscriptError, parse_transcript
from bot.coach.roleplay.turns import entities_from_rasa
from bot.nlu.dutch_values import parse_amount
from bot.nlu.speaker_intents import best_intent

logger = logging.getLogger(__name__)

WEB = Path(__file__).resolve().parents[1] / "web"
ASSETS = {"pane.js": "text/javascript; charset=utf-8", "pane.css": "text/css; charset=utf-8",
          "favicon.svg": "image/svg+xml"}
# The page loads only its own files; injected markup could not run scripts even if it
# were ever rendered as HTML (it is not: the page uses textContent).
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; "
                               "connect-src 'self'; img-src 'self'; base-uri 'none'; "
                               "form-action 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache"}
CALL_STATE_SLOT = "call_state"
SPEAKERS = ("debiteur", "incasseerder")
MAX_TEXT_CHARS = 2000  # about two minutes of speech; a longer paste is a mistake
MAX_REF_CHARS = 64
MAX_CALLS = 100  # the oldest calls without an open page are forgotten beyond this
MAX_EVENTS_PER_CALL = 300
HEARTBEAT_SECONDS = 15.0
EXAMPLE_LINE = '{"speaker": "debiteur", "text": "De boekhouder is op vakantie."}'
MAX_TRAININGS = 100  # open role-plays of the Training tab kept; the oldest are forgotten
MAX_TRANSCRIPT_CHARS = 100_000
MAX_NAME_CHARS = 60


class PaneError(Exception):
    """A request the pane cannot serve; ``message`` is the Dutch text for the user."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class PaneCall:
    """One call as the pane sees it: the brief, the events so far and the open pages."""
    call_id: str
    case_id: str
    brief: dict
    events: list[dict] = field(default_factory=list)
    subscribers: set[asyncio.Queue] = field(default_factory=set)
    last_event_id: int = 0

    def publish(self, event: dict) -> dict:
        """Number the event, keep it for pages that (re)connect, and push it to open pages."""
        self.last_event_id += 1
        event = {"id": self.last_event_id, "time": dt.datetime.now().strftime("%H:%M:%S"), **event}
        self.events = (self.events + [event])[-MAX_EVENTS_PER_CALL:]
        for queue in self.subscribers:
            queue.put_nowait(event)
        return event

    def events_after(self, event_id: int) -> list[dict]:
        return [e for e in self.events if e["id"] > event_id]

    def summary(self) -> dict:
        return {"call_id": self.call_id, "case_id": self.case_id, "brief": self.brief,
                "events": self.events}


class CallRegistry:
    """The pane's open calls by call id (= Rasa sender id), newest last."""

    def __init__(self) -> None:
        self.calls: OrderedDict[str, PaneCall] = OrderedDict()

    def open(self, call_id: str, case_id: str, brief: dict) -> PaneCall:
        call = PaneCall(call_id=call_id, case_id=case_id, brief=brief)
        self.calls[call_id] = call
        idle = [c for c in self.calls.values() if not c.subscribers and c is not call]
        for old in idle[:max(0, len(self.calls) - MAX_CALLS)]:
            del self.calls[old.call_id]
        return call

    def get(self, call_id: str) -> PaneCall:
        call = self.calls.get(call_id)
        if call is None:
            raise PaneError(404, f"Gesprek '{call_id[:40]}' is niet bekend of niet meer open. "
                                 "Start een gesprek in het paneel of met POST /webhooks/pane/calls.")
        return call

    def latest_for_case(self, case_id: str) -> PaneCall:
        for call in reversed(self.calls.values()):
            if call.case_id.upper() == case_id.strip().upper():
                return call
        raise PaneError(404, f"Er is geen open gesprek voor dossier '{case_id[:40]}'. "
                             "Start het gesprek eerst in het paneel.")

    def close_streams(self) -> None:
        """Ends every event stream, so the server stops without waiting for open pages."""
        for call in self.calls.values():
            for queue in call.subscribers:
                queue.put_nowait(None)


def json_body(request: Request) -> dict:
    """The request's JSON object, or a PaneError that says what is wrong with it."""
    if not (request.content_type or "").startswith("application/json"):
        raise PaneError(415, "Stuur de gegevens als JSON, met de header "
                             "'Content-Type: application/json'.")
    try:
        body = json.loads(request.body or b"")
    except (ValueError, UnicodeDecodeError):
        raise PaneError(400, "De aanvraag is geen geldige JSON. Stuur bijvoorbeeld "
                             f"{EXAMPLE_LINE}.") from None
    if not isinstance(body, dict):
        raise PaneError(400, f"Verwacht een JSON-object, bijvoorbeeld {EXAMPLE_LINE}.")
    return body


def spoken_text(body: dict) -> str:
    """The utterance from a request, checked; a leading '/' is dropped, because speech is
    never a Rasa command (a pasted '/end_call' must not end the call)."""
    text = body.get("text")
    if not isinstance(text, str):
        raise PaneError(400, "Het veld \"text\" ontbreekt of is geen tekst.")
    text = text.strip().lstrip("/").strip()
    if not text:
        raise PaneError(400, default_playbook().messages["empty_message"])
    if len(text) > MAX_TEXT_CHARS:
        raise PaneError(413, f"De tekst is te lang ({_thousands(len(text))} tekens; maximaal "
                             f"{_thousands(MAX_TEXT_CHARS)}). Stuur alleen wat er net gezegd is, "
                             "zo nodig in kortere stukken.")
    return text


def _thousands(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def client_ref(body: dict) -> str | None:
    """The sender's own reference for a line, echoed in its event (the page matches its
    pending card with it)."""
    ref = body.get("ref")
    return ref[:MAX_REF_CHARS] if isinstance(ref, str) and ref else None


def corrected_agreements(rows: object, first_day: dt.date) -> list[Agreement]:
    """The collector's corrected list of payments as agreements, one per row."""
    if not isinstance(rows, list):
        raise PaneError(400, "Verwacht \"agreements\": een lijst met afspraken, bijvoorbeeld "
                             '[{"date": "2026-11-27", "amount": "1.250,50"}].')
    agreements: list[Agreement] = []
    for number, row in enumerate(rows, start=1):
        if not isinstance(row, dict):
            raise PaneError(400, f"Afspraak {number} is geen object met datum en bedrag.")
        try:
            date = dt.date.fromisoformat(str(row.get("date") or ""))
        except ValueError:
            raise PaneError(400, f"Afspraak {number}: vul een geldige datum in.") from None
        if date < first_day:
            raise PaneError(400, f"Afspraak {number}: {long_date(date)} ligt in het verleden.")
        amount = _amount(row.get("amount"), number)
        if any(a.date == date for a in agreements):
            raise PaneError(400, f"Er staan twee afspraken op {long_date(date)}. Voeg ze samen "
                                 "tot één bedrag.")
        agreements.append(Agreement(date, amount, str(row.get("text") or "")[:300] or
                                    "Afspraak toegevoegd door de incasseerder",
                                    "proposal" if row.get("source") == "proposal" else "debtor"))
    return sorted(agreements, key=lambda a: a.date)


def _amount(value: object, number: int) -> Decimal | None:
    """A row's amount: a JSON number or Dutch notation ("1.250,50"); empty means unknown."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        parsed = parse_amount(value) if isinstance(value, str) else value
    except ArithmeticError:  # parse_amount("NaN") raises instead of returning None
        parsed = None
    if isinstance(parsed, bool) or not isinstance(parsed, (int, float)) or not 0 < parsed < 10**9:
        raise PaneError(400, f"Afspraak {number}: '{str(value)[:20]}' is geen geldig bedrag; "
                             "gebruik bijvoorbeeld 1.250,50.")  # also NaN and Infinity
    return euros(parsed)


_trainer: Trainer | None = None


def trainer() -> Trainer:
    """The role-play trainer, loaded once (scenarios and case store) for the Training tab."""
    global _trainer
    if _trainer is None:
        _trainer = Trainer()
    return _trainer


def optional_text(body: dict, key: str, what: str, limit: int = MAX_NAME_CHARS) -> str:
    """A short optional text field, trimmed ("" when absent)."""
    value = body.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise PaneError(400, f"Het veld \"{key}\" ({what}) moet tekst zijn.")
    value = " ".join(value.split())
    if len(value) > limit:
        raise PaneError(400, f"{what[:1].upper()}{what[1:]} is te lang (maximaal {limit} tekens).")
    return value


def roleplay_payload(payloads: list[dict], wanted: str) -> dict:
    """The payload of type ``wanted`` from the role-play actions, or their Dutch error as a
    PaneError (409 for a role-play that cannot go on, 503 when the coach did not answer)."""
    found = next((p for p in payloads if p.get("type") == wanted), None)
    if found is not None:
        return found
    error = next((p for p in payloads if p.get("type") == "error"), payloads[0])
    status = 503 if error.get("code") == "service_unavailable" else 409
    raise PaneError(status, error.get("message") or "De coach gaf geen antwoord op het rollenspel.")


def served(handler: Callable[..., Awaitable[HTTPResponse]]) -> Callable[..., Awaitable[HTTPResponse]]:
    """Every pane endpoint answers JSON: {"error": "..."} with a 4xx for bad requests, and
    a 500 with a Dutch message (logged) instead of a stack trace."""

    @wraps(handler)
    async def answer(request: Request, *args: Any, **kwargs: Any) -> HTTPResponse:
        try:
            return await handler(request, *args, **kwargs)
        except PaneError as err:
            return response.json({"error": err.message}, status=err.status)
        except Exception:  # noqa: BLE001 - the page shows a message instead of breaking
            logger.exception("Pane request %s failed", request.path)
            return response.json({"error": "Er ging iets mis in de coach. Probeer het opnieuw; "
                                           "uw gesprek blijft bewaard."}, status=500)

    return answer


def sse(event: dict) -> str:
    return f"id: {event['id']}\ndata: {json.dumps(event, ensure_ascii=False)}\n\n"


class PaneInput(InputChannel):
    """GET /webhooks/pane/ is the page; the rest is the JSON API it and other tools use."""

    @classmethod
    def name(cls) -> str:
        return "pane"

    def __init__(self) -> None:
        self.calls = CallRegistry()
        self.trainings: OrderedDict[str, str] = OrderedDict()  # session id (sender) → trainee

    def training(self, session_id: str) -> str:
        if session_id not in self.trainings:
            raise PaneError(404, "Dit rollenspel is niet bekend of niet meer open. Start een "
                                 "nieuw rollenspel in het tabblad Training.")
        return session_id

    async def _ask(self, on_new_message: Callable[[UserMessage], Awaitable[None]],
                   call_id: str, text: str) -> list[dict]:
        """Rasa's `custom` payloads for one message; an error payload when none came."""
        output = CollectingOutputChannel()
        try:
            await on_new_message(UserMessage(text, output, call_id, input_channel=self.name()))
        except Exception:  # noqa: BLE001 - reported to the page below
            logger.exception("Handling a pane message failed")
        payloads = [m["custom"] for m in output.messages if m.get("custom")]
        if not payloads:
            message = default_playbook().messages["service_unavailable"]
            payloads = [{"type": "error", "code": "service_unavailable", "message": message}]
        return payloads

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        pane = Blueprint("incassocoach_pane", __name__)
        calls = self.calls

        @pane.route("/", methods=["GET"])
        async def page(request: Request) -> HTTPResponse:
            if not request.path.endswith("/"):  # the page loads its files relative to the slash
                return response.redirect(request.path + "/")
            return await response.file(WEB / "index.html", headers=SECURITY_HEADERS,
                                       mime_type="text/html; charset=utf-8")

        @pane.route("/<asset:(pane\\.js|pane\\.css|favicon\\.svg)>", methods=["GET"])
        async def asset(request: Request, asset: str) -> HTTPResponse:
            return await response.file(WEB / asset, headers=SECURITY_HEADERS,
                                       mime_type=ASSETS[asset])

        @pane.route("/cases", methods=["GET"])
        @served
        async def search_cases(request: Request) -> HTTPResponse:
            rows = default_store().search(request.args.get("q", "")[:100])
            return response.json({"cases": [{"id": i, "company": c, "contact": p}
                                            for i, c, p in rows]})

        @pane.route("/calls", methods=["POST"])
        @served
        async def start_call(request: Request) -> HTTPResponse:
            case_id = json_body(request).get("case_id")
            if not isinstance(case_id, str) or not case_id.strip():
                raise PaneError(400, "Kies eerst een dossier: het veld \"case_id\" ontbreekt.")
            call_id = f"pane-{uuid.uuid4().hex[:12]}"  # also the Rasa sender id
            payloads = await self._ask(on_new_message, call_id,
                                       "/start_call" + json.dumps({"case_id": case_id.strip()}))
            brief = next((p for p in payloads if p.get("type") == "brief"), None)
            if brief is None:
                error = payloads[0]
                status = 404 if error.get("code") == "unknown_case" else 503
                raise PaneError(status, error.get("message") or "Het gesprek kon niet starten.")
            call = calls.open(call_id, brief["case_id"], brief)
            return response.json(call.summary(), status=201)

        @pane.route("/calls/<call_id>", methods=["GET"])
        @served
        async def call_details(request: Request, call_id: str) -> HTTPResponse:
            return response.json(calls.get(call_id).summary())

        async def add_line(request: Request, call: PaneCall) -> HTTPResponse:
            body = json_body(request)
            speaker = body.get("speaker")
            if speaker not in SPEAKERS:
                raise PaneError(400, f"Onbekende spreker '{str(speaker)[:30]}': gebruik "
                                     "\"debiteur\" of \"incasseerder\".")
            text = spoken_text(body)
            payloads = (await self._ask(on_new_message, call.call_id, text)
                        if speaker == "debiteur" else [])
            return response.json(call.publish({"kind": "line", "speaker": speaker, "text": text,
                                               "ref": client_ref(body), "payloads": payloads}))

        @pane.route("/calls/<call_id>/transcript", methods=["POST"])
        @served
        async def transcript_for_call(request: Request, call_id: str) -> HTTPResponse:
            return await add_line(request, calls.get(call_id))

        @pane.route("/cases/<case_id>/transcript", methods=["POST"])
        @served
        async def transcript_for_case(request: Request, case_id: str) -> HTTPResponse:
            return await add_line(request, calls.latest_for_case(case_id))

        @pane.route("/calls/<call_id>/end", methods=["POST"])
        @served
        async def end_call(request: Request, call_id: str) -> HTTPResponse:
            call = calls.get(call_id)
            payloads = await self._ask(on_new_message, call_id, "/end_call")
            return response.json(call.publish({"kind": "summary", "payloads": payloads}))

        @pane.route("/calls/<call_id>/agreements", methods=["PUT"])
        @served
        async def correct_agreements(request: Request, call_id: str) -> HTTPResponse:
            call = calls.get(call_id)
            agreements = corrected_agreements(json_body(request).get("agreements"), today())
            agent = request.app.ctx.agent
            async with agent.lock_store.lock(call_id):
                tracker = await agent.tracker_store.retrieve(call_id)
                if tracker is None:
                    raise PaneError(404, "Dit gesprek is niet meer bekend bij de coach. "
                                         "Start het gesprek opnieuw.")
                state = CallState.from_dict(tracker.get_slot(CALL_STATE_SLOT))
                state.agreements = agreements
                tracker.update(SlotSet(CALL_STATE_SLOT, state.to_dict()))
                await agent.tracker_store.save(tracker)
            return response.json(call.publish({
                "kind": "agreements", "agreements": [a.to_dict() for a in agreements]}))

        @pane.route("/calls/<call_id>/events", methods=["GET"])
        async def events(request: Request, call_id: str) -> HTTPResponse | None:
            try:
                call = calls.get(call_id)
            except PaneError as err:
                return response.json({"error": err.message}, status=err.status)
            # A reconnecting EventSource says what it has seen; a new page says which events
            # it already fetched with GET /calls/<id>.
            seen = request.headers.get("last-event-id") or request.args.get("after", "")
            sent = int(seen) if seen.isdigit() else call.last_event_id
            queue: asyncio.Queue = asyncio.Queue()
            call.subscribers.add(queue)
            try:
                stream = await request.respond(
                    content_type="text/event-stream; charset=utf-8",
                    headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})
                await stream.send("retry: 2000\n\n")
                for event in call.events_after(sent):
                    await stream.send(sse(event))
                    sent = event["id"]
                while True:
                    try:
                        event = await asyncio.wait_for(queue.get(), HEARTBEAT_SECONDS)
                    except asyncio.TimeoutError:
                        await stream.send(": hartslag\n\n")
                        continue
                    if event is None:
                        break
                    if event["id"] > sent:
                        await stream.send(sse(event))
                        sent = event["id"]
                await stream.send(end_stream=True)
            finally:
                call.subscribers.discard(queue)
            return None

        # ---- the Training tab: role-play through the role-play actions, transcript scoring,
        # ---- a trainee's history. Scoring itself is all in bot.coach.roleplay.

        @pane.route("/training/scenarios", methods=["GET"])
        @served
        async def training_scenarios(request: Request) -> HTTPResponse:
            return response.json({"scenarios": [{"id": s.id, "title": s.title, "case_id": s.case_id}
                                                for s in trainer().scenarios.values()]})

        @pane.route("/training/start", methods=["POST"])
        @served
        async def training_start(request: Request) -> HTTPResponse:
            body = json_body(request)
            scenario = optional_text(body, "scenario", "het scenario")
            trainee = optional_text(body, "trainee", "de naam van de trainee")
            if not scenario:
                raise PaneError(400, "Kies eerst een scenario.")
            if not trainee:
                raise PaneError(400, "Vul de naam van de trainee in, dan bewaar ik de scores.")
            session_id = f"training-{uuid.uuid4().hex[:12]}"  # also the Rasa sender id
            command = "/start_roleplay" + json.dumps(
                {"scenario": scenario, "trainee": trainee, "hints": body.get("hints") is True})
            briefing = roleplay_payload(await self._ask(on_new_message, session_id, command),
                                        "roleplay_start")
            self.trainings[session_id] = trainee
            while len(self.trainings) > MAX_TRAININGS:
                self.trainings.popitem(last=False)
            return response.json({"session_id": session_id, "briefing": briefing}, status=201)

        @pane.route("/training/<session_id>/say", methods=["POST"])
        @served
        async def training_say(request: Request, session_id: str) -> HTTPResponse:
            self.training(session_id)
            text = spoken_text(json_body(request))  # a leading '/' is dropped: no commands
            payloads = await self._ask(on_new_message, session_id, text)
            if any(p.get("type") == "error" for p in payloads):
                roleplay_payload(payloads, "roleplay_turn")  # raises the coach's Dutch error
            return response.json({"text": text, "payloads": payloads})  # turn, or "anders zeggen"

        @pane.route("/training/<session_id>/end", methods=["POST"])
        @served
        async def training_end(request: Request, session_id: str) -> HTTPResponse:
            self.training(session_id)
            card = roleplay_payload(await self._ask(on_new_message, session_id, "/end_roleplay"),
                                    "scorecard")
            self.trainings.pop(session_id, None)  # ended: further lines are not role-play
            return response.json(card)

        @pane.route("/training/transcript", methods=["POST"])
        @served
        async def training_transcript(request: Request) -> HTTPResponse:
            body = json_body(request)
            text = body.get("text")
            if not isinstance(text, str) or not text.strip():
                raise PaneError(400, "Plak eerst een transcript: regels die beginnen met "
                                     "'Incasseerder:' of 'Debiteur:'.")
            if len(text) > MAX_TRANSCRIPT_CHARS:
                raise PaneError(413, f"Het transcript is te lang ({_thousands(len(text))} tekens; "
                                     f"maximaal {_thousands(MAX_TRANSCRIPT_CHARS)}).")
            trainee = optional_text(body, "trainee", "de naam van de trainee")
            case_id = optional_text(body, "case_id", "het dossiernummer", 40).upper()
            if case_id and default_store().get(case_id) is None:
                raise PaneError(404, f"Dossier '{case_id}' bestaat niet. Laat het veld leeg of "
                                     "kies een bestaand dossier, bijvoorbeeld DEMO-1.")
            try:
                lines = parse_transcript(text)
            except TranscriptError as err:
                raise PaneError(400, str(err)) from None
            # The running model classifies every line once (async); the trainer asks for them.
            agent = request.app.ctx.agent
            parses = {line.text: await agent.parse_message(line.text) for line in lines}

            def classify(line: str, speaker: str) -> tuple[str, dict[str, list]]:
                parse = parses[line]
                return best_intent(parse, speaker)[0], entities_from_rasa(parse.get("entities") or [])

            try:
                card, _ = trainer().score_transcript(text, classify, trainee or None,
                                                     case_id or None, today())
            except TranscriptError as err:
                raise PaneError(400, str(err)) from None
            return response.json({**card.to_payload(), "trainee": trainee or None,
                                  "case_id": case_id or None, "stored": bool(trainee)})

        @pane.route("/training/history", methods=["GET"])
        @served
        async def training_history(request: Request) -> HTTPResponse:
            trainee = " ".join(request.args.get("trainee", "").split())
            if not trainee:
                raise PaneError(400, "Vul de naam van een trainee in.")
            if len(trainee) > MAX_NAME_CHARS:
                raise PaneError(400, f"De naam is te lang (maximaal {MAX_NAME_CHARS} tekens).")
            titles = {s.id: s.title for s in trainer().scenarios.values()}
            titles["transcript"] = "Transcript van een echt gesprek"
            records = trainer().history.sessions(trainee)
            return response.json({"trainee": records[0].trainee if records else trainee,
                                  "sessions": [{"date": r.played_at.isoformat(timespec="minutes"),
                                                "scenario": r.scenario,
                                                "title": titles.get(r.scenario, r.scenario),
                                                "total": r.total} for r in records]})

        @pane.listener("before_server_stop")
        async def end_streams(*_: Any) -> None:
            calls.close_streams()

        return pane
