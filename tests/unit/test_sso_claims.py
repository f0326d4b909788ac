"""The rules for what an identity provider's claims must say before single sign-on lets someone in."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from webapp.identity import sso_refusals
from webapp.identity.sso_claims import BY_EMAIL, BY_STAFF_NUMBER, Claimant, ClaimRules, identify
from webapp.identity.sso_refusals import Refusal

BY_EMAIL_RULES = ClaimRules(BY_EMAIL, "employee_id", ["gov.uk"])
BY_STAFF_NUMBER_RULES = ClaimRules(BY_STAFF_NUMBER, "employee_id", ["gov.uk"])
HARRIET = {"sub": "abc-123", "email": "Harriet.Rowe@Example.GOV.UK", "email_verified": True, "name": "Harriet Rowe"}


def test_a_verified_email_in_an_allowed_domain_identifies_the_person():
    assert identify(HARRIET, BY_EMAIL_RULES) == Claimant(
        subject="abc-123",
        name="Harriet Rowe",
        verified_email="harriet.rowe@example.gov.uk",
        staff_number=None,
        may_have_account=True,
    )


@pytest.mark.parametrize("verified", [False, "true", "True", 1, None])
def test_only_a_json_true_counts_as_a_verified_email(verified):
    assert identify({**HARRIET, "email_verified": verified}, BY_EMAIL_RULES) == sso_refusals.EMAIL_UNVERIFIED


def test_an_email_the_provider_never_said_it_verified_is_refused():
    claims = {key: value for key, value in HARRIET.items() if key != "email_verified"}
    assert identify(claims, BY_EMAIL_RULES) == sso_refusals.EMAIL_UNVERIFIED


@pytest.mark.parametrize("email", [None, "", "   ", "not-an-address", 42, ["harriet.rowe@example.gov.uk"]])
def test_without_an_email_address_no_one_is_identified_by_email(email):
    assert identify({**HARRIET, "email": email}, BY_EMAIL_RULES) == sso_refusals.EMAIL_MISSING


@pytest.mark.parametrize("email", ["h@example.com", "h@evilgov.uk", "h@gov.uk.example.com"])
def test_an_email_outside_the_allowed_domains_is_refused(email):
    assert identify({**HARRIET, "email": email}, BY_EMAIL_RULES) == sso_refusals.DOMAIN_NOT_ALLOWED


@pytest.mark.parametrize("subject", [None, "", "  ", 7.5, "x" * 256, "a\x00b"])
def test_without_a_usable_subject_no_one_is_identified(subject):
    assert identify({**HARRIET, "sub": subject}, BY_EMAIL_RULES) == sso_refusals.NO_SUBJECT


def test_by_staff_number_the_number_identifies_the_person_whatever_their_email():
    claims = {"sub": "s-1", "email": "h@example.com", "email_verified": False, "employee_id": " E12345 "}
    claimant = identify(claims, BY_STAFF_NUMBER_RULES)

    assert isinstance(claimant, Claimant)
    assert claimant.staff_number == "E12345"
    assert claimant.verified_email is None and not claimant.may_have_account


def test_by_staff_number_a_number_sent_as_a_json_number_still_counts():
    claimant = identify({"sub": "s-1", "employee_id": 12345}, BY_STAFF_NUMBER_RULES)
    assert isinstance(claimant, Claimant) and claimant.staff_number == "12345"


def test_by_staff_number_the_claim_to_read_is_a_setting():
    rules = ClaimRules(BY_STAFF_NUMBER, "employeeid", ["gov.uk"])
    assert identify({"sub": "s-1", "employee_id": "E1"}, rules) == sso_refusals.STAFF_NUMBER_MISSING
    assert isinstance(identify({"sub": "s-1", "employeeid": "E1"}, rules), Claimant)


@pytest.mark.parametrize("number", [None, "", True, "x" * 41])
def test_by_staff_number_without_a_usable_number_no_one_is_identified(number):
    assert identify({**HARRIET, "employee_id": number}, BY_STAFF_NUMBER_RULES) == sso_refusals.STAFF_NUMBER_MISSING


def test_by_staff_number_a_new_account_needs_a_verified_email_in_an_allowed_domain():
    claims = {**HARRIET, "employee_id": "E1"}
    assert identify(claims, BY_STAFF_NUMBER_RULES).may_have_account  # type: ignore[union-attr]
    outside = identify({**claims, "email": "h@example.com"}, BY_STAFF_NUMBER_RULES)
    assert isinstance(outside, Claimant) and not outside.may_have_account


@pytest.mark.parametrize(
    ("claims", "name"),
    [
        ({"name": "  Harriet Rowe  "}, "Harriet Rowe"),
        ({"given_name": "Harriet", "family_name": "Rowe"}, "Harriet Rowe"),
        ({"given_name": "Harriet"}, "Harriet"),
        ({}, "harriet.rowe"),
        ({"name": "H" * 500}, "H" * 200),
    ],
)
def test_the_name_comes_from_the_claims_or_else_the_email_address(claims, name):
    base = {key: value for key, value in HARRIET.items() if key != "name"}
    assert identify({**base, **claims}, BY_EMAIL_RULES).name == name  # type: ignore[union-attr]


claim_values = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(), st.lists(st.text()))
hostile_claims = st.dictionaries(
    st.sampled_from(["sub", "email", "email_verified", "name", "given_name", "family_name", "employee_id"]),
    claim_values,
)


@given(claims=hostile_claims, rules=st.sampled_from([BY_EMAIL_RULES, BY_STAFF_NUMBER_RULES]))
def test_any_claims_give_a_person_or_a_reason_never_an_error(claims, rules):
    result = identify(claims, rules)

    assert isinstance(result, Claimant | Refusal)
    if isinstance(result, Claimant):
        assert 0 < len(result.subject) <= 255 and 0 < len(result.name) <= 200
        assert result.verified_email is None or claims["email_verified"] is True
        if result.may_have_account:
            assert result.verified_email and result.verified_email.endswith("gov.uk")


@given(email=st.emails(), verified=st.booleans())
def test_by_email_only_a_verified_address_in_an_allowed_domain_gets_through(email, verified):
    result = identify({"sub": "s", "email": email, "email_verified": verified}, BY_EMAIL_RULES)

    domain = email.rpartition("@")[2].lower()
    allowed = domain == "gov.uk" or domain.endswith(".gov.uk")
    assert isinstance(result, Claimant) == (verified and allowed and len(email) <= 254)
