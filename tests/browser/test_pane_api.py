"""The pane's HTTP API as speech-to-text and telephony tools use it: lines pushed into an
open call, Server-Sent Events, agreement corrections, and every kind of bad request."""
from __future__ import annotations

import json

import pytest
import requests

pytestmark = pytest.mark.slow


def start(api: requests.Session, pane_url: str, case_id: str = "DEMO-1") -> str:
    answer = api.post(f"{pane_url}calls", json={"case_id": case_id}, timeout=30)
    assert answer.status_code == 201, answer.text
    assert answer.json()["brief"]["type"] == "brief"
    return answer.json()["call_id"]


def post_line(api: requests.Session, pane_url: str, call_id: str, **body) -> requests.Response:
    return api.post(f"{pane_url}calls/{call_id}/transcript", json=body, timeout=30)


def summary_text(api: requests.Session, pane_url: str, call_id: str) -> str:
    """The summary after ending the call, with Babel's no-break spaces as plain spaces."""
    summary = api.post(f"{pane_url}calls/{call_id}/end", timeout=30).json()["payloads"][0]
    assert summary["type"] == "summary"
    return summary["summary"].replace("\xa0", " ")


def error_of(answer: requests.Response, status: int) -> str:
    assert answer.status_code == status, answer.text
    return answer.json()["error"]


def test_the_page_is_served_with_its_files_and_a_strict_content_policy(pane_url, api):
    page = api.get(pane_url, timeout=30)
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert "<title>Incassocoach" in page.text and 'src="js/main.js"' in page.text
    # Without a session the same address is the login page; the files are public.
    login = requests.get(pane_url, timeout=30)
    assert login.status_code == 200 and "text/html" in login.headers["content-type"]
    assert login.headers["content-security-policy"] == page.headers["content-security-policy"]
    assert 'src="js/login.js"' in login.text and "js/main.js" not in login.text
    for asset, kind in (("js/main.js", "javascript"), ("js/agreements.js", "javascript"),
                        ("js/login.js", "javascript"), ("pane.css", "css"),
                        ("favicon.svg", "svg")):
        answer = requests.get(pane_url + asset, timeout=30)
        assert answer.status_code == 200 and kind in answer.headers["content-type"]
    assert requests.get(pane_url + "login.html", timeout=30).status_code in (401, 404)
    without_slash = requests.get(pane_url.rstrip("/"), timeout=30, allow_redirects=False)
    assert (without_slash.status_code in (301, 302)
            and without_slash.headers["location"].endswith("/pane/"))


@pytest.mark.parametrize("method,path", [
    ("GET", "me"), ("GET", "cases?q=demo"), ("POST", "calls"), ("GET", "calls/pane-onbekend"),
    ("GET", "calls/pane-onbekend/events"), ("POST", "calls/pane-onbekend/transcript"),
    ("PUT", "calls/pane-onbekend/agreements"), ("GET", "followups"),
    ("GET", "training/scenarios"), ("POST", "training/transcript"),
    ("GET", "training/history"), ("GET", "audit"),
])
def test_without_a_session_every_route_answers_401_in_dutch(pane_url, method, path):
    answer = requests.request(method, pane_url + path, timeout=30,
                              json={"case_id": "DEMO-1", "speaker": "debiteur", "text": "hallo"})
    assert "U bent niet ingelogd" in error_of(answer, 401)
    bad_cookie = requests.request(method, pane_url + path, timeout=30, json={},
                                  cookies={"incasso_session": "verzonnen-sessie"})
    assert bad_cookie.status_code == 401


def test_case_search_finds_by_id_company_and_contact(api, pane_url):
    for query in ("demo-3", "bloemisterij", "de vries"):
        cases = api.get(f"{pane_url}cases", params={"q": query}, timeout=30).json()["cases"]
        assert cases, query
    assert api.get(f"{pane_url}cases", params={"q": "%_"}, timeout=30).json() == {"cases": []}


def test_a_debtor_line_gets_advice_and_a_collector_line_does_not(api, pane_url):
    call_id = start(api, pane_url)
    debtor = post_line(api, pane_url, call_id, speaker="debiteur",
                       text="Ik heb de factuur nooit ontvangen.")
    assert debtor.status_code == 200
    event = debtor.json()
    assert event["kind"] == "line" and event["speaker"] == "debiteur"
    assert event["payloads"][0]["intent"] == "excuse_invoice_not_received"
    collector = post_line(api, pane_url, call_id, speaker="incasseerder",
                          text="Ik mail hem nu opnieuw.", ref="stt-17")
    # no advice for one's own words: only the live checklist (see test_checklist.py)
    assert [p["type"] for p in collector.json()["payloads"]] == ["checklist"]
    assert collector.json()["ref"] == "stt-17"
    assert collector.json()["id"] == event["id"] + 1


