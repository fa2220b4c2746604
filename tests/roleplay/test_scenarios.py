"""The scenario files: at least twelve, covering the required excuses and situations
(statutory costs for a consumer, checking who is on the line, a vulnerable debtor, a
disputed promise), each on a real case; and clear errors for the mistakes a trainer can
make when editing them."""
from __future__ import annotations

import pytest
import yaml

from bot.coach.case_files import SAMPLE_CASES, load_yaml
from bot.coach.roleplay.scenarios import (
    DEFAULT_REPLIES,
    DIFFICULTIES,
    QUESTION_TYPES,
    REACTIONS,
    SCENARIO_DIR,
    ScenarioError,
    load_default_replies,
    load_defaults,
    load_scenario,
    load_scenarios,
)

SCENARIOS = load_scenarios()


def test_at_least_twelve_scenarios_cover_every_required_situation():
    assert len(SCENARIOS) >= 12
    assert len(list(SCENARIO_DIR.glob("*.yml"))) == len(SCENARIOS)
    first_excuses = {s.excuses[0].kind for s in SCENARIOS.values()}
    assert {"excuse_invoice_not_received", "excuse_contact_unavailable", "excuse_bank_problem",
            "excuse_waiting_for_customer", "claim_already_paid", "dispute_invoice",
            "cannot_pay", "express_anger"} <= first_excuses
    assert any(s.identity_check for s in SCENARIOS.values())
    assert any(s.persona.vulnerable for s in SCENARIOS.values())
    assert any(s.requires.date_named for s in SCENARIOS.values())
    assert {"wettelijke-incassokosten", "partner-neemt-op", "kwetsbare-klant",
            "toezegging-betwist"} <= set(SCENARIOS)


def test_scenarios_use_sample_cases_and_every_attitude():
    case_ids = {case.id for case in load_yaml(SAMPLE_CASES)}
    assert {s.case_id for s in SCENARIOS.values()} <= case_ids
    assert {s.persona.attitude for s in SCENARIOS.values()} == {"cooperative", "evasive", "hostile"}
    assert {s.persona.important_customer for s in SCENARIOS.values()} == {True, False}


def test_every_reaction_has_lines_after_merging_the_defaults():
    for scenario in SCENARIOS.values():
        assert set(REACTIONS) <= set(scenario.replies), scenario.id
        assert all(scenario.replies[key] for key in REACTIONS)
        assert all(excuse.says and excuse.answers for excuse in scenario.excuses)


def test_scenario_lines_override_the_defaults():
    defaults = load_default_replies()
    scenario = SCENARIOS["kan-niet-betalen"]
    assert scenario.replies["promise"] != defaults["promise"]
    assert scenario.replies["summary_agreed"] == defaults["summary_agreed"]


