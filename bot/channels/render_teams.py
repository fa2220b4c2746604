"""The coach's payloads as Microsoft Teams messages with an Adaptive Card.

Same content as the `custom` payload as in Slack: title, confidence, each part under its
own heading, proposals with their dates, amounts and instalments as facts, and the
confirmation e-mail in monospace. Cards use schema 1.4 (what Teams renders) and carry a
plain-text `fallbackText`; a card that would pass Teams' ~28 KB message limit is split
into several messages. No Rasa imports.
"""
from __future__ import annotations

import json
from typing import Any

from bot.channels.render_slack import chunks, day, entity_summary, money, schedule

CARD_TYPE = "application/vnd.microsoft.card.adaptive"
CARD_VERSION = "1.4"
MAX_MESSAGE_BYTES = 24_000  # Teams rejects messages over ~28 KB; leave room for the envelope
MAX_TEXT = 2_000


def text_block(text: str, **style: Any) -> list[dict]:
    return [{"type": "TextBlock", "text": piece, "wrap": True, **style}
            for piece in chunks(text, MAX_TEXT) if piece.strip()]


def title(text: str) -> list[dict]:
    return text_block(text, size="Medium", weight="Bolder")


def subtle(text: str) -> list[dict]:
    return text_block(text, isSubtle=True, spacing="None")


def heading(text: str) -> list[dict]:
    return text_block(text, weight="Bolder", spacing="Medium")


def listing(name: str, items: list[str]) -> list[dict]:
    if not items:
        return []
    blocks = heading(name)
    for item in items:
        blocks += text_block(f"• {item}", spacing="Small")
    return blocks


def quote(name: str, text: str) -> list[dict]:
    if not text:
        return []
    return heading(name) + [{"type": "Container", "style": "emphasis",
                             "items": text_block(f"“{text}”")}]


def monospace(text: str) -> dict:
    """One line per TextBlock: Teams collapses single line breaks inside a TextBlock."""
    lines = [{"type": "TextBlock", "text": line or " ", "wrap": True, "fontType": "Monospace",
              "spacing": "None"} for line in text.split("\n")]
    return {"type": "Container", "style": "emphasis", "items": lines}


def facts(item: dict) -> dict:
    parts = item.get("installments") or []
    rows = ([{"title": day(p.get("date")), "value": money(p.get("amount"))} for p in parts]
            or [{"title": "Uiterlijk", "value": day(item.get("date"))},
                {"title": "Bedrag", "value": money(item.get("amount"))}])
    return {"type": "FactSet", "facts": rows, "spacing": "Small"}


def advice_body(p: dict) -> list[dict]:
    body = title(p.get("label") or "Advies")
    line = f"Zekerheid {float(p.get('confidence') or 0):.0%}"
    if p.get("entities"):
        line += f" · herkend: {entity_summary(p['entities'])}"
    body += subtle(line)
    for note in p.get("notes") or []:
        body += text_block(f"ℹ️ {note}")
    body += quote("Zeg", p.get("say") or "")
    body += listing("Vraag door", p.get("probing_questions") or [])
    proposals = p.get("proposals") or []
    if proposals:
        body += heading("Stel voor")
        for number, proposal in enumerate(proposals, start=1):
            body.append({"type": "Container", "style": "emphasis", "spacing": "Small",
                         "items": text_block(f"{number}. {proposal.get('text', '')}")
                         + [facts(proposal)]})
    body += listing("Geef alleen iets als u iets terugkrijgt",
                    [f"geef: {c.get('give')} → vraag terug: {c.get('get')}"
                     for c in p.get("concessions") or []])
    body += listing("Vermijd", p.get("avoid") or [])
    if p.get("next_step"):
        body += heading("Volgende stap") + text_block(p["next_step"])
    if p.get("agreements"):
        body += subtle("Afspraken tot nu toe: " + "; ".join(schedule(a)
                                                          for a in p["agreements"]))
    return body


