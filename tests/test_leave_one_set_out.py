"""scripts/leave_one_set_out.py: a set's own lines never train the model that scores them,
and the spoken copy of a line is what speech-to-text gives."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

import leave_one_set_out as loo  # noqa: E402

TRAIN = [
    *[(f"Ik heb de factuur nooit gekregen {n}.", "excuse_invoice_not_received") for n in range(6)],
    *[(f"Ik maak het vrijdag over, deel {n}.", "promise_to_pay") for n in range(6)],
    *[(f"Dus u betaalt vrijdag {n} euro?", "collector_summarise") for n in range(6)],
]


def test_a_spoken_copy_has_no_capitals_or_punctuation() -> None:
    assert loo.spoken("Nee, die factuur? Nooit gezien! € 500,-") == \
        "nee die factuur nooit gezien euro 500 -"
    assert loo.spoken("'k Heb 'm niet.") == "k heb m niet"


def test_the_held_out_lines_are_left_out_of_training() -> None:
    seen: list[list[str]] = []

    def recording(train: loo.Lines):
        seen.append([t for t, _ in train])
        return loo.regression(train)

    held = {"written": [TRAIN[0], TRAIN[6]],
            "speech-to-text": [("ik heb de factuur nooit gekregen", "excuse_invoice_not_received")]}
    scores = loo.left_out(TRAIN, held, {"model": recording})
    assert TRAIN[0][0] not in seen[0] and TRAIN[6][0] not in seen[0]
    assert len(seen[0]) == len(TRAIN) - 2
    assert scores["model"]["written"] == 1.0
    assert set(scores["model"]) == {"written", "speech-to-text"}


def test_only_debtor_intents_are_ranked() -> None:
    model = loo.regression(TRAIN)
    line = [("Dus u betaalt vrijdag?", "promise_to_pay")]  # a collector's words, a debtor's intent
    assert loo.debtor_f1(model, line) == 1.0
