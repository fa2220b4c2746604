"""A call: its record, its timeline and what was agreed in it.

The one writer of call state. Every door (the Rasa actions behind REST, chat and the
terminal; the pane's own routes) goes through a CallService, which keeps the call in the
storage it is given, so a restart loses nothing and every door sees the same call.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.coach.advice import Advice, advise
from bot.coach.brief import Brief
from bot.coach.checklist import call_turns, check_mutable, checklist
from bot.coach.clock import now as current_time
from bot.coach.clock import today as current_day
from bot.coach.dossier import Dossier, UnknownCase
from bot.coach.errors import CoachError
from bot.coach.playbook import Playbook, default_playbook, fill
from bot.coach.recording import Recorder
from bot.coach.roleplay.scorecard import score
from bot.coach.roleplay.second_reading import trained_second_reading
from bot.coach.roleplay.turns import Turn
from bot.coach.stores import CallStore
from bot.coach.summary import summarise_call
from bot.coach.uncertainty import is_unsure, offered, unsure_payload, unsure_text

# Below this the NLU is guessing: ask to rephrase rather than show advice. Equal to the
# FallbackClassifier threshold in config.yml (a test checks they agree).
MIN_ADVICE_CONFIDENCE = 0.25
NOT_UNDERSTOOD = ("", "unknown", "nlu_fallback")

__all__ = ["Answer", "CallRecord", "CallService", "UnknownCall", "UnknownCase"]


@dataclass
class CallRecord:
    """One call as stored: ``state`` holds the offer on the table and the coach's last
    suggestions; the timeline of lines and advice is kept as events beside it."""
    id: str
    case_id: str | None
    collector: str
    started_at: dt.datetime
    brief: dict
    state: dict = field(default_factory=dict)
    ended_at: dt.datetime | None = None
    summary: dict | None = None
    owner: str = ""  # the account (or "token:<name>") that started it; "" before accounts

    @property
    def status(self) -> str:
        return "ended" if self.ended_at else "open"


@dataclass(frozen=True)
class Answer:
    """What a door shows: plain text (terminal, chat), the payload (pane, cards) and the
    events it added to the call's timeline."""
    text: str
    payload: dict
    events: tuple[dict, ...] = ()


class UnknownCall(CoachError, LookupError):
    """No call with this id."""


