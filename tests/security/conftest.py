"""One coach for the security suite: Rasa and the action server on free ports of
127.0.0.1, started once for the package, on a fresh database the tests can also read
(to prove that a refused request changed nothing).

Every request goes in logged in, as the coach now wants: ``coach.http`` is a collector's
session (the cookie of a real login), ``coach.login`` gives other accounts' sessions and
``coach.tool`` the session of a tool with an API token. A refusal the tests expect
(Host, cross-site, JSON-only, limits) then comes from the guard, not from a missing login."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pytest
import requests

from bot.channels.auth import NOT_ALLOWED, NOT_LOGGED_IN, SESSION_COOKIE
from bot.servers import Services
from bot.storage.store import Storage, default_storage
from tests.accounts import access_at, add_account, logged_in
from tests.conftest import TODAY
from tests.e2e.net import free_port

COLLECTOR = "veiligheid"  # the account behind coach.http


@dataclass
class Coach:
    services: Services
    storage: Storage
    db_url: str
    sessions: dict[str, requests.Session] = field(default_factory=dict)
    tools: dict[str, requests.Session] = field(default_factory=dict)

    @property
    def base(self) -> str:
        return self.services.rasa_url

    @property
    def pane(self) -> str:
        return f"{self.base}/webhooks/pane/"

    @property
    def rest(self) -> str:
        return f"{self.base}/webhooks/rest/webhook"

    def login(self, name: str, role: str = "collector", full_name: str = "") -> requests.Session:
        """A logged-in session of the account ``name`` (made with ``role`` when new); one
        session per account for the whole package."""
        if name not in self.sessions:
            add_account(self.db_url, name, role, full_name)
            self.sessions[name] = logged_in(self.base, name)
        return self.sessions[name]

    @property
    def http(self) -> requests.Session:
        """The collector's session through which the tests talk to the coach."""
        return self.login(COLLECTOR, full_name="Vera Veilig")

    @property
    def cookie(self) -> dict[str, str]:
        """coach.http's cookie as a header, for requests whose Host header keeps requests'
        cookie jar from sending it."""
        return {"Cookie": f"{SESSION_COOKIE}={self.http.cookies[SESSION_COOKIE]}"}

    def tool(self, name: str = "sec-tool", scope: str = "rest") -> requests.Session:
        """A session that sends a new API token (``Authorization: Bearer ic_…``)."""
        if name not in self.tools:
            secret = access_at(self.db_url).tokens.add(
                name, scope, dt.datetime.now().replace(microsecond=0))
            self.tools[name] = requests.Session()
            self.tools[name].headers["Authorization"] = f"Bearer {secret}"
        return self.tools[name]

    def start_call(self, case_id: str = "DEMO-1") -> str:
        answer = self.http.post(f"{self.pane}calls", json={"case_id": case_id}, timeout=60)
        assert answer.status_code == 201, answer.text
        return answer.json()["call_id"]

    def call(self, call_id: str) -> dict:
        answer = self.http.get(f"{self.pane}calls/{call_id}", timeout=30)
        assert answer.status_code == 200, answer.text
        return answer.json()


@pytest.fixture(scope="package")
def coach(trained_model, tmp_path_factory) -> Coach:
    url = f"sqlite:///{tmp_path_factory.mktemp('security-db') / 'incasso.sqlite3'}"
    storage = default_storage(url)  # created and seeded here, as the servers would
    services = Services(rasa_port=free_port(), action_port=free_port(), model=trained_model,
                        env={"INCASSO_TODAY": TODAY, "INCASSO_DATABASE_URL": url})
    with services:
        running = Coach(services, storage, url)
        yield running
        for session in (*running.sessions.values(), *running.tools.values()):
            session.close()


def error_of(answer: requests.Response, *statuses: int) -> str:
    """The Dutch error of a refused request (a JSON object, never an HTML page). The
    tests send a login, so the refusal is the guard's or the door's, never the login
    check's."""
    assert answer.status_code in statuses, (answer.status_code, answer.text[:300])
    assert answer.headers["content-type"].startswith("application/json"), answer.text[:300]
    message = answer.json()["error"]
    assert message not in (NOT_LOGGED_IN, NOT_ALLOWED), (answer.status_code, message)
    return message
