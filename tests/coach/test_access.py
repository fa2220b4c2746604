"""Accounts, sessions, tokens, the audit log and retention, on a real SQLite database."""
from __future__ import annotations

import datetime as dt

import pytest

from bot.coach.access import Access, Area, Principal
from bot.coach.accounts import AccessError, Role, account_name
from bot.coach.calls import CallService
from bot.coach.retention import apply_retention
from bot.coach.tokens import TOKEN_PREFIX
from bot.storage.store import Storage, default_storage

PASSWORD = "correct-paard-batterij"


@pytest.fixture
def store(tmp_path) -> Storage:
    return Storage.at(f"sqlite:///{tmp_path / 'access.sqlite3'}")


@pytest.fixture
def access(store) -> Access:
    service = Access(store, session_hours=2, allowed_failures=3)
    service.accounts.add("sanne", "collector", PASSWORD, "Sanne  Jansen")
    return service


def test_an_account_is_stored_with_an_argon2_hash_not_the_password(access, store):
    row = store.accounts.get("sanne")
    assert row.role is Role.COLLECTOR and row.active and row.full_name == "Sanne Jansen"
    assert row.password_hash.startswith("$argon2id$") and PASSWORD not in row.password_hash


@pytest.mark.parametrize("name", ["", "a", "Sanne Jansen", "x" * 65, "-sanne", "sanne/../x"])
def test_a_login_name_is_short_plain_and_lower_case(name):
    with pytest.raises(AccessError):
        account_name(name)


def test_names_are_case_insensitive_and_unique(access):
    with pytest.raises(AccessError) as taken:
        access.accounts.add("SANNE", "manager", PASSWORD)
    assert taken.value.status == 409


@pytest.mark.parametrize("password", ["kort", "123456789", "x" * 201])
def test_a_password_needs_ten_to_two_hundred_characters(access, password):
    with pytest.raises(AccessError):
        access.accounts.add("piet", "collector", password)
    assert access.accounts.store.get("piet") is None


def test_an_unknown_role_is_refused(access):
    with pytest.raises(AccessError, match="rol"):
        access.accounts.add("piet", "admin", PASSWORD)


def test_login_gives_a_session_that_names_the_account(access):
    secret, principal = access.login("Sanne", PASSWORD)
    assert principal == Principal("sanne", Role.COLLECTOR, full_name="Sanne Jansen")
    assert access.session(secret) == principal
    assert access.session(secret + "x") is None and access.session("") is None


@pytest.mark.parametrize("name, password", [("sanne", "fout-wachtwoord"), ("niemand", PASSWORD),
                                            ("sanne", ""), (None, None), (["sanne"], {})])
def test_a_wrong_login_is_refused_with_one_message(access, name, password):
    with pytest.raises(AccessError) as refused:
        access.login(name, password)
    assert refused.value.status == 401
    assert refused.value.message == "Gebruikersnaam of wachtwoord klopt niet."


def test_repeated_failures_pause_the_account_even_for_the_right_password(access, store):
    for _ in range(2):
        with pytest.raises(AccessError):
            access.login("sanne", "fout-wachtwoord")
    assert store.accounts.get("sanne").paused_until is None
    with pytest.raises(AccessError):
        access.login("sanne", "fout-wachtwoord")  # the third of three allowed: a pause
    with pytest.raises(AccessError) as paused:
        access.login("sanne", PASSWORD)
    assert paused.value.status == 429 and "seconden" in paused.value.message
    store.accounts.update("sanne", paused_until=dt.datetime(2000, 1, 1))
    access.login("sanne", PASSWORD)  # after the pause the right password works again
    assert store.accounts.get("sanne").failed_logins == 0


def test_a_session_expires(access, store):
    secret, _ = access.login("sanne", PASSWORD)
    store.sessions.remove_expired(dt.datetime.now() + dt.timedelta(hours=3))
    assert access.session(secret) is None


def test_logout_ends_the_session(access):
    secret, principal = access.login("sanne", PASSWORD)
    access.logout(secret, principal)
    assert access.session(secret) is None


def test_disabling_an_account_ends_its_sessions_and_its_logins(access):
    secret, _ = access.login("sanne", PASSWORD)
    access.disable("sanne", "beheer")
    assert access.session(secret) is None
    with pytest.raises(AccessError):
        access.login("sanne", PASSWORD)
    access.accounts.enable("sanne")
    assert access.login("sanne", PASSWORD)[1].name == "sanne"


