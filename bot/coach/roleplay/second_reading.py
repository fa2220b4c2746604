"""A second reading of the scorecard's checks, learned from calls an independent judge
scored. The rules read a call act by act; on calls they have never seen they still miss
a few checks in a hundred, a third of them gifts said in words no rule knows. Per
check, a logistic regression over the rules' verdict and the collector's words (TF-IDF)
predicts the judge, and where it says the judge would decide otherwise the check turns.

It learns from the judged development calls and the rules' verdict on each as it was when
the rules first saw the call (a blind round, bot/roleplay/first_scorings.yml): the rules'
verdict today, on calls they were since tuned on, would teach it to trust them blindly.

A check it takes away quotes the line that cost it. Which line that is, a second model per
check learned from the judges themselves: the lines they quoted when they failed the check.
A check with no such model is never taken away, only given.
"""
from __future__ import annotations

import functools
import logging
import pickle
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import sklearn
import yaml
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[3]
DEFAULT_PATH = ROOT / "models" / "scorecard-second-reading.pkl"
JUDGED_SETS = ROOT / "tests" / "data" / "dev"  # the judged development calls it learns from
FIRST_SCORINGS = ROOT / "bot" / "roleplay" / "first_scorings.yml"
RULE_WEIGHT = 3.0  # the rules' verdict as a feature, above the weight of any one word
STRENGTH = 1000.0  # inverse regularisation; chosen on earlier rounds (README, "Figures")
SPEAKER = "Incasseerder: "  # how a collector's line starts in a judged transcript
QUOTED = re.compile(r"[‘'\"“](.+?)[’'\"”]")  # what a judge quotes in a reason
QUOTE_WORDS = 3  # this many words in a row of a quote make a line the quoted one


@dataclass(frozen=True)
class JudgedCall:
    """A judged call as the second reading learns from it."""
    collector_lines: tuple[str, ...]
    rules: Mapping[str, bool]  # the rules' verdict per check when they first saw the call
    judge: Mapping[str, bool]
    reasons: Mapping[str, str] = field(default_factory=dict)  # the judge's why per check


@dataclass(frozen=True)
class Turned:
    """A check the second reading decides the other way; ``line`` (an index into the
    collector's lines) is the line that cost the check, ``None`` when it was won."""
    passed: bool
    line: int | None


def _document(lines: Sequence[str]) -> str:
    return "\n".join(SPEAKER + line for line in lines)


def _features(words: TfidfVectorizer, documents: list[str], rules: Sequence[bool],
              fit: bool = False) -> csr_matrix:
    text = (words.fit_transform if fit else words.transform)(documents)
    rule = csr_matrix([[RULE_WEIGHT if passed else -RULE_WEIGHT] for passed in rules])
    return hstack([text, rule]).tocsr()


def _words(text: str) -> list[str]:
    return re.sub(r"[^\w ]", " ", text.lower()).split()


def quoted_in(line: str, reason: str) -> bool:
    """Whether the judge's ``reason`` quotes ``line``: some words in a row of a quote in it
    (judges shorten quotes with "…", so the whole quote need not be there)."""
    said = " ".join(_words(line))
    for quote in QUOTED.findall(reason):
        words = _words(quote)
        size = min(QUOTE_WORDS, len(words))
        if size > 1 and any(" ".join(words[i:i + size]) in said
                            for i in range(len(words) - size + 1)):
            return True
    return False


Model = tuple[TfidfVectorizer, LogisticRegression]


def _fit_verdicts(calls: Sequence[JudgedCall], check: str) -> Model | None:
    rows = [(_document(call.collector_lines), call.rules[check], call.judge[check])
            for call in calls if check in call.rules]
    if len({judge for *_, judge in rows}) < 2:
        return None  # a judge who never decided otherwise teaches nothing
    words = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    found = _features(words, [doc for doc, *_ in rows], [rules for _, rules, _ in rows], True)
    model = LogisticRegression(C=STRENGTH, max_iter=3000).fit(found, [j for *_, j in rows])
    del words.stop_words_  # the words min_df left out: only for inspection, and large
    return words, model


def _fit_lines(calls: Sequence[JudgedCall], check: str) -> Model | None:
    """Which of a call's lines cost the check: the lines judges quoted when failing it
    against the lines they did not quote in the same calls."""
    lines: list[str] = []
    quoted: list[bool] = []
    for call in calls:
        reason = call.reasons.get(check, "")
        marks = [quoted_in(line, reason) for line in call.collector_lines]
        if call.judge.get(check, True) or not any(marks):
            continue
        lines += call.collector_lines
        quoted += marks
    if len(set(quoted)) < 2:
        return None
    words = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)
    model = LogisticRegression(C=10, max_iter=3000, class_weight="balanced")
    return words, model.fit(words.fit_transform(lines), quoted)


