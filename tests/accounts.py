"""Accounts, sessions and tokens for tests that talk to a running coach: made in the
database the servers use, and logged in through the real login route."""
from __future__ import annotations

import datetime as dt

import requests

from bot.coach.access import Access
from bot.storage.store import Storage

PASSWORD = "oefen-wachtwoord-2026"  # tests only; never a default of the product


def access_at(url: str) -> Access:
    return Access(Storage.at(url))


def add_account(url: str, name: str, role: str = "collector", full_name: str = "",
                password: str = PASSWORD) -> None:
    """An account in the database at ``url`` (nothing when it is there already)."""
    service = access_at(url)
    if service.accounts.store.get(name) is None:
        service.accounts.add(name, role, password, full_name)


def logged_in(base_url: str, name: str, password: str = PASSWORD) -> requests.Session:
    """A requests session with the cookie of a real login at ``base_url`` (Rasa's URL)."""
    session = requests.Session()
    answer = session.post(f"{base_url}/webhooks/pane/login",
                          json={"username": name, "password": password}, timeout=30)
    assert answer.status_code == 200, answer.text
    return session


def login_cookie(base_url: str, name: str, password: str = PASSWORD) -> str:
    """The session cookie's value, for clients other than requests (a browser)."""
    return logged_in(base_url, name, password).cookies["incasso_session"]


def push_token(url: str, name: str, scope: str = "push") -> str:
    """A new API token in the database at ``url``; its secret."""
    return access_at(url).tokens.add(name, scope, dt.datetime.now().replace(microsecond=0))
