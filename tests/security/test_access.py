"""Logins, roles, ownership and API tokens on the running coach (issue 9, part 3).

Every finding is a request that now fails to get in: no session → 401; another
collector's call → 403 while a manager may; a push token posts lines and nothing else."""
from __future__ import annotations

import json

import requests

from bot.channels.auth import SESSION_COOKIE
from tests.accounts import PASSWORD, access_at, add_account


def error_of(answer: requests.Response, *statuses: int) -> str:
    """The Dutch JSON error of a refused request; here it may be the login check's own."""
    assert answer.status_code in statuses, (answer.status_code, answer.text[:300])
    assert answer.headers["content-type"].startswith("application/json"), answer.text[:300]
    return answer.json()["error"]


LINE = {"speaker": "debiteur", "text": "De boekhouder is tot maandag op vakantie."}
AGREEMENTS = {"agreements": [{"date": "2026-11-27", "amount": "100"}]}


def pane_requests(call_id: str) -> list[tuple[str, str, dict | None]]:
    """Every pane endpoint that holds or changes debtor data, with a valid body."""
    return [("GET", "cases?q=a", None), ("POST", "calls", {"case_id": "DEMO-1"}),
            ("GET", f"calls/{call_id}", None), ("GET", f"calls/{call_id}/events", None),
            ("POST", f"calls/{call_id}/transcript", LINE),
            ("POST", "cases/DEMO-1/transcript", LINE),
            ("POST", f"calls/{call_id}/offer", {"text": "Vrijdag 100 euro",
                                                "payments": [{"date": "2026-11-27",
                                                              "amount": 100}]}),
            ("PUT", f"calls/{call_id}/agreements", AGREEMENTS),
            ("DELETE", f"calls/{call_id}/agreements/1", None),
            ("POST", f"calls/{call_id}/end", None), ("GET", "followups", None),
            ("POST", "cases/DEMO-1/payments", {"amount": "10"}), ("GET", "me", None),
            ("GET", "audit", None), ("GET", "training/scenarios", None),
            ("POST", "training/start", {"scenario": "boekhouder-afwezig"}),
            ("POST", "training/transcript", {"text": "Incasseerder: Goedemiddag."}),
            ("GET", "training/history", None)]


def send(session, coach, method: str, route: str, body: dict | None) -> requests.Response:
    return session.request(method, coach.pane + route, json=body, timeout=60)


def test_without_a_login_every_pane_endpoint_is_401_and_nothing_changes(coach):
    call_id = coach.start_call()
    before = coach.call(call_id)
    anonymous = requests.Session()
    for method, route, body in pane_requests(call_id):
        answer = send(anonymous, coach, method, route, body)
        assert "niet ingelogd" in error_of(answer, 401), (method, route)
    rest = anonymous.post(coach.rest, json={"sender": call_id, "message": "hallo"}, timeout=30)
    assert error_of(rest, 401)
    after = coach.call(call_id)
    assert (after["events"], after["agreements"]) == (before["events"], before["agreements"])


def test_a_forged_or_expired_cookie_is_no_login(coach):
    for cookie in ("x" * 43, "", "\u00e9" * 10, "a" * 5000):
        answer = requests.get(coach.pane + "cases", cookies={SESSION_COOKIE: cookie}, timeout=30)
        assert answer.status_code in (400, 401), cookie[:10]


def test_the_login_sets_a_strict_http_only_cookie_and_logout_ends_it(coach):
    add_account(coach.db_url, "cookie-test", "collector")
    session = requests.Session()
    answer = session.post(coach.pane + "login", json={"username": "cookie-test",
                                                      "password": PASSWORD}, timeout=30)
    assert answer.status_code == 200 and answer.json()["user"]["name"] == "cookie-test"
    cookie = answer.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie and "path=/webhooks/" in cookie
    assert "secure" not in cookie  # plain http on loopback; INCASSO_TLS=1 behind TLS
    assert session.get(coach.pane + "me", timeout=30).json()["user"]["role"] == "collector"
    assert session.post(coach.pane + "logout", timeout=30).json() == {"logged_out": True}
    kept = requests.get(coach.pane + "me", timeout=30,
                        cookies={SESSION_COOKIE: answer.cookies[SESSION_COOKIE]})
    assert kept.status_code == 401  # the old cookie is dead on the server, not just cleared


