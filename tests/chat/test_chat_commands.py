"""Chat text to coach commands, and the answer every chat message gets."""
from __future__ import annotations

import asyncio
import json

import pytest

from bot.channels.chat_commands import HELP, RASA, SEARCH, Command, answer, interpret

STORED = {"DEMO-1", "DEMO-3", "10234"}


def stored(word: str) -> bool:
    return word.upper() in STORED


def start(case_id: str) -> Command:
    return Command(RASA, "/start_call" + json.dumps({"case_id": case_id}))


@pytest.mark.parametrize("text,command", [
    ("DEMO-1", start("DEMO-1")),
    ("*DEMO-1*", start("DEMO-1")),
    ("  DEMO-1.  ", start("DEMO-1")),
    ("DEMO-99", start("DEMO-99")),            # a lone id loads, so an unknown one is reported
    ("dossier DEMO-1", start("DEMO-1")),
    (":dossier demo-3", start("demo-3")),
    ("Dossier: 10234", start("10234")),
    ("10234", start("10234")),
    ("ik bel nu DEMO-3, even kijken", start("DEMO-3")),
    ("einde", Command(RASA, "/end_call")),
    ("Samenvatting.", Command(RASA, "/end_call")),
    (":einde", Command(RASA, "/end_call")),
    ("dossiers vries", Command(SEARCH, "vries")),
    ("dossiers", Command(SEARCH, "")),
    ("", Command(HELP)),
    ("hulp", Command(HELP)),
    ("?", Command(HELP)),
])
def test_commands(text, command):
    assert interpret(text, stored) == command


@pytest.mark.parametrize("text,debtor", [
    ("debiteur zegt: ik heb die factuur nooit gehad", "ik heb die factuur nooit gehad"),
    ("Debiteur zegt dat de boekhouder op vakantie is", "dat de boekhouder op vakantie is"),
    ("debiteur: einde", "einde"),
    ("De debiteur zegt: DEMO-1 is van mijn broer", "DEMO-1 is van mijn broer"),
])
def test_the_debtor_prefix_is_stripped_and_never_a_command(text, debtor):
    assert interpret(text, stored) == Command(RASA, debtor)


@pytest.mark.parametrize("text", [
    "Factuur F2026-0087 is al betaald",      # an invoice number is not a case
    "dossier is bij onze advocaat",          # "dossier" followed by a plain word
    "Ik betaal 1.250,50 op 27-11",
    "12345",                                 # a number that is no stored case
    "Dat is het einde van het verhaal",
    "We wachten op onze klant, samenvatting volgt",
])
def test_the_debtor_s_words_go_to_the_coach_unchanged(text):
    assert interpret(text, stored) == Command(RASA, text)


class Output:
    def __init__(self) -> None:
        self.sent = 0
        self.messages: list[dict] = []

    async def send_response(self, recipient_id: str, message: dict) -> None:
        self.messages.append(message)
        self.sent += 1


def run(command: Command, deliver) -> Output:
    output = Output()
    asyncio.run(answer(command, output, "slack:C1:1.0", deliver))
    return output


def test_a_coach_answer_is_passed_on_and_nothing_is_added():
    output = Output()

    async def deliver(text: str) -> None:
        await output.send_response("x", {"text": f"advies voor {text}"})

    asyncio.run(answer(Command(RASA, "hallo"), output, "slack:C1:1.0", deliver))
    assert output.messages == [{"text": "advies voor hallo"}]


@pytest.mark.parametrize("failure", ["raises", "silent"])
def test_without_an_answer_from_rasa_the_colleague_gets_a_clear_message(failure):
    async def deliver(text: str) -> None:
        if failure == "raises":
            raise ConnectionError("action server down")

    [message] = run(Command(RASA, "hallo"), deliver).messages
    assert message["custom"]["code"] == "service_unavailable"
    assert "niet bereikbaar" in message["text"]


async def _never(text: str) -> None:
    raise AssertionError("help and search are answered without Rasa")


def test_help_and_search_are_answered_without_rasa():
    [help_message] = run(Command(HELP), _never).messages
    assert help_message["custom"]["type"] == "help" and "dossier DEMO-1" in help_message["text"]

    [found] = run(Command(SEARCH, "vries"), _never).messages
    assert [c["id"] for c in found["custom"]["cases"]] == ["DEMO-1"]
    assert "DEMO-1 — Bloemisterij De Vries (mevrouw De Vries)" in found["text"]

    [none] = run(Command(SEARCH, "bestaat niet"), _never).messages
    assert none["custom"]["cases"] == [] and "Geen dossiers gevonden" in none["text"]
