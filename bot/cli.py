"""Command line: the interactive Dutch coach session, the servers, and case import.

    python -m bot.cli shell              start the servers and type what the debtor says
    python -m bot.cli serve              the live pane, Rasa on 127.0.0.1:5005, actions on :5055,
                                         both supervised (restarted when they stop)
        [--chat-credentials FILE]        … with Slack and Teams (credentials-chat.yml)
        [--host ADRES]                   Rasa's bind address (default $INCASSO_BIND or 127.0.0.1)
    python -m bot.cli cases [ZOEKTERM]   list cases
    python -m bot.cli import-cases FILE  import a .yml or .csv file of cases
    python -m bot.cli roleplay | report NAAM | score-transcript FILE    (bot/roleplay_cli.py)
        | scenario-from-transcript FILE --case ID
    python -m bot.cli promises | followups | payments add/import        (bot/ledger_cli.py)
    python -m bot.cli users | tokens | audit | retention                (bot/access_cli.py)
"""
from __future__ import annotations

import argparse
import sys
import time
import uuid
from pathlib import Path

import requests

from bot import access_cli, ledger_cli, roleplay_cli
from bot.channels.commands import END_CALL, InputError, said, start_call
from bot.coach.case_files import import_file
from bot.coach.cases import CaseError
from bot.coach.clock import now
from bot.servers import Interrupted, Services, missing_env_vars
from bot.storage.database import DatabaseDamaged
from bot.storage.store import default_storage
from bot.storage.training import import_legacy_training
from bot.supervisor import Supervisor
from bot.wiring import access, storage

HELP = """Typ wat de debiteur zegt en druk op Enter; het advies verschijnt eronder.
  :dossier DEMO-1   gesprek starten met dossier DEMO-1 (voorbereiding verschijnt)
  :einde            gesprek afronden: samenvatting, conceptmail en opvolging
  :dossiers         beschikbare dossiers tonen
  :stop             afsluiten (of Ctrl-D)"""


def _send(url: str, sender: str, text: str, token: str) -> list[dict]:
    response = requests.post(f"{url}/webhooks/rest/webhook",
                             json={"sender": sender, "message": text}, timeout=60,
                             headers={"Authorization": f"Bearer {token}"})
    response.raise_for_status()
    return response.json()


def _command(line: str) -> str | None:
    """Shell shortcuts to Rasa messages; None means 'handled here'. Anything else typed is
    the debtor's words (bot.channels.commands.said): a typed "/end_call" is text."""
    word, _, rest = line.partition(" ")
    try:
        if word == ":dossier":
            return start_call(rest.strip())
        if word == ":einde":
            return END_CALL
        if word == ":dossiers":
            for case_id, company, contact in default_storage().cases.search(rest[:100]):
                print(f"  {case_id:10} {company} — {contact}")
            return None
        if word in (":help", ":hulp", "?"):
            print(HELP)
            return None
        return said(line)
    except InputError as err:
        print(err.message)
        return None


def shell(services: Services) -> None:
    print("Servers starten (Rasa en de actieserver); dit duurt even…", flush=True)
    started = time.monotonic()
    try:
        _shell_session(services, started)
    except (Interrupted, KeyboardInterrupt):
        print("\nGestopt.")


def _shell_session(services: Services, started: float) -> None:
    with Supervisor(services) as supervisor:
        supervisor.raise_on_signals()  # input() must be interrupted by SIGTERM and Ctrl-C
        print(f"Klaar in {time.monotonic() - started:.0f} s.\n\n{HELP}\n")
        sender = f"terminal-{uuid.uuid4().hex[:8]}"
        # The REST channel wants a login or token: this session gets a token of its own,
        # revoked when it ends (whoever runs the shell has the database anyway).
        token = access().tokens.add(sender, "rest", now().replace(microsecond=0))
        try:
            _converse(supervisor, services, sender, token)
        finally:
            access().tokens.revoke(sender, now().replace(microsecond=0))


