"""Terminal commands of the promise-to-pay ledger (wired into bot.cli):

    python -m bot.cli promises [--case ID] [--json]
    python -m bot.cli followups [--on JJJJ-MM-DD] [--json]
    python -m bot.cli payments add CASE BEDRAG [--date JJJJ-MM-DD] [--reference TEKST]
    python -m bot.cli payments import BESTAND [--dry-run] [--json]

Every command works on the database of $INCASSO_DATABASE_URL, the one the servers use.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from bot.coach.clock import today
from bot.coach.formatting import long_date
from bot.coach.money import format_euro
from bot.coach.payments import PaymentError, import_statement, promise_payload, record_payment
from bot.wiring import calls

COMMANDS = ("promises", "followups", "payments")
STATUS_NL = {"open": "openstaand", "kept": "nagekomen", "partly_kept": "deels nagekomen",
             "broken": "niet nagekomen", "cancelled": "vervallen"}


def _day(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is geen datum als JJJJ-MM-DD") from None


def add_commands(sub: argparse._SubParsersAction) -> None:
    promises = sub.add_parser("promises", help="betaaltoezeggingen met hun status")
    promises.add_argument("--case", help="alleen dit dossier")
    promises.add_argument("--json", action="store_true", help="als JSON-lijst")
    followups = sub.add_parser("followups", help="de nazorglijst van een dag")
    followups.add_argument("--on", type=_day, help="de dag (standaard vandaag)")
    followups.add_argument("--json", action="store_true", help="als JSON-lijst")
    payments = sub.add_parser("payments", help="betalingen boeken of een afschrift inlezen")
    what = payments.add_subparsers(dest="payments_command", required=True)
    add = what.add_parser("add", help="een betaling met de hand boeken")
    add.add_argument("case")
    add.add_argument("amount", help="bedrag, bijvoorbeeld 250 of 1.250,50")
    add.add_argument("--date", help="datum van ontvangst (standaard vandaag)")
    add.add_argument("--reference", help="omschrijving of betalingskenmerk")
    imported = what.add_parser("import", help="CAMT.053 (.xml) of CSV-afschrift inlezen")
    imported.add_argument("file")
    imported.add_argument("--dry-run", action="store_true", help="alleen tonen wat er zou matchen")
    imported.add_argument("--json", action="store_true", help="het verslag als JSON")


def show_promises(args: argparse.Namespace) -> int:
    service = calls()
    if args.case and service.storage.cases.get(args.case) is None:
        print(f"Dossier '{args.case}' bestaat niet.", file=sys.stderr)
        return 1
    case_ids = [args.case] if args.case else [c.id for c in service.storage.cases.all()]
    rows = [promise_payload(state) for case_id in case_ids
            for state in service.dossier.ledger(case_id, today()).states]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("Geen betaaltoezeggingen.")
    for row in rows:
        print(f"{row['case_id']:10} {long_date(dt.date.fromisoformat(row['date'])):32} "
              f"{format_euro(row['amount']):>12}  {STATUS_NL[row['status']]}")
    return 0


def show_followups(args: argparse.Namespace) -> int:
    on = args.on or today()
    items = [item.to_payload() for item in calls().dossier.followups(on)]
    if args.json:
        print(json.dumps(items, ensure_ascii=False, indent=2))
        return 0
    print(f"Nazorg voor {long_date(on)}:" if items else f"Geen nazorg voor {long_date(on)}.")
    for item in items:
        print(f"  {item['date']}  {item['case_id']:10} {item['text']}")
    return 0


def payments(args: argparse.Namespace) -> int:
    try:
        if args.payments_command == "add":
            payment, _ = record_payment(calls(), args.case, args.amount, args.date,
                                        args.reference)
            print(f"Betaling geboekt: {format_euro(payment['amount'])} op "
                  f"{long_date(dt.date.fromisoformat(payment['date']))} voor dossier "
                  f"{payment['case_id']}.")
            return 0
        report = import_statement(calls(), args.file, dry_run=args.dry_run)
    except PaymentError as err:
        print(f"Er is niets geboekt: {err.message}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(report.to_payload(), ensure_ascii=False, indent=2))
        return 0
    count = len(report.booked)
    print(f"Proefrun, er is niets geboekt: {count} betaling(en) zouden worden geboekt."
          if args.dry_run else f"Afschrift ingelezen: {count} betaling(en) geboekt.")
    for title, matches in (("geboekt" if not args.dry_run else "te boeken", report.booked),
                           ("al eerder geboekt", report.already_booked),
                           ("niet gematcht", report.unmatched)):
        for match in matches:
            target = f"→ {match.case_id} ({match.how})" if match.case_id else f"— {match.reason}"
            print(f"  {title:18} {match.line.where:12} {format_euro(match.line.amount):>12}  "
                  f"{match.line.counterparty[:30]:30} {target}")
    return 0


def run(args: argparse.Namespace) -> int:
    return {"promises": show_promises, "followups": show_followups,
            "payments": payments}[args.command](args)
