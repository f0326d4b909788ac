"""Accounts to sign in with, and the Flask test client's way of signing in and sending forms.

(Playwright's page signs in with tests.helpers.browser.browser_sign_in.)
"""

from itertools import count
from urllib.parse import urlsplit

from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from tests.helpers.html import parse
from tests.helpers.smtp import SmtpPeer
from webapp.extensions import db
from webapp.models import User
from webapp.queries.people import create_user, register_person

PASSWORD = "correct horse battery staple"
_numbers = count(1)


def make_user(name: str | None = None, *, email: str | None = None, admin: bool = False, author: bool = False) -> User:
    """An account that signs in with PASSWORD; no department or manager (see rows.make_person for those)."""
    number = next(_numbers)
    name = name or f"Person {number}"
    email = email or f"person{number}@example.gov.uk"
    user = create_user(db.session, email, name, PASSWORD, is_admin=admin, is_author=author)
    db.session.commit()
    return user


def csrf_token(client: FlaskClient, path: str = "/sign-in") -> str:
    """The CSRF token from a form on a page the client can see."""
    token = parse(client.get(path)).field_value("csrf_token")
    assert token, f"no CSRF token on {path}"
    return token


def sign_in(client: FlaskClient, user: User, password: str = PASSWORD, remember: bool = False) -> TestResponse:
    data = {"email": user.email, "password": password, "csrf_token": csrf_token(client)}
    if remember:
        data["remember"] = "y"
    return client.post("/sign-in", data=data)


def sign_out(client: FlaskClient) -> TestResponse:
    return client.post("/sign-out", data={"csrf_token": csrf_token(client, "/courses")})


def post_form(client: FlaskClient, path: str, data: dict | None = None, token_from: str | None = None) -> TestResponse:
    """POST with a valid CSRF token taken from a page the client can see (My training record unless told)."""
    token = csrf_token(client, token_from or "/my-training-record")
    return client.post(path, data={**(data or {}), "csrf_token": token})


def make_imported_person(name: str = "Imported Person", email: str = "imported.person@example.gov.uk") -> User:
    """Someone HR imported who has not yet proved their address: no password, not activated."""
    user = register_person(db.session, email, name)
    db.session.commit()
    return user


def link_path(mailbox: SmtpPeer, address: str) -> str:
    """The path (and query) of the link in the latest email to `address`, to open with the test client."""
    parts = urlsplit(mailbox.last_link_to(address))
    return parts.path + (f"?{parts.query}" if parts.query else "")


def choose_password(client: FlaskClient, path: str, password: str = PASSWORD) -> TestResponse:
    """Save a password on an emailed link's page."""
    token = csrf_token(client, path)
    return client.post(path, data={"password": password, "confirm": password, "csrf_token": token})
