"""The live checklist on a real call: ticks as the collector speaks, one prompt at the
moment it matters, mutable per kind; the scorecard stored with the call at its end."""
from __future__ import annotations

import pytest

from bot.coach.calls import CallService
from bot.coach.checklist import ChecklistError
from bot.coach.playbook import PlaybookError, default_playbook, parse_playbook
from bot.coach.roleplay import turns as moves
from bot.storage.store import default_storage

WORKING_HOURS = "2026-11-23T10:00"  # a Monday morning


@pytest.fixture
def service(tmp_path, monkeypatch) -> CallService:
    monkeypatch.setenv("INCASSO_NOW", WORKING_HOURS)
    return CallService(default_storage(f"sqlite:///{tmp_path / 'calls.sqlite3'}"))


@pytest.fixture
def call_id(service) -> str:
    service.start("call-1", "DEMO-1", "Sanne", "sanne")
    return "call-1"


def said(service: CallService, call_id: str, text: str, intent: str) -> list[dict]:
    """A collector line of one act, read as ``intent``."""
    return service.collector_line(call_id, text, None, [(text, intent)])


def checklist_of(event: dict) -> dict:
    return next(p for p in event["payloads"] if p["type"] == "checklist")


def done(event: dict) -> set[str]:
    return {c["key"] for c in checklist_of(event)["checks"] if c["done"]}


def test_invoice_and_amount_tick_after_the_collector_names_them(service, call_id):
    event = said(service, call_id,
                 "Ik bel over factuur F2026-0081 van 1.000 euro.", moves.STATE_PURPOSE)[0]
    payload = checklist_of(event)
    assert [c["key"] for c in payload["checks"]] == list(
        default_playbook().checklist_rules.labels)
    assert "invoice_amount" in done(event)
    assert "summarised" not in done(event) and payload["prompt"] is None
    assert [{k: a[k] for k in ("text", "intent")} for a in event["acts"]] == [
        {"text": "Ik bel over factuur F2026-0081 van 1.000 euro.", "intent": moves.STATE_PURPOSE}]
    assert event["acts"][0]["entities"]["invoice_number"] == ["F2026-0081"]


def test_a_concession_with_nothing_asked_back_prompts_at_once(service, call_id):
    event = said(service, call_id,
                 "Weet u wat, dan laten we de rente vallen.", moves.OFFER_CONCESSION)[0]
    prompt = checklist_of(event)["prompt"]
    assert prompt["kind"] == "concession_without_return" and "terug" in prompt["text"]
    assert "concession_return" not in done(event)


@pytest.mark.parametrize("text, intent, kind", [
    ("Betaalt u het dan zo snel mogelijk?", moves.CLOSED_QUESTION, "vague_agreement"),
    ("Dan maakt u het ergens deze week over.", moves.VAGUE_PROPOSAL, "vague_agreement"),
    ("Anders komt de deurwaarder morgen langs.", moves.THREATEN, "threat"),
])
def test_vague_agreements_and_threats_prompt(service, call_id, text, intent, kind):
    event = said(service, call_id, text, intent)[0]
    assert checklist_of(event)["prompt"]["kind"] == kind


def test_one_prompt_at_a_time_the_most_serious_first(service, call_id):
    event = said(service, call_id, "Als u niet zo snel mogelijk betaalt, stap ik "
                                   "naar de rechter.", moves.THREATEN)[0]
    assert checklist_of(event)["prompt"]["kind"] == "threat"


def test_a_muted_kind_is_not_shown_again_and_others_still_are(service, call_id):
    assert service.mute_prompt(call_id, "vague_agreement") == ["vague_agreement"]
    quiet = said(service, call_id, "Dus zo snel mogelijk dan?",
                                   moves.VAGUE_PROPOSAL)[0]
    assert checklist_of(quiet)["prompt"] is None
    loud = said(service, call_id, "Dan schrappen we de kosten.", moves.OFFER_CONCESSION)[0]
    assert checklist_of(loud)["prompt"]["kind"] == "concession_without_return"
    with pytest.raises(ChecklistError):
        service.mute_prompt(call_id, "alles")


def test_a_call_outside_calling_hours_is_prompted_once(service, call_id, monkeypatch):
    monkeypatch.setenv("INCASSO_NOW", "2026-11-23T20:30")
    first = said(service, call_id, "Goedenavond, met Sanne.",
                                   moves.INTRODUCE)[0]
    assert checklist_of(first)["prompt"]["kind"] == "calling_hours"
    assert "08:00–20:00" in checklist_of(first)["prompt"]["text"]
    second = said(service, call_id, "Ik bel over de factuur.", moves.STATE_PURPOSE)[0]
    assert checklist_of(second)["prompt"] is None


