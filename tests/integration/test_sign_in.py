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