def test_pushed_lines_reach_open_pages_as_server_sent_events(api, pane_url):
    call_id = start(api, pane_url)
    post_line(api, pane_url, call_id, speaker="incasseerder", text="Goedemorgen mevrouw De Vries.")
    with api.get(f"{pane_url}calls/{call_id}/events", params={"after": 0}, stream=True,
                 timeout=30) as stream:
        assert stream.headers["content-type"].startswith("text/event-stream")
        post_line(api, pane_url, call_id, speaker="debiteur", text="Onze bank heeft een storing.")
        events = []
        for line in stream.iter_lines(decode_unicode=True):
            if line.startswith("data: "):
                events.append(json.loads(line[len("data: "):]))
            if len(events) == 2:
                break
    assert [e["id"] for e in events] == [1, 2]  # the line from before, then the new one
    assert events[1]["payloads"][0]["intent"] == "excuse_bank_problem"


def test_a_reconnecting_page_gets_only_what_it_missed(api, pane_url):
    call_id = start(api, pane_url)
    for text in ("Eerste zin.", "Tweede zin.", "Derde zin."):
        post_line(api, pane_url, call_id, speaker="incasseerder", text=text)
    with api.get(f"{pane_url}calls/{call_id}/events", headers={"Last-Event-ID": "2"},
                 stream=True, timeout=30) as stream:
        data = next(line for line in stream.iter_lines(decode_unicode=True)
                    if line.startswith("data: "))
    assert json.loads(data[len("data: "):])["text"] == "Derde zin."


def test_a_pasted_rasa_command_is_treated_as_speech(api, pane_url):
    """'/end_call' said by the debtor (or pasted) must not end the call or switch case."""
    call_id = start(api, pane_url)
    for text in ("/end_call", '/start_call{"case_id":"DEMO-2"}'):
        payloads = post_line(api, pane_url, call_id, speaker="debiteur",
                             text=text).json()["payloads"]
        assert payloads[0]["type"] in ("advice", "unsure", "rephrase")
    details = api.get(f"{pane_url}calls/{call_id}", timeout=30).json()
    assert details["case_id"] == "DEMO-1"


def test_agreement_corrections_reach_the_summary(api, pane_url):
    call_id = start(api, pane_url)
    post_line(api, pane_url, call_id, speaker="debiteur", text="Ik betaal vrijdag 500 euro.")
    corrected = api.put(f"{pane_url}calls/{call_id}/agreements", timeout=30, json={
        "agreements": [{"date": "2026-11-27", "amount": "750,25"},
                       {"date": "2026-12-11", "amount": 1699.75}]})
    assert corrected.status_code == 200
    assert [a["amount"] for a in corrected.json()["agreements"]] == [750.25, 1699.75]
    summary = summary_text(api, pane_url, call_id)
    assert "€ 750,25 uiterlijk vrijdag 27 november 2026" in summary
    assert "€ 1.699,75 uiterlijk vrijdag 11 december 2026" in summary


@pytest.mark.parametrize("body,status,message", [
    ({"speaker": "debiteur", "text": ""}, 400, "Ik heb geen tekst ontvangen"),
    ({"speaker": "debiteur", "text": "   \n "}, 400, "Ik heb geen tekst ontvangen"),
    ({"speaker": "debiteur", "text": "x" * 20_000}, 413,
     "De tekst is te lang (20.000 tekens; maximaal 2.000)"),
    ({"speaker": "debiteur"}, 400, "Het veld \"text\" ontbreekt"),
    ({"speaker": "debiteur", "text": 42}, 400, "Het veld \"text\" ontbreekt of is geen tekst"),
    ({"speaker": "klant", "text": "hallo"}, 400, "Onbekende spreker 'klant'"),
    ({"text": "hallo"}, 400, "Onbekende spreker"),
])
def test_bad_lines_get_a_clear_dutch_error(api, pane_url, body, status, message):
    call_id = start(api, pane_url)
    assert message in error_of(post_line(api, pane_url, call_id, **body), status)
    # Nothing was added, and the call still works.
    assert api.get(f"{pane_url}calls/{call_id}", timeout=30).json()["events"] == []
    assert post_line(api, pane_url, call_id, speaker="debiteur",
                     text="Wij wachten op onze klant.").ok