class SecondReading:
    """Per check, a model of the judge's verdict (the words of the collector's lines and
    the rules' verdict) and a model of the line a judge quotes when failing the check."""

    def __init__(self, verdicts: Mapping[str, Model], lines: Mapping[str, Model]):
        self.verdicts = dict(verdicts)
        self.lines = dict(lines)

    @classmethod
    def fit(cls, calls: Sequence[JudgedCall]) -> SecondReading:
        checks = sorted({key for call in calls for key in call.judge})
        verdicts = {check: _fit_verdicts(calls, check) for check in checks}
        lines = {check: _fit_lines(calls, check) for check in checks}
        return cls({c: m for c, m in verdicts.items() if m}, {c: m for c, m in lines.items() if m})

    def verdict(self, check: str, lines: Sequence[str], rules_passed: bool) -> Turned | None:
        """How the check turns for a call with these collector lines, or ``None`` when the
        rules' verdict stands."""
        if check not in self.verdicts or not lines:
            return None
        words, model = self.verdicts[check]
        passed = bool(model.predict(_features(words, [_document(lines)], [rules_passed]))[0])
        if passed == rules_passed or (not passed and check not in self.lines):
            return None
        if passed:
            return Turned(True, None)
        words, model = self.lines[check]
        quoted = model.predict_proba(words.transform(list(lines)))[:, 1]
        return Turned(False, int(quoted.argmax()))

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps({"sklearn": sklearn.__version__,
                                       "verdicts": self.verdicts, "lines": self.lines}))

    @classmethod
    def load(cls, path: Path = DEFAULT_PATH) -> SecondReading | None:
        """The trained reading; ``None`` (the rules alone) when there is none yet, or when
        the file is broken or from another scikit-learn (``make train`` writes it again)."""
        if not path.exists():
            return None
        try:
            stored = pickle.loads(path.read_bytes())  # noqa: S301 - our own file, from make train
            if stored["sklearn"] != sklearn.__version__:
                raise ValueError(f"trained with scikit-learn {stored['sklearn']}")
            return cls(stored["verdicts"], stored["lines"])
        except (OSError, pickle.UnpicklingError, EOFError, KeyError, TypeError,
                ValueError, AttributeError) as error:
            log.warning("Second reading of the scorecard not used (%s: %s); run make train",
                        path, error)
            return None


@functools.cache
def trained_second_reading() -> SecondReading | None:
    """The reading `make train` wrote, loaded once per process."""
    return SecondReading.load(DEFAULT_PATH)


def judged_rounds(sets_dir: Path, first_scorings: Path) -> list[list[JudgedCall]]:
    """Per round in ``first_scorings``, every call of its sets that lie in ``sets_dir``
    (a set still blind is not there: never learned from): its collector lines, the rules'
    verdict then (the judge's, turned where they missed) and the judge's verdict."""
    rounds = yaml.safe_load(first_scorings.read_text(encoding="utf-8"))["rounds"]
    found = []
    for scored in rounds:
        missed = scored.get("missed") or {}
        found.append([_judged_call(transcript, missed.get(f"{folder}/{transcript.name}", ()))
                      for folder in scored["sets"]
                      for transcript in sorted((sets_dir / folder).glob("call-*.txt"))])
    return [calls for calls in found if calls]


def judged_calls(sets_dir: Path, first_scorings: Path) -> list[JudgedCall]:
    """The calls of every round, as the second reading learns from them."""
    return [call for calls in judged_rounds(sets_dir, first_scorings) for call in calls]


def _judged_call(transcript: Path, missed: Sequence[str]) -> JudgedCall:
    judged = yaml.safe_load(transcript.with_suffix(".judgment.yml").read_text(encoding="utf-8"))
    judge = {key: bool(verdict["pass"]) for key, verdict in judged["checks"].items()}
    rules = {key: passed != (key in missed) for key, passed in judge.items()}
    reasons = {key: str(verdict.get("why", "")) for key, verdict in judged["checks"].items()}
    lines = tuple(line[len(SPEAKER):] for line in transcript.read_text(
        encoding="utf-8").splitlines() if line.startswith(SPEAKER))
    return JudgedCall(lines, rules, judge, reasons)
