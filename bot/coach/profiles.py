"""How firm the collector should be with this debtor, from the case's history."""
from bot.coach.cases import Case
from bot.coach.playbook import Playbook, Profile


def profile_name(case: Case | None) -> str:
    """'strict' for poor payers, poor creditworthiness or broken promises; 'accommodating'
    for important customers in good standing; 'standard' for the rest and for calls
    without a case. An important customer who pays poorly but never broke a promise gets
    'standard': firm, without risking the relationship over a first slip."""
    if case is None:
        return "standard"
    risky = (case.payment_behaviour == "poor" or case.creditworthiness == "poor"
             or case.broken_agreements > 0)
    if risky:
        return "standard" if case.important_customer and case.broken_agreements == 0 else "strict"
    return "accommodating" if case.important_customer else "standard"


def profile_for(case: Case | None, playbook: Playbook) -> Profile:
    return playbook.profiles[profile_name(case)]
