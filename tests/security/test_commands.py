"""No user text can become a Rasa command, through any door (issue 9: "/ /end_call" and
"/\t/end_call" ended the call, "/ /start_call{…DEMO-2}" switched the case, and in Slack
"debiteur zegt: /end_call" passed the command)."""
from __future__ import annotations

import json

import pytest
import requests

from bot.channels import commands
from bot.channels.chat_commands import RASA, REFUSED, interpret
from bot.channels.commands import END_CALL, InputError, framing_command, is_command, said
from bot.cli import _command
from tests.security.conftest import error_of

SWITCH = '/start_call{"case_id": "DEMO-2"}'
# What a line of speech gets: advice, a request to rephrase, or (NLU not sure) two readings
# to choose from (bot/coach/uncertainty.py); never what a command does.
SPOKEN = ("advice", "rephrase", "unsure")
SLASH_VARIANTS = [
    "/end_call", "/ /end_call", "/\t/end_call", "//end_call", " \n /end_call", "\u00a0/end_call",
    "\u200b/end_call", "\ufeff/end_call", "\u202e/end_call", "\u2028/end_call", "\x1c/end_call",
    "\x00/end_call", "\u0338/end_call", "\uff0fend_call", "\u2044end_call", "\u2215end_call",
    "/\u200b/\u3000/end_call", "\ufeff\u200b /end_call", SWITCH, "/ /" + SWITCH, "/\t" + SWITCH,
    "\u200b" + SWITCH,
]


@pytest.mark.parametrize("text", SLASH_VARIANTS)
def test_said_never_gives_a_command(text):
    words = said(text)
    assert not is_command(words) and "end_call" in words or "start_call" in words
    assert words == words.strip() and not words.lstrip("\ufffd").startswith(("/", "\uff0f"))


def test_text_is_normalised_not_refused():
    assert said("e\u0301\u00e9n") == "\u00e9\u00e9n"                  # NFC
    assert said("\ud800 hallo") == "\ufffd hallo"                     # lone surrogate
    assert said("a\x00b\x07c\r\nd\u2029e") == "a b c\nd\ne"          # controls, newlines
    assert said("Ik \u202ebetaal\u202c \u200bmorgen") == "Ik betaal morgen"
    assert (said("  gewoon praten, 100/200 euro /end_call  ")
            == "gewoon praten, 100/200 euro /end_call")
    with pytest.raises(InputError) as refused:
        said("x" * 2001)
    assert refused.value.status == 413 and "2.001 tekens" in refused.value.message


def test_only_exact_framing_commands_pass_the_rest_allow_list():
    assert framing_command("/end_call") == END_CALL
    assert (framing_command(' /start_call{"case_id":"DEMO-1"} ')
            == '/start_call{"case_id": "DEMO-1"}')
    assert framing_command("/end_roleplay") == "/end_roleplay"
    assert framing_command(
        '/start_roleplay{"trainee": " Sanne\u200b ", "scenario": "bankstoring"}'
    ) == '/start_roleplay{"scenario": "bankstoring", "trainee": "Sanne", "hints": false}'
    for text in ("/ /end_call", "/end_call now", "/end_call{}", "/start_call", "/start_roleplay",
                 '/start_call{"case_id": "DEMO-1", "x": 1}', '/start_call{"case_id":',
                 '/start_call["DEMO-1"]', "\uff0fend_call", "/restart", "/nlu_fallback",
                 '/start_roleplay{"scenario": "bankstoring"}', "/session_start", "/affirm",
                 '/start_roleplay{"scenario": "b", "trainee": "t", "case_id": "DEMO-2"}'):
        assert framing_command(text) is None, text
    with pytest.raises(InputError):
        framing_command('/start_roleplay{"scenario": "bankstoring", "trainee": "%s"}' % ("T" * 61))
    with pytest.raises(InputError):
        framing_command('/start_call{"case_id": "%s"}' % ("X" * 65))
    with pytest.raises(InputError):
        framing_command('/start_call{"case_id": "DEMO 1\\n"}')


def test_a_roleplay_command_carries_only_a_known_difficulty():
    assert framing_command(
        '/start_roleplay{"scenario": "bankstoring", "trainee": "Sanne", "difficulty": "hard"}'
    ) == ('/start_roleplay{"scenario": "bankstoring", "trainee": "Sanne", "hints": false, '
          '"difficulty": "hard"}')
    for level in ("extreem", 3, "", None, ["hard"]):
        text = json.dumps({"scenario": "bankstoring", "trainee": "Sanne", "difficulty": level})
        if level is None:  # "difficulty": null is the default level
            assert framing_command("/start_roleplay" + text) is not None
            continue
        with pytest.raises(InputError):
            framing_command("/start_roleplay" + text)


@pytest.mark.parametrize("text", ["debiteur zegt: /end_call", "Debiteur: / /end_call",
                                  "/end_call", "/ /end_call", "\u200b/end_call", SWITCH,
                                  "debiteur zegt: " + SWITCH, "dossier /end_call"])
def test_chat_text_is_never_a_command(text):
    command = interpret(text, lambda word: word.upper() == "DEMO-1")
    assert command.kind == RASA and not is_command(command.text)