def test_wrong_logins_get_one_dutch_answer_and_then_a_pause(coach):
    add_account(coach.db_url, "pauze-test", "collector")
    for body in ({"username": "pauze-test", "password": "fout-fout-fout"},
                 {"username": "niemand", "password": PASSWORD}, {"username": ["x"]}, {}):
        answer = requests.post(coach.pane + "login", json=body, timeout=30)
        assert error_of(answer, 401) == "Gebruikersnaam of wachtwoord klopt niet."
    for _ in range(4):
        requests.post(coach.pane + "login", timeout=30,
                      json={"username": "pauze-test", "password": "nog-steeds-fout"})
    paused = requests.post(coach.pane + "login", timeout=30,
                           json={"username": "pauze-test", "password": PASSWORD})
    assert "seconden" in error_of(paused, 429)
    refused = [e for e in access_at(coach.db_url).audit.recent(50, "pauze-test")
               if e.action == "login_failed"]
    assert len(refused) >= 6


def test_a_login_form_from_another_site_is_refused(coach):
    add_account(coach.db_url, "csrf-test", "collector")
    answer = requests.post(coach.pane + "login", timeout=30,
                           data=json.dumps({"username": "csrf-test", "password": PASSWORD}),
                           headers={"Content-Type": "text/plain",
                                    "Origin": "https://evil.example"})
    assert answer.status_code == 403 and "set-cookie" not in answer.headers


def test_a_collector_cannot_read_or_change_another_collectors_call(coach):
    call_id = coach.start_call("DEMO-2")
    before = coach.call(call_id)
    other = coach.login("collega-b")
    for method, route, body in pane_requests(call_id):
        if call_id not in route:
            continue
        answer = send(other, coach, method, route, body)
        assert "andere incasseerder" in error_of(answer, 403), (method, route)
    assert coach.call(call_id)["events"] == before["events"]


def test_a_manager_sees_every_call_and_the_view_is_logged(coach):
    call_id = coach.start_call("DEMO-3")
    manager = coach.login("chef", "manager")
    answer = manager.get(coach.pane + f"calls/{call_id}", timeout=30)
    assert answer.status_code == 200 and answer.json()["case_id"] == "DEMO-3"
    audit = manager.get(coach.pane + "audit?limit=20", timeout=30).json()["entries"]
    assert {"actor": "chef", "action": "call_viewed", "subject": "DEMO-3"}.items() <= \
        next(e for e in audit if e["action"] == "call_viewed").items()
    assert any(e["action"] == "case_opened" and e["detail"] == call_id for e in audit)


def test_the_audit_log_is_for_managers_only(coach):
    assert error_of(coach.http.get(coach.pane + "audit", timeout=30), 403)
    assert error_of(coach.login("trainer-a", "trainer").get(coach.pane + "audit", timeout=30),
                    403)


def test_a_trainer_sees_training_not_calls(coach):
    trainer = coach.login("trainer-b", "trainer")
    assert trainer.get(coach.pane + "training/scenarios", timeout=30).status_code == 200
    for route in ("cases?q=a", "followups"):
        assert error_of(trainer.get(coach.pane + route, timeout=30), 403)
    assert error_of(trainer.post(coach.pane + "calls", json={"case_id": "DEMO-1"}, timeout=30),
                    403)


def test_a_collector_reads_only_their_own_training_history(coach):
    own = coach.http.get(coach.pane + "training/history", timeout=30)
    assert own.status_code == 200 and own.json()["trainee"] == "veiligheid"
    other = coach.http.get(coach.pane + "training/history?trainee=collega-b", timeout=30)
    assert error_of(other, 403)
    trainer = coach.login("trainer-c", "trainer")
    assert trainer.get(coach.pane + "training/history?trainee=veiligheid",
                       timeout=30).status_code == 200


def test_a_push_token_posts_lines_and_can_do_nothing_else(coach):
    call_id = coach.start_call("DEMO-1")
    tool = coach.tool("telefonie", "push")
    line = tool.post(coach.pane + f"calls/{call_id}/transcript", json=LINE, timeout=60)
    assert line.status_code == 200 and line.json()["payloads"][0]["type"] == "advice"
    by_case = tool.post(coach.pane + "cases/DEMO-1/transcript", timeout=60,
                        json={"speaker": "incasseerder", "text": "Wanneer is hij terug?"})
    assert by_case.status_code == 200
    texts = [e.get("text") for e in coach.call(call_id)["events"]]
    assert LINE["text"] in texts and "Wanneer is hij terug?" in texts
    for method, route, body in pane_requests(call_id):
        if route.endswith("/transcript"):
            continue
        answer = send(tool, coach, method, route, body)
        assert error_of(answer, 403) == "Dit token mag alleen gespreksregels sturen.", route
    assert error_of(tool.post(coach.rest, json={"sender": "t", "message": "hoi"}, timeout=30),
                    403)
    assert coach.call(call_id)["agreements"] == []


