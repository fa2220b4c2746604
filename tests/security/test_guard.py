"""Closed doors: only allowed Host names, no cross-site state changes, JSON only (issue 9:
a <form enctype="text/plain"> on any site could start a call through the REST webhook and
write agreements; `Host: rebind.attacker.example` got a 200)."""
from __future__ import annotations

import json

import pytest
import requests

from bot.channels.guard import allowed_hosts, host_name, refusal
from tests.security.conftest import error_of

EVIL = "http://evil.example"
HOSTS = allowed_hosts({})


def check(method="POST", path="/webhooks/pane/calls", body=2, **headers):
    headers = {"host": "127.0.0.1:5005", "content-type": "application/json",
               **{k.replace("_", "-"): v for k, v in headers.items()}}
    return refusal(method, path, {k: v for k, v in headers.items() if v is not None}, body, "",
                   HOSTS)


def test_host_names_come_from_the_environment():
    assert HOSTS == {"127.0.0.1", "localhost"}
    assert allowed_hosts({"INCASSO_ALLOWED_HOSTS": " Coach.Example.nl , 10.0.0.5"}) == {
        "coach.example.nl", "10.0.0.5"}
    assert allowed_hosts({"INCASSO_BIND": "10.0.0.7"}) == {"127.0.0.1", "localhost", "10.0.0.7"}
    assert allowed_hosts({"INCASSO_BIND": "0.0.0.0"}) == HOSTS
    assert [host_name(h) for h in ("127.0.0.1:5005", "LOCALHOST", "[::1]:80", "a.nl.")] == [
        "127.0.0.1", "localhost", "::1", "a.nl"]


@pytest.mark.parametrize("headers,status", [
    ({}, None),
    ({"host": "localhost:5005", "origin": "http://localhost:5005"}, None),
    ({"origin": "http://127.0.0.1:5005", "sec_fetch_site": "same-origin"}, None),
    ({"sec_fetch_site": "none"}, None),                                  # typed by the user
    ({"host": "rebind.attacker.example:5005"}, 403),
    ({"host": None}, 403),
    ({"host": "127.0.0.1.evil.example"}, 403),
    ({"origin": EVIL}, 403),
    ({"origin": "null"}, 403),
    ({"origin": "http://127.0.0.1:8000"}, 403),                          # another port
    ({"origin": "https://127.0.0.1:5005"}, None),                        # behind TLS: same host
    ({"sec_fetch_site": "cross-site"}, 403),
    ({"sec_fetch_site": "same-site"}, 403),
    ({"content_type": "text/plain"}, 415),
    ({"content_type": "application/x-www-form-urlencoded"}, 415),
    ({"content_type": "multipart/form-data; boundary=x"}, 415),
    ({"content_type": "application/json; charset=utf-8"}, None),
])
def test_rules(headers, status):
    problem = check(**headers)
    assert (problem and problem[0]) == status, problem


def test_bodyless_posts_need_no_content_type_but_reads_are_never_json_checked():
    assert check(content_type=None, body=0) is None                      # POST …/end from the page
    assert check(content_type=None, body=5)[0] == 415
    assert check("GET", "/webhooks/pane/calls/x", content_type="text/plain") is None
    assert check("GET", origin=EVIL) is None                              # reading is CORS's job
    assert check(path="/webhooks/slack/webhook",
                 content_type="application/x-www-form-urlencoded") is None
    assert check(path="/webhooks/pane/calls", body=2_000_000)[0] == 413