def test_a_new_password_replaces_the_old_one(access):
    access.accounts.set_password("sanne", "een-heel-nieuw-wachtwoord")
    with pytest.raises(AccessError):
        access.login("sanne", PASSWORD)
    assert access.login("sanne", "een-heel-nieuw-wachtwoord")[1].name == "sanne"


def test_logins_and_failures_are_in_the_audit_log(access):
    with pytest.raises(AccessError):
        access.login("sanne", "fout-wachtwoord")
    access.login("sanne", PASSWORD)
    entries = access.audit.recent(10)
    assert [(e.actor, e.action) for e in entries] == [("sanne", "login"),
                                                       ("sanne", "login_failed")]
    assert entries[0].to_payload()["label"] == "ingelogd"


def test_an_unknown_audit_action_is_a_programming_error(access):
    with pytest.raises(ValueError):
        access.audit.record("sanne", "something_else")


def test_a_token_is_shown_once_stored_hashed_and_revocable(access, store):
    at = dt.datetime(2026, 11, 23, 9, 0)
    secret = access.tokens.add("Telefonie", "push", at)
    assert secret.startswith(TOKEN_PREFIX) and len(secret) > 40
    row = store.tokens.all()[0]
    assert row.name == "telefonie" and secret not in row.token_hash
    assert access.bearer(secret) == Principal("telefonie", scope="push")
    assert access.bearer(secret[:-1] + "x") is None and access.bearer("Bearer") is None
    access.tokens.revoke("telefonie", at)
    assert access.bearer(secret) is None
    with pytest.raises(AccessError):  # a revoked name is not reused
        access.tokens.add("telefonie", "push", at)
    with pytest.raises(AccessError):
        access.tokens.add("ander", "alles", at)
    with pytest.raises(AccessError) as unknown:
        access.tokens.revoke("bestaat-niet", at)
    assert unknown.value.status == 404


@pytest.mark.parametrize("principal, allowed", [
    (Principal("c", Role.COLLECTOR), {Area.CALLS, Area.PUSH, Area.REST, Area.TRAINING,
                                      Area.SELF}),
    (Principal("t", Role.TRAINER), {Area.TRAINING, Area.TEAM_TRAINING, Area.SELF}),
    (Principal("m", Role.MANAGER), set(Area)),
    (Principal("tool", scope="push"), {Area.PUSH}),
    (Principal("tool", scope="rest"), {Area.REST}),
])
def test_each_role_and_scope_reaches_only_its_areas(principal, allowed):
    assert {area for area in Area if principal.may(area)} == allowed


def test_a_collector_owns_their_own_calls_and_a_manager_all():
    sanne, piet = Principal("sanne", Role.COLLECTOR), Principal("piet", Role.COLLECTOR)
    assert sanne.owns("sanne") and not piet.owns("sanne") and not sanne.owns("")
    assert Principal("mia", Role.MANAGER).owns("sanne")
    assert Principal("tel", scope="push").owns("sanne")
    assert not Principal("tool", scope="rest").owns("sanne")
    assert Principal("tool", scope="rest").owns("token:tool")


def test_retention_deletes_old_lines_and_keeps_the_rest(tmp_path):
    store = default_storage(f"sqlite:///{tmp_path / 'seeded.sqlite3'}")  # with the demo cases
    service = CallService(store)
    service.start("call-1", "DEMO-1", "Sanne", "sanne")
    service.add_line("call-1", "debiteur", "De boekhouder is op vakantie.", None, {})
    service.collector_line("call-1", "Kunt u vrijdag 500 euro betalen?")
    service.replace_agreements("call-1", [{"date": "2026-11-27", "amount": "500"}])
    service.end("call-1")
    later = dt.datetime.now() + dt.timedelta(days=31)
    dry = apply_retention(store.retention, 30, later, dry_run=True)
    assert (dry.lines, dry.dry_run) == (2, True)
    assert len([e for e in store.calls.events_after("call-1") if e["kind"] == "line"]) == 2
    assert apply_retention(store.retention, 60, later).lines == 0
    done = apply_retention(store.retention, 30, later)
    assert done.lines == 2 and "2 regels" in done.describe()
    remaining = store.calls.events_after("call-1")
    assert all(e["kind"] != "line" for e in remaining)
    assert {e["kind"] for e in remaining} >= {"agreements", "summary"}
    assert [(p.date.isoformat(), p.amount) for p in store.promises.find(call_id="call-1")] == [
        ("2026-11-27", 500)]  # the ledger is untouched
    assert store.calls.get("call-1").summary  # the call, its brief and summary stay
    assert apply_retention(store.retention, 0, later).before is None  # 0 = keep everything
