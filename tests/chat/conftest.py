"""Rasa and the action server with the Slack and Teams channels of credentials-chat.yml,
started once for all chat tests, talking to the local fakes in fakes.py. Secrets and the
RSA signing key are made up at test time."""
from __future__ import annotations

import json
import secrets
import socket
import uuid
from dataclasses import dataclass

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from bot.servers import ROOT, Services
from tests.chat.fakes import FakeChatServer
from tests.conftest import TODAY


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Chat:
    services: Services
    fake: FakeChatServer
    signing_secret: str
    bot_token: str
    app_id: str
    app_password: str
    tenant_id: str
    key: rsa.RSAPrivateKey
    key_id: str

    @property
    def slack_url(self) -> str:
        return f"{self.services.rasa_url}/webhooks/slack/webhook"

    @property
    def teams_url(self) -> str:
        return f"{self.services.rasa_url}/webhooks/botframework/webhook"


def new_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def public_jwk(key: rsa.RSAPrivateKey, key_id: str, endorsements: list[str]) -> dict:
    jwk = json.loads(RSAAlgorithm.to_jwk(key.public_key()))
    return {**jwk, "kid": key_id, "use": "sig", "endorsements": endorsements}


@pytest.fixture(scope="session")
def chat(trained_model, tmp_path_factory):
    fake = FakeChatServer().start()
    key, key_id = new_key(), f"test-key-{uuid.uuid4().hex[:8]}"
    fake.jwks = {"keys": [public_jwk(key, key_id, ["msteams"])]}
    setup = Chat(services=Services(rasa_port=free_port(), action_port=free_port(),
                                   model=trained_model,
                                   chat_credentials=ROOT / "credentials-chat.yml"),
                 fake=fake, signing_secret=secrets.token_hex(16),
                 bot_token=f"xoxb-test-{secrets.token_hex(8)}", app_id=str(uuid.uuid4()),
                 app_password=secrets.token_urlsafe(16), tenant_id=str(uuid.uuid4()),
                 key=key, key_id=key_id)
    setup.services.env = {
        "INCASSO_TODAY": TODAY,
        "INCASSO_DATABASE_URL":
            f"sqlite:///{tmp_path_factory.mktemp('chat-db') / 'incasso.sqlite3'}",
        "SLACK_BOT_TOKEN": setup.bot_token, "SLACK_SIGNING_SECRET": setup.signing_secret,
        "SLACK_API_URL": fake.slack_api_url,
        "TEAMS_APP_ID": setup.app_id, "TEAMS_APP_PASSWORD": setup.app_password,
        "TEAMS_TENANT_ID": setup.tenant_id,
        "TEAMS_OPENID_METADATA_URL": fake.openid_metadata_url,
        "TEAMS_LOGIN_URL": f"{fake.url}/login",
    }
    try:
        with setup.services:
            yield setup
    finally:
        fake.stop()
