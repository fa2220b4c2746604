"""How firm the collector should be with this debtor, from the case's history."""
from bot.coach.cases import Case
from bot.coach.playbook import Playbook, Profile


def profile_name(case: Case | None, broken_promises: int = 0) -> str:
    """'strict' for poor payers, poor creditworthiness or broken promises; 'accommodating'
    for important customers in good standing; 'standard' for the rest and for calls
    without a case. An important customer who pays poorly but never broke a promise gets
    'standard': firm, without risking the relationship over a first slip.
    ``broken_promises`` counts promises in the ledger that were not (fully) kept; they
    weigh exactly like the broken earlier agreements in the case file."""
    if case is None:
        return "standard"
    broken = case.broken_agreements + max(broken_promises, 0)
    risky = (case.payment_behaviour == "poor" or case.creditworthiness == "poor" or broken > 0)
    if risky:
        return "standard" if case.important_customer and broken == 0 else "strict"
    return "accommodating" if case.important_customer else "standard"


def profile_for(case: Case | None, playbook: Playbook, broken_promises: int = 0) -> Profile:
    return playbook.profiles[profile_name(case, broken_promises)]
