"""The coach's payloads for one DEMO-3 call, made by the call service on the test's own
database, as the chat channels receive them from Rasa."""
from __future__ import annotations

from bot.wiring import calls


def call_payloads() -> dict[str, dict]:
    service = calls()
    brief, record = service.start("chat-render", "DEMO-3")
    advice = service.debtor_line(record.id, "kan ik in termijnen betalen, 1.250,50 per keer?",
                                 "request_payment_plan", 0.91,
                                 {"amount": [1250.5], "date": ["2026-11-27", "2026-12-15"]})
    service.debtor_line(record.id, "vrijdag maak ik 1.250,50 euro over", "promise_to_pay", 0.9,
                        {"amount": [1250.5], "date": ["2026-11-27"]})
    return {"brief": brief.to_payload(), "advice": advice.payload,
            "summary": service.end(record.id).payload}
