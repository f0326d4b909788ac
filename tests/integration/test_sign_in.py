from tests.helpers import PASSWORD, csrf_token, make_user, sign_in
from webapp.extensions import db
from webapp.models import User


def test_signing_in_opens_the_courses(client):
    user = make_user("Alex Morgan")
    response = sign_in(client, user)
    assert response.status_code == 302 and response.headers["Location"] == "/courses"
    assert "Courses" in client.get("/courses").get_data(as_text=True)
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
    wrong_password = sign_in(client, user, password="wrong password here").get_data(as_text=True)
    unknown_email = client.post(
        "/sign-in", data={"email": "nobody@example.gov.uk", "password": PASSWORD, "csrf_token": csrf_token(client)}
    ).get_data(as_text=True)
    for page in (wrong_password, unknown_email):
        assert "Enter a correct email address and password" in page
        assert "govuk-error-summary" in page


def test_a_deactivated_account_cannot_sign_in(client):
    user = make_user()
    user.active = False
    db.session.commit()
    assert sign_in(client, user).status_code == 200
    assert client.get("/courses").status_code == 302


def test_next_only_follows_paths_on_this_site(client):
    user = make_user()
    data = {"email": user.email, "password": PASSWORD, "csrf_token": csrf_token(client)}
    assert client.post("/sign-in?next=/my-training-record", data=data).headers["Location"] == "/my-training-record"
    client.post("/sign-out", data={"csrf_token": csrf_token(client, "/courses")})
    data["csrf_token"] = csrf_token(client)
    assert client.post("/sign-in?next=//evil.example/x", data=data).headers["Location"] == "/courses"


def test_signing_out_ends_the_session(client):
    sign_in(client, make_user())
    response = client.post("/sign-out", data={"csrf_token": csrf_token(client, "/courses")})
    assert response.status_code == 302
    assert client.get("/courses").status_code == 302


def test_remember_me_sets_a_long_lived_secure_cookie_only_when_asked(client):
    user = make_user()
    sign_in(client, user, remember=False)
    assert client.get_cookie("remember_token") is None
    client.post("/sign-out", data={"csrf_token": csrf_token(client, "/courses")})
    sign_in(client, user, remember=True)
    cookie = client.get_cookie("remember_token")
    assert cookie is not None and cookie.http_only


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
    assert "You have tried to sign in too many times. Wait 15 minutes" in response.get_data(as_text=True)
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
        client.post("/sign-out", data={"csrf_token": csrf_token(client, "/courses")})
