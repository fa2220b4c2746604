"""The playbook YAML: complete for every debtor intent, and validated with clear errors."""
import copy

import pytest
import yaml

from bot.coach.playbook import (
    CONDITIONS,
    PLAYBOOK_PATH,
    PlaybookError,
    default_playbook,
    fill,
    load_playbook,
    parse_playbook,
)
from bot.coach.proposals import BUILDERS

from unit_constants import PROJECT_ROOT

FEW_QUESTIONS_OK = {"affirm", "goodbye", "greet"}   # short social turns


def domain_intents() -> list[str]:
    domain = yaml.safe_load((PROJECT_ROOT / "bot" / "domain.yml").read_text(encoding="utf-8"))
    return [i if isinstance(i, str) else next(iter(i)) for i in domain["intents"]]


@pytest.fixture(scope="module")
def raw_playbook() -> dict:
    return yaml.safe_load(PLAYBOOK_PATH.read_text(encoding="utf-8"))


def write_playbook(tmp_path, data) -> object:
    path = tmp_path / "playbook.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_default_playbook_loads_with_the_three_profiles():
    playbook = load_playbook()
    assert set(playbook.profiles) == {"strict", "standard", "accommodating"}
    assert "unknown" in playbook.situations
    assert playbook.callback_time == "10:00"
    assert playbook.call_windows and playbook.preferred_weekdays


def test_default_playbook_is_cached():
    assert default_playbook() is default_playbook()


def test_situations_ask_at_least_two_probing_questions(playbook):
    for name, situation in playbook.situations.items():
        if name in FEW_QUESTIONS_OK:
            assert len(situation.probing_questions) >= 1, name
        else:
            assert len(situation.probing_questions) >= 2, name


@pytest.mark.parametrize("intent", [i for i in domain_intents()
                                    if i not in ("start_call", "end_call", "start_roleplay",
                                                 "end_roleplay")
                                    and not i.startswith("collector_")])
def test_every_debtor_intent_has_a_situation(playbook, intent):
    assert intent in playbook.situations
    assert playbook.situation(intent).name == intent


def test_unknown_intent_falls_back_to_general_advice(playbook):
    assert playbook.situation("iets_heel_anders").name == "unknown"


def test_every_proposal_kind_has_a_builder(playbook):
    named = {kind for s in playbook.situations.values() for kind in s.proposals}
    assert named, "situations name proposals"
    assert named <= set(BUILDERS)
    assert set(playbook.proposal_texts) <= set(BUILDERS)


def test_every_concession_has_give_and_get_and_a_known_condition(playbook):
    for situation in playbook.situations.values():
        for concession in situation.concessions:
            assert concession.give.strip() and concession.get.strip()
            assert concession.only_if in (None, *CONDITIONS)


def test_profiles_get_firmer_from_accommodating_to_strict(playbook):
    strict, standard, accommodating = (playbook.profiles[n]
                                       for n in ("strict", "standard", "accommodating"))
    for field in ("pay_within_days", "rest_within_days", "max_installments", "extension_days"):
        assert (getattr(strict, field) < getattr(standard, field)
                < getattr(accommodating, field)), field
    assert (strict.down_payment_percent > standard.down_payment_percent
            > accommodating.down_payment_percent)


def test_fill_keeps_unknown_placeholders_visible():
    assert fill("{balance} voor {who}", {"balance": "€ 5"}) == "€ 5 voor {who}"


# --- broken playbooks ---------------------------------------------------------------------

def test_broken_yaml_gives_playbook_error_with_line(tmp_path):
    path = tmp_path / "playbook.yml"
    path.write_text("situations:\n  unknown:\n    label: [niet gesloten\n", encoding="utf-8")
    with pytest.raises(PlaybookError) as info:
        load_playbook(path)
    assert "playbook.yml" in str(info.value)
    assert "geen geldige YAML" in str(info.value)
    assert "regel" in str(info.value)


def test_missing_file_gives_playbook_error(tmp_path):
    with pytest.raises(PlaybookError, match="niet gevonden"):
        load_playbook(tmp_path / "weg.yml")


def test_missing_unknown_situation(tmp_path, raw_playbook):
    data = copy.deepcopy(raw_playbook)
    del data["situations"]["unknown"]
    with pytest.raises(PlaybookError, match="'unknown'"):
        load_playbook(write_playbook(tmp_path, data))


def test_concession_without_get_names_the_situation(tmp_path, raw_playbook):
    data = copy.deepcopy(raw_playbook)
    del data["situations"]["cannot_pay"]["concessions"][0]["get"]
    with pytest.raises(PlaybookError) as info:
        load_playbook(write_playbook(tmp_path, data))
    assert "cannot_pay" in str(info.value)
    assert "'get'" in str(info.value)


def test_unknown_only_if_condition_is_named(tmp_path, raw_playbook):
    data = copy.deepcopy(raw_playbook)
    data["situations"]["request_discount"]["concessions"][0]["only_if"] = "is_vrijdag"
    with pytest.raises(PlaybookError) as info:
        load_playbook(write_playbook(tmp_path, data))
    assert "request_discount" in str(info.value)
    assert "is_vrijdag" in str(info.value)


def test_unknown_proposal_kind_is_named(tmp_path, raw_playbook):
    data = copy.deepcopy(raw_playbook)
    data["situations"]["cannot_pay"]["proposals"].append("gratis_geld")
    with pytest.raises(PlaybookError, match="gratis_geld"):
        load_playbook(write_playbook(tmp_path, data))


def test_situation_without_probing_questions(tmp_path, raw_playbook):
    data = copy.deepcopy(raw_playbook)
    data["situations"]["deny"]["probing_questions"] = []
    with pytest.raises(PlaybookError, match="deny.*probing_questions"):
        load_playbook(write_playbook(tmp_path, data))


def test_missing_profile(tmp_path, raw_playbook):
    data = copy.deepcopy(raw_playbook)
    del data["profiles"]["strict"]
    with pytest.raises(PlaybookError, match="strict"):
        load_playbook(write_playbook(tmp_path, data))


def test_profile_with_text_instead_of_number(tmp_path, raw_playbook):
    data = copy.deepcopy(raw_playbook)
    data["profiles"]["standard"]["pay_within_days"] = "vijf"
    with pytest.raises(PlaybookError, match="standard"):
        load_playbook(write_playbook(tmp_path, data))


def test_top_level_must_be_a_mapping():
    with pytest.raises(PlaybookError, match="mapping"):
        parse_playbook(["situations"])
