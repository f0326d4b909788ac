"""Sessions that end on the server: after sign-out a copied session or "remember me" cookie signs nobody in,
and a person (or an admin, or HR deactivation) can end every session at once."""

from http.cookies import SimpleCookie

from sqlalchemy import select

from tests.helpers.accounts import PASSWORD, make_user, post_form, sign_in, sign_out
from tests.helpers.html import get_page, parse
from webapp.extensions import db
from webapp.models import AuditEvent, SignInSession


def cookie_values(client) -> dict[str, str]:
    return {cookie.key: cookie.value for cookie in client._cookies.values()}


def replay(app, cookies: dict[str, str]):
    """A new browser that copied these cookies."""
    thief = app.test_client()
    for name, value in cookies.items():
        thief.set_cookie(name, value)
    return thief


def test_a_copied_session_cookie_stops_working_at_sign_out(client, app):
    sign_in(client, make_user())
    copied = cookie_values(client)
    assert replay(app, copied).get("/my-training-record").status_code == 200
    sign_out(client)
    assert replay(app, copied).get("/my-training-record").status_code == 302


def test_a_copied_remember_me_cookie_stops_working_at_sign_out(client, app):
    sign_in(client, make_user(), remember=True)
    remembered = {"remember_token": cookie_values(client)["remember_token"]}
    assert replay(app, remembered).get("/my-training-record").status_code == 200
    sign_out(client)
    assert replay(app, remembered).get("/my-training-record").status_code == 302


def test_the_remember_me_cookie_holds_no_account_number_and_the_server_keeps_only_a_digest(client):
    user = make_user()
    response = sign_in(client, user, remember=True)
    cookies = SimpleCookie()
    for header in response.headers.getlist("Set-Cookie"):
        cookies.load(header)
    token = cookies["remember_token"].value.split("|")[0]
    assert token != str(user.id) and len(token) >= 40
    stored = db.session.scalars(select(SignInSession.token_hash)).one()
    assert token not in stored and len(stored) == 64


def test_each_sign_in_gets_a_new_session(client, app):
    user = make_user()
    sign_in(client, user)
    first = cookie_values(client)
    sign_out(client)
    sign_in(client, user)
    assert db.session.scalar(select(db.func.count()).select_from(SignInSession)) == 2
    assert replay(app, first).get("/my-training-record").status_code == 302


def test_signing_out_everywhere_ends_every_device(client, app):
    user = make_user()
    laptop = app.test_client()
    sign_in(laptop, user)
    sign_in(client, user)
    page = get_page(client, "/account")
    assert len(page.table_rows("Browsers signed in to your account")) == 2
    assert post_form(client, "/account/sign-out-everywhere", token_from="/account").status_code == 302
    assert laptop.get("/my-training-record").status_code == 302
    assert client.get("/my-training-record").status_code == 302
    assert "sessions_ended" in db.session.scalars(select(AuditEvent.event)).all()


def test_changing_your_password_signs_out_your_other_devices_only(client, app):
    user = make_user(email="jo.bloggs@example.gov.uk")
    laptop = app.test_client()
    sign_in(laptop, user)
    sign_in(client, user)
    new = "harbour pencil thunder quietly"
    form = {"current": PASSWORD, "password": new, "confirm": new}
    response = post_form(client, "/account/password", form, token_from="/account/password")
    assert response.headers["Location"] == "/account"
    assert client.get("/my-training-record").status_code == 200
    assert laptop.get("/my-training-record").status_code == 302
    db.session.refresh(user)
    assert user.check_password(new)


def test_changing_your_password_needs_the_current_one(client):
    user = make_user()
    sign_in(client, user)
    new = "harbour pencil thunder quietly"
    form = {"current": "not my password", "password": new, "confirm": new}
    response = post_form(client, "/account/password", form, token_from="/account/password")
    assert ("Your current password is not correct", "#current") in parse(response).error_summary()
    db.session.refresh(user)
    assert user.check_password(PASSWORD)


def test_deactivating_an_account_ends_its_sessions_at_once(client):
    user = make_user()
    sign_in(client, user)
    user.active = False
    db.session.commit()
    assert client.get("/my-training-record").status_code == 302
