"""One coach for the security suite: Rasa and the action server on free ports of
127.0.0.1, started once for the package, on a fresh database the tests can also read
(to prove that a refused request changed nothing)."""
from __future__ import annotations

from dataclasses import dataclass

import pytest
import requests

from bot.servers import Services
from bot.storage.store import Storage, default_storage
from tests.conftest import TODAY
from tests.e2e.net import free_port


@dataclass
class Coach:
    services: Services
    storage: Storage

    @property
    def base(self) -> str:
        return self.services.rasa_url

    @property
    def pane(self) -> str:
        return f"{self.base}/webhooks/pane/"

    @property
    def rest(self) -> str:
        return f"{self.base}/webhooks/rest/webhook"

    def start_call(self, case_id: str = "DEMO-1") -> str:
        answer = requests.post(f"{self.pane}calls", json={"case_id": case_id}, timeout=60)
        assert answer.status_code == 201, answer.text
        return answer.json()["call_id"]

    def call(self, call_id: str) -> dict:
        answer = requests.get(f"{self.pane}calls/{call_id}", timeout=30)
        assert answer.status_code == 200, answer.text
        return answer.json()


@pytest.fixture(scope="package")
def coach(trained_model, tmp_path_factory) -> Coach:
    url = f"sqlite:///{tmp_path_factory.mktemp('security-db') / 'incasso.sqlite3'}"
    storage = default_storage(url)  # created and seeded here, as the servers would
    services = Services(rasa_port=free_port(), action_port=free_port(), model=trained_model,
                        env={"INCASSO_TODAY": TODAY, "INCASSO_DATABASE_URL": url,
                             "INCASSO_TRAINING_DB": url.removeprefix("sqlite:///")
                             .replace("incasso.sqlite3", "training.sqlite3")})
    with services:
        yield Coach(services, storage)


def error_of(answer: requests.Response, *statuses: int) -> str:
    """The Dutch error of a refused request (a JSON object, never an HTML page)."""
    assert answer.status_code in statuses, (answer.status_code, answer.text[:300])
    assert answer.headers["content-type"].startswith("application/json"), answer.text[:300]
    return answer.json()["error"]
