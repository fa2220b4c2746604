"""The TF-IDF intent classifier of the NLU candidates (bot/nlu/tfidf_classifier.py): trained,
stored with skops, loaded back and used, through Rasa's own model storage."""
from __future__ import annotations

import pytest
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.tfidf_classifier import RANKING_LENGTH, TfidfIntentClassifier

EXAMPLES = {
    "claim_already_paid": ["ik heb het vorige week al betaald", "dat is al overgemaakt",
                           "het geld is gisteren gestort", "al lang betaald hoor"],
    "cannot_pay": ["ik heb nu geen geld", "we kunnen het niet betalen",
                   "er is geen cent binnen", "het lukt financieel niet"],
    "wrong_person": ["u heeft het verkeerde nummer", "die naam ken ik niet",
                     "hier werkt niemand met die naam", "dit is een privenummer"],
}


@pytest.fixture
def storage(tmp_path) -> LocalModelStorage:
    return LocalModelStorage(tmp_path)


def trained(storage, config=None) -> TfidfIntentClassifier:
    resource = Resource("tfidf")
    component = TfidfIntentClassifier(config or {}, storage, resource)
    data = TrainingData([Message(data={TEXT: text, INTENT: intent})
                         for intent, texts in EXAMPLES.items() for text in texts])
    component.train(data)
    return TfidfIntentClassifier.load(config or {}, storage, resource, execution_context=None)


def alone_and_mixed(storage, config) -> tuple[dict[str, float], dict[str, float]]:
    """The scores for a paid-already line on its own, and mixed by ``config`` with an
    earlier ranking that is sure it is wrong_person."""
    earlier = [{"name": "wrong_person", "confidence": 1.0}]
    message = Message(data={TEXT: "dat hebben we al betaald", INTENT_RANKING_KEY: earlier})
    alone = trained(storage).process([Message(data={TEXT: "dat hebben we al betaald"})])[0]
    [combined] = trained(storage, config).process([message])
    return ({r["name"]: r["confidence"] for r in alone.get(INTENT_RANKING_KEY)},
            {r["name"]: r["confidence"] for r in combined.get(INTENT_RANKING_KEY)})


def test_a_stored_model_loads_back_and_ranks_the_intents(storage):
    component = trained(storage)
    [message] = component.process([Message(data={TEXT: "dat hebben we al betaald"})])
    ranking = message.get(INTENT_RANKING_KEY)
    assert message.get(INTENT)["name"] == "claim_already_paid"
    assert [r["name"] for r in ranking][0] == "claim_already_paid"
    assert len(ranking) <= RANKING_LENGTH
    assert ranking == sorted(ranking, key=lambda r: -r["confidence"])
    assert abs(sum(r["confidence"] for r in ranking) - 1) < 1e-3


@pytest.mark.parametrize("text", ["", "   "])
def test_a_message_without_words_gets_no_intent(storage, text):
    [message] = trained(storage).process([Message(data={TEXT: text})])
    assert message.get(INTENT) == {"name": None, "confidence": 0.0}
    assert message.get(INTENT_RANKING_KEY) == []


@pytest.mark.parametrize("weight", [None, 0.7])
def test_as_an_ensemble_it_averages_with_the_ranking_before_it_by_its_weight(storage, weight):
    config = {"combine_with_ranking": True, **({"weight": weight} if weight else {})}
    share = weight or 0.5  # half by default
    own, got = alone_and_mixed(storage, config)
    assert got["wrong_person"] == pytest.approx(share * own["wrong_person"] + 1 - share,
                                                abs=1e-5)
    assert got["cannot_pay"] == pytest.approx(share * own["cannot_pay"], abs=1e-5)


def test_a_model_file_with_other_types_is_refused(storage, tmp_path):
    import skops.io as sio
    trained(storage)
    with storage.write_to(Resource("tfidf")) as directory:
        sio.dump({"x": __import__("collections").OrderedDict()}, directory / "tfidf_intents.skops")
    with pytest.raises(ValueError, match="unexpected types"):
        TfidfIntentClassifier.load({}, storage, Resource("tfidf"), execution_context=None)


@pytest.mark.parametrize("debtor_weight", [1.0, 0.0])
def test_the_debtors_intents_are_mixed_at_their_own_share(storage, debtor_weight):
    config = {"combine_with_ranking": True, "weight": 0.7, "debtor_weight": debtor_weight}
    own, got = alone_and_mixed(storage, config)
    if debtor_weight:  # the earlier ranking has no say over the debtor's intents
        assert got == pytest.approx(own, abs=1e-5)
    else:
        assert got["wrong_person"] == pytest.approx(1.0)
        assert got["claim_already_paid"] == pytest.approx(0.0, abs=1e-6)
