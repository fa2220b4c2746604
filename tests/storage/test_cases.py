"""Cases in the database, and importing YAML/CSV files into it, all or nothing."""
import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.coach.case_files import CSV_COLUMNS, SAMPLE_CASES, import_file, load_csv, load_yaml
from bot.coach.cases import CaseError, case_to_dict
from bot.storage.cases import CaseRepository
from bot.storage.store import Storage, default_storage

PROJECT_ROOT = Path(__file__).resolve().parents[2]
BAD_CASES_DIR = PROJECT_ROOT / "tests" / "data" / "bad_cases"
SAMPLE_IDS = tuple(case.id for case in load_yaml(SAMPLE_CASES))  # in file order
SAMPLES = len(SAMPLE_IDS)


@pytest.fixture
def store(tmp_path) -> CaseRepository:
    """A fresh database in this test's tmp_path, seeded with the sample cases."""
    cases = Storage.at(f"sqlite:///{tmp_path / 'cases.sqlite3'}").cases
    cases.save_all(load_yaml(SAMPLE_CASES))
    return cases


@pytest.fixture
def sample_cases() -> dict:
    return {case.id: case for case in load_yaml(SAMPLE_CASES)}

SAMPLE_EXPORT = PROJECT_ROOT / "bot" / "cases" / "sample_export.csv"


def snapshot(store: CaseRepository) -> dict:
    """Everything a reader can see: every case as plain data, by id."""
    return {row[0]: case_to_dict(store.get(row[0])) for row in store.search(limit=1000)}


def test_store_holds_the_samples(store):
    assert store.count() == SAMPLES
    assert store.get("DEMO-1").contact.name == "mevrouw De Vries"


@pytest.mark.parametrize("asked", ["DEMO-1", "demo-1", "Demo-1", "  demo-1 "])
def test_get_is_case_insensitive(store, sample_cases, asked):
    assert store.get(asked) == sample_cases["DEMO-1"]


@pytest.mark.parametrize("asked", ["DEMO-99", "", "DEMO", "1"])
def test_unknown_id_gives_none(store, asked):
    assert store.get(asked) is None


def test_search_by_company_contact_and_id(store):
    assert [r[0] for r in store.search("Hoekstra")] == ["DEMO-3"]
    assert [r[0] for r in store.search("Bloemisterij")] == ["DEMO-1"]
    assert [r[0] for r in store.search("vries")] == ["DEMO-1"]          # contact, any case
    assert [r[0] for r in store.search("mevrouw")] == [
        case_id for case_id in sorted(SAMPLE_IDS)
        if "mevrouw" in store.get(case_id).contact.name.lower()]
    assert {"DEMO-1", "DEMO-4", "DEMO-7"} <= {r[0] for r in store.search("mevrouw")}
    assert store.search("DEMO-6") == [("DEMO-6", "Fysiotherapie Het Anker", "de heer Mulder")]
    assert store.search("Bestaat Niet") == []
    assert len(store.search("", limit=3)) == 3
    assert [r[0] for r in store.search("")] == sorted(SAMPLE_IDS)


def test_default_store_uses_the_env_database_and_seeds_samples(tmp_path):
    store = default_storage().cases   # INCASSO_DATABASE_URL points into tmp_path (conftest)
    assert (tmp_path / "incasso.sqlite3").exists()
    assert store.count() == SAMPLES


def test_saving_again_replaces_instead_of_duplicating(store, sample_cases):
    store.save_all(sample_cases.values())
    assert store.count() == SAMPLES


def test_import_with_different_id_case_replaces_the_existing_case(store, tmp_path):
    """get() treats ids case-insensitively, so importing 'demo-1' must update DEMO-1
    rather than add a second, shadowed copy."""
    text = SAMPLE_CASES.read_text(encoding="utf-8").replace(
        "id: DEMO-1\n    company: Bloemisterij De Vries",
        "id: demo-1\n    company: Bloemisterij De Vries Nieuw")
    path = tmp_path / "update.yml"
    path.write_text(text, encoding="utf-8")
    import_file(store, path)
    assert store.count() == SAMPLES
    assert store.get("DEMO-1").company == "Bloemisterij De Vries Nieuw"


# --- CSV export ---------------------------------------------------------------------------