def write(tmp_path, change) -> str:
    data = yaml.safe_load(
        (SCENARIO_DIR / "01-factuur-niet-ontvangen.yml").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "mijn-scenario.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_an_unchanged_copy_loads(tmp_path):
    assert load_scenario(write(tmp_path, lambda d: None)).id == "factuur-niet-ontvangen"


@pytest.mark.parametrize("change,message", [
    (lambda d: d.pop("case"), "veld 'case'"),
    (lambda d: d["persona"].update(attitude="chagrijnig"), "persona.attitude"),
    (lambda d: d["persona"].pop("description"), "persona: veld 'description'"),
    (lambda d: d["persona"].update(important_customer="ja"),
     "important_customer: moet true of false"),
    (lambda d: d.update(excuses=[]), "'excuses' moet een lijst"),
    (lambda d: d["excuses"][0].update(kind="geen_zin"), "excuses[1]: kind moet"),
    (lambda d: d["excuses"][0].update(answers=[]), "excuses[1].answers"),
    (lambda d: d["promise"]["requires"].update(open_questions=9), "open_questions moet 0 t/m 5"),
    (lambda d: d["promise"]["requires"].update(smile=True), "kent 'smile' niet"),
    (lambda d: d.pop("promise"), "promise.requires"),
    (lambda d: d["replies"].update(giggle=["hihi"]), "onbekende reactie 'giggle'"),
    (lambda d: d["replies"].pop("defensive"), "replies.defensive ontbreekt"),
    (lambda d: d["replies"].update(opening=["Hallo {klant}"]), "onbekend veld {klant}"),
    (lambda d: d["replies"].update(opening=["Op {date} betaal ik"]), "onbekend veld {date}"),
    (lambda d: d["replies"].update(promise=["{amount op {date}"]), "accolades kloppen niet"),
    (lambda d: d["replies"].update(closing=[""]), "closing, zin 1: moet tekst zijn"),
    (lambda d: d["excuses"][0].update(facts={"hoelaat": "om vijf uur"}),
     "excuses[1].facts: onbekend vraagtype 'hoelaat'"),
    (lambda d: d["excuses"][0].update(facts={"when": ""}), "facts.when: moet tekst zijn"),
    (lambda d: d["excuses"][0].update(facts=["maandag"]), "verwacht per vraagtype één tekst"),
    (lambda d: d["excuses"][0].pop("facts"),
     "answers_to.when, zin 1: gebruikt {when}, maar facts.when ontbreekt"),
    (lambda d: d["excuses"][0]["answers_to"].update(wanneer=["maandag"]),
     "onbekend vraagtype 'wanneer'"),
    (lambda d: d["excuses"][0].update(antwoorden=["ja"]), "onbekend veld 'antwoorden'"),
    (lambda d: (d["excuses"][0].pop("facts"), d["excuses"][0].pop("answers_to"),
                d.update(answers_to={"who": ["Dat is {why}."]})),
     "mijn-scenario.yml: answers_to.who, zin 1: gebruikt {why}, maar facts.why ontbreekt"),
    (lambda d: d.update(facts={"who": "Henk {achternaam}"}), "onbekend veld {achternaam}"),
    (lambda d: d.update(extra_excuse={"kind": "smoesje"}), "extra_excuse: kind moet"),
    (lambda d: d["persona"].update(vulnerable="heel"), "persona.vulnerable: moet true of false"),
    (lambda d: d.update(identity_check="ja"), "identity_check: moet true of false"),
    (lambda d: d.update(identity_check=True), "replies.identity_confirmed ontbreekt"),
    (lambda d: d["promise"]["requires"].update(date_named="10 november"),
     "promise.requires.date_named: geen geldige datum"),
    (lambda d: d["promise"]["requires"].update(mentions=[]), "promise.requires.mentions"),
    (lambda d: d["replies"].update(opening=["Dat kost {kosten}"]), "onbekend veld {kosten}"),
])
def test_mistakes_are_named_with_file_and_field(tmp_path, change, message):
    with pytest.raises(ScenarioError) as error:
        load_scenario(write(tmp_path, change))
    assert "mijn-scenario.yml" in str(error.value) and message in str(error.value)


def test_own_extra_excuse_comes_last_on_hard_only(tmp_path):
    extra = {"kind": "cannot_pay", "says": ["En eerlijk gezegd is het ook krap."],
             "answers": ["De winter is altijd lastig."], "facts": {"when": "in januari"}}
    scenario = load_scenario(write(tmp_path, lambda d: d.update(extra_excuse=extra)))
    assert scenario.excuses_for("hard")[-1].says == ("En eerlijk gezegd is het ook krap.",)
    assert scenario.excuses_for("medium") == scenario.excuses


def defaults_copy(tmp_path, change) -> str:
    data = yaml.safe_load(DEFAULT_REPLIES.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "defaults.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_defaults_load_with_question_table_levels_and_extra_excuse():
    defaults = load_defaults()
    assert [kind for kind, _ in defaults.questions] == list(QUESTION_TYPES)
    assert set(defaults.levels) == set(DIFFICULTIES) and defaults.extra_excuse is not None
    assert "ja" in defaults.acknowledgements and defaults.said_before


@pytest.mark.parametrize("change,message", [
    (lambda d: d["difficulty"].pop("hard"), "'difficulty' moet precies easy, medium, hard"),
    (lambda d: d["difficulty"]["hard"].update(extra_excuse="ja"),
     "difficulty.hard.extra_excuse: moet true of false"),
    (lambda d: d["difficulty"]["easy"].update(max_excuses=0),
     "difficulty.easy.max_excuses: moet een geheel getal van 1 t/m 10"),
    (lambda d: d["difficulty"]["easy"].update(geduld=3), "onbekend veld 'geduld'"),
    (lambda d: d.pop("questions"), "'questions' ontbreekt"),
    (lambda d: d["questions"].pop("why"), "why ontbreekt"),
    (lambda d: d["questions"].update(hoezo=["hoezo"]), "onbekend vraagtype 'hoezo'"),
    (lambda d: d["answers_to"].pop("who"), "who ontbreekt"),
    (lambda d: d["replies"].pop("acknowledge"), "replies mist acknowledge"),
])
def test_mistakes_in_the_defaults_are_named(tmp_path, change, message):
    with pytest.raises(ScenarioError) as error:
        load_defaults(defaults_copy(tmp_path, change))
    assert "defaults.yml" in str(error.value) and message in str(error.value)


def test_broken_yaml_names_the_line(tmp_path):
    path = tmp_path / "kapot.yml"
    path.write_text("id: kapot\npersona: [\n", encoding="utf-8")
    with pytest.raises(ScenarioError, match=r"kapot.yml: geen geldige YAML op regel \d"):
        load_scenario(path)


def test_duplicate_ids_in_a_folder_are_refused(tmp_path):
    for name in ("a.yml", "b.yml"):
        (tmp_path / name).write_text(
            (SCENARIO_DIR / "05-al-betaald.yml").read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(ScenarioError, match="b.yml: id 'al-betaald' komt ook voor in a.yml"):
        load_scenarios(tmp_path)


def test_empty_folder_is_refused(tmp_path):
    with pytest.raises(ScenarioError, match="geen scenario's"):
        load_scenarios(tmp_path)
