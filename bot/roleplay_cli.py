"""Terminal commands of the role-play trainer (wired into bot.cli):

    python -m bot.cli roleplay [--scenario ID] [--trainee NAAM] [--hints|--no-hints] [--seed N]
                               [--difficulty easy|medium|hard]
    python -m bot.cli report NAAM [--out PNG]
    python -m bot.cli score-transcript FILE [--trainee NAAM] [--case DEMO-1]
    python -m bot.cli scenario-from-transcript FILE --case DEMO-1 [--out FILE] [--title TEKST]

Role-play runs in-process: the trained model classifies the trainee's lines (no servers).
"""
from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path

from bot.coach.roleplay.from_transcript import (
    FromTranscriptError,
    build_scenario,
    debtor_lines,
    find_case,
    id_in_use,
)
from bot.coach.roleplay.history import chart_path, default_history, draw_chart, report_text
from bot.coach.roleplay.proficiency import proficiency
from bot.coach.roleplay.scenarios import (
    DEFAULT_DIFFICULTY,
    DIFFICULTIES,
    SCENARIO_DIR,
    ScenarioError,
)
from bot.coach.roleplay.scorecard import CHECKS
from bot.coach.roleplay.trainer import ATTITUDE_NL, RolePlayError, Trainer
from bot.coach.roleplay.transcript import TranscriptError, parse_transcript
from bot.nlu.speaker_intents import COLLECTOR
from bot.storage.store import default_storage

COMMANDS = ("roleplay", "report", "score-transcript", "scenario-from-transcript")
MODEL_HELP = "getraind model (standaard models/incassocoach.tar.gz)"
HELP = """Typ wat u als incasseerder zegt en druk op Enter; de debiteur antwoordt.
  :einde   gesprek beëindigen en de scorekaart zien (ook na het afscheid, of Ctrl-D)
  :stop    stoppen zonder score"""


def add_commands(sub: argparse._SubParsersAction) -> None:
    play = sub.add_parser("roleplay", help="oefengesprek: u incasseert, de bot is de debiteur")
    play.add_argument("--scenario", help="id van het scenario (anders kiest u uit een lijst)")
    play.add_argument("--trainee", help="uw naam, voor de trainingshistorie")
    play.add_argument("--hints", action=argparse.BooleanOptionalAction, default=None,
                      help="na elke zin een tip (standaard: vragen)")
    play.add_argument("--seed", type=int, help="vaste seed: dezelfde debiteur bij dezelfde zinnen")
    play.add_argument("--difficulty", choices=DIFFICULTIES, default=DEFAULT_DIFFICULTY,
                      help="hoeveel weerstand de debiteur biedt (standaard medium)")
    play.add_argument("--model", type=Path, help=MODEL_HELP)
    report = sub.add_parser("report", help="trainingshistorie van een trainee plus grafiek")
    report.add_argument("trainee")
    report.add_argument("--out", type=Path, help="PNG-bestand (standaard build/reports/<naam>.png)")
    score = sub.add_parser("score-transcript", help="een echt gesprek scoren")
    score.add_argument("file", help="tekstbestand met regels 'Incasseerder: …' en "
                                    "'Debiteur: …' (- = stdin)")
    score.add_argument("--trainee", help="bewaar de score in de historie van deze trainee")
    score.add_argument("--case", help="dossier van het gesprek, voor voorbeeldzinnen in de tips")
    score.add_argument("--model", type=Path, help=MODEL_HELP)
    build = sub.add_parser("scenario-from-transcript",
                           help="een oefenscenario maken uit een echt gesprek")
    build.add_argument("file", help="tekstbestand met regels 'Incasseerder: …' en "
                                    "'Debiteur: …' (- = stdin)")
    build.add_argument("--case", required=True,
                       help="dossier van het gesprek; de contactpersoon wordt de debiteur")
    build.add_argument("--out", type=Path,
                       help="YAML-bestand om te schrijven (standaard: op het scherm)")
    build.add_argument("--title", help="titel van het scenario; het id wordt daarvan gemaakt "
                                       "(standaard: dossier en datum)")
    build.add_argument("--model", type=Path, help=MODEL_HELP)


def _ask(prompt: str, default: str = "") -> str:
    answer = input(prompt).strip()
    return answer or default


def _classifier(model: Path | None):
    from bot.nlu.model_classifier import DEFAULT_MODEL, ModelClassifier
    print("Model laden…", flush=True)
    return ModelClassifier(model or DEFAULT_MODEL)


def _choose_scenario(trainer: Trainer) -> str:
    scenarios = sorted(trainer.scenarios.values(), key=lambda s: s.source)
    print("Scenario's:")
    for number, s in enumerate(scenarios, 1):
        print(f"  {number}. {s.id:<24} {s.title} ({s.case_id}, "
              f"{ATTITUDE_NL[s.persona.attitude]})")
    while True:
        answer = _ask("Kies een scenario (nummer of naam): ")
        if answer.isdigit() and 1 <= int(answer) <= len(scenarios):
            return scenarios[int(answer) - 1].id
        if answer in trainer.scenarios:
            return answer
        print("Dat scenario ken ik niet; typ het nummer uit de lijst.")


