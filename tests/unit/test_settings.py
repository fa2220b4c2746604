"""The company settings a manager edits: loaded, validated with Dutch messages."""
from pathlib import Path

import pytest
import yaml

from bot.coach.settings import (
    SETTINGS_ENV,
    SETTINGS_PATH,
    SettingsError,
    default_settings,
    load_settings,
    parse_settings,
)


def valid() -> dict:
    """A fresh copy of the shipped file's data, to break one field at a time."""
    return yaml.safe_load(SETTINGS_PATH.read_text(encoding="utf-8"))


def test_shipped_settings_load_and_have_no_placeholders():
    settings = load_settings(SETTINGS_PATH)
    assert settings.iban == "NL91ABNA0417164300"
    assert settings.iban_display == "NL91 ABNA 0417 1643 00"
    assert settings.bic == "ABNANL2A"
    for value in vars(settings).values():
        if isinstance(value, str):
            assert value.strip() and "[" not in value and "{" not in value
    assert (settings.session_hours, settings.failed_logins_before_pause,
            settings.call_lines_days) == (12, 5, 365)


def test_access_and_retention_may_be_left_out_and_are_checked_when_given():
    data = valid()
    del data["access"], data["retention"]
    settings = parse_settings(data)
    assert (settings.session_hours, settings.call_lines_days) == (12, 365)
    for section, key, value in [("access", "session_hours", 0), ("access", "session_hours", "12"),
                                ("retention", "call_lines_days", -1),
                                ("retention", "call_lines_days", True)]:
        broken = valid()
        broken[section][key] = value
        with pytest.raises(SettingsError, match=key):
            parse_settings(broken)
    unknown = valid()
    unknown["access"]["sso"] = True
    with pytest.raises(SettingsError, match="sso"):
        parse_settings(unknown)


def test_texts_are_joined_on_one_line_but_the_signature_keeps_its_lines():
    data = valid()
    data["payment_terms"]["missed_payment"] = "Komt het niet binnen,\n  dan bellen wij."
    data["signature"] = "Debiteurenbeheer\nAfdeling financiën"
    settings = parse_settings(data)
    assert settings.missed_payment == "Komt het niet binnen, dan bellen wij."
    assert settings.signature == "Debiteurenbeheer\nAfdeling financiën"


def test_env_var_points_to_another_file(tmp_path, monkeypatch):
    data = valid()
    data["company"] = "Andere Groothandel B.V."
    path = tmp_path / "eigen.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv(SETTINGS_ENV, str(path))
    assert default_settings().company == "Andere Groothandel B.V."
    monkeypatch.delenv(SETTINGS_ENV)
    assert default_settings().company == load_settings(SETTINGS_PATH).company


@pytest.mark.parametrize("key, value, words", [
    ("iban", "NL91 ABNA 0417 1643 01", ["'iban'", "geen geldig IBAN"]),
    ("bic", "ABN", ["'bic'", "geen geldige BIC"]),
    ("reply_to", "debiteuren at groenhof", ["'reply_to'", "geen e-mailadres"]),
    ("signature", "  ", ["'signature'", "ontbreekt of is leeg"]),
    ("sender_name", "[uw naam]", ["'sender_name'", "invulveld"]),
    ("company", "{bedrijf}", ["'company'", "invulveld"]),
    ("phone", 307001234, ["'phone'", "aanhalingstekens"]),
])
def test_a_wrong_field_is_named(key, value, words):
    data = valid()
    data[key] = value
    with pytest.raises(SettingsError) as info:
        parse_settings(data, "settings.yml")
    message = str(info.value)
    assert message.startswith("settings.yml")
    assert all(word in message for word in words), message


def test_missing_field_is_named():
    data = valid()
    del data["reply_to"]
    with pytest.raises(SettingsError, match="'reply_to' ontbreekt"):
        parse_settings(data)


def test_a_typo_in_a_key_is_refused():
    data = valid()
    data["iabn"] = data.pop("iban")
    with pytest.raises(SettingsError, match="onbekende instelling.*iabn"):
        parse_settings(data)


def test_payment_terms_are_required_and_checked():
    data = valid()
    del data["payment_terms"]["missed_instalment"]
    with pytest.raises(SettingsError, match="payment_terms: 'missed_instalment' ontbreekt"):
        parse_settings(data)
    data = valid()
    data["payment_terms"] = "betalen binnen 14 dagen"
    with pytest.raises(SettingsError, match="'payment_terms'"):
        parse_settings(data)


@pytest.mark.parametrize("data", [None, [], "tekst"])
def test_top_level_must_be_a_mapping(data):
    with pytest.raises(SettingsError, match="mapping"):
        parse_settings(data)


def test_missing_and_broken_files(tmp_path):
    with pytest.raises(SettingsError, match="niet gevonden"):
        load_settings(tmp_path / "weg.yml")
    broken = tmp_path / "kapot.yml"
    broken.write_text("company: [open\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="kapot.yml: geen geldige YAML"):
        load_settings(Path(broken))