def test_a_revoked_or_unknown_token_is_no_login(coach):
    tool = coach.tool("weg-ermee", "push")
    call_id = coach.start_call()
    access_at(coach.db_url).tokens.revoke("weg-ermee", access_at(coach.db_url).audit
                                          .recent(1)[0].at)
    answer = tool.post(coach.pane + f"calls/{call_id}/transcript", json=LINE, timeout=30)
    assert error_of(answer, 401)
    forged = requests.post(coach.pane + f"calls/{call_id}/transcript", json=LINE, timeout=30,
                           headers={"Authorization": "Bearer ic_" + "A" * 43})
    assert error_of(forged, 401)


def test_a_rest_sender_equal_to_someone_elses_pane_call_cannot_write_into_it(coach):
    call_id = coach.start_call()
    before = coach.call(call_id)["events"]
    intruder = coach.login("collega-c")
    for session in (intruder, coach.tool("rest-tool", "rest")):
        answer = session.post(coach.rest, timeout=30,
                              json={"sender": call_id, "message": "/end_call"})
        assert "ander account" in error_of(answer, 403)
    assert coach.call(call_id)["events"] == before and coach.call(call_id)["status"] == "open"


def test_rest_calls_belong_to_the_caller_whatever_the_metadata_says(coach):
    tool = coach.tool("rest-eigen", "rest")
    answer = tool.post(coach.rest, timeout=60, json={
        "sender": "eigen-gesprek-1", "message": '/start_call{"case_id": "DEMO-1"}',
        "metadata": {"incasso_owner": "veiligheid"}})
    assert answer.status_code == 200 and answer.json()
    assert coach.storage.calls.get("eigen-gesprek-1").owner == "token:rest-eigen"
    assert error_of(coach.http.get(coach.pane + "calls/eigen-gesprek-1", timeout=30), 403)


def test_a_disabled_account_is_out_at_once(coach):
    session = coach.login("vertrokken")
    assert session.get(coach.pane + "me", timeout=30).status_code == 200
    access_at(coach.db_url).disable("vertrokken", "test")
    assert error_of(session.get(coach.pane + "me", timeout=30), 401)


def test_answers_with_debtor_data_are_never_cached_nor_framed(coach):
    call_id = coach.start_call()
    answer = coach.http.get(coach.pane + f"calls/{call_id}", timeout=30)
    assert answer.headers["cache-control"] == "no-store"
    assert answer.headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in answer.headers["content-security-policy"]
    assert answer.headers["referrer-policy"] == "no-referrer"
    page = requests.get(coach.pane, timeout=30)
    assert page.status_code == 200 and "frame-ancestors 'none'" in \
        page.headers["content-security-policy"]


def test_the_health_check_stays_open_and_holds_no_debtor_data(coach):
    answer = requests.get(coach.base + "/webhooks/health", timeout=30)
    assert answer.status_code == 200
    assert "DEMO-" not in answer.text and "@" not in answer.text


def test_the_call_list_is_ones_own_for_a_collector_and_everyones_for_a_manager(coach):
    mine = coach.start_call("DEMO-4")
    theirs = coach.login("collega-lijst").post(coach.pane + "calls", timeout=60,
                                                json={"case_id": "DEMO-5"}).json()["call_id"]
    own = {c["call_id"] for c in coach.http.get(coach.pane + "calls", timeout=30)
           .json()["calls"]}
    assert mine in own and theirs not in own
    manager = coach.login("chef-lijst", "manager")
    listed = manager.get(coach.pane + "calls?limit=500", timeout=30).json()["calls"]
    assert {mine, theirs} <= {c["call_id"] for c in listed}
    assert error_of(coach.http.get(coach.pane + "calls?limit=veel", timeout=30), 400)
    assert error_of(coach.login("trainer-lijst", "trainer").get(coach.pane + "calls",
                                                                timeout=30), 403)
