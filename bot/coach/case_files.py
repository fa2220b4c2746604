"""Files of cases: the samples, YAML files and accounting CSV exports.

An import is validated in full before anything is written, so a bad file never leaves the
database half-updated. Where cases are kept is bot.storage's business.
"""
from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

import yaml  # no types-PyYAML in the venv

from bot.coach.cases import Case, CaseError, case_from_dict
from bot.coach.money import euros
from bot.coach.yaml_files import read_yaml

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SAMPLE_CASES = PROJECT_ROOT / "bot" / "cases" / "sample_cases.yml"


class CaseSaver(Protocol):
    """Where imported cases go (bot.storage.cases.CaseRepository)."""

    def save_all(self, cases: Iterable[Case]) -> int: ...


CSV_COLUMNS = ("debiteurnummer", "bedrijfsnaam", "contactpersoon", "functie", "telefoon", "email",
               "factuurnummer", "factuurdatum", "vervaldatum", "bedrag", "omschrijving",
               "leverdatum")


def import_file(store: CaseSaver, path: Path | str) -> list[Case]:
    """Import a .yml/.yaml or .csv file of cases; all or nothing."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".yml", ".yaml"):
        cases = load_yaml(path)
    elif suffix == ".csv":
        cases = load_csv(path)
    else:
        raise CaseError(f"{path.name}: alleen .yml, .yaml of .csv kan worden geïmporteerd")
    store.save_all(cases)
    return cases


def _unique(cases: list[Case], source: str) -> list[Case]:
    seen: set[str] = set()
    for case in cases:
        if case.id.upper() in seen:
            raise CaseError(f"{source}: dossier-id {case.id} komt meer dan eens voor")
        seen.add(case.id.upper())
    return cases


class _CaseLoader(yaml.SafeLoader):
    """YAML without automatic dates, so a wrong date reaches the validator, which names
    the field and the value (PyYAML itself would fail on 2026-13-45 with a bare error)."""


_CaseLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def load_yaml(path: Path | str) -> list[Case]:
    path = Path(path)
    data = read_yaml(path, CaseError, _CaseLoader)
    if not isinstance(data, dict) or not isinstance(data.get("cases"), list):
        raise CaseError(f"{path.name}: verwacht een lijst 'cases:' bovenaan het bestand")
    cases = [case_from_dict(item, f"{path.name} dossier {i}")
             for i, item in enumerate(data["cases"], start=1)]
    return _unique(cases, path.name)


def _csv_date(value: str, where: str) -> str:
    try:
        return dt.datetime.strptime(value.strip(), "%d-%m-%Y").date().isoformat()
    except ValueError as err:
        raise CaseError(f"{where}: '{value}' is geen datum als DD-MM-JJJJ") from err


def _csv_amount(value: str, where: str) -> str:
    cleaned = value.strip().replace("€", "").replace(" ", "").replace(".", "").replace(",", ".")
    try:
        return str(euros(cleaned))
    except ValueError as err:
        raise CaseError(f"{where}: '{value}' is geen bedrag") from err


def load_csv(path: Path | str) -> list[Case]:
    """Cases from an 'openstaande posten' export: one row per invoice, ';'-separated,
    Dutch dates (DD-MM-JJJJ) and amounts (1.250,50). History fields start empty."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as err:
        raise CaseError(f"{path}: bestand niet gevonden") from err
    except UnicodeDecodeError as err:
        raise CaseError(f"{path.name}: het bestand is geen UTF-8-tekst") from err
    if not text.strip():
        raise CaseError(f"{path.name}: het bestand is leeg")
    reader = csv.DictReader(text.splitlines(), delimiter=";")
    missing = [c for c in CSV_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise CaseError(f"{path.name}: kolom(men) ontbreken: {', '.join(missing)}")
    by_debtor: dict[str, dict] = {}
    for line_no, row in enumerate(reader, start=2):
        where = f"{path.name} regel {line_no}"
        if None in row.values() or None in row:
            raise CaseError(f"{where}: verwacht {len(CSV_COLUMNS)} kolommen gescheiden door ';'")
        debtor = row["debiteurnummer"].strip().upper()
        if not debtor:
            raise CaseError(f"{where}: debiteurnummer ontbreekt")
        case = by_debtor.setdefault(debtor, {
            "id": debtor, "company": row["bedrijfsnaam"],
            "contact": {"name": row["contactpersoon"], "role": row["functie"],
                        "phone": row["telefoon"], "email": row["email"]},
            "invoices": [],
        })
        case["invoices"].append({
            "number": row["factuurnummer"],
            "date": _csv_date(row["factuurdatum"], where),
            "due_date": _csv_date(row["vervaldatum"], where),
            "amount": _csv_amount(row["bedrag"], where),
            "description": row["omschrijving"],
            "delivered_on": _csv_date(row["leverdatum"], where) if row["leverdatum"] else None,
        })
    cases = [case_from_dict(data, path.name) for data in by_debtor.values()]
    if not cases:
        raise CaseError(f"{path.name}: geen regels met facturen gevonden")
    return cases
