"""`bot.cli users | tokens | audit | retention`, and the first manager of a new install."""
from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest

from bot import access_cli
from bot.cli import main
from bot.storage.database import database_url
from tests.accounts import access_at
from tests.conftest import ROOT

PASSWORD = "een-goed-wachtwoord"


def add_user(monkeypatch, name: str, role: str, password: str = PASSWORD) -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(password + "\n"))
    return main(["users", "add", name, "--role", role, "--password-stdin"])


def test_users_add_list_disable(monkeypatch, capsys):
    assert add_user(monkeypatch, "sanne", "collector") == 0
    assert add_user(monkeypatch, "mia", "manager") == 0
    assert main(["users", "disable", "sanne"]) == 0
    assert main(["users", "list"]) == 0
    out = capsys.readouterr().out
    assert "Gebruiker sanne toegevoegd (incasseerder)" in out
    listed = {line.split()[0]: line.split()[1:3] for line in out.splitlines()
              if line.startswith(("sanne ", "mia "))}
    assert listed == {"mia": ["manager", "actief"], "sanne": ["collector", "uitgeschakeld"]}
    service = access_at(database_url())
    with pytest.raises(Exception, match="klopt niet"):
        service.login("sanne", PASSWORD)
    assert service.login("mia", PASSWORD)[1].name == "mia"


@pytest.mark.parametrize("name, role, password, message", [
    ("sanne", "collector", "kort", "minstens 10 tekens"),
    ("Sanne Jansen", "collector", PASSWORD, "gebruikersnaam"),
])
def test_users_add_refuses_bad_input_and_changes_nothing(monkeypatch, capsys, name, role,
                                                         password, message):
    assert add_user(monkeypatch, name, role, password) == 1
    assert message in capsys.readouterr().err.lower()
    assert access_at(database_url()).accounts.all() == []


def test_a_name_cannot_be_added_twice_nor_an_unknown_user_disabled(monkeypatch, capsys):
    assert add_user(monkeypatch, "sanne", "collector") == 0
    assert add_user(monkeypatch, "sanne", "manager") == 1
    assert main(["users", "disable", "niemand"]) == 1
    err = capsys.readouterr().err
    assert "bestaat al" in err and "geen gebruiker 'niemand'" in err


def test_tokens_add_prints_the_token_alone_on_the_last_line():
    """The contract, through a real process: the last line is the token and nothing else."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "bot.cli", "tokens", "add", "telefonie"],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    token = done.stdout.splitlines()[-1]
    assert token.startswith("ic_") and " " not in token
    assert access_at(database_url()).bearer(token).scope == "push"


def test_tokens_list_and_revoke(capsys):
    assert main(["tokens", "add", "spraak", "--scope", "rest"]) == 0
    token = capsys.readouterr().out.splitlines()[-1]
    assert main(["tokens", "list"]) == 0
    listed = capsys.readouterr().out
    assert "spraak" in listed and "rest" in listed and token not in listed
    assert main(["tokens", "revoke", "spraak"]) == 0
    assert access_at(database_url()).bearer(token) is None
    assert main(["tokens", "revoke", "spraak-2"]) == 1


def test_audit_lists_what_the_commands_did(monkeypatch, capsys):
    add_user(monkeypatch, "sanne", "collector")
    main(["tokens", "add", "telefonie"])
    capsys.readouterr()
    assert main(["audit", "--json"]) == 0
    out = capsys.readouterr().out
    assert '"action": "token_added"' in out and '"action": "account_added"' in out
    assert "ic_" not in out  # a secret never reaches the log


def test_the_first_manager_gets_a_generated_password_once():
    shown = access_cli.first_manager()
    assert shown is not None and "beheerder" in shown
    password = shown.split("wachtwoord: ")[1].split()[0]
    assert len(password) >= 16
    assert access_at(database_url()).login("beheerder", password)[1].role.value == "manager"
    assert access_cli.first_manager() is None  # never again, never a reset


def test_retention_dry_run_names_what_it_would_delete(capsys):
    assert main(["retention", "--dry-run"]) == 0
    assert "zouden worden verwijderd" in capsys.readouterr().out


def test_a_changed_settings_file_is_noted_in_the_audit_log_once(tmp_path, monkeypatch):
    settings = tmp_path / "settings.yml"
    settings.write_text((ROOT / "bot" / "settings.yml").read_text(encoding="utf-8"))
    monkeypatch.setenv("INCASSO_SETTINGS", str(settings))
    assert access_cli.note_changed_files() == ["settings.yml", "playbook.yml"]
    assert access_cli.note_changed_files() == []
    settings.write_text(settings.read_text() + "\n# ander telefoonnummer\n")
    assert access_cli.note_changed_files() == ["settings.yml"]
    entries = access_at(database_url()).audit.recent(10, action="settings_changed")
    assert [e.subject for e in entries] == ["settings.yml", "playbook.yml", "settings.yml"]
