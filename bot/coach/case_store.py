"""An embedded SQLite store of cases, plus import from YAML and from accounting CSV exports.

Cases are stored as validated JSON documents keyed by id; an import is validated in full
before anything is written, so a bad file never leaves the store half-updated.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path

import yaml

from bot.coach.cases import Case, CaseError, case_from_dict, case_to_dict
from bot.coach.money import euros
from bot.coach.yaml_files import read_yaml

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SAMPLE_CASES = PROJECT_ROOT / "bot" / "cases" / "sample_cases.yml"
DEFAULT_DB = PROJECT_ROOT / "build" / "cases.sqlite3"
DB_ENV = "INCASSO_CASES_DB"

CSV_COLUMNS = ("debiteurnummer", "bedrijfsnaam", "contactpersoon", "functie", "telefoon", "email",
               "factuurnummer", "factuurdatum", "vervaldatum", "bedrag", "omschrijving", "leverdatum")


class CaseStore:
    """Cases in one SQLite file. Opened per use; SQLite handles concurrent readers."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.execute("CREATE TABLE IF NOT EXISTS cases ("
                       " id TEXT PRIMARY KEY, company TEXT NOT NULL, contact TEXT NOT NULL,"
                       " data TEXT NOT NULL, updated_at TEXT NOT NULL)")

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=5)

    def save_all(self, cases: Iterable[Case]) -> int:
        """Insert or replace cases in one transaction; returns how many were written."""
        rows = [(c.id, c.company, c.contact.name, json.dumps(case_to_dict(c)),
                 dt.datetime.now().isoformat(timespec="seconds")) for c in cases]
        with self._connect() as db:
            db.executemany("INSERT OR REPLACE INTO cases VALUES (?, ?, ?, ?, ?)", rows)
        return len(rows)

    def get(self, case_id: str) -> Case | None:
        """The case with this id (case-insensitive), or None."""
        with self._connect() as db:
            row = db.execute("SELECT data FROM cases WHERE id = ?",
                             (case_id.strip().upper(),)).fetchone()
        return case_from_dict(json.loads(row[0])) if row else None

    def search(self, text: str = "", limit: int = 20) -> list[tuple[str, str, str]]:
        """(id, company, contact) of cases whose id, company or contact contains ``text``."""
        escaped = text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        like = f"%{escaped}%"
        with self._connect() as db:
            return db.execute("SELECT id, company, contact FROM cases WHERE id LIKE ?1 ESCAPE '\\'"
                              " OR company LIKE ?1 ESCAPE '\\' OR contact LIKE ?1 ESCAPE '\\'"
                              " ORDER BY id LIMIT ?2", (like, limit)).fetchall()

    def count(self) -> int:
        with self._connect() as db:
            return db.execute("SELECT count(*) FROM cases").fetchone()[0]


def default_store() -> CaseStore:
    """The store at $INCASSO_CASES_DB (or build/cases.sqlite3), seeded with the samples."""
    store = CaseStore(os.environ.get(DB_ENV) or DEFAULT_DB)
    if store.count() == 0:
        store.save_all(load_yaml(SAMPLE_CASES))
    return store


def import_file(store: CaseStore, path: Path | str) -> list[Case]:
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