def test_csv_export_gives_three_debtors_with_exact_amounts():
    cases = {c.id: c for c in load_csv(SAMPLE_EXPORT)}
    assert list(cases) == ["CSV-101", "CSV-102", "CSV-103"]
    kok = cases["CSV-101"]
    assert kok.company == "Groothandel Kok Horecabenodigdheden B.V."
    assert kok.contact.name == "Mevr. S. Kok"
    assert kok.contact.email == "s.kok@example.nl"
    assert [(i.number, i.amount) for i in kok.invoices] == [
        ("2026-0561", Decimal("1250.50")), ("2026-0598", Decimal("12480.00"))]
    assert kok.invoices[0].date == dt.date(2026, 9, 1)
    assert kok.invoices[0].due_date == dt.date(2026, 10, 1)
    assert kok.invoices[0].delivered_on == dt.date(2026, 8, 28)
    assert kok.balance == Decimal("13730.50")
    assert [i.amount for i in cases["CSV-102"].invoices] == [Decimal("845.95")]
    assert [i.amount for i in cases["CSV-103"].invoices] == [
        Decimal("2117.40"), Decimal("399.30"), Decimal("6050.00")]
    assert cases["CSV-103"].balance == Decimal("8566.70")
    # History fields start empty.
    assert all(not c.earlier_agreements and not c.reminders and not c.complaints
               for c in cases.values())


def test_import_csv_adds_to_the_store(store):
    imported = import_file(store, SAMPLE_EXPORT)
    assert len(imported) == 3
    assert store.count() == SAMPLES + 3
    assert store.get("csv-103").contact.name == "Dhr. W. Peters"


def test_csv_with_a_row_that_has_too_few_fields_gives_case_error(tmp_path):
    path = tmp_path / "short.csv"
    path.write_text(";".join(CSV_COLUMNS) + "\nCSV-9;Bedrijf;Dhr. X;;;;2026-1;01-09-2026\n",
                    encoding="utf-8")
    with pytest.raises(CaseError) as info:
        load_csv(path)
    assert "short.csv" in str(info.value)


def test_unsupported_file_type_is_refused(store, tmp_path):
    path = tmp_path / "cases.xlsx"
    path.write_bytes(b"not really excel")
    with pytest.raises(CaseError, match=r"\.yml, \.yaml of \.csv"):
        import_file(store, path)


def test_missing_file_gives_case_error(store, tmp_path):
    with pytest.raises(CaseError, match="niet gevonden"):
        import_file(store, tmp_path / "bestaat-niet.yml")
    with pytest.raises(CaseError, match="niet gevonden"):
        import_file(store, tmp_path / "bestaat-niet.csv")


# --- bad files ----------------------------------------------------------------------------

# For each bad file: words the Dutch message must contain so the user can fix the file.
BAD_FILES = {
    "bad_amount.csv": ["regel 3", "'abc'", "bedrag"],
    "bad_amount.yml": ["BAD-AMOUNT-1", "'twaalf'", "bedrag"],
    "bad_date.csv": ["regel 2", "31-02-2026", "datum"],
    "bad_date.yml": ["datum", "2026-13-45"],
    "broken_yaml.yml": ["geen geldige YAML", "regel"],
    "duplicate_id.yml": ["DUP-1", "meer dan eens"],
    "empty.csv": ["leeg"],
    "missing_column.csv": ["factuurnummer", "ontbreken"],
    "missing_id.yml": ["'id'", "ontbreekt"],
}


def test_every_bad_file_is_covered():
    assert sorted(p.name for p in BAD_CASES_DIR.iterdir()) == sorted(BAD_FILES)


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_gives_case_error_naming_the_problem(name):
    path = BAD_CASES_DIR / name
    loader = load_csv if path.suffix == ".csv" else load_yaml
    with pytest.raises(CaseError) as info:
        loader(path)
    message = str(info.value)
    assert name in message, "the message names the file"
    for word in BAD_FILES[name]:
        assert word in message, f"{word!r} missing from {message!r}"


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_failed_import_leaves_the_store_unchanged(store, name):
    before_count, before = store.count(), snapshot(store)
    with pytest.raises(CaseError):
        import_file(store, BAD_CASES_DIR / name)
    assert store.count() == before_count
    assert snapshot(store) == before


def test_first_good_row_of_a_bad_csv_is_not_imported(store):
    """bad_amount.csv has a valid first row for CSV-201; all or nothing means it is not saved."""
    with pytest.raises(CaseError):
        import_file(store, BAD_CASES_DIR / "bad_amount.csv")
    assert store.get("CSV-201") is None


def test_store_rows_are_valid_json_documents(store):
    with store.engine.connect() as db:
        rows = db.execute(sa.text("SELECT id, data FROM cases")).fetchall()
    assert {row[0] for row in rows} == set(SAMPLE_IDS)
    for case_id, data in rows:
        assert json.loads(data)["id"] == case_id
