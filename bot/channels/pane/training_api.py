"""The Training tab's routes: role-play through the role-play actions, transcript scoring,
a trainee's history and a practice scenario made from a real call. Scoring and building
are all in bot.coach.roleplay."""
from __future__ import annotations

import asyncio
import logging
import uuid
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Iterable

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.commands import (
    END_ROLEPLAY,
    MAX_TEXT_CHARS,
    clean,
    said,
    start_roleplay,
    thousands,
)
from bot.channels.pane.validation import (
    MAX_NAME_CHARS,
    PaneError,
    json_body,
    optional_text,
    served,
    spoken_text,
)
from bot.coach.access import Area
from bot.coach.clock import now, today
from bot.coach.playbook import default_playbook
from bot.coach.roleplay.assignments import AssignmentError, Assignments
from bot.coach.roleplay.from_transcript import (
    FromTranscriptError,
    build_scenario,
    classified_texts,
    debtor_lines,
    find_case,
)
from bot.coach.roleplay.proficiency import proficiency
from bot.coach.roleplay.trainer import Trainer
from bot.coach.roleplay.transcript import (
    Classify,
    TranscriptError,
    TranscriptLine,
    parse_transcript,
    spoken_units,
)
from bot.coach.roleplay.turns import entities_from_rasa
from bot.nlu.speaker_intents import best_intent
from bot.storage.store import default_storage
from bot.wiring import access, storage

MAX_TRAININGS = 100  # open role-plays of the Training tab kept; the oldest are forgotten
MAX_TRANSCRIPT_CHARS = 100_000
MAX_TRANSCRIPT_LINES = 500  # a long call; each line costs one NLU parse

logger = logging.getLogger(__name__)

OnMessage = Callable[[UserMessage], Awaitable[None]]
_trainer: Trainer | None = None


def trainer() -> Trainer:
    """The role-play trainer, loaded once (scenarios and case store) for the Training tab."""
    global _trainer
    if _trainer is None:
        _trainer = Trainer(default_storage().cases)
    return _trainer


def roleplay_payload(payloads: list[dict], wanted: str) -> dict:
    """The payload of type ``wanted`` from the role-play actions, or their Dutch error as a
    PaneError (409 for a role-play that cannot go on, 503 when the coach did not answer)."""
    found = next((p for p in payloads if p.get("type") == wanted), None)
    if found is not None:
        return found
    error = next((p for p in payloads if p.get("type") == "error"), payloads[0])
    status = 503 if error.get("code") == "service_unavailable" else 409
    raise PaneError(status, error.get("message") or "De coach gaf geen antwoord op het rollenspel.")


def scenario_titles() -> dict[str, str]:
    titles = {s.id: s.title for s in trainer().scenarios.values()}
    titles["transcript"] = "Transcript van een echt gesprek"
    return titles


def assignments() -> Assignments:
    """The assignments, in the database the trainer's history uses."""
    return trainer().assignments


def pasted_transcript(text: object) -> str:
    """A transcript pasted in the Training tab, cleaned; refused when missing or too long,
    before anything is classified."""
    if not isinstance(text, str) or not text.strip():
        raise PaneError(400, "Plak eerst een transcript: regels die beginnen met "
                             "'Incasseerder:' of 'Debiteur:'.")
    if len(text) > MAX_TRANSCRIPT_CHARS:
        raise PaneError(413, f"Het transcript is te lang ({thousands(len(text))} tekens; "
                             f"maximaal {thousands(MAX_TRANSCRIPT_CHARS)}).")
    return clean(text)


def within_limits(lines: list[TranscriptLine]) -> list[TranscriptLine]:
    """The parsed lines, or 413: each line costs one parse of the running model."""
    if len(lines) > MAX_TRANSCRIPT_LINES:
        raise PaneError(413, f"Het transcript is te lang ({thousands(len(lines))} regels; "
                             f"maximaal {MAX_TRANSCRIPT_LINES}).")
    long_line = next((line for line in lines if len(line.text) > MAX_TEXT_CHARS), None)
    if long_line is not None:
        raise PaneError(413, f"Regel {long_line.number} van het transcript is te lang "
                             f"({thousands(len(long_line.text))} tekens; maximaal "
                             f"{thousands(MAX_TEXT_CHARS)}).")
    return lines


