"""Row factories and request helpers for tests (plain functions, as CTFd's tests/helpers.py)."""

import re
from itertools import count

from flask.testing import FlaskClient

from webapp.extensions import db
from webapp.models import User
from webapp.queries.people import create_user

PASSWORD = "correct horse battery staple"
_numbers = count(1)
_CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"')


def make_user(name: str | None = None, *, email: str | None = None, admin: bool = False, author: bool = False) -> User:
    number = next(_numbers)
    name = name or f"Person {number}"
    email = email or f"person{number}@example.gov.uk"
    user = create_user(db.session, email, name, PASSWORD, is_admin=admin, is_author=author)
    db.session.commit()
    return user


def csrf_token(client: FlaskClient, path: str = "/sign-in") -> str:
    html = client.get(path).get_data(as_text=True)
    match = _CSRF.search(html)
    assert match, f"no CSRF token on {path}"
    return match[1] or match[2]


def sign_in(client: FlaskClient, user: User, password: str = PASSWORD, remember: bool = False):
    data = {"email": user.email, "password": password, "csrf_token": csrf_token(client)}
    if remember:
        data["remember"] = "y"
    return client.post("/sign-in", data=data)


def post_form(client: FlaskClient, path: str, data: dict | None = None, token_from: str | None = None):
    """POST with a valid CSRF token taken from a page the client can see."""
    token = csrf_token(client, token_from or "/my-training-record")
    return client.post(path, data={**(data or {}), "csrf_token": token})