def brief_body(p: dict) -> list[dict]:
    body = title(p.get("title") or "Voorbereiding")
    if p.get("goal"):
        body += heading("Doel") + text_block(p["goal"])
    body += quote("Openingszin", p.get("opening") or "")
    body += listing("Bij de hand", p.get("facts") or [])
    body += listing("Beste belmomenten", p.get("call_moments") or [])
    body += subtle("Antwoord hier met wat de debiteur zegt (in een kanaal met een @-vermelding "
                   "van de coach); ‘samenvatting’ rondt het gesprek af.")
    return body


def summary_body(p: dict) -> list[dict]:
    body = title("Samenvatting van het gesprek") + text_block(p.get("summary") or "")
    body += listing("Afspraken", [f"{a.get('text')}: {schedule(a)}"
                                  for a in p.get("agreements") or []])
    email = p.get("email") or {}
    if email:
        body += heading("Conceptmail — onderwerp")
        body.append(monospace(email.get("subject", "")))
        body += heading("Tekst")
        body += [monospace(piece) for piece in chunks(email.get("body", ""), MAX_TEXT)]
    body += listing("Opvolging", [f"{day(f.get('date'))}: {f.get('action')}"
                                  for f in p.get("follow_up") or []])
    return body


def notice_body(p: dict) -> list[dict]:
    sign = "⚠️ " if p.get("type") == "error" else ""
    return text_block(sign + (p.get("message") or ""))


def cases_body(p: dict) -> list[dict]:
    cases = p.get("cases") or []
    if not cases:
        return text_block(f"Geen dossiers gevonden met ‘{p.get('query', '')}’.")
    body = heading(f"Dossiers met ‘{p['query']}’" if p.get("query") else "Dossiers")
    body.append({"type": "FactSet", "facts": [
        {"title": c["id"], "value": f"{c['company']} ({c['contact']})"} for c in cases]})
    return body + subtle(f"Noem een dossiernummer om het gesprek te starten, bijvoorbeeld "
                         f"{cases[0]['id']}.")


def help_body(p: dict) -> list[dict]:
    return heading("Zo werkt de Incassocoach") + [{"type": "FactSet", "facts": [
        {"title": c["example"], "value": c["explanation"]} for c in p.get("commands") or []]}]


BUILDERS = {"advice": advice_body, "brief": brief_body, "summary": summary_body,
            "rephrase": notice_body, "error": notice_body, "cases": cases_body,
            "help": help_body}


def plain_text(elements: list[dict]) -> str:
    """The words of card elements, for `fallbackText`."""
    lines: list[str] = []
    for element in elements:
        if element["type"] == "TextBlock":
            lines.append(element["text"])
        elif element["type"] == "FactSet":
            lines += [f"{f['title']}: {f['value']}" for f in element["facts"]]
        elif element["type"] == "Container":
            lines.append(plain_text(element["items"]))
    return "\n".join(lines)


def card_message(body: list[dict]) -> dict:
    card = {"type": "AdaptiveCard", "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
            "version": CARD_VERSION, "body": body, "fallbackText": plain_text(body),
            "msteams": {"width": "Full"}}
    return {"summary": body[0].get("text", "") if body else "",
            "attachments": [{"contentType": CARD_TYPE, "content": card}]}


def size(message: dict) -> int:
    return len(json.dumps(message, ensure_ascii=False).encode("utf-8"))


def render(payload: dict | None, text: str = "") -> list[dict]:
    """Bot Framework activity fields (summary, attachments), one dict per message."""
    kind = payload.get("type") if payload else None
    build = BUILDERS.get(kind) if isinstance(kind, str) else None
    body = build(payload) if build and payload else text_block(text)
    messages: list[dict] = []
    part: list[dict] = []
    for element in body:
        if part and size(card_message(part + [element])) > MAX_MESSAGE_BYTES:
            messages.append(card_message(part))
            part = []
        part.append(element)
    if part:
        messages.append(card_message(part))
    return messages
