"""Creating an account: only work addresses from the allowed domains, proved by an emailed link before any
password works, and the same answer whether or not the address already has an account."""

import pytest

from tests.helpers.accounts import (
    PASSWORD,
    choose_password,
    csrf_token,
    link_path,
    make_imported_person,
    make_user,
    sign_in,
)
from tests.helpers.html import get_page, parse
from webapp.extensions import db
from webapp.queries.people import find_user_by_email

GOOD = {"name": "Sam Okafor", "email": "sam.okafor@cabinetoffice.gov.uk"}
WORK_EMAIL = "Enter your work email address: it must end in gov.uk"


def register(client, **changes):
    return client.post("/register", data={**GOOD, **changes, "csrf_token": csrf_token(client, "/register")})


def test_a_civil_servant_registers_proves_their_address_and_chooses_a_password(client, mailbox):
    response = register(client)
    assert response.headers["Location"] == "/check-your-email"
    assert get_page(client, "/check-your-email").heading() == "Check your email"
    user = find_user_by_email(db.session, GOOD["email"])
    assert user.name == "Sam Okafor" and not user.is_admin and user.password_hash is None
    [email] = mailbox.messages_to(GOOD["email"])
    assert email["Subject"] == "Confirm your email address for Data Day"

    response = choose_password(client, link_path(mailbox, GOOD["email"]))
    assert response.headers["Location"] == "/courses"
    assert get_page(client, "/courses").notification() == "Your password has been saved"
    db.session.refresh(user)
    assert user.is_activated and user.check_password(PASSWORD)


def test_no_password_works_until_the_address_is_proved(client, mailbox):
    register(client)
    user = find_user_by_email(db.session, GOOD["email"])
    user.set_password(PASSWORD)  # even if a password were somehow stored, an unproved account stays shut
    db.session.commit()
    response = sign_in(client, user)
    assert response.status_code == 200
    assert parse(response).error_summary() == [("Enter a correct email address and password", "#email")]


def test_registering_never_sets_a_password_on_an_account_hr_imported(client, mailbox):
    """The takeover this stops: POST /register with an imported person's address and your own password."""
    person = make_imported_person(email="pat.lee@example.gov.uk")
    response = client.post(
        "/register",
        data={
            "name": "Attacker",
            "email": "pat.lee@example.gov.uk",
            "password": "attacker chosen password",
            "confirm": "attacker chosen password",
            "csrf_token": csrf_token(client, "/register"),
        },
    )
    assert response.headers["Location"] == "/check-your-email"
    db.session.refresh(person)
    assert person.password_hash is None and person.name == "Imported Person" and not person.is_activated
    # The link went to Pat's own mailbox, which the attacker cannot read.
    [email] = mailbox.messages_to("pat.lee@example.gov.uk")
    assert email["Subject"] == "Set up your Data Day account"


def test_registering_an_address_with_an_account_says_the_same_and_tells_its_owner(client, mailbox):
    make_user(email=GOOD["email"])
    unknown = register(client, email="someone.new@cabinetoffice.gov.uk")
    unknown_page = get_page(client, "/check-your-email").main_text().replace("someone.new@cabinetoffice.gov.uk", "X")
    known = register(client)
    known_page = get_page(client, "/check-your-email").main_text().replace(GOOD["email"], "X")
    assert known.headers["Location"] == unknown.headers["Location"] == "/check-your-email"
    assert known_page == unknown_page
    [email] = mailbox.messages_to(GOOD["email"])
    assert email["Subject"] == "You already have a Data Day account"


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
def test_only_configured_email_domains_can_register(client, mailbox, email, allowed):
    response = register(client, email=email)
    assert (response.status_code == 302) is allowed
    assert (find_user_by_email(db.session, email) is not None) is allowed
    assert bool(mailbox.messages_to(email)) is allowed
    if not allowed:
        assert parse(response).error_summary() == [(WORK_EMAIL, "#email")]


def test_the_allowed_domains_come_from_settings(settings, app, mailbox):
    app.config["ALLOWED_EMAIL_DOMAINS"] = ["nhs.net"]
    client = app.test_client()
    refused = parse(register(client, email="b@gov.uk"))
    assert refused.field_error("email") == "Enter your work email address: it must end in nhs.net"
    assert register(client, email="a@nhs.net").status_code == 302


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": ""}, "name", "Enter your full name"),
        ({"email": ""}, "email", "Enter your work email address"),
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


def test_registration_is_rate_limited_per_email_address(app, mailbox):
    app.config["EMAIL_LIMIT_PER_EMAIL"] = "2 per hour"
    client = app.test_client()
    assert [register(client).status_code for _ in range(3)] == [302, 302, 429]
    assert len(mailbox.messages_to(GOOD["email"])) == 2
    # Another address from the same place is still served.
    assert register(client, email="another@cabinetoffice.gov.uk").status_code == 302


def test_registration_is_rate_limited_per_network_address(app, mailbox):
    app.config["EMAIL_LIMIT_PER_ADDRESS"] = "2 per hour"
    client = app.test_client()
    statuses = [register(client, email=f"person{n}@cabinetoffice.gov.uk").status_code for n in range(3)]
    assert statuses == [302, 302, 429]
