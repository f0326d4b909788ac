"""Every form POST needs the CSRF token from the page that showed the form."""

import pytest

from tests.helpers.accounts import PASSWORD, make_user, sign_in
from tests.helpers.html import parse
from tests.helpers.routes import PRIVATE_POST


@pytest.mark.parametrize("path", PRIVATE_POST)
def test_posts_without_a_csrf_token_are_refused(client, path):
    sign_in(client, make_user())
    response = client.post(path, data={"title": "x"})
    assert response.status_code == 400
    page = parse(response)
    assert page.heading() == "Sorry, we could not save that"
    assert "Nothing was saved." in page.main_text()


def test_sign_in_itself_needs_a_csrf_token(client):
    user = make_user()
    response = client.post("/sign-in", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 400
    assert client.get("/courses").status_code == 302  # still signed out
