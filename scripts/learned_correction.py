"""An experiment, not part of the product: would a model learned from the judged calls correct
the scorecard's rules on calls they have never seen?

For every blind round's first scoring (scripts/fresh_misses.py) the rules' verdict on each
check is known without rerunning old rules: it is the judge's verdict, turned round where
docs/benchmarks.md lists a disagreement. Per check, a logistic regression over that fresh
verdict and the call's words (TF-IDF, word 1–2-grams) predicts the judge; it is scored
round by round, trained either on every other round or, as it would have run at the time,
only on the rounds before (from the tenth on).

    python scripts/learned_correction.py [--c 100]
"""
from __future__ import annotations

import argparse
from pathlib import Path

import yaml
from fresh_misses import first_scorings
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

SET_DIRS = (Path("tests/data/dev"), Path("tests/data/blind"))
RULE_WEIGHT = 3.0  # the rules' verdict as a feature, scaled above one TF-IDF weight
FIRST_FORWARD = 10  # rounds before the first one scored forward-only


def labelled_checks() -> list[tuple[int, str, bool, bool, str]]:
    """(round, check, the rules' fresh verdict, the judge's verdict, the call's text)."""
    rows = []
    for number, scored in enumerate(first_scorings()):
        for call in scored.calls:
            folder, name = call.split("/")
            base = next(d / folder for d in SET_DIRS if (d / folder).exists())
            judged = yaml.safe_load((base / name.replace(".txt", ".judgment.yml")).read_text())
            text = (base / name).read_text(encoding="utf-8")
            for check, verdict in judged["checks"].items():
                judge = bool(verdict["pass"])
                rows.append((number, check, judge != ((call, check) in scored.misses), judge,
                             text))
    return rows


def predict(train: list, test: list, c: float) -> list[bool]:
    """The judge's verdicts on ``test`` as a model fitted on ``train`` predicts them."""
    labels = [row[3] for row in train]
    if len(set(labels)) < 2:
        return [labels[0]] * len(test)
    words = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)

    def features(rows: list, fit: bool) -> csr_matrix:
        text = (words.fit_transform if fit else words.transform)([row[4] for row in rows])
        rule = csr_matrix([[RULE_WEIGHT if row[2] else -RULE_WEIGHT] for row in rows])
        return hstack([text, rule]).tocsr()

    model = LogisticRegression(C=c, max_iter=2000).fit(features(train, True), labels)
    return [bool(p) for p in model.predict(features(test, False))]


def evaluate(rows: list, c: float, forward: bool) -> None:
    rounds = sorted({row[0] for row in rows})
    scored = [r for r in rounds if not forward or r >= FIRST_FORWARD]
    hits: dict[str, list[int]] = {"rules": [], "learned": []}
    per_round = []
    total = 0
    for number in scored:
        got = {"rules": 0, "learned": 0}
        test_rows = [row for row in rows if row[0] == number]
        total += len(test_rows)
        for check in sorted({row[1] for row in rows}):
            test = [row for row in test_rows if row[1] == check]
            train = [row for row in rows if row[1] == check and (
                row[0] < number if forward else row[0] != number)]
            for row, guess in zip(test, predict(train, test, c), strict=True):
                got["rules"] += row[2] == row[3]
                got["learned"] += guess == row[3]
        for key in got:
            hits[key].append(got[key])
        per_round.append((got["rules"] / len(test_rows), got["learned"] / len(test_rows)))
    how = "trained on earlier rounds only" if forward else "trained on all other rounds"
    print(f"{len(scored)} rounds, {total} checks, {how}: rules {sum(hits['rules']) / total:.2%}, "
          f"learned {sum(hits['learned']) / total:.2%}; rounds at 95% or more: rules "
          f"{sum(r >= 0.95 for r, _ in per_round)}, learned {sum(c >= 0.95 for _, c in per_round)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--c", type=float, default=100.0, help="inverse regularisation")
    c = parser.parse_args().c
    rows = labelled_checks()
    evaluate(rows, c, forward=False)
    evaluate(rows, c, forward=True)


if __name__ == "__main__":
    main()