async def classifier(request: Request, texts: Iterable[str]) -> Classify:
    """Classify for the scoring and building code, which is synchronous: the running model
    parses every text once beforehand, as plain text (a line is never a command), one at
    a time with a pause for other requests, so a long transcript does not hold up the
    lines of live calls."""
    agent = request.app.ctx.agent
    parses: dict[str, dict] = {}
    for text in texts:
        if text not in parses:
            parses[text] = await agent.parse_message(said(text, MAX_TEXT_CHARS))
            await asyncio.sleep(0)

    def classify(line: str, speaker: str) -> tuple[str, dict[str, list]]:
        parse = parses[line]
        return best_intent(parse, speaker)[0], entities_from_rasa(parse.get("entities") or [])

    return classify


def add_routes(pane: Blueprint, on_new_message: OnMessage, channel: str) -> None:
    """The Training tab's routes on ``pane``."""
    trainings: OrderedDict[str, str] = OrderedDict()  # session id (sender) → its player

    def training(request: Request, session_id: str) -> str:
        """A role-play of the one asking (another trainee's is as good as unknown)."""
        if trainings.get(session_id) != request.ctx.principal.actor:
            raise PaneError(404, "Dit rollenspel is niet bekend of niet meer open. Start een "
                                 "nieuw rollenspel in het tabblad Training.")
        return session_id

    def asked_trainee(request: Request) -> str:
        """The ``?trainee=`` of a request, trimmed ("" when absent)."""
        asked = " ".join(request.args.get("trainee", "").split())
        if len(asked) > MAX_NAME_CHARS:
            raise PaneError(400, f"De naam is te lang (maximaal {MAX_NAME_CHARS} tekens).")
        return asked

    def trainee_of(request: Request, asked: str) -> str:
        """The trainee a request is about: the logged-in user; a trainer or manager may
        name another (scoring a trainee's call, reading their history)."""
        principal = request.ctx.principal
        if asked and asked.lower() != principal.name:
            if not principal.may(Area.TEAM_TRAINING):
                raise PaneError(403, "U kunt alleen uw eigen trainingen zien.")
            return asked
        return principal.name

    async def ask(session_id: str, text: str) -> list[dict]:
        """Rasa's `custom` payloads for one message; an error payload when none came."""
        output = CollectingOutputChannel()
        try:
            await on_new_message(UserMessage(text, output, session_id, input_channel=channel))
        except Exception:  # noqa: BLE001 - reported to the page below
            logger.exception("Handling a role-play message failed")
        payloads = [m["custom"] for m in output.messages if m.get("custom")]
        if not payloads:
            message = default_playbook().messages["service_unavailable"]
            payloads = [{"type": "error", "code": "service_unavailable", "message": message}]
        return payloads

    @pane.route("/training/scenarios", methods=["GET"])
    @served
    async def training_scenarios(request: Request) -> HTTPResponse:
        return response.json({"scenarios": [{"id": s.id, "title": s.title, "case_id": s.case_id}
                                            for s in trainer().scenarios.values()]})

    @pane.route("/training/scenarios/from-transcript", methods=["POST"])
    @served
    async def training_scenario_from_transcript(request: Request) -> HTTPResponse:
        """A practice scenario made from a real call, as the CLI's scenario-from-transcript
        makes it (trainers and managers only, see bot.channels.auth). Only the YAML comes
        back: the model may misread a line, so a person reads it through before saving it
        in the scenario folder."""
        body = json_body(request)
        text = pasted_transcript(body.get("transcript"))
        case_id = optional_text(body, "case_id", "het dossiernummer", 40)
        if not case_id:
            raise PaneError(400, "Vul het dossier van het gesprek in, bijvoorbeeld DEMO-1: "
                                 "de contactpersoon daarvan wordt de debiteur.")
        try:
            lines = within_limits(debtor_lines(text))
            case = find_case(trainer().store, case_id)
            classify = await classifier(request, classified_texts(lines))
            built = build_scenario(lines, case, classify, today=today())
        except (TranscriptError, FromTranscriptError) as err:
            raise PaneError(400, str(err)) from None
        scenario = built.scenario
        return response.json({"id": scenario.id, "title": scenario.title, "case_id": case.id,
                              "yaml": built.to_yaml(),
                              "id_in_use": scenario.id in trainer().scenarios})

    @pane.route("/training/start", methods=["POST"])
    @served
    async def training_start(request: Request) -> HTTPResponse:
        body = json_body(request)
        scenario = optional_text(body, "scenario", "het scenario")
        trainee = request.ctx.principal.name  # whoever is logged in plays the collector
        if not scenario:
            raise PaneError(400, "Kies eerst een scenario.")
        session_id = f"training-{uuid.uuid4().hex[:12]}"  # also the Rasa sender id
        command = start_roleplay(scenario, trainee, body.get("hints"), body.get("difficulty"))
        # The role-play's conversation is theirs: the REST channel will not let another
        # account or token write into it.
        storage().owners.claim(session_id, request.ctx.principal.actor, now())
        briefing = roleplay_payload(await ask(session_id, command),
                                    "roleplay_start")
        trainings[session_id] = request.ctx.principal.actor
        while len(trainings) > MAX_TRAININGS:
            trainings.popitem(last=False)
        return response.json({"session_id": session_id, "briefing": briefing}, status=201)

    @pane.route("/training/<session_id>/say", methods=["POST"])
    @served
    async def training_say(request: Request, session_id: str) -> HTTPResponse:
        training(request, session_id)
        text = spoken_text(json_body(request))  # plain text: never a command
        payloads = await ask(session_id, text)
        if any(p.get("type") == "error" for p in payloads):
            roleplay_payload(payloads, "roleplay_turn")  # raises the coach's Dutch error
        return response.json({"text": text, "payloads": payloads})  # turn, or "anders zeggen"

    @pane.route("/training/<session_id>/end", methods=["POST"])
    @served
    async def training_end(request: Request, session_id: str) -> HTTPResponse:
        training(request, session_id)
        card = roleplay_payload(await ask(session_id, END_ROLEPLAY),
                                "scorecard")
        trainings.pop(session_id, None)  # ended: further lines are not role-play
        return response.json(card)

    @pane.route("/training/transcript", methods=["POST"])
    @served
    async def training_transcript(request: Request) -> HTTPResponse:
        body = json_body(request)
        text = pasted_transcript(body.get("text"))
        trainee = trainee_of(request, optional_text(body, "trainee", "de naam van de trainee"))
        case_id = optional_text(body, "case_id", "het dossiernummer", 40).upper()
        if case_id and trainer().store.get(case_id) is None:
            raise PaneError(404, f"Dossier '{case_id}' bestaat niet. Laat het veld leeg of "
                                 "kies een bestaand dossier, bijvoorbeeld DEMO-1.")
        try:
            lines = within_limits(parse_transcript(text))
        except TranscriptError as err:
            raise PaneError(400, str(err)) from None
        classify = await classifier(request, (u for line in lines for u in spoken_units(line)))
        try:
            card, _ = trainer().score_transcript(text, classify, trainee, case_id or None,
                                                 today())
        except TranscriptError as err:
            raise PaneError(400, str(err)) from None
        return response.json({**card.to_payload(), "trainee": trainee,
                              "case_id": case_id or None, "stored": True})

    @pane.route("/training/history", methods=["GET"])
    @served
    async def training_history(request: Request) -> HTTPResponse:
        asked = asked_trainee(request)
        trainee = trainee_of(request, asked)
        titles = scenario_titles()
        records = trainer().history.sessions(trainee)
        level = proficiency(records)
        return response.json({"trainee": records[0].trainee if records else trainee,
                              "sessions": [{"id": r.id,
                                            "date": r.played_at.isoformat(timespec="minutes"),
                                            "scenario": r.scenario,
                                            "title": titles.get(r.scenario, r.scenario),
                                            "difficulty": r.difficulty,
                                            "total": r.total,
                                            "checks": r.checks} for r in records],
                              "proficiency": level.to_payload() if level else None})

    @pane.route("/training/team", methods=["GET"])
    @served
    async def training_team(request: Request) -> HTTPResponse:
        """Every trainee's level, per check and overall (trainers and managers)."""
        if not request.ctx.principal.may(Area.TEAM_TRAINING):
            raise PaneError(403, "Het teamoverzicht is voor trainers en managers.")
        team = []
        for name in trainer().history.trainees():
            records = trainer().history.sessions(name)
            level = proficiency(records)
            if level is not None:
                team.append({**level.to_payload(),
                             "last": records[-1].played_at.isoformat(timespec="minutes")})
        return response.json({"trainees": team})

    @pane.route("/training/sessions/<session_id:int>", methods=["GET"])
    @served
    async def training_session(request: Request, session_id: int) -> HTTPResponse:
        """One stored session to replay: its lines and its scorecard (one's own; trainers
        and managers anyone's)."""
        found = trainer().history.session(session_id)
        if found is None:
            raise PaneError(404, f"Sessie {session_id} bestaat niet.")
        record, turns, card = found
        principal = request.ctx.principal
        if (record.trainee.casefold() != principal.name.casefold()
                and not principal.may(Area.TEAM_TRAINING)):
            raise PaneError(403, "U kunt alleen uw eigen sessies terugkijken.")
        return response.json({
            "id": record.id, "trainee": record.trainee, "scenario": record.scenario,
            "title": scenario_titles().get(record.scenario, record.scenario),
            "difficulty": record.difficulty,
            "date": record.played_at.isoformat(timespec="minutes"), "total": record.total,
            "turns": [{"speaker": t.get("speaker"), "text": t.get("text"),
                       "intent": t.get("intent")} for t in turns],
            "scorecard": card})

    def assignment_payloads(found: list) -> list[dict]:
        titles, day = scenario_titles(), today()
        return [a.to_payload(titles.get(a.scenario), day) for a in found]

    @pane.route("/training/assignments", methods=["GET"])
    @served
    async def training_assignments(request: Request) -> HTTPResponse:
        """One's own assignments; trainers and managers see everyone's (or ?trainee=)."""
        asked = asked_trainee(request)
        principal = request.ctx.principal
        if principal.may(Area.TEAM_TRAINING):
            found = assignments().of(asked or None)
        else:
            found = assignments().of(trainee_of(request, asked))
        return response.json({"assignments": assignment_payloads(found)})

    @pane.route("/training/assignments", methods=["POST"])
    @served
    async def training_assign(request: Request) -> HTTPResponse:
        principal = request.ctx.principal
        if not principal.may(Area.TEAM_TRAINING):
            raise PaneError(403, "Alleen trainers en managers geven opdrachten.")
        body = json_body(request)
        fields = {key: optional_text(body, key, what) for key, what in (
            ("trainee", "de naam van de trainee"), ("scenario", "het scenario"),
            ("difficulty", "de moeilijkheid"), ("due", "de uiterste datum"))}
        try:
            made = assignments().add(fields["trainee"], fields["scenario"],
                                     fields["difficulty"], fields["due"], principal.name,
                                     trainer().scenarios.keys(), today())
        except AssignmentError as err:
            raise PaneError(400, err.message) from None
        access().audit.record(principal.actor, "assignment_given", fields["trainee"],
                              f"{fields['scenario']}, {fields['difficulty']}, uiterlijk "
                              f"{fields['due']}")
        return response.json(assignment_payloads([made])[0], status=201)

    @pane.route("/training/assignments/<assignment_id:int>", methods=["DELETE"])
    @served
    async def training_unassign(request: Request, assignment_id: int) -> HTTPResponse:
        if not request.ctx.principal.may(Area.TEAM_TRAINING):
            raise PaneError(403, "Alleen trainers en managers verwijderen opdrachten.")
        if not assignments().delete(assignment_id):
            raise PaneError(404, f"Opdracht {assignment_id} bestaat niet.")
        access().audit.record(request.ctx.principal.actor, "assignment_removed",
                              str(assignment_id))
        return response.json({"deleted": assignment_id})
