"""Signing in and out: one message for any wrong details, safe redirects, remembered sessions, and limits on
guessing."""

from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from http.cookies import Morsel, SimpleCookie

import pytest

from tests.helpers.accounts import PASSWORD, csrf_token, make_user, sign_in, sign_out
from tests.helpers.html import get_page, parse
from webapp.config import Config
from webapp.extensions import db
from webapp.models import User

WRONG_DETAILS = [("Enter a correct email address and password", "#email")]


def test_signing_in_opens_the_courses(client):
    user = make_user("Alex Morgan")
    response = sign_in(client, user)
    assert response.status_code == 302 and response.headers["Location"] == "/courses"
    assert get_page(client, "/courses").heading() == "Courses"
    assert db.session.get(User, user.id).last_signed_in_at is not None


def test_email_is_not_case_sensitive(client):
    user = make_user(email="Alex.Morgan@Example.gov.uk")
    response = client.post(
        "/sign-in",
        data={"email": " alex.morgan@example.GOV.uk ", "password": PASSWORD, "csrf_token": csrf_token(client)},
    )
    assert response.status_code == 302 and user.email == "alex.morgan@example.gov.uk"


def test_a_wrong_password_gets_one_message_that_does_not_say_which_part_was_wrong(client):
    user = make_user()
    wrong_password = sign_in(client, user, password="wrong password here")
    unknown_email = client.post(
        "/sign-in", data={"email": "nobody@example.gov.uk", "password": PASSWORD, "csrf_token": csrf_token(client)}
    )
    for response in (wrong_password, unknown_email):
        page = parse(response)
        assert page.title().startswith("Error:")
        assert page.error_summary() == WRONG_DETAILS
        assert page.field_error("email") == "Enter a correct email address and password"
        assert page.field_error("password") is None


def test_a_deactivated_account_cannot_sign_in(client):
    user = make_user()
    user.active = False
    db.session.commit()
    response = sign_in(client, user)
    assert response.status_code == 200
    assert parse(response).error_summary() == WRONG_DETAILS  # the same message: it gives nothing away
    assert client.get("/courses").status_code == 302


def test_next_only_follows_paths_on_this_site(client):
    user = make_user()
    data = {"email": user.email, "password": PASSWORD, "csrf_token": csrf_token(client)}
    assert client.post("/sign-in?next=/my-training-record", data=data).headers["Location"] == "/my-training-record"
    sign_out(client)
    data["csrf_token"] = csrf_token(client)
    assert client.post("/sign-in?next=//evil.example/x", data=data).headers["Location"] == "/courses"


def test_signing_out_ends_the_session(client):
    sign_in(client, make_user())
    response = sign_out(client)
    assert response.status_code == 302
    assert client.get("/courses").status_code == 302


def cookies_set_by(response) -> dict[str, Morsel]:
    cookies = SimpleCookie()
    for header in response.headers.getlist("Set-Cookie"):
        cookies.load(header)
    return dict(cookies)


@pytest.fixture
def production_cookies(settings):
    """The test app with the cookie settings production runs with (DATA_DAY_ENV=production)."""
    with pytest.MonkeyPatch.context() as environment:
        environment.setenv("DATA_DAY_ENV", "production")
        environment.delenv("SESSION_COOKIE_SECURE", raising=False)
        production = Config()
    settings.update({name: value for name, value in vars(production).items() if "_COOKIE_" in name})
    assert settings["SESSION_COOKIE_SECURE"] and settings["REMEMBER_COOKIE_SECURE"]


def test_remember_me_sets_a_long_lived_secure_cookie_only_when_asked(production_cookies, client):
    user = make_user()
    assert "remember_token" not in cookies_set_by(sign_in(client, user, remember=False))
    assert client.get_cookie("remember_token") is None
    sign_out(client)

    response = sign_in(client, user, remember=True)
    assert response.status_code == 302
    cookies = cookies_set_by(response)
    remember = cookies["remember_token"]
    fourteen_days = datetime.now(UTC) + timedelta(days=14)
    assert abs(parsedate_to_datetime(remember["expires"]) - fourteen_days) < timedelta(minutes=1)
    if remember["max-age"]:
        assert int(remember["max-age"]) == 14 * 24 * 60 * 60
    for cookie in (remember, cookies["session"]):
        assert cookie["secure"] is True and cookie["httponly"] is True and cookie["samesite"] == "Lax"


def test_passwords_are_stored_as_argon2_hashes(app):
    user = make_user()
    assert user.password_hash.startswith("$argon2id$")
    assert PASSWORD not in user.password_hash


def test_too_many_failed_attempts_for_one_account_are_refused_with_a_clear_message(client):
    user = make_user()
    for _ in range(5):
        assert sign_in(client, user, password="wrong password here").status_code == 200
    response = sign_in(client, user)  # even the right password waits now
    assert response.status_code == 429
    assert (
        parse(response).text_of(".govuk-warning-text__text")
        == "Warning You have tried to sign in too many times. Wait 15 minutes, then try again."
    )
    other = make_user()
    assert sign_in(client, other).status_code == 302  # other accounts are not locked out