class CallService:
    def __init__(self, storage: CallStore, playbook: Playbook | None = None):
        self.storage = storage
        self.playbook = playbook or default_playbook()
        self.dossier = Dossier(storage, self.playbook)

    # ---- reading -------------------------------------------------------------------

    def call(self, call_id: str) -> CallRecord:
        record = self.storage.calls.get(call_id) if call_id else None
        if record is None:
            raise UnknownCall(fill(self.playbook.messages["unknown_call"],
                                   {"call_id": str(call_id)[:40]}))
        return record

    def latest_for_case(self, case_id: str) -> CallRecord:
        record = self.storage.calls.latest_for_case(case_id)
        if record is None:
            raise UnknownCall(fill(self.playbook.messages["no_call_for_case"],
                                   {"case_id": case_id[:40]}))
        return record

    def listing(self, owner: str | None = None, limit: int = 50) -> list[dict]:
        """The latest calls as a list shows them (one owner's, or all): with the
        scorecard's total once a call has ended."""
        rows = []
        for record in self.storage.calls.recent(owner, limit):
            events = self.storage.calls.events_after(record.id) if record.ended_at else []
            total = next((p.get("total") for e in reversed(events) if e["kind"] == "summary"
                          for p in e.get("payloads") or [] if p.get("type") == "scorecard"),
                         None)
            rows.append({"call_id": record.id, "case_id": record.case_id or "",
                         "title": record.brief.get("title") or "",
                         "collector": record.collector, "owner": record.owner,
                         "started_at": record.started_at.isoformat(timespec="minutes"),
                         "status": record.status, "score": total})
        return rows

    def snapshot(self, call_id: str, after: int = 0) -> dict:
        """The call as a page shows it: brief, events, agreements, offer and status."""
        record = self.call(call_id)
        return {"call_id": record.id, "case_id": record.case_id or "", "brief": record.brief,
                "collector": record.collector, "status": record.status,
                "events": self.storage.calls.events_after(record.id, after),
                "agreements": self._agreements(record), "offer": record.state.get("offer")}

    def _agreements(self, record: CallRecord) -> list[dict]:
        if not record.case_id:
            return []
        return self.recorder(record).agreements()

    def recorder(self, record: CallRecord, today: dt.date | None = None) -> Recorder:
        today = today or current_day()
        case = self.dossier.case(record.case_id)
        ledger = self.dossier.ledger(record.case_id, today) if case and record.case_id else None
        return Recorder(self.storage.promises, self.playbook, record, case, ledger, today)

    # ---- writing -------------------------------------------------------------------

    def start(self, call_id: str, case_id: str | None, collector: str = "",
              owner: str = "") -> tuple[Brief, CallRecord]:
        """A new call on ``case_id`` (or without a case); raises UnknownCase."""
        brief = self.dossier.brief(case_id, collector, current_day(), current_time())
        record = CallRecord(id=call_id, case_id=brief.case_id or None, collector=collector,
                            owner=owner, started_at=current_time(),
                            brief=brief.to_payload(), state={"offer": None, "suggestions": []})
        self.storage.calls.create(record)
        return brief, record

    def debtor_line(self, call_id: str, text: str, intent: str, confidence: float,
                    entities: dict, ref: str | None = None,
                    alternatives: Sequence[tuple[str, float]] = ()) -> Answer:
        """Advice on what the debtor said, and any agreement it makes; the line, the advice
        and any change in the agreements are added to the call's timeline. Unsure of the
        reading (``alternatives``: the debtor's intents, best first), the collector gets
        two choices instead (bot.coach.uncertainty) and nothing is recorded yet."""
        record = self.call(call_id)
        earlier = self.said_already(record.id, "debiteur", ref)
        if earlier is not None:
            payload = (earlier.get("payloads") or [{}])[0]
            return Answer(str(payload.get("message") or ""), payload, (earlier,))
        if intent in NOT_UNDERSTOOD or confidence < MIN_ADVICE_CONFIDENCE:
            message = self.playbook.messages["rephrase"]
            payload = {"type": "rephrase", "reason": "rephrase", "message": message}
            line = self.add_line(record.id, "debiteur", text, ref, payload)
            return Answer(message, payload, (line,))
        known = [(i, c) for i, c in alternatives if i in self.playbook.situations]
        if is_unsure(confidence, known):
            payload = unsure_payload(known, entities, self.playbook)
            line = self.add_line(record.id, "debiteur", text, ref, payload)
            return Answer(unsure_text(payload, self.playbook), payload, (line,))
        advice, changed = self._advise(record, text, intent, confidence, entities)
        payload = advice.to_payload()
        events = [self.add_line(record.id, "debiteur", text, ref, payload)]
        if changed is not None:
            events.append(self._agreements_event(record, *changed))
        return Answer(advice.to_text(), payload, tuple(events))

    def choose(self, call_id: str, line_id: int, intent: str) -> Answer:
        """The collector's reading of a line the coach was unsure of: its advice, as if the
        model had been sure, added as an "advice" event for that line (ChoiceError when
        the line offered no such choice)."""
        record = self.call(call_id)
        later = self.storage.calls.events_after(record.id, max(line_id - 1, 0))
        line = next((e for e in later if e["id"] == line_id), {})
        if any(e["kind"] == "advice" and e.get("line") == line_id for e in later):
            line = {}  # chosen once already: the advice is there
        offer = offered(line, intent, self.playbook)
        advice, changed = self._advise(record, line["text"], intent, 1.0, offer["entities"])
        payload = {**advice.to_payload(), "chosen": True}
        events = [self.storage.calls.add_event(record.id, "advice",
                                               {"line": line_id, "payloads": [payload]})]
        if changed is not None:
            events.append(self._agreements_event(record, *changed))
        return Answer(advice.to_text(), payload, tuple(events))

    def _advise(self, record: CallRecord, text: str, intent: str, confidence: float,
                entities: dict) -> tuple[Advice, tuple[list[str], list[dict]] | None]:
        """The advice for a debtor line read as ``intent``, after recording what it agrees
        (bot.coach.recording); with the warnings and agreements when those changed, for
        an agreements event after the line's."""
        today = current_day()
        recorder = self.recorder(record, today)
        outcome = recorder.debtor_said(text, intent, confidence, entities)
        agreements = self._agreements(record) if outcome.changed else recorder.agreements()
        advice = advise(intent, confidence, entities, recorder.case, today, self.playbook,
                        profile=recorder.profile,
                        opening=record.brief.get("opening"), notes=outcome.notes,
                        warnings=outcome.warnings, agreements=agreements)
        state = dict(record.state)
        if outcome.offer_used:
            state["offer"] = None
        if advice.proposals and intent not in ("affirm", "goodbye"):
            state["suggestions"] = [p.to_payload() for p in advice.proposals]
        self.storage.calls.save_state(record.id, state)
        return advice, (list(outcome.warnings), agreements) if outcome.changed else None

    def collector_line(self, call_id: str, text: str, ref: str | None = None,
                       acts: Sequence[tuple[str, str]] = ()) -> list[dict]:
        """What the collector said, as its acts: (sentence, collector_* move or "" when
        not known) in order (bot.coach.roleplay.acts). A concrete proposal in it (date,
        amount) goes on the table, so the debtor's "ja, prima" can accept exactly that;
        the live checklist follows every line."""
        record = self.call(call_id)
        earlier = self.said_already(record.id, "incasseerder", ref)
        if earlier is not None:
            return [earlier]
        offer = self.recorder(record).offer_from_collector(text)
        payloads = []
        if offer is not None:
            self.storage.calls.save_state(record.id, {**record.state, "offer": offer})
            payloads.append({"type": "offer", **offer})
        moment = current_time()
        said = [Turn.collector(sentence, intent, moment.date())
                for sentence, intent in (acts or [(text, "")])]
        payloads.append(self._checklist(record, said, moment))
        return [self.storage.calls.add_event(record.id, "line", {
            "speaker": "incasseerder", "text": text, "ref": ref,
            "acts": [{"text": t.text, "intent": t.intent, "entities": t.entities} for t in said],
            "payloads": payloads})]

    def _checklist(self, record: CallRecord, said: list[Turn], moment: dt.datetime) -> dict:
        events = self.storage.calls.events_after(record.id)
        turns = [*call_turns(events, moment.date()), *said]
        shown = {p["prompt"]["kind"] for e in events for p in e.get("payloads") or []
                 if p.get("type") == "checklist" and p.get("prompt")}
        return checklist(turns, self.dossier.case(record.case_id), moment,
                         self.playbook.checklist_rules, record.state.get("muted") or (), shown,
                         latest=len(said))

    def mute_prompt(self, call_id: str, kind: object) -> list[str]:
        """Stops prompts of ``kind`` for this call (ChecklistError for an unknown kind)."""
        record = self.call(call_id)
        muted = sorted({*(record.state.get("muted") or ()),
                        check_mutable(kind, self.playbook.messages)})
        self.storage.calls.save_state(record.id, {**record.state, "muted": muted})
        return muted

    def mark_offer(self, call_id: str, text: str, payments: object, kind: object = None) -> dict:
        """The collector marks one of the coach's proposals as said to the debtor."""
        record = self.call(call_id)
        offer = self.recorder(record).offer_from_pane(text, payments,
                                                      kind if isinstance(kind, str) else None)
        self.storage.calls.save_state(record.id, {**record.state, "offer": offer})
        return self.storage.calls.add_event(record.id, "offer", {"offer": offer})

    def replace_agreements(self, call_id: str, rows: object) -> dict:
        """The collector's corrected list of this call's payments (raises AgreementError)."""
        record = self.call(call_id)
        warnings = self.recorder(record).replace(rows)
        return self._agreements_event(record, warnings)

    def undo_agreement(self, call_id: str, promise_id: int) -> dict:
        record = self.call(call_id)
        self.recorder(record).undo(promise_id)
        return self._agreements_event(record, [])

    def end(self, call_id: str) -> Answer:
        """Summary, e-mail and follow-up of the call; the call stays readable afterwards."""
        record = self.call(call_id)
        today, now = current_day(), current_time()
        case = self.dossier.case(record.case_id)
        ledger = self.dossier.ledger(record.case_id, today) if case and record.case_id else None
        agreed = [s.promise for s in (ledger.states if ledger else ())
                  if s.promise.call_id == record.id and s.status == "open"]
        summary = summarise_call(agreed, case, today, self.playbook, self.dossier.settings,
                                 collector=record.collector,
                                 open_balance=ledger.balance if ledger else None, now=now)
        payload = summary.to_payload()
        # Every call is reviewed by the practice standard, not a sample: the scorecard goes
        # with the summary, for the collector and their manager.
        review = score(call_turns(self.storage.calls.events_after(record.id), today), case,
                       today, second_reading=trained_second_reading()).to_payload()
        self.storage.calls.end(record.id, now.replace(microsecond=0), payload)
        event = self.storage.calls.add_event(record.id, "summary",
                                             {"payloads": [payload, review]})
        return Answer(summary.to_text(), payload, (event,))

    def said_already(self, call_id: str, speaker: str, ref: str | None) -> dict | None:
        """The line a sender's ``ref`` was recorded as, when the same line comes again: a
        client that lost the answer (a replica died) sends it once more, and it is kept
        and answered once."""
        if not ref:
            return None
        return next((e for e in self.storage.calls.events_after(call_id)
                     if e["kind"] == "line" and e.get("speaker") == speaker
                     and e.get("ref") == ref), None)

    def add_line(self, call_id: str, speaker: str, text: str, ref: str | None,
                 *payloads: dict) -> dict:
        """Adds a line to the timeline as said (also when the coach could not answer it)."""
        return self.storage.calls.add_event(call_id, "line", {
            "speaker": speaker, "text": text, "ref": ref, "payloads": list(payloads)})

    def _agreements_event(self, record: CallRecord, warnings: list[str],
                          agreements: list[dict] | None = None) -> dict:
        """Tells open pages the call's agreements changed (``agreements`` when the caller
        has just read them)."""
        if agreements is None:
            agreements = self._agreements(record)
        return self.storage.calls.add_event(record.id, "agreements", {
            "agreements": agreements, "warnings": list(warnings)})
