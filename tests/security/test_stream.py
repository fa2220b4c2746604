"""The live stream survives any string and any "seen" marker (issue 9: one lone surrogate
broke a call's stream for good; `events?after=²` and a 5000-digit Last-Event-ID gave an
English HTML 500)."""
from __future__ import annotations

import json

import pytest
import requests

from bot.channels.pane.events import sse
from bot.storage.tables import call_events
from tests.security.conftest import error_of


def test_sse_encodes_any_string():
    event = {"id": 7, "kind": "line", "text": "\ud800 half \udfff, é, 💶, \u2028, \n"}
    text = sse(event)
    text.encode("utf-8")  # what the stream does with it; raised before
    assert text.startswith("id: 7\ndata: ") and text.endswith("\n\n") and text.count("\n") == 3
    assert json.loads(text.split("data: ", 1)[1]) == event


def first_data(coach, call_id: str, http: requests.Session | None = None,
               **kwargs) -> list[dict]:
    """The events a (re)connecting page gets first, read until the stream has sent them;
    by the collector who started the call unless ``http`` is given."""
    events = []
    with (http or coach.http).get(f"{coach.pane}calls/{call_id}/events", stream=True,
                                  timeout=30, **kwargs) as stream:
        assert stream.status_code == 200 and "text/event-stream" in stream.headers["content-type"]
        for line in stream.iter_lines(decode_unicode=True):
            if line.startswith("data: "):
                events.append(json.loads(line[len("data: "):]))
            elif line.startswith(": ") or (events and not line):
                break
    return events


@pytest.mark.slow
def test_a_lone_surrogate_is_harmless(coach):
    call_id = coach.start_call("DEMO-1")
    # through the door: replaced, so the line is kept and shown
    line = coach.http.post(f"{coach.pane}calls/{call_id}/transcript", timeout=60,
                           data=b'{"speaker": "debiteur", '
                                b'"text": "Ik betaal vrijdag \\ud800 500 euro"}',
                           headers={"Content-Type": "application/json"})
    assert line.status_code == 200, line.text
    assert line.json()["text"] == "Ik betaal vrijdag \ufffd 500 euro"
    collector = coach.http.post(f"{coach.pane}calls/{call_id}/transcript", timeout=60, json={
        "speaker": "incasseerder", "text": "Dank u \udfff", "ref": "r\ud800"})
    assert collector.status_code == 200 and collector.json()["text"] == "Dank u \ufffd"
    # stored by something else (an older version wrote \ud800 escapes): the stream still works
    stored = coach.storage.calls.add_event(call_id, "line", {
        "speaker": "debiteur", "text": "kapot", "ref": None, "payloads": []})
    with coach.storage.calls.engine.begin() as db:
        db.execute(call_events.update().where(call_events.c.call_id == call_id,
                                              call_events.c.seq == stored["id"])
                   .values(data='{"speaker": "debiteur", "text": "kapot \\ud800 afgebroken", '
                                '"ref": null, "payloads": []}'))
    events = first_data(coach, call_id, params={"after": stored["id"] - 1})
    assert events[0]["text"] == "kapot \ud800 afgebroken"
    reconnect = first_data(coach, call_id, headers={"Last-Event-ID": str(stored["id"] - 1)})
    assert reconnect[0]["id"] == stored["id"]
    # and the page's snapshot too
    assert coach.http.get(f"{coach.pane}calls/{call_id}", timeout=30).status_code == 200


@pytest.mark.slow
@pytest.mark.parametrize("kwargs", [
    {"params": {"after": "²"}}, {"params": {"after": "-1"}}, {"params": {"after": "1e9"}},
    {"params": {"after": "9" * 30}}, {"headers": {"Last-Event-ID": "9" * 5000}},
    {"headers": {"Last-Event-ID": "١٢".encode()}}, {"params": {"after": "\x00"}},
])
def test_odd_seen_markers_never_fail(coach, kwargs):
    call_id = coach.start_call("DEMO-1")
    with coach.http.get(f"{coach.pane}calls/{call_id}/events", stream=True, timeout=30,
                        **kwargs) as stream:
        assert stream.status_code in (200, 400, 414), stream.status_code
        assert stream.status_code == 200 or stream.json()["error"]


@pytest.mark.slow
def test_a_stream_for_an_unknown_or_overlong_call_is_a_dutch_404(coach):
    http = coach.http
    assert error_of(http.get(f"{coach.pane}calls/pane-onbekend/events", timeout=30), 404)
    assert error_of(http.get(f"{coach.pane}calls/{'x' * 400}/events", timeout=30), 404, 414)


@pytest.mark.slow
def test_a_call_s_stream_is_for_its_collector_and_the_managers(coach):
    call_id = coach.start_call("DEMO-1")
    coach.http.post(f"{coach.pane}calls/{call_id}/transcript", timeout=60,
                    json={"speaker": "incasseerder", "text": "Goedemorgen."})
    url = f"{coach.pane}calls/{call_id}/events"
    other = coach.login("sec-collega")
    assert "andere incasseerder" in error_of(other.get(url, timeout=30), 403)
    pusher = coach.tool("sec-pusher", scope="push")  # may add lines, never read them
    assert error_of(pusher.get(url, timeout=30), 403)
    assert requests.get(url, timeout=30).status_code == 401  # no login at all
    mine = first_data(coach, call_id, params={"after": 0})
    assert any(e.get("text") == "Goedemorgen." for e in mine)
    manager = coach.login("sec-manager", "manager")
    assert first_data(coach, call_id, manager, params={"after": 0}) == mine