@pytest.mark.slow
def test_a_cross_site_form_post_changes_nothing(coach):
    call_id = coach.start_call("DEMO-1")
    before = coach.call(call_id)
    calls_before = len(coach.storage.calls.for_cases())
    form = {"Content-Type": "text/plain", "Origin": EVIL, "Sec-Fetch-Site": "cross-site"}
    attacks = [
        ("POST", coach.rest, {"sender": "sec-csrf", "message": '/start_call{"case_id":"DEMO-2"}'}),
        ("POST", coach.rest, {"sender": call_id, "message": "/end_call"}),
        ("PUT", f"{coach.pane}calls/{call_id}/agreements",
         {"agreements": [{"date": "2019-01-01", "amount": -1}]}),
        ("POST", f"{coach.pane}calls/{call_id}/end", {}),
        ("POST", f"{coach.pane}calls", {"case_id": "DEMO-2"}),
        ("POST", f"{coach.pane}cases/DEMO-1/payments", {"amount": 1, "date": "2026-11-20"}),
    ]
    for method, url, body in attacks:
        for headers in (form, {**form, "Content-Type": "application/json"},
                        {"Content-Type": "application/json", "Origin": EVIL},
                        {"Content-Type": "text/plain"}):
            answer = coach.http.request(method, url, data=json.dumps(body), headers=headers,
                                        timeout=30)  # logged in: the guard refuses, not the login
            assert error_of(answer, 403, 415), (method, url, headers)
    after = coach.call(call_id)
    assert after["status"] == "open" and after["agreements"] == before["agreements"]
    assert after["events"] == before["events"]
    assert len(coach.storage.calls.for_cases()) == calls_before
    assert coach.storage.calls.get("sec-csrf") is None


@pytest.mark.slow
def test_a_foreign_host_is_refused_everywhere(coach):
    for method, path in (("GET", "/webhooks/pane/"), ("GET", "/webhooks/pane/cases?q=vries"),
                         ("GET", "/"), ("GET", "/status"), ("POST", "/webhooks/rest/webhook")):
        answer = coach.http.request(method, coach.base + path, timeout=30, json={"sender": "x"},
                                    headers={"Host": "rebind.attacker.example", **coach.cookie})
        assert "INCASSO_ALLOWED_HOSTS" in error_of(answer, 403), path
    # the same requests by an allowed name work
    page = requests.get(coach.pane, headers={"Host": "localhost"}, timeout=30)
    assert page.status_code == 200 and "Incassocoach" in page.text
    cases = coach.http.get(f"{coach.pane}cases?q=vries", timeout=30,
                           headers={"Host": "localhost", **coach.cookie})
    assert cases.status_code == 200, cases.text


@pytest.mark.slow
def test_the_pane_s_own_requests_pass(coach):
    """What the page's fetch() sends: Origin and Sec-Fetch-Site same-origin."""
    own = {"Origin": coach.base, "Sec-Fetch-Site": "same-origin"}
    started = coach.http.post(f"{coach.pane}calls", json={"case_id": "DEMO-3"}, headers=own,
                              timeout=60)
    assert started.status_code == 201, started.text
    call_id = started.json()["call_id"]
    ended = coach.http.post(f"{coach.pane}calls/{call_id}/end", headers=own, timeout=60)
    assert ended.status_code == 200, ended.text


@pytest.mark.slow
def test_json_only_for_the_rest_channel_and_a_dutch_400_for_bad_bodies(coach):
    for data, content_type in (("", "application/json"), ("[]", "application/json"),
                               ('["x"]', "application/json"), ("{", "application/json"),
                               ("[" * 100_000 + "]" * 100_000, "application/json"),
                               ('{"a":' * 50 + "1" + "}" * 50, "application/json"),
                               ('{"sender": "x"}', "application/json"),
                               ('{"message": "hallo"}', "application/json"),
                               ('{"sender": ["x"], "message": "hallo"}', "application/json"),
                               ('{"sender": "x", "message": 42}', "application/json"),
                               ('{"sender": "x", "message": "hi", "metadata": [1]}',
                                "application/json"),
                               ('{"sender": "a b", "message": "hallo"}', "application/json"),
                               ('{"sender": "' + "s" * 65 + '", "message": "hallo"}',
                                "application/json"),
                               ("\xff\xfe", "application/json"),
                               ('{"sender": "x", "message": "hallo"}', "text/plain")):
        answer = coach.http.post(coach.rest, data=data.encode("latin-1"), timeout=30,
                                 headers={"Content-Type": content_type})
        assert error_of(answer, 400, 413, 415), data[:40]
