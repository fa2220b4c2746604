"""The pane's call routes: cases, calls, lines, agreements, offers, the end of a call, the
follow-up list and payments. Thin: each route checks the request, calls the domain
(bot.coach) and wakes the call's open pages."""
from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Awaitable, Callable

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.pane.events import EventHub
from bot.channels.pane.validation import (
    PaneError,
    case_id_of,
    client_ref,
    json_body,
    optional_text,
    served,
    speaker_of,
    spoken_text,
)
from bot.coach.access import OWNER_KEY, Principal
from bot.coach.agreements import AgreementError
from bot.coach.calls import CallRecord, CallService, UnknownCall, UnknownCase
from bot.coach.checklist import ChecklistError
from bot.coach.clock import now, today
from bot.coach.payments import PaymentError, record_payment
from bot.coach.roleplay.acts import split_acts
from bot.coach.uncertainty import ChoiceError
from bot.nlu.speaker_intents import COLLECTOR, best_intent
from bot.wiring import access, storage

logger = logging.getLogger(__name__)

OTHERS_CALL = "Dit gesprek hoort bij een andere incasseerder."
MAX_SEEN_DIGITS = 9
MAX_LISTED_CALLS = 500  # an event id from a page; anything longer is not one of ours

OnMessage = Callable[[UserMessage], Awaitable[None]]


