"""Local stand-ins for the services Slack and Teams talk to, on 127.0.0.1.

One small HTTP server plays the Slack Web API (chat.postMessage), Azure AD's token endpoint,
the Bot Framework's OpenID metadata and JWKS, and the Bot Connector that receives replies;
it records every request so tests can assert what the coach sent.
"""
from __future__ import annotations

import json
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

ISSUER = "https://api.botframework.com"
CONNECTOR_TOKEN = "connector-token-from-fake-login"


@dataclass
class Recorded:
    kind: str           # "slack", "token" or "teams"
    path: str
    headers: dict[str, str]
    body: Any           # parsed JSON, or the form as a dict


class FakeChatServer:
    def __init__(self) -> None:
        self.recorded: list[Recorded] = []
        self.jwks: dict[str, Any] = {"keys": []}
        self.slack_gate = threading.Event()  # cleared: chat.postMessage is held back
        self.slack_gate.set()
        self._changed = threading.Condition()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def slack_api_url(self) -> str:
        return f"{self.url}/slack/api/"

    @property
    def openid_metadata_url(self) -> str:
        return f"{self.url}/botframework/openid"

    @property
    def service_url(self) -> str:
        return f"{self.url}/connector/"

    def start(self) -> FakeChatServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.slack_gate.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    def record(self, item: Recorded) -> None:
        with self._changed:
            self.recorded.append(item)
            self._changed.notify_all()

    def matching(self, kind: str,
                 where: Callable[[Recorded], bool] = lambda r: True) -> list[Recorded]:
        with self._changed:
            return [r for r in self.recorded if r.kind == kind and where(r)]

    def wait_for(self, kind: str, where: Callable[[Recorded], bool] = lambda r: True,
                 count: int = 1, timeout: float = 60) -> list[Recorded]:
        """The first ``count`` matching requests, waiting for them to arrive."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                found = [r for r in self.recorded if r.kind == kind and where(r)]
                if len(found) >= count:
                    return found
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"expected {count} {kind} request(s), got {len(found)}")
                self._changed.wait(remaining)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _send(self, status: int, payload: Any) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _body(self) -> bytes:
                return self.rfile.read(int(self.headers.get("Content-Length") or 0))

            def do_GET(self) -> None:
                if self.path == "/botframework/openid":
                    self._send(200, {"issuer": ISSUER,
                                     "jwks_uri": f"{fake.url}/botframework/keys",
                                     "id_token_signing_alg_values_supported": ["RS256"]})
                elif self.path == "/botframework/keys":
                    self._send(200, fake.jwks)
                else:
                    self._send(404, {})

            def do_POST(self) -> None:
                body = self._body()
                headers = {k.lower(): v for k, v in self.headers.items()}
                if self.path == "/slack/api/chat.postMessage":
                    fake.slack_gate.wait(30)
                    fake.record(Recorded("slack", self.path, headers, json.loads(body)))
                    self._send(200, {"ok": True, "ts": f"{time.time():.6f}"})
                elif self.path.startswith("/login/") and self.path.endswith("/oauth2/v2.0/token"):
                    form = dict(urllib.parse.parse_qsl(body.decode()))
                    fake.record(Recorded("token", self.path, headers, form))
                    self._send(200, {"token_type": "Bearer", "expires_in": 3600,
                                     "access_token": CONNECTOR_TOKEN})
                elif self.path.startswith("/connector/v3/conversations/"):
                    fake.record(Recorded("teams", self.path, headers, json.loads(body)))
                    self._send(200, {"id": f"reply-{time.monotonic_ns()}"})
                else:
                    self._send(404, {})

        return Handler