def _converse(supervisor: Supervisor, services: Services, sender: str, token: str) -> None:
    """Reads debtor lines until :stop, Ctrl-D or a signal."""
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
        supervisor.check()  # a server that stopped is started again (after its back-off)
        try:
            replies = _send(services.rasa_url, sender, message, token)
        except requests.RequestException as err:
            print(f"De coach is niet bereikbaar ({err}). Probeer het opnieuw.")
            continue
        # Rasa splits a text at blank lines into several replies; show it as one.
        print("\n" + "\n\n".join(r["text"] for r in replies if r.get("text")) + "\n")


def serve(services: Services) -> None:
    """Both servers, supervised, until SIGTERM (systemd, `kill`) or Ctrl-C."""
    print("Servers starten (Rasa en de actieserver); dit duurt even…", flush=True)
    first = access_cli.first_manager()
    access_cli.note_changed_files()
    imported = import_legacy_training(storage())
    if imported is not None:
        print(imported, flush=True)
    print(access_cli.run_retention(actor="bewaartermijn"), flush=True)
    try:
        with Supervisor(services) as supervisor:
            print(f"\nOpen de gesprekshulp in uw browser: {services.rasa_url}/webhooks/pane/\n")
            if first:
                print(first + "\n")
            if services.host != "127.0.0.1":
                print(f"Rasa luistert op {services.host} (INCASSO_BIND/--host): zet er TLS "
                      "voor (README, ‘Behind TLS’) en start met INCASSO_TLS=1.")
            print(f"Rasa (REST):        {services.rasa_url}/webhooks/rest/webhook")
            print(f"Gezondheid:         {services.rasa_url}/webhooks/health")
            print("HTTP-API van Rasa:  " + ("aan, met token (INCASSO_RASA_API_TOKEN)"
                                            if services.api_token else "uit"))
            print(f"Actieserver:        {services.action_url}/webhook")
            if services.chat_credentials:
                print(f"Slack:              {services.rasa_url}/webhooks/slack/webhook")
                print(f"Teams:              {services.rasa_url}/webhooks/botframework/webhook")
            print("Stoppen met Ctrl-C.", flush=True)
            supervisor.run(lambda: access_cli.run_retention(actor="bewaartermijn"))
    except Interrupted:
        pass
    print("Gestopt.", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="incassocoach", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("shell", "serve"):
        p = sub.add_parser(name)
        p.add_argument("--rasa-port", type=int, default=5005)
        p.add_argument("--action-port", type=int, default=5055)
        p.add_argument("--chat-credentials", type=Path, help="Slack/Teams channels to add")
        p.add_argument("--host", help="Rasa's bind address (default $INCASSO_BIND or 127.0.0.1)")
    sub.add_parser("cases").add_argument("search", nargs="?", default="")
    sub.add_parser("import-cases").add_argument("file")
    roleplay_cli.add_commands(sub)
    ledger_cli.add_commands(sub)
    access_cli.add_commands(sub)
    args = parser.parse_args(argv)

    if args.command in roleplay_cli.COMMANDS:
        return roleplay_cli.run(args)
    if args.command in ledger_cli.COMMANDS:
        return ledger_cli.run(args)
    if args.command in access_cli.COMMANDS:
        return access_cli.run(args)

    if args.command in ("shell", "serve"):
        missing = missing_env_vars(args.chat_credentials) if args.chat_credentials else []
        if missing:
            print(f"Niet ingesteld: {', '.join(missing)}. Zie README, ‘Slack en Teams’.",
                  file=sys.stderr)
            return 2
        try:  # a bad --host/$INCASSO_BIND or API token is refused before anything starts
            services = Services(rasa_port=args.rasa_port, action_port=args.action_port,
                                chat_credentials=args.chat_credentials, host=args.host)
        except ValueError as err:
            print(err, file=sys.stderr)
            return 2
        try:
            (shell if args.command == "shell" else serve)(services)
        except DatabaseDamaged as err:
            print(err, file=sys.stderr)
            return 3
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
    try:
        sys.exit(main())
    except DatabaseDamaged as err:  # any command: a clear message, never a traceback
        print(err, file=sys.stderr)
        sys.exit(3)
