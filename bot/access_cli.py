"""Terminal commands for accounts, API tokens, the audit log and retention (wired into
bot.cli); they work on the database of $INCASSO_DATABASE_URL, the one the servers use.

    python -m bot.cli users add NAAM --role collector|trainer|manager --password-stdin
                                     [--full-name "Sanne Jansen"]
    python -m bot.cli users list | disable NAAM | enable NAAM | password NAAM --password-stdin
    python -m bot.cli tokens add NAAM [--scope push|rest]   (the token alone on the last line)
    python -m bot.cli tokens list | revoke NAAM
    python -m bot.cli audit [--limit N] [--actor NAAM] [--json]
    python -m bot.cli retention [--dry-run]
"""
from __future__ import annotations

import argparse
import getpass
import hashlib
import json
import sys

from bot.coach.accounts import ROLE_LABELS, AccessError, Role, new_password
from bot.coach.clock import now
from bot.coach.playbook import PLAYBOOK_PATH
from bot.coach.retention import apply_retention
from bot.coach.settings import default_settings, settings_path
from bot.coach.tokens import SCOPES
from bot.wiring import access, storage

COMMANDS = ("users", "tokens", "audit", "retention")
CLI_ACTOR = "beheer (terminal)"  # who the audit log names for these commands
FIRST_MANAGER = "beheerder"


def add_commands(sub: argparse._SubParsersAction) -> None:
    users = sub.add_parser("users", help="gebruikers en hun rol").add_subparsers(
        dest="users_command", required=True)
    add = users.add_parser("add", help="een gebruiker toevoegen")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    add.add_argument("--full-name", default="", help="naam zoals de debiteur hem hoort")
    add.add_argument("--password-stdin", action="store_true",
                     help="wachtwoord van stdin lezen (anders wordt erom gevraagd)")
    users.add_parser("list", help="alle gebruikers")
    for name, text in (("disable", "uitschakelen (sessies vervallen meteen)"),
                       ("enable", "weer inschakelen")):
        users.add_parser(name, help=text).add_argument("name")
    password = users.add_parser("password", help="een nieuw wachtwoord instellen")
    password.add_argument("name")
    password.add_argument("--password-stdin", action="store_true")
    tokens = sub.add_parser("tokens", help="API-tokens voor koppelingen").add_subparsers(
        dest="tokens_command", required=True)
    token = tokens.add_parser("add", help="een token maken (alleen nu te zien)")
    token.add_argument("name")
    token.add_argument("--scope", default="push", choices=sorted(SCOPES))
    tokens.add_parser("list", help="alle tokens (zonder geheim)")
    tokens.add_parser("revoke", help="een token intrekken").add_argument("name")
    audit = sub.add_parser("audit", help="het auditlog, nieuwste eerst")
    audit.add_argument("--limit", type=int, default=50)
    audit.add_argument("--actor", help="alleen deze gebruiker of token:NAAM")
    audit.add_argument("--json", action="store_true")
    retention = sub.add_parser("retention", help="oude gespreksregels verwijderen (AVG)")
    retention.add_argument("--dry-run", action="store_true", help="alleen tellen")


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Wachtwoord: ")
    if getpass.getpass("Nog een keer: ") != first:
        raise AccessError("De wachtwoorden zijn niet gelijk.")
    return first


def _users(args: argparse.Namespace) -> None:
    service = access()
    if args.users_command == "add":
        row = service.accounts.add(args.name, args.role, _password(args.password_stdin),
                                   args.full_name)
        service.audit.record(CLI_ACTOR, "account_added", row.name, row.role.value)
        print(f"Gebruiker {row.name} toegevoegd ({ROLE_LABELS[row.role]}).")
    elif args.users_command == "list":
        for row in service.accounts.all():
            last = f"{row.last_login:%d-%m-%Y %H:%M}" if row.last_login else "nooit"
            state = "actief" if row.active else "uitgeschakeld"
            print(f"{row.name:24} {row.role.value:10} {state:14} laatst ingelogd: {last}"
                  + (f"  ({row.full_name})" if row.full_name else ""))
    elif args.users_command == "disable":
        row = service.disable(args.name, CLI_ACTOR)
        print(f"Gebruiker {row.name} is uitgeschakeld; open sessies zijn beëindigd.")
    elif args.users_command == "enable":
        row = service.accounts.enable(args.name)
        service.audit.record(CLI_ACTOR, "account_enabled", row.name)
        print(f"Gebruiker {row.name} is weer ingeschakeld.")
    else:
        row = service.accounts.set_password(args.name, _password(args.password_stdin))
        service.audit.record(CLI_ACTOR, "password_set", row.name)
        print(f"Nieuw wachtwoord voor {row.name} ingesteld.")