def roleplay(args: argparse.Namespace) -> int:
    trainer = Trainer(default_storage().cases)
    try:
        scenario_id = args.scenario or _choose_scenario(trainer)
        trainee = args.trainee or _ask("Uw naam (trainee): ")
        hints = args.hints
        if hints is None:
            hints = _ask("Tips na elke zin? (j/n) [j]: ", "j").lower().startswith("j")
        session, briefing = trainer.start(scenario_id, trainee, hints, args.seed,
                                          args.difficulty)
    except (EOFError, KeyboardInterrupt):
        print()
        return 1
    except RolePlayError as error:
        print(error.message, file=sys.stderr)
        return 1
    classifier = _classifier(args.model)
    print(f"\n{briefing.to_text()}\n\n{HELP}\n")
    while not session.finished:
        try:
            line = input("incasseerder> ").strip()
        except (EOFError, KeyboardInterrupt):
            print()
            line = ":einde"
        if not sys.stdin.isatty():
            print(line)  # piped input: show what the trainee "said"
        if line == ":stop":
            print("Gestopt; dit gesprek is niet bewaard.")
            return 0
        if line == ":einde":
            if not any(t.speaker == COLLECTOR for t in session.turns):
                print("U heeft nog niets gezegd; er valt niets te scoren.")
                return 0
            print("\n" + trainer.finish(session).to_text())
            print(f"\nBewaard in de historie van {session.trainee}. "
                  f"Voortgang: python -m bot.cli report \"{session.trainee}\"")
            return 0
        if not line:
            continue
        intent, entities = classifier.classify(line, COLLECTOR)
        result = trainer.turn(session, line, intent, entities)
        print(f"\n{result.to_text()}\n")
        if result.ended:
            print("(De debiteur heeft opgehangen.)")
            print("\n" + trainer.finish(session).to_text())
            print(f"\nBewaard in de historie van {session.trainee}.")
    return 0


def report(args: argparse.Namespace) -> int:
    records = default_history().sessions(args.trainee)
    print(report_text(args.trainee, records, {c.key: c.label for c in CHECKS}))
    level = proficiency(records)
    if level is None:
        return 1
    payload = level.to_payload()
    print(f"\nNiveau (recente sessies tellen zwaarder): {payload['overall']} — {payload['band']}")
    for check in payload["checks"]:
        print(f"  {check['label']:<46} {check['share']:>3}%  {check['band']}")
    path = draw_chart(records, args.out or chart_path(args.trainee))
    print(f"\nGrafiek: {path}")
    return 0


def score_transcript(args: argparse.Namespace) -> int:
    try:
        text = sys.stdin.read() if args.file == "-" else Path(args.file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        print(f"Kan {args.file} niet lezen: {err}", file=sys.stderr)
        return 1
    trainer = Trainer(default_storage().cases)
    try:
        parse_transcript(text)  # a malformed file is refused before the model is loaded
        classifier = _classifier(args.model)
        card, _ = trainer.score_transcript(text, classifier.classify, args.trainee, args.case)
    except TranscriptError as err:
        print(str(err), file=sys.stderr)
        return 1
    print(card.to_text())
    if args.trainee:
        print(f"\nBewaard in de historie van {args.trainee}.")
    return 0


def scenario_from_transcript(args: argparse.Namespace) -> int:
    """Write (or print) a scenario made from a real call; exit 1 with a Dutch message
    for a malformed transcript, one without debtor lines or excuses, an unknown case,
    or an --out that would overwrite a file or clash with another scenario's id."""
    try:
        text = sys.stdin.read() if args.file == "-" else Path(args.file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        print(f"Kan {args.file} niet lezen: {err}", file=sys.stderr)
        return 1
    out: Path | None = args.out
    if out is not None and out.exists():
        print(f"{out} bestaat al; kies een andere naam of verwijder het eerst.", file=sys.stderr)
        return 1
    try:
        # a malformed file and an unknown case are refused before the model is loaded
        lines = debtor_lines(text)
        case = find_case(default_storage().cases, args.case)
        with contextlib.redirect_stdout(sys.stderr):  # stdout is for the YAML only
            classifier = _classifier(args.model)
            built = build_scenario(lines, case, classifier.classify, args.title)
    except (TranscriptError, FromTranscriptError) as err:
        print(str(err), file=sys.stderr)
        return 1
    command = " ".join(["python -m bot.cli scenario-from-transcript", Path(args.file).name,
                        "--case", case.id])
    text = built.to_yaml(command)
    scenario_id = built.scenario.id
    if out is None:
        sys.stdout.write(text)
        return 0
    clash = id_in_use(out.parent, scenario_id, besides=out)
    if clash is not None:
        print(f"Het id '{scenario_id}' staat al in {clash.name}; geef met --title een andere "
              f"titel (het id wordt daarvan gemaakt).", file=sys.stderr)
        return 1
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    except OSError as err:
        print(f"Kan {out} niet schrijven: {err}", file=sys.stderr)
        return 1
    print(f"Scenario '{scenario_id}' geschreven naar {out}.")
    for note in built.notes:
        print(note)
    if out.resolve().parent == SCENARIO_DIR.resolve():
        print(f"Oefenen: python -m bot.cli roleplay --scenario {scenario_id}")
    else:
        print(f"Zet het bestand in {SCENARIO_DIR.relative_to(SCENARIO_DIR.parents[2])}/ om "
              f"ermee te oefenen.")
    return 0


def run(args: argparse.Namespace) -> int:
    try:
        return {"roleplay": roleplay, "report": report,
                "score-transcript": score_transcript,
                "scenario-from-transcript": scenario_from_transcript}[args.command](args)
    except ScenarioError as err:
        print(f"Scenario's kloppen niet: {err}", file=sys.stderr)
        return 1
