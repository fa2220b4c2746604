"""Speaker-aware intent choice. One model classifies what both speakers say; when we
know who is speaking (the trainee in a role-play is the collector, the person typed in
during a coaching call is the debtor), the best intent *of that speaker* in Rasa's
intent_ranking is the answer, even when the other speaker's intent is on top.

Rasa falls back (nlu_fallback on top) when nothing is confident enough, when two
intents are too close, or when no word is known at all. The speaker's best intent is
then used only if it alone clears the fallback threshold: that resolves a tie between a
debtor and a collector intent, not a line nobody understood."""
from __future__ import annotations

COLLECTOR = "collector"
DEBTOR = "debtor"
COLLECTOR_PREFIX = "collector_"
FALLBACK = "nlu_fallback"
# Commands that frame a call or a role-play; never what anyone says.
COMMANDS = frozenset({"start_call", "end_call", "start_roleplay", "end_roleplay"})
FALLBACK_THRESHOLD = 0.25  # FallbackClassifier threshold in config.yml (a test checks)


def belongs_to(intent: str, speaker: str) -> bool:
    if intent == FALLBACK or intent in COMMANDS:
        return False
    return intent.startswith(COLLECTOR_PREFIX) == (speaker == COLLECTOR)


def best_intent(parse: dict, speaker: str) -> tuple[str, float]:
    """(intent, confidence) of the best-ranked intent of ``speaker`` in a Rasa parse
    result; nlu_fallback when there is none (see above)."""
    top = parse.get("intent") or {}
    ranking = list(parse.get("intent_ranking") or [])
    if top and all(entry.get("name") != top.get("name") for entry in ranking):
        ranking.insert(0, top)
    for entry in ranking:
        name, confidence = entry.get("name") or "", float(entry.get("confidence") or 0.0)
        if belongs_to(name, speaker):
            if top.get("name") == FALLBACK and confidence < FALLBACK_THRESHOLD:
                break
            return name, confidence
    return FALLBACK, float(top.get("confidence") or 0.0) if top.get("name") == FALLBACK else 0.0


def speaker_ranking(parse: dict, speaker: str, n: int = 3) -> list[tuple[str, float]]:
    """The ``n`` best intents of ``speaker`` in Rasa's ranking, best first: the readings
    offered when the coach is not sure (bot.coach.uncertainty)."""
    ranking = [(e.get("name") or "", float(e.get("confidence") or 0.0))
               for e in parse.get("intent_ranking") or []]
    return [(name, c) for name, c in ranking if belongs_to(name, speaker)][:n]
