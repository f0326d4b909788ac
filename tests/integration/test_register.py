"""Creating an account: only work email addresses from the allowed domains, and errors that name the field."""

import pytest

from tests.helpers.accounts import csrf_token, make_user
from tests.helpers.html import get_page, parse
from webapp.extensions import db
from webapp.queries.people import find_user_by_email

GOOD = {
    "name": "Sam Okafor",
    "email": "sam.okafor@cabinetoffice.gov.uk",
    "password": "seven long words here",
    "confirm": "seven long words here",
}
WORK_EMAIL = "Enter your work email address: it must end in gov.uk"


def register(client, **changes):
    return client.post("/register", data={**GOOD, **changes, "csrf_token": csrf_token(client, "/register")})


def test_a_civil_servant_can_create_an_account_and_is_signed_in(client):
    response = register(client)
    assert response.status_code == 302 and response.headers["Location"] == "/courses"
    user = find_user_by_email(db.session, GOOD["email"])
    assert user.name == "Sam Okafor" and not user.is_admin and not user.is_author
    assert get_page(client, "/courses").notification() == "Your account has been created"
    assert client.get("/my-training-record").status_code == 200


@pytest.mark.parametrize(
    ("email", "allowed"),
    [
        ("a@gov.uk", True),
        ("a@hmrc.gov.uk", True),
        ("a@digital.cabinet-office.gov.uk", True),
        ("a@gmail.com", False),
        ("a@evilgov.uk", False),
        ("a@gov.uk.evil.com", False),
    ],
)
def test_only_configured_email_domains_can_register(client, email, allowed):
    response = register(client, email=email)
    assert (response.status_code == 302) is allowed
    assert (find_user_by_email(db.session, email) is not None) is allowed
    if not allowed:
        assert parse(response).error_summary() == [(WORK_EMAIL, "#email")]


def test_the_allowed_domains_come_from_settings(settings, app):
    app.config["ALLOWED_EMAIL_DOMAINS"] = ["nhs.net"]
    client = app.test_client()
    refused = parse(register(client, email="b@gov.uk"))
    assert refused.field_error("email") == "Enter your work email address: it must end in nhs.net"
    assert register(client, email="a@nhs.net").status_code == 302


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": ""}, "name", "Enter your full name"),
        ({"password": "short", "confirm": "short"}, "password", "Password must be at least 12 characters"),
        ({"confirm": "something else entirely"}, "confirm", "Passwords do not match"),
        (
            {"email": "not-an-email"},
            "email",
            "Enter an email address in the correct format, like name@department.gov.uk",
        ),
    ],
)
def test_registration_errors_name_the_problem(client, changes, field, message):
    page = parse(register(client, **changes))
    assert page.text_of(".govuk-error-summary__title") == "There is a problem"
    assert (message, f"#{field}") in page.error_summary()
    assert page.field_error(field) == message


def test_an_email_can_have_only_one_account(client):
    make_user(email=GOOD["email"])
    page = parse(register(client))
    assert page.error_summary() == [("An account already exists for this email address: sign in instead", "#email")]