def _date_arg(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise PaneError(400, f"'{value[:20]}' is geen datum; gebruik JJJJ-MM-DD.") from None


def add_routes(pane: Blueprint, service: Callable[[], CallService], hub: EventHub,
               on_new_message: OnMessage, channel: str) -> None:
    """The call routes on ``pane``; ``service`` gives the call service of the database."""

    def own_call(request: Request, call_id: str) -> CallRecord:
        """The call, when the one asking may work in it (their own; a manager's any)."""
        try:
            record = service().call(call_id)
        except UnknownCall as err:
            raise PaneError(404, err.message) from None
        if not request.ctx.principal.owns(record.owner):
            raise PaneError(403, OTHERS_CALL)
        return record

    def call_or_404(request: Request, call_id: str) -> str:
        return own_call(request, call_id).id

    async def collector_move(request: Request, text: str) -> str:
        """The collector's move in one sentence, by the running model ("" when it cannot
        tell, or when the model is not there: the line is kept either way)."""
        try:
            parse = await request.app.ctx.agent.parse_message(text)
        except Exception:  # noqa: BLE001 - the checklist just does not tick for this line
            logger.exception("Reading a collector line failed")
            return ""
        intent = best_intent(parse, COLLECTOR)[0]
        return intent if intent.startswith("collector_") else ""

    def audit(request: Request, action: str, subject: str, detail: str = "") -> None:
        access().audit.record(request.ctx.principal.actor, action, subject, detail)

    async def advise(call_id: str, text: str, ref: str | None, principal: Principal) -> dict:
        """The debtor's line through Rasa (NLU, rules, the advice action, which records it);
        when Rasa or the action server fails, the line is still kept, with the error."""
        before = service().storage.calls.last_event_id(call_id)
        output = CollectingOutputChannel()
        try:
            await on_new_message(UserMessage(text, output, call_id, input_channel=channel,
                                             metadata={"ref": ref, OWNER_KEY: principal.actor}))
        except Exception:  # noqa: BLE001 - reported to the page below
            logger.exception("Handling a pane message failed")
        added = service().storage.calls.events_after(call_id, before)
        line = (next((e for e in added if e["kind"] == "line" and e.get("speaker") == "debiteur"
                      and e.get("text") == text and e.get("ref") == ref), None)
                or service().said_already(call_id, "debiteur", ref))
        if line is None:
            message = service().playbook.messages["service_unavailable"]
            line = service().add_line(call_id, "debiteur", text, ref, {
                "type": "error", "code": "service_unavailable", "message": message})
        return line

    @pane.route("/cases", methods=["GET"])
    @served
    async def search_cases(request: Request) -> HTTPResponse:
        rows = service().storage.cases.search(request.args.get("q", "")[:100])
        return response.json({"cases": [{"id": i, "company": c, "contact": p} for i, c, p in rows]})

    @pane.route("/calls", methods=["POST"])
    @served
    async def start_call(request: Request) -> HTTPResponse:
        body = json_body(request)
        case_id = case_id_of(body)
        principal = request.ctx.principal
        collector = (optional_text(body, "collector", "de naam van de incasseerder")
                     or principal.full_name)
        call_id = f"pane-{uuid.uuid4().hex[:12]}"  # also the Rasa sender id
        try:
            service().start(call_id, case_id, collector, principal.actor)
        except UnknownCase as err:
            raise PaneError(404, err.message) from None
        storage().owners.claim(call_id, principal.actor, now())
        audit(request, "case_opened", case_id, call_id)
        return response.json(service().snapshot(call_id), status=201)

    @pane.route("/calls", methods=["GET"])
    @served
    async def list_calls(request: Request) -> HTTPResponse:
        """The latest calls: a collector's own, every call for a manager (with its score)."""
        try:
            limit = min(max(int(request.args.get("limit", "50")), 1), MAX_LISTED_CALLS)
        except ValueError:
            raise PaneError(400, "'limit' moet een getal zijn.") from None
        principal = request.ctx.principal
        owner = None if principal.sees_everything else principal.actor
        return response.json({"calls": service().listing(owner, limit)})

    @pane.route("/calls/<call_id>", methods=["GET"])
    @served
    async def call_details(request: Request, call_id: str) -> HTTPResponse:
        record = own_call(request, call_id)
        if record.owner != request.ctx.principal.actor:
            audit(request, "call_viewed", record.case_id or "", record.id)
        return response.json(service().snapshot(record.id))

    async def add_line(request: Request, call_id: str) -> HTTPResponse:
        body = json_body(request)
        speaker, text, ref = speaker_of(body), spoken_text(body), client_ref(body)
        earlier = service().said_already(call_id, speaker, ref)
        if earlier is not None:  # sent again after a lost answer: kept and answered once
            return response.json(earlier)
        if speaker == "debiteur":
            event = await advise(call_id, text, ref, request.ctx.principal)
        else:
            acts = [(sentence, await collector_move(request, sentence))
                    for sentence in split_acts(text)]
            event = service().collector_line(call_id, text, ref, acts)[0]
        await hub.notify(call_id)
        return response.json(event)

    @pane.route("/calls/<call_id>/transcript", methods=["POST"])
    @served
    async def transcript_for_call(request: Request, call_id: str) -> HTTPResponse:
        return await add_line(request, call_or_404(request, call_id))

    @pane.route("/cases/<case_id>/transcript", methods=["POST"])
    @served
    async def transcript_for_case(request: Request, case_id: str) -> HTTPResponse:
        try:
            record = service().latest_for_case(case_id)
        except UnknownCall as err:
            raise PaneError(404, err.message) from None
        return await add_line(request, own_call(request, record.id).id)

    @pane.route("/calls/<call_id>/lines/<line_id:int>/choice", methods=["POST"])
    @served
    async def choose_reading(request: Request, call_id: str, line_id: int) -> HTTPResponse:
        """The collector picks one of the two readings the coach offered for a line."""
        call_or_404(request, call_id)
        intent = json_body(request).get("intent")
        try:
            answer = service().choose(call_id, line_id, str(intent or "")[:64])
        except ChoiceError as err:
            raise PaneError(409, err.message) from None
        await hub.notify(call_id)
        return response.json(answer.events[0])

    @pane.route("/calls/<call_id>/prompts/mute", methods=["POST"])
    @served
    async def mute_prompt(request: Request, call_id: str) -> HTTPResponse:
        """No more prompts of this kind in this call (the checklist keeps ticking)."""
        call_or_404(request, call_id)
        try:
            muted = service().mute_prompt(call_id, json_body(request).get("kind"))
        except ChecklistError as err:
            raise PaneError(400, err.message) from None
        return response.json({"muted": muted})

    @pane.route("/calls/<call_id>/end", methods=["POST"])
    @served
    async def end_call(request: Request, call_id: str) -> HTTPResponse:
        answer = service().end(call_or_404(request, call_id))
        await hub.notify(call_id)
        return response.json(answer.events[0])

    @pane.route("/calls/<call_id>/agreements", methods=["PUT"])
    @served
    async def correct_agreements(request: Request, call_id: str) -> HTTPResponse:
        record = own_call(request, call_id)
        try:
            event = service().replace_agreements(call_id, json_body(request).get("agreements"))
        except AgreementError as err:
            raise PaneError(400, err.message) from None
        audit(request, "agreements_changed", record.case_id or "", _agreement_detail(event))
        await hub.notify(call_id)
        return response.json(event)

    @pane.route("/calls/<call_id>/agreements/<agreement_id:int>", methods=["DELETE"])
    @served
    async def undo_agreement(request: Request, call_id: str, agreement_id: int) -> HTTPResponse:
        record = own_call(request, call_id)
        try:
            event = service().undo_agreement(call_id, agreement_id)
        except AgreementError as err:
            raise PaneError(404, err.message) from None
        audit(request, "agreement_undone", record.case_id or "", f"{call_id} #{agreement_id}")
        await hub.notify(call_id)
        return response.json(event)

    @pane.route("/calls/<call_id>/offer", methods=["POST"])
    @served
    async def mark_offer(request: Request, call_id: str) -> HTTPResponse:
        call_or_404(request, call_id)
        body = json_body(request)
        try:
            event = service().mark_offer(call_id, optional_text(body, "text", "de tekst", 300),
                                         body.get("payments"), body.get("kind"))
        except AgreementError as err:
            raise PaneError(400, err.message) from None
        await hub.notify(call_id)
        return response.json(event)

    @pane.route("/calls/<call_id>/events", methods=["GET"])
    async def events(request: Request, call_id: str) -> HTTPResponse | None:
        try:
            call_or_404(request, call_id)
        except PaneError as err:
            return response.json({"error": err.message}, status=err.status)
        # A reconnecting EventSource says what it has seen; a new page says which events
        # it already fetched with GET /calls/<id>.
        seen = request.headers.get("last-event-id") or request.args.get("after", "")
        sent = (int(seen) if seen.isascii() and seen.isdigit() and len(seen) <= MAX_SEEN_DIGITS
                else service().storage.calls.last_event_id(call_id))
        await hub.stream(request, call_id, sent,
                         lambda after: service().storage.calls.events_after(call_id, after))
        return None

    @pane.route("/followups", methods=["GET"])
    @served
    async def followups(request: Request) -> HTTPResponse:
        on = _date_arg(request.args.get("on", "")) if request.args.get("on") else today()
        items = service().dossier.followups(on)
        principal = request.ctx.principal
        if not principal.sees_everything:  # a collector's own calls; a manager the team's
            mine = {c.id for c in service().storage.calls.for_cases() if c.owner == principal.actor}
            items = [i for i in items if i.call_id in mine]
        return response.json({"date": on.isoformat(), "items": [i.to_payload() for i in items]})

    @pane.route("/cases/<case_id>/payments", methods=["POST"])
    @served
    async def add_payment(request: Request, case_id: str) -> HTTPResponse:
        body = json_body(request)
        try:
            payment, states = record_payment(service(), case_id, body.get("amount"),
                                             body.get("date"), body.get("reference"))
        except PaymentError as err:
            raise PaneError(err.status, err.message) from None
        audit(request, "payment_booked", case_id,
              f"{payment.get('amount')} op {payment.get('date')}")
        return response.json({"payment": payment, "promises": states}, status=201)


def _agreement_detail(event: dict) -> str:
    """The agreements after a change, as the audit log keeps them: "2026-12-11 500.00; …"."""
    rows = event.get("agreements") or []
    return "; ".join(f"{r.get('date')} {r.get('amount')}" for r in rows if isinstance(r, dict))