def test_a_saturday_is_outside_calling_hours(service, call_id, monkeypatch):
    monkeypatch.setenv("INCASSO_NOW", "2026-11-28T11:00")
    event = said(service, call_id, "Goedemorgen.", moves.INTRODUCE)[0]
    assert checklist_of(event)["prompt"]["kind"] == "calling_hours"


def test_the_debtor_s_lines_give_the_context(service, call_id):
    said(service, call_id,
         "Kunt u 500 euro uiterlijk vrijdag 27 november overmaken?", moves.CONCRETE_PROPOSAL)
    service.debtor_line(call_id, "Ja, dat is goed.", "affirm", 0.95, {})
    event = said(service, call_id,
                 "Dus samengevat: 500 euro uiterlijk 27 november.", moves.SUMMARISE)[0]
    assert {"concrete_agreement", "summarised"} <= done(event)


def test_every_call_gets_its_scorecard_at_the_end(service, call_id):
    said(service, call_id, "Ik bel over factuur F2026-0081 van 1.000 euro.", moves.STATE_PURPOSE)
    event = service.end(call_id).events[0]
    card = next(p for p in event["payloads"] if p["type"] == "scorecard")
    assert 0 <= card["total"] <= 100
    invoice = next(c for c in card["checks"] if c["key"] == "invoice_amount")
    assert invoice["passed"] and len(card["checks"]) == 10
    assert service.snapshot(call_id)["events"][-1]["payloads"][1]["type"] == "scorecard"


@pytest.mark.parametrize("change, message", [
    (lambda c: c["checks"].update({"onbekend": "x"}), "onbekende check"),
    (lambda c: c["prompts"].pop("threat"), "threat"),
    (lambda c: c["calling_hours"].update({"start": "8 uur"}), "UU:MM"),
    (lambda c: c["calling_hours"].update({"start": "21:00"}), "eindigen"),
])
def test_a_broken_checklist_block_names_what_is_wrong(change, message):
    import yaml

    from bot.coach.playbook import PLAYBOOK_PATH
    data = yaml.safe_load(PLAYBOOK_PATH.read_text(encoding="utf-8"))
    change(data["live_checklist"])
    with pytest.raises(PlaybookError, match=message):
        parse_playbook(data)


def test_a_line_of_two_acts_earns_both_and_a_concession_asked_back_for_is_no_prompt(service,
                                                                                    call_id):
    text = ("Dus nog even op een rijtje: u betaalt 500 euro op vrijdag 27 november. Ik stuur "
            "u vandaag een bevestiging per mail.")
    acts = [("Dus nog even op een rijtje: u betaalt 500 euro op vrijdag 27 november.",
             moves.SUMMARISE), ("Ik stuur u vandaag een bevestiging per mail.",
                                moves.ANNOUNCE_CONFIRMATION)]
    event = service.collector_line(call_id, text, None, acts)[0]
    assert {"summarised", "confirmation"} <= done(event)
    traded = service.collector_line(call_id, "Ik laat de rente vallen. Dan betaalt u wel "
                                    "vandaag de helft.", None,
                                    [("Ik laat de rente vallen.", moves.OFFER_CONCESSION),
                                     ("Dan betaalt u wel vandaag de helft.",
                                      moves.ASK_IN_RETURN)])[0]
    assert checklist_of(traded)["prompt"] is None
    assert "concession_return" in done(traded)


def test_the_call_list_shows_one_collector_s_calls_or_all_with_their_score(service, call_id):
    service.start("call-2", "DEMO-2", "Piet", "piet")
    said(service, call_id, "Ik bel over factuur F2026-0081 van 1.000 euro.", moves.STATE_PURPOSE)
    service.end(call_id)
    everyone = service.listing()
    assert [c["call_id"] for c in everyone] == ["call-2", "call-1"]  # newest first
    ended = everyone[1]
    assert ended["status"] == "ended" and isinstance(ended["score"], int)
    assert everyone[0]["score"] is None and everyone[0]["title"].startswith("Dossier DEMO-2")
    assert [c["call_id"] for c in service.listing("piet")] == ["call-2"]
    assert service.listing("niemand") == []