@pytest.mark.parametrize("raw,content_type,status,message", [
    (b'{"speaker": "debiteur", "text": ', "application/json", 400, "geen geldige JSON"),
    (b"\xff\xfe", "application/json", 400, "geen geldige JSON"),
    (b"", "application/json", 400, "geen geldige JSON"),
    (b'["debiteur", "hallo"]', "application/json", 400, "Verwacht een JSON-object"),
    (b'{"speaker": "debiteur", "text": "hallo"}', "text/plain", 415,
     "Content-Type: application/json"),
])
def test_malformed_requests_get_a_clear_dutch_error(api, pane_url, raw, content_type, status,
                                                    message):
    call_id = start(api, pane_url)
    answer = api.post(f"{pane_url}calls/{call_id}/transcript", data=raw,
                      headers={"Content-Type": content_type}, timeout=30)
    assert message in error_of(answer, status)


@pytest.mark.parametrize("method,path", [
    ("GET", "calls/pane-onbekend"), ("GET", "calls/pane-onbekend/events"),
    ("POST", "calls/pane-onbekend/transcript"), ("POST", "calls/pane-onbekend/end"),
    ("PUT", "calls/pane-onbekend/agreements"),
])
def test_an_unknown_call_id_is_named_in_the_error(api, pane_url, method, path):
    answer = api.request(method, pane_url + path, timeout=30,
                         json={"speaker": "debiteur", "text": "hallo", "agreements": []})
    assert "Gesprek 'pane-onbekend' is niet bekend" in error_of(answer, 404)


def test_a_line_for_a_case_without_an_open_call_is_refused(api, pane_url):
    answer = api.post(f"{pane_url}cases/DEMO-7/transcript", timeout=30,
                      json={"speaker": "debiteur", "text": "hallo"})
    assert "Er is geen gesprek voor dossier 'DEMO-7'" in error_of(answer, 404)


@pytest.mark.parametrize("body,status,message", [
    ({"case_id": "BESTAAT-NIET"}, 404, "Dossier 'BESTAAT-NIET' ken ik niet"),
    ({"case_id": ""}, 400, "Kies eerst een dossier"),
    ({}, 400, "Kies eerst een dossier"),
    ({"case_id": ["DEMO-1"]}, 400, "Kies eerst een dossier"),
])
def test_starting_a_call_without_a_known_case_is_refused(api, pane_url, body, status, message):
    assert message in error_of(api.post(f"{pane_url}calls", json=body, timeout=30), status)


@pytest.mark.parametrize("agreements,message", [
    ("morgen", "Stuur de afspraken als een lijst"),
    ([{"date": "27-11-2026", "amount": 100}], "Afspraak 1: '27-11-2026' is geen geldige datum"),
    ([{"date": "2026-11-20", "amount": 100}],
     "Afspraak 1: vrijdag 20 november 2026 ligt in het verleden"),
    ([{"date": "2026-11-27", "amount": "-5"}], "Afspraak 1: '-5' is geen geldig bedrag"),
    ([{"date": "2026-11-27", "amount": True}], "Afspraak 1: 'True' is geen geldig bedrag"),
    ([{"date": "2026-11-27", "amount": "Infinity"}],
     "Afspraak 1: 'Infinity' is geen geldig bedrag"),
    ([{"date": "2026-11-27", "amount": "NaN"}], "Afspraak 1: 'NaN' is geen geldig bedrag"),
    ([{"date": "2026-11-27", "amount": 10}, {"date": "2026-11-27", "amount": 20}],
     "Er staan twee afspraken op vrijdag 27 november 2026"),
    (["2026-11-27"], "Afspraak 1: vul een datum en een bedrag in"),
])
def test_bad_agreement_corrections_are_refused_and_change_nothing(api, pane_url, agreements,
                                                                  message):
    call_id = start(api, pane_url)
    post_line(api, pane_url, call_id, speaker="debiteur", text="Ik betaal vrijdag 500 euro.")
    answer = api.put(f"{pane_url}calls/{call_id}/agreements", json={"agreements": agreements},
                     timeout=30)
    assert message in error_of(answer, 400)
    assert "€ 500,00 uiterlijk vrijdag 27 november 2026" in summary_text(api, pane_url, call_id)