def _tokens(args: argparse.Namespace) -> None:
    service = access()
    at = now().replace(microsecond=0)
    if args.tokens_command == "add":
        secret = service.tokens.add(args.name, args.scope, at)
        service.audit.record(CLI_ACTOR, "token_added", args.name.lower(), args.scope)
        print(f"Token '{args.name.lower()}' ({SCOPES[args.scope]}). Bewaar het nu; het is "
              "later niet meer op te vragen:")
        print(secret)
    elif args.tokens_command == "list":
        for row in service.tokens.all():
            state = f"ingetrokken {row.revoked_at:%d-%m-%Y}" if row.revoked_at else "actief"
            used = f"{row.last_used:%d-%m-%Y %H:%M}" if row.last_used else "nooit"
            print(f"{row.name:24} {row.scope:6} {state:22} laatst gebruikt: {used}")
    else:
        service.tokens.revoke(args.name, at)
        service.audit.record(CLI_ACTOR, "token_revoked", args.name.lower())
        print(f"Token '{args.name.lower()}' is ingetrokken.")


def _audit(args: argparse.Namespace) -> None:
    entries = access().audit.recent(args.limit, args.actor)
    if args.json:
        print(json.dumps([e.to_payload() for e in entries], ensure_ascii=False, indent=2))
        return
    for entry in entries:
        payload = entry.to_payload()
        print(f"{entry.at:%d-%m-%Y %H:%M:%S}  {entry.actor:20} {payload['label']:26} "
              f"{entry.subject} {entry.detail}".rstrip())


def run_retention(dry_run: bool = False, actor: str = CLI_ACTOR) -> str:
    """Applies the settings' retention (also at every start of the servers)."""
    report = apply_retention(storage().retention, default_settings().call_lines_days,
                             now(), dry_run)
    if report.before is not None and not dry_run and (report.lines or report.tracker_events
                                                      or report.transcripts):
        access().audit.record(actor, "retention", "",
                              f"{report.lines} regels, {report.tracker_events} Rasa-"
                              f"gebeurtenissen, {report.transcripts} beoordeelde gesprekken "
                              f"van vóór {report.before:%Y-%m-%d}")
    return report.describe()


def note_changed_files(actor: str = "bij start") -> list[str]:
    """Records in the audit log when the settings or the playbook differ from the version
    seen at the previous start (the files are edited outside the coach, so the log can say
    when they changed and what they are now, not who changed them: use version control)."""
    changed = []
    seen = access().audit.recent(1000, action="settings_changed")
    for path in (settings_path(), PLAYBOOK_PATH):
        fingerprint = "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()[:16]
        last = next((e.detail for e in seen if e.subject == path.name), None)
        if last != fingerprint:
            access().audit.record(actor, "settings_changed", path.name, fingerprint)
            changed.append(path.name)
    return changed


def first_manager() -> str | None:
    """On a new installation, the first manager with a generated password, shown once;
    None when there are accounts already. Never a default password."""
    service = access()
    if service.accounts.any():
        return None
    password = new_password()
    try:
        service.accounts.add(FIRST_MANAGER, Role.MANAGER.value, password, "Beheerder")
    except AccessError:  # another replica, starting at the same moment, made it first
        return None
    service.audit.record(CLI_ACTOR, "account_added", FIRST_MANAGER, "eerste manager")
    return (f"Eerste gebruiker aangemaakt: {FIRST_MANAGER} (manager), wachtwoord: {password}\n"
            "Dit wachtwoord wordt maar één keer getoond. Log in en maak daarna accounts voor "
            "het team met `python -m bot.cli users add`.")


def run(args: argparse.Namespace) -> int:
    try:
        if args.command == "users":
            _users(args)
        elif args.command == "tokens":
            _tokens(args)
        elif args.command == "audit":
            _audit(args)
        else:
            print(run_retention(args.dry_run))
    except AccessError as err:
        print(err.message, file=sys.stderr)
        return 1
    return 0
