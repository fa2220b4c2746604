"""The debtor's IBAN on a case's contact: optional, validated, kept in compact form."""
import pytest

from bot.coach.cases import CaseError, case_from_dict, case_to_dict


def case_data(**contact):
    return {"id": "iban-1", "company": "Testbedrijf B.V.",
            "contact": {"name": "mevrouw Test", **contact},
            "invoices": [{"number": "T-1", "date": "2026-09-01", "due_date": "2026-10-01",
                          "amount": "100.00"}]}


def test_iban_is_optional():
    assert case_from_dict(case_data()).contact.iban == ""


def test_iban_is_stored_compact_and_survives_the_round_trip():
    case = case_from_dict(case_data(iban="nl91 abna 0417 1643 00"))
    assert case.contact.iban == "NL91ABNA0417164300"
    assert case_to_dict(case)["contact"]["iban"] == "NL91ABNA0417164300"
    assert case_from_dict(case_to_dict(case)) == case


@pytest.mark.parametrize("bad", ["NL92ABNA0417164300", "1234", "NL91 ABNA 0417"])
def test_invalid_iban_is_refused_naming_the_case(bad):
    with pytest.raises(CaseError) as err:
        case_from_dict(case_data(iban=bad))
    assert "IBAN-1 contact" in str(err.value) and "geen geldig IBAN" in str(err.value)