def test_too_many_failed_attempts_from_one_address_are_refused(client):
    users = [make_user() for _ in range(8)]  # 4 tries each: under the per-account limit
    statuses = []
    for attempt in range(31):
        statuses.append(sign_in(client, users[attempt % 8], password="wrong password here").status_code)
    assert statuses[:30] == [200] * 30 and statuses[30] == 429


def test_successful_sign_ins_do_not_use_up_the_allowance(client):
    user = make_user()
    for _ in range(7):
        assert sign_in(client, user).status_code == 302
        sign_out(client)


CONTROL_CHARACTERS = [chr(code) for code in [*range(0x20), 0x7F]]


@pytest.mark.parametrize("shape", ["/{c}/evil.example", "{c}//evil.example", "/{c}\\evil.example", "//evil.example{c}"])
def test_next_with_any_control_character_stays_on_this_site(client, shape):
    """Browsers drop tabs and newlines inside URLs, so '/%09/evil.example' would lead to //evil.example."""
    user = make_user()
    data = {"email": user.email, "password": PASSWORD, "csrf_token": csrf_token(client)}
    for character in CONTROL_CHARACTERS:
        response = client.post("/sign-in", query_string={"next": shape.format(c=character)}, data=data)
        assert response.headers["Location"] == "/courses", f"U+{ord(character):04X}"


def test_next_keeps_a_query_on_this_site(client):
    user = make_user()
    data = {"email": user.email, "password": PASSWORD, "csrf_token": csrf_token(client)}
    response = client.post("/sign-in", query_string={"next": "/my-team?status=met"}, data=data)
    assert response.headers["Location"] == "/my-team?status=met"


def test_a_json_body_cannot_sign_in_or_skip_the_per_account_limit(client):
    """The limiter keys on the form's email; Flask-WTF used to read JSON when there was no form body."""
    user = make_user()
    token = csrf_token(client)
    body = {"email": user.email, "password": PASSWORD, "csrf_token": token}
    response = client.post("/sign-in", json=body, headers={"X-CSRFToken": token})
    assert response.status_code != 302
    assert client.get("/my-training-record").status_code == 302


def count_password_checks(monkeypatch) -> list[int]:
    from webapp.identity import passwords

    calls = [0]
    real = passwords.hasher

    class CountingHasher:
        def verify(self, *args):
            calls[0] += 1
            return real.verify(*args)

        def __getattr__(self, name):
            return getattr(real, name)

    monkeypatch.setattr(passwords, "hasher", CountingHasher())
    return calls


def test_every_sign_in_does_exactly_one_password_check_whatever_the_account(client, monkeypatch):
    """Timing, asserted by structure rather than a stopwatch: the costly argon2 check runs once for every kind
    of account, so the time taken does not say which accounts exist, are open, or have a password."""
    from tests.helpers.accounts import make_imported_person

    open_account = make_user(email="open@example.gov.uk")
    deactivated = make_user(email="deactivated@example.gov.uk")
    deactivated.active = False
    not_yet_activated = make_imported_person(email="imported@example.gov.uk")
    db.session.commit()
    calls = count_password_checks(monkeypatch)
    attempts = [
        (open_account.email, PASSWORD),
        (open_account.email, "wrong password here"),
        (deactivated.email, PASSWORD),
        (not_yet_activated.email, PASSWORD),
        ("nobody@example.gov.uk", PASSWORD),
    ]
    for email, password in attempts:
        browser = client.application.test_client()
        token = csrf_token(browser)
        before = calls[0]
        browser.post("/sign-in", data={"email": email, "password": password, "csrf_token": token})
        assert calls[0] - before == 1, email


def test_failed_and_successful_sign_ins_are_audited(client):
    from sqlalchemy import select

    from webapp.models import AuditEvent

    user = make_user()
    sign_in(client, user, password="wrong password here")
    sign_in(client, user)
    events = db.session.execute(select(AuditEvent.event, AuditEvent.subject_id).order_by(AuditEvent.id)).all()
    assert [tuple(event) for event in events] == [("sign_in_failed", user.id), ("signed_in", user.id)]


def test_with_passwords_off_only_a_break_glass_admin_signs_in_with_one(app):
    client = app.test_client()
    learner = make_user(email="learner@example.gov.uk")
    admin = make_user(email="break.glass@example.gov.uk", admin=True)
    other_admin = make_user(email="other.admin@example.gov.uk", admin=True)
    app.config.update(PASSWORDS_ENABLED=False, BREAK_GLASS_EMAILS=["break.glass@example.gov.uk"])
    for refused in (learner, other_admin):
        assert parse(sign_in(client, refused)).error_summary() == WRONG_DETAILS
    assert sign_in(client, admin).status_code == 302
    for page in ("/register", "/forgot-password", "/resend-link"):
        assert client.get(page).status_code == 404
