"""Command line: the interactive Dutch coach session, the servers, and case import.

    python -m bot.cli shell              start the servers and type what the debtor says
    python -m bot.cli serve              the live pane, Rasa on 127.0.0.1:5005, actions on :5055
        [--chat-credentials FILE]        … with Slack and Teams (credentials-chat.yml)
    python -m bot.cli cases [ZOEKTERM]   list cases
    python -m bot.cli import-cases FILE  import a .yml or .csv file of cases
    python -m bot.cli roleplay | report NAAM | score-transcript FILE   (bot/roleplay_cli.py)
    python -m bot.cli promises | followups | payments add/import        (bot/ledger_cli.py)
"""
from __future__ import annotations

import argparse
import json
import signal
import sys
import time
import uuid
from pathlib import Path

import requests

from bot import ledger_cli, roleplay_cli
from bot.coach.case_files import import_file
from bot.coach.cases import CaseError
from bot.servers import Services, missing_env_vars
from bot.storage.store import default_storage

HELP = """Typ wat de debiteur zegt en druk op Enter; het advies verschijnt eronder.
  :dossier DEMO-1   gesprek starten met dossier DEMO-1 (voorbereiding verschijnt)
  :einde            gesprek afronden: samenvatting, conceptmail en opvolging
  :dossiers         beschikbare dossiers tonen
  :stop             afsluiten (of Ctrl-D)"""


def _send(url: str, sender: str, text: str) -> list[dict]:
    response = requests.post(f"{url}/webhooks/rest/webhook",
                             json={"sender": sender, "message": text}, timeout=60)
    response.raise_for_status()
    return response.json()


def _command(line: str) -> str | None:
    """Shell shortcuts to Rasa messages; None means 'handled here'."""
    word, _, rest = line.partition(" ")
    if word == ":dossier":
        return "/start_call" + json.dumps({"case_id": rest.strip()})
    if word == ":einde":
        return "/end_call"
    if word == ":dossiers":
        for case_id, company, contact in default_storage().cases.search(rest):
            print(f"  {case_id:10} {company} — {contact}")
        return None
    if word in (":help", ":hulp", "?"):
        print(HELP)
        return None
    return line


def shell(services: Services) -> None:
    print("Servers starten (Rasa en de actieserver); dit duurt even…", flush=True)
    started = time.monotonic()
    with services:
        print(f"Klaar in {time.monotonic() - started:.0f} s.\n\n{HELP}\n")
        sender = f"terminal-{uuid.uuid4().hex[:8]}"
        while True:
            try:
                line = input("debiteur> ").strip()
            except (EOFError, KeyboardInterrupt):
                print()
                break
            if line in (":stop", ":quit", ":exit"):
                break
            message = _command(line)
            if message is None:
                continue
            try:
                replies = _send(services.rasa_url, sender, message)
            except requests.RequestException as err:
                print(f"De coach is niet bereikbaar ({err}). Probeer het opnieuw.")
                continue
            # Rasa splits a text at blank lines into several replies; show it as one.
            print("\n" + "\n\n".join(r["text"] for r in replies if r.get("text")) + "\n")


def _stop_on_sigterm(*_: object) -> None:
    """systemd and `kill` send SIGTERM: stop both servers as Ctrl-C does."""
    raise KeyboardInterrupt


def serve(services: Services) -> None:
    print("Servers starten (Rasa en de actieserver); dit duurt even…", flush=True)
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    with services:
        print(f"\nOpen de gesprekshulp in uw browser: {services.rasa_url}/webhooks/pane/\n")
        print(f"Rasa (REST + API):  {services.rasa_url}/webhooks/rest/webhook")
        print(f"Actieserver:        {services.action_url}/webhook")
        if services.chat_credentials:
            print(f"Slack:              {services.rasa_url}/webhooks/slack/webhook")
            print(f"Teams:              {services.rasa_url}/webhooks/botframework/webhook")
        print("Stoppen met Ctrl-C.", flush=True)
        try:
            while all(p.poll() is None for p in services.processes):
                time.sleep(1)
        except KeyboardInterrupt:
            pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="incassocoach", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("shell", "serve"):
        p = sub.add_parser(name)
        p.add_argument("--rasa-port", type=int, default=5005)
        p.add_argument("--action-port", type=int, default=5055)
        p.add_argument("--chat-credentials", type=Path, help="Slack/Teams channels to add")
    sub.add_parser("cases").add_argument("search", nargs="?", default="")
    sub.add_parser("import-cases").add_argument("file")
    roleplay_cli.add_commands(sub)
    ledger_cli.add_commands(sub)
    args = parser.parse_args(argv)

    if args.command in roleplay_cli.COMMANDS:
        return roleplay_cli.run(args)
    if args.command in ledger_cli.COMMANDS:
        return ledger_cli.run(args)

    if args.command in ("shell", "serve"):
        missing = missing_env_vars(args.chat_credentials) if args.chat_credentials else []
        if missing:
            print(f"Niet ingesteld: {', '.join(missing)}. Zie README, ‘Slack en Teams’.",
                  file=sys.stderr)
            return 2
        services = Services(rasa_port=args.rasa_port, action_port=args.action_port,
                            chat_credentials=args.chat_credentials)
        (shell if args.command == "shell" else serve)(services)
    elif args.command == "cases":
        for case_id, company, contact in default_storage().cases.search(args.search):
            print(f"{case_id:10} {company} — {contact}")
    else:
        try:
            cases = import_file(default_storage().cases, args.file)
        except CaseError as err:
            print(f"Import mislukt, er is niets gewijzigd: {err}", file=sys.stderr)
            return 1
        print(f"{len(cases)} dossier(s) geïmporteerd: {', '.join(c.id for c in cases)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
