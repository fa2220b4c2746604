"""Role-play test set-up: a trainer on the sample scenarios, its history in the test's own
database (tests/conftest.py), and the scripted trainees (a good one and a bad one)."""
from __future__ import annotations

import datetime as dt

import pytest

from bot.coach.cases import Case
from bot.coach.formatting import spoken_name
from bot.coach.money import format_euro
from bot.coach.roleplay import turns as moves
from bot.coach.roleplay.scenarios import Scenario
from bot.coach.roleplay.simulator import spoken_date
from bot.coach.roleplay.trainer import RolePlaySession, Trainer
from bot.coach.roleplay.turns import COLLECTOR, DEBTOR, Turn
from bot.coach.statutory_costs import statutory_costs
from bot.storage.store import default_storage

TODAY = dt.date(2026, 11, 23)  # as INCASSO_TODAY in tests/conftest.py


@pytest.fixture
def trainer() -> Trainer:
    return Trainer(default_storage().cases)  # history on the test's own database


def collector(text: str, intent: str) -> Turn:
    return Turn.collector(text, intent, TODAY)


def debtor(text: str, intent: str) -> Turn:
    return Turn(DEBTOR, text, intent)


# What the good trainee says in a scenario whose promise requires certain words
# (promise.requires.mentions), as open questions; {costs} and {balance} come from the case.
MENTION_LINES = {
    "wettelijke-incassokosten":
        "Die {costs} is geen bedrag dat wij verzinnen: het is de wettelijke staffel over "
        "{balance}, en de veertiendagenbrief gaf u eerst twee weken om zonder kosten te "
        "betalen. Wat heeft u nodig om het nu af te ronden?",
    "kwetsbare-klant":
        "Kent u de schuldhulpverlening van uw gemeente? Die kan samen met u naar alle "
        "rekeningen kijken; hoe zou u dat vinden?",
}


def scenario_lines(scenario: Scenario, case: Case) -> list[tuple[str, str]]:
    """What a good trainee adds for what this scenario asks (after stating the purpose):
    a reference to the date of the written confirmation, the words it requires."""
    requires, lines = scenario.requires, []
    if requires.date_named is not None:
        lines.append((f"Ik heb onze afspraak op {spoken_date(requires.date_named.isoformat())} "
                      f"per mail bevestigd; wat staat daar volgens u anders in dan wat we "
                      f"afspraken?", moves.OPEN_QUESTION))
    if requires.mentions and not any(
            word in " ".join(text.lower() for text, _ in lines) for word in requires.mentions):
        costs = statutory_costs(case.balance)
        line = MENTION_LINES.get(scenario.id, "Ik wil het ook over {word} hebben; hoe kijkt u "
                                              "daartegenaan?")
        lines.append((line.format(costs=format_euro(costs), balance=format_euro(case.balance),
                                  word=requires.mentions[0]), moves.OPEN_QUESTION))
    return lines


def good_trainee(trainer: Trainer, session: RolePlaySession) -> None:
    """Follows the practices: checks who is on the line where that is in doubt, purpose
    with invoice, amount and deadline, what the scenario asks (the date of the written
    confirmation, a referral), open questions, understanding, a concrete proposal tied to
    something in return, summary, confirmation, a friendly close. Keeps probing until the
    debtor promises."""
    scenario = trainer.scenario(session.scenario_id)
    case = trainer.case(scenario)
    invoice = min(case.invoices, key=lambda i: i.due_date)
    amount = f"€ {invoice.amount:.2f}".replace(".", ",")
    say = lambda text, intent: trainer.turn(session, text, intent, today=TODAY)  # noqa: E731
    say("Goedemorgen, u spreekt met Sanne de Wit van Groenhof Interieur.", moves.INTRODUCE)
    if scenario.identity_check:
        say(f"Spreek ik met {spoken_name(case.contact.name)}?", moves.CLOSED_QUESTION)
    say(f"Ik bel over factuur {invoice.number} van {amount}; ik wil graag dat die uiterlijk "
        f"vrijdag 27 november betaald is.", moves.STATE_PURPOSE)
    for text, intent in scenario_lines(scenario, case):
        say(text, intent)
    for _ in range(6):
        say("Wat is er precies gebeurd met de betaling?", moves.OPEN_QUESTION)
        say("Dat begrijp ik, dat is vervelend voor u.", moves.SHOW_UNDERSTANDING)
        say("Hoe kunnen we dit samen oplossen?", moves.OPEN_QUESTION)
        result = say(f"Als u {amount} uiterlijk vrijdag 27 november betaalt, kan ik de "
                     f"rente laten vallen.", moves.ASK_IN_RETURN)
        if result.promise:
            break
    say(f"Even samengevat: u betaalt {amount} op vrijdag 27 november.", moves.SUMMARISE)
    say("Ik stuur u vandaag een mail met deze afspraak; wilt u die bevestigen?",
        moves.ANNOUNCE_CONFIRMATION)
    say("Fijn dat we dit hebben kunnen regelen. Nog een prettige dag!", moves.POSITIVE_CLOSE)


def bad_trainee(trainer: Trainer, session: RolePlaySession) -> None:
    """Names the invoice but no deadline, asks one open question, then threatens, stays
    vague and gives in without asking anything back."""
    say = lambda text, intent: trainer.turn(session, text, intent, today=TODAY)  # noqa: E731
    case = trainer.case(trainer.scenario(session.scenario_id))
    say(f"Ik bel over factuur {case.invoices[0].number} van € 1.000.", moves.STATE_PURPOSE)
    say("Wat is er aan de hand?", moves.OPEN_QUESTION)
    say("Als u niet betaalt, gaat het naar de deurwaarder.", moves.THREATEN)
    say("Heeft u de factuur nou wel of niet?", moves.CLOSED_QUESTION)
    say("Kunt u het gewoon zo snel mogelijk overmaken?", moves.VAGUE_PROPOSAL)
    say("Oké, dan laat ik de rente wel vallen en krijgt u een maand extra.",
        moves.OFFER_CONCESSION)
    say("Nou, regelt u het maar wanneer het uitkomt.", moves.VAGUE_PROPOSAL)


__all__ = ["COLLECTOR", "TODAY", "bad_trainee", "collector", "debtor", "good_trainee",
           "scenario_lines"]