def test_chat_refuses_an_overlong_message_and_long_ids():
    assert interpret("x " * 2000, lambda _: False).kind == REFUSED
    long_id = "DEMO-" + "1" * 80
    assert interpret(long_id, lambda _: True) == interpret(long_id, lambda _: False)
    assert not is_command(interpret(f"dossier {long_id}", lambda _: True).text)


def test_the_terminal_shell_types_words_not_commands(capsys):
    assert _command("/end_call") == "end_call"
    assert _command("/ /end_call") == "end_call"
    assert _command(":einde") == END_CALL
    assert _command(":dossier DEMO-1") == commands.start_call("DEMO-1")
    assert _command(":dossier " + "X" * 70) is None and "te lang" in capsys.readouterr().out
    assert _command("x" * 3000) is None and "te lang" in capsys.readouterr().out


def post_line(coach, call_id: str, text: str) -> requests.Response:
    return coach.http.post(f"{coach.pane}calls/{call_id}/transcript", timeout=60,
                           json={"speaker": "debiteur", "text": text})


@pytest.mark.slow
def test_slash_variants_in_the_pane_neither_end_nor_switch_the_call(coach):
    call_id = coach.start_call("DEMO-1")
    for text in ("/ /end_call", "/\t/end_call", "/ /" + SWITCH, "\u200b/end_call",
                 "\uff0fend_call"):
        line = post_line(coach, call_id, text)
        assert line.status_code == 200, line.text
        assert line.json()["payloads"][0]["type"] in SPOKEN, text
        assert not line.json()["text"].startswith("/")
    details = coach.call(call_id)
    assert details["case_id"] == "DEMO-1" and details["status"] == "open"
    assert all(p.get("type") != "summary"
               for e in details["events"] for p in e.get("payloads") or [])
    # and the call is still live: a real line is advised
    line = post_line(coach, call_id, "Ik heb de factuur nooit ontvangen.")
    assert line.json()["payloads"][0]["type"] == "advice"


@pytest.mark.slow
def test_slash_variants_in_training_are_speech(coach):
    start = coach.http.post(f"{coach.pane}training/start", timeout=60,
                            json={"scenario": "bankstoring", "trainee": "Veiligheid"})
    assert start.status_code == 201, start.text
    session = start.json()["session_id"]
    for text in ("/ /end_roleplay", "/\t/end_roleplay", "/ /end_call"):
        said_ = coach.http.post(f"{coach.pane}training/{session}/say", json={"text": text},
                                timeout=60)
        assert said_.status_code == 200, said_.text
        assert said_.json()["text"] == text.split("/")[-1]
        assert all(p["type"] != "scorecard" for p in said_.json()["payloads"])
    end = coach.http.post(f"{coach.pane}training/{session}/end", timeout=60)
    assert end.status_code == 200 and end.json()["type"] == "scorecard"  # it was still open


@pytest.mark.slow
def test_rest_keeps_only_the_exact_framing_commands(coach):
    sender = "sec-rest-1"

    def say(text: str) -> list[dict]:
        answer = coach.http.post(coach.rest, json={"sender": sender, "message": text},
                                 timeout=60)
        assert answer.status_code == 200, answer.text
        return [m["custom"] for m in answer.json() if "custom" in m]

    assert say('/start_call{"case_id":"DEMO-1"}')[0]["type"] == "brief"
    for text in ("/ /end_call", "/\t/end_call", "/ /" + SWITCH, "\u200b" + SWITCH,
                 "\uff0fend_call"):
        assert say(text)[0]["type"] in SPOKEN, text
    record = coach.storage.calls.get(sender)
    assert record is not None and record.case_id == "DEMO-1" and record.ended_at is None
    assert say("/end_call")[0]["type"] == "summary"
    assert say("/restart")[0]["type"] in SPOKEN  # Rasa's own: text here


@pytest.mark.slow
def test_rest_keeps_role_play_as_documented(coach):
    tool = coach.tool()  # a tool with an API token of scope "rest", not a person

    def say(text: str) -> list[dict]:
        answer = tool.post(coach.rest, json={"sender": "sec-rp", "message": text}, timeout=60)
        assert answer.status_code == 200, answer.text
        return [m["custom"] for m in answer.json() if "custom" in m]

    assert (say('/start_roleplay{"scenario": "bankstoring", "trainee": "REST"}')[0]["type"]
            == "roleplay_start")
    assert say("/ /end_roleplay")[0]["type"] == "roleplay_turn"
    assert say("/end_roleplay")[0]["type"] == "scorecard"


@pytest.mark.slow
def test_rest_refuses_a_well_formed_start_with_a_bad_case_id(coach):
    answer = coach.http.post(coach.rest, timeout=30, json={
        "sender": "sec-rest-2", "message": '/start_call{"case_id": "%s"}' % ("A" * 200_000)})
    assert "te groot" in error_of(answer, 413)
    answer = coach.http.post(coach.rest, timeout=30, json={
        "sender": "sec-rest-2", "message": '/start_call{"case_id": "%s"}' % ("A" * 100)})
    assert "te lang" in error_of(answer, 400)
    assert coach.storage.calls.get("sec-rest-2") is None
