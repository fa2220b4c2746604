"""A second reading of the scorecard's checks, learned from calls an independent judge
scored. The rules read a call act by act; on calls they have never seen they still miss
about one check in seventeen, a third of those gifts said in words no rule knows. Per
check, a logistic regression over the rules' verdict and the collector's words (TF-IDF)
predicts the judge, and where it is sure the judge would decide otherwise the check turns.

It learns from the judged development calls and the rules' verdict on each as it was when
the rules first saw the call (a blind round, bot/roleplay/first_scorings.yml): the rules'
verdict today, on calls they were since tuned on, would teach it to trust them blindly.

A check is only taken away when one of the collector's lines is what tipped it, so the tip
can quote that line; a verdict with nothing to quote leaves the rules' verdict standing.
"""
from __future__ import annotations

import functools
import logging
import pickle
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import sklearn
import yaml
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

log = logging.getLogger(__name__)

DEFAULT_PATH = Path(__file__).resolve().parents[3] / "models" / "scorecard-second-reading.pkl"
RULE_WEIGHT = 3.0  # the rules' verdict as a feature, above the weight of any one word
STRENGTH = 1000.0  # inverse regularisation; chosen on earlier rounds (README, "Figures")
SPEAKER = "Incasseerder: "  # how a collector's line starts in a judged transcript
SPEAKER_WORD = "incasseerder"  # in every line: counts lines, says nothing about one of them


@dataclass(frozen=True)
class JudgedCall:
    """A judged call as the second reading learns from it."""
    collector_lines: tuple[str, ...]
    rules: Mapping[str, bool]  # the rules' verdict per check when they first saw the call
    judge: Mapping[str, bool]


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


class SecondReading:
    """One model per check: the words of the collector's lines and the rules' verdict."""

    def __init__(self, models: Mapping[str, tuple[TfidfVectorizer, LogisticRegression]]):
        self.models = dict(models)

    @classmethod
    def fit(cls, calls: Sequence[JudgedCall]) -> SecondReading:
        documents = [_document(call.collector_lines) for call in calls]
        models = {}
        for check in sorted({key for call in calls for key in call.judge}):
            rows = [(doc, call.rules[check], call.judge[check])
                    for doc, call in zip(documents, calls, strict=True) if check in call.rules]
            labels = [judge for _, _, judge in rows]
            if len(set(labels)) < 2:
                continue  # a judge who never decided otherwise teaches nothing
            words = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
            found = _features(words, [doc for doc, _, _ in rows], [r for _, r, _ in rows], True)
            model = LogisticRegression(C=STRENGTH, max_iter=3000).fit(found, labels)
            del words.stop_words_  # the words min_df left out: only for inspection, and large
            models[check] = (words, model)
        return cls(models)

    def verdict(self, check: str, lines: Sequence[str], rules_passed: bool) -> Turned | None:
        """How the check turns for a call with these collector lines, or ``None`` when the
        rules' verdict stands."""
        if check not in self.models or not lines:
            return None
        words, model = self.models[check]
        found = _features(words, [_document(lines)], [rules_passed])
        passed = bool(model.predict(found)[0])
        if passed == rules_passed:
            return None
        if passed:
            return Turned(True, None)
        weights, row = model.coef_[0], found.getrow(0)
        analyse, vocabulary = words.build_analyzer(), words.vocabulary_
        costs = []
        for line in lines:
            terms = {vocabulary[term] for term in analyse(SPEAKER + line)
                     if term in vocabulary and term != SPEAKER_WORD}
            costs.append(sum(weights[term] * row[0, term] for term in terms))
        cheapest = min(range(len(lines)), key=costs.__getitem__)
        return Turned(False, cheapest) if costs[cheapest] < 0 else None

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps({"sklearn": sklearn.__version__, "models": self.models}))

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
            return cls(stored["models"])
        except (OSError, pickle.UnpicklingError, EOFError, KeyError, TypeError,
                ValueError, AttributeError) as error:
            log.warning("Second reading of the scorecard not used (%s: %s); run make train",
                        path, error)
            return None


@functools.cache
def trained_second_reading() -> SecondReading | None:
    """The reading `make train` wrote, loaded once per process."""
    return SecondReading.load(DEFAULT_PATH)


def judged_calls(sets_dir: Path, first_scorings: Path) -> list[JudgedCall]:
    """Every call of the rounds in ``first_scorings`` whose set lies in ``sets_dir``: its
    collector lines, the rules' verdict then (the judge's, turned where they missed) and
    the judge's verdict."""
    rounds = yaml.safe_load(first_scorings.read_text(encoding="utf-8"))["rounds"]
    calls = []
    for scored in rounds:
        missed = scored.get("missed") or {}
        for folder in scored["sets"]:
            # a set still blind is not in sets_dir: never learned from
            for transcript in sorted((sets_dir / folder).glob("call-*.txt")):
                calls.append(_judged_call(transcript, missed.get(f"{folder}/{transcript.name}",
                                                                 ())))
    return calls


def _judged_call(transcript: Path, missed: Sequence[str]) -> JudgedCall:
    judged = yaml.safe_load(transcript.with_suffix(".judgment.yml").read_text(encoding="utf-8"))
    judge = {key: bool(verdict["pass"]) for key, verdict in judged["checks"].items()}
    rules = {key: passed != (key in missed) for key, passed in judge.items()}
    lines = tuple(line[len(SPEAKER):] for line in transcript.read_text(
        encoding="utf-8").splitlines() if line.startswith(SPEAKER))
    return JudgedCall(lines, rules, judge)
