"""The coach's payloads as Slack Block Kit messages.

Same content as the `custom` payload, laid out for reading during a call: a header, one
section per part, each proposal in its own section and the confirmation e-mail in code
blocks, so they are easy to copy. Content is split within Slack's limits (50 blocks a
message, 3000 characters a section text, 150 a header). No Rasa imports.
"""
from __future__ import annotations

import datetime as dt

from bot.coach.formatting import short_date
from bot.coach.money import format_euro

MAX_BLOCKS = 50
MAX_TEXT = 3000
MAX_HEADER = 150


def escape(text: object) -> str:
    """Slack reads &, < and > as markup; user and case data must show as typed."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def chunks(text: str, limit: int) -> list[str]:
    """``text`` in pieces of at most ``limit`` characters, cut at line ends where possible."""
    pieces: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:
            if current:
                pieces.append(current)
                current = ""
            pieces.append(line[:limit])
            line = line[limit:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            pieces.append(current)
            candidate = line
        current = candidate
    if current or not pieces:
        pieces.append(current)
    return pieces


def header(text: str) -> dict:
    if len(text) > MAX_HEADER:
        text = text[:MAX_HEADER - 1] + "…"
    return {"type": "header", "text": {"type": "plain_text", "text": text, "emoji": True}}


def sections(mrkdwn: str) -> list[dict]:
    return [{"type": "section", "text": {"type": "mrkdwn", "text": piece}}
            for piece in chunks(mrkdwn, MAX_TEXT) if piece.strip()]


def context(mrkdwn: str) -> dict:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": mrkdwn[:MAX_TEXT]}]}


def code_sections(text: str) -> list[dict]:
    return [{"type": "section", "text": {"type": "mrkdwn", "text": f"```{piece}```"}}
            for piece in chunks(escape(text), MAX_TEXT - 6)]


def listing(title: str, items: list[str]) -> list[dict]:
    if not items:
        return []
    return sections(f"*{title}*\n" + "\n".join(f"• {escape(item)}" for item in items))


def quote(title: str, text: str) -> list[dict]:
    return sections(f"*{title}*\n>“{escape(text)}”") if text else []


def day(iso: object) -> str:
    """A short Dutch date for an ISO date; anything else is shown as it is."""
    if isinstance(iso, str):
        try:
            return short_date(dt.date.fromisoformat(iso))
        except ValueError:
            pass
    return str(iso)


def money(amount: object) -> str:
    try:
        return format_euro(amount)
    except (TypeError, ValueError):
        return str(amount)


def schedule(item: dict) -> str:
    """"€ 816,67 op 25 november 2026 · …" or "€ 2.450,00 uiterlijk 30 november 2026"."""
    parts = item.get("installments") or []
    if parts:
        return " · ".join(f"{money(p.get('amount'))} op {day(p.get('date'))}" for p in parts)
    return f"{money(item.get('amount'))} uiterlijk {day(item.get('date'))}"


def entity_summary(entities: dict) -> str:
    shown = []
    for name, value in (entities or {}).items():
        for one in value if isinstance(value, list) else [value]:
            shown.append(money(one) if name == "amount" else
                         day(one) if name == "date" else str(one))
    return ", ".join(shown)


def advice_blocks(p: dict) -> list[dict]:
    blocks = [header(p.get("label") or "Advies")]
    facts = [f"zekerheid {float(p.get('confidence') or 0):.0%}"]
    if p.get("entities"):
        facts.append(f"herkend: {escape(entity_summary(p['entities']))}")
    blocks.append(context(" · ".join(facts)))
    blocks += sections("\n".join(f"ℹ️ {escape(note)}" for note in p.get("notes") or []))
    blocks += quote("Zeg:", p.get("say") or "")
    blocks += listing("Vraag door:", p.get("probing_questions") or [])
    proposals = p.get("proposals") or []
    if proposals:
        blocks += sections("*Stel voor:*")
        for number, proposal in enumerate(proposals, start=1):
            blocks += sections(f"*{number}.* {escape(proposal.get('text', ''))}")
            blocks.append(context(escape(schedule(proposal))))
    blocks += listing("Geef alleen iets als u iets terugkrijgt:",
                      [f"geef: {c.get('give')} → vraag terug: {c.get('get')}"
                       for c in p.get("concessions") or []])
    blocks += listing("Vermijd:", p.get("avoid") or [])
    if p.get("next_step"):
        blocks += sections(f"*Volgende stap:* {escape(p['next_step'])}")
    if p.get("agreements"):
        blocks.append(context("Afspraken tot nu toe: " + escape(
            "; ".join(schedule(a) for a in p["agreements"]))))
    return blocks


def brief_blocks(p: dict) -> list[dict]:
    blocks = [header(p.get("title") or "Voorbereiding")]
    if p.get("goal"):
        blocks += sections(f"*Doel:* {escape(p['goal'])}")
    blocks += quote("Openingszin:", p.get("opening") or "")
    blocks += listing("Bij de hand:", p.get("facts") or [])
    blocks += listing("Beste belmomenten:", p.get("call_moments") or [])
    blocks.append(context("Typ in deze thread wat de debiteur zegt; *samenvatting* rondt "
                          "het gesprek af."))
    return blocks


def summary_blocks(p: dict) -> list[dict]:
    blocks = [header("Samenvatting van het gesprek")]
    blocks += sections(escape(p.get("summary") or ""))
    agreements = p.get("agreements") or []
    blocks += listing("Afspraken:", [f"{a.get('text')}: {schedule(a)}" for a in agreements])
    email = p.get("email") or {}
    if email:
        blocks += sections("*Conceptmail* — onderwerp:")
        blocks += code_sections(email.get("subject", ""))
        blocks += code_sections(email.get("body", ""))
    blocks += listing("Opvolging:", [f"{day(f.get('date'))}: {f.get('action')}"
                                     for f in p.get("follow_up") or []])
    return blocks


def notice_blocks(p: dict) -> list[dict]:
    sign = "⚠️ " if p.get("type") == "error" else ""
    return sections(sign + escape(p.get("message") or ""))


def cases_blocks(p: dict) -> list[dict]:
    cases = p.get("cases") or []
    if not cases:
        return sections(f"Geen dossiers gevonden met ‘{escape(p.get('query', ''))}’.")
    title = f"Dossiers met ‘{escape(p['query'])}’:" if p.get("query") else "Dossiers:"
    lines = [f"• *{escape(c['id'])}* — {escape(c['company'])} ({escape(c['contact'])})"
             for c in cases]
    return sections(f"*{title}*\n" + "\n".join(lines)) + [
        context(f"Noem een dossiernummer om het gesprek te starten, bijvoorbeeld "
                f"*{escape(cases[0]['id'])}*.")]


def help_blocks(p: dict) -> list[dict]:
    lines = [f"• *{escape(c['example'])}* — {escape(c['explanation'])}"
             for c in p.get("commands") or []]
    return sections("*Zo werkt de Incassocoach:*\n" + "\n".join(lines))


BUILDERS = {"advice": advice_blocks, "brief": brief_blocks, "summary": summary_blocks,
            "rephrase": notice_blocks, "error": notice_blocks, "cases": cases_blocks,
            "help": help_blocks}


def block_text(block: dict) -> str:
    if block["type"] == "context":
        return " ".join(e["text"] for e in block["elements"])
    return block["text"]["text"]


def render(payload: dict | None, text: str = "") -> list[dict]:
    """chat.postMessage arguments, one dict ({"text", "blocks"}) per message. Each message's
    `text` is the plain-text fallback (notifications, screen readers) of its own blocks."""
    kind = payload.get("type") if payload else None
    build = BUILDERS.get(kind) if isinstance(kind, str) else None
    blocks = build(payload) if build and payload else sections(escape(text))
    messages = []
    for start in range(0, len(blocks), MAX_BLOCKS):
        part = blocks[start:start + MAX_BLOCKS]
        fallback = "\n".join(block_text(b) for b in part)
        messages.append({"text": chunks(fallback, MAX_TEXT)[0], "blocks": part})
    return messages
