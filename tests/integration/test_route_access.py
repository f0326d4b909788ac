"""Every route: anonymous people are sent to sign in, wrong roles get 403, POSTs need a CSRF token."""

import pytest

from tests.helpers import make_user, sign_in
from webapp.extensions import db

PUBLIC = ["/", "/sign-in", "/register", "/accessibility", "/healthz", "/favicon.ico"]
# Every route rule with an example path; the first test fails when a route is added and not listed.
PRIVATE = {
    "/courses": "/courses",
    "/courses/<course_slug>": "/courses/spreadsheet-basics",
    "/courses/<course_slug>/<lesson_slug>": "/courses/spreadsheet-basics/rows-and-columns",
    "/courses/<course_slug>/<lesson_slug>/complete": "/courses/spreadsheet-basics/rows-and-columns/complete",
    "/exercises/<slug>": "/exercises/count-the-regions",
    "/exercises/<slug>/answers": "/exercises/count-the-regions/answers",
    "/exercises/<slug>/download/<path:filename>": "/exercises/count-the-regions/download/regions.csv",
    "/my-training-record": "/my-training-record",
    "/my-training-record/download": "/my-training-record/download",
    "/outside-learning/new": "/outside-learning/new",
    "/outside-learning/<int:entry_id>/edit": "/outside-learning/1/edit",
    "/outside-learning/<int:entry_id>/delete": "/outside-learning/1/delete",
    "/content-checks": "/content-checks",
    "/authoring": "/authoring",
    "/authoring/courses/<course_slug>": "/authoring/courses/spreadsheet-basics",
    "/sign-out": "/sign-out",
    "/my-team": "/my-team",
    "/my-team/download": "/my-team/download",
    "/my-team/people/<int:person_id>": "/my-team/people/1",
    "/my-team/outside-learning": "/my-team/outside-learning",
    "/my-team/outside-learning/<int:entry_id>/confirm": "/my-team/outside-learning/1/confirm",
    "/my-team/outside-learning/<int:entry_id>/send-back": "/my-team/outside-learning/1/send-back",
    "/reports/organisation": "/reports/organisation",
    "/reports/organisation/download": "/reports/organisation/download",
    "/reports/departments/<int:department_id>/settings": "/reports/departments/1/settings",
    "/admin/people/import": "/admin/people/import",
    "/admin/people/<int:person_id>/manager": "/admin/people/1/manager",
}
POST_ONLY = {
    "/courses/<course_slug>/<lesson_slug>/complete",
    "/exercises/<slug>/answers",
    "/sign-out",
    "/my-team/outside-learning/<int:entry_id>/confirm",
    "/reports/departments/<int:department_id>/settings",
}
GET_AND_POST = {
    "/my-team/outside-learning/<int:entry_id>/send-back",
    "/admin/people/import",
    "/admin/people/<int:person_id>/manager",
    "/outside-learning/new",
    "/outside-learning/<int:entry_id>/edit",
    "/outside-learning/<int:entry_id>/delete",
}
PRIVATE_GET = [path for rule, path in PRIVATE.items() if rule not in POST_ONLY]
PRIVATE_POST = [path for rule, path in PRIVATE.items() if rule in POST_ONLY | GET_AND_POST]
AUTHOR_ONLY = ["/content-checks", "/authoring", "/authoring/courses/spreadsheet-basics"]


def test_every_route_is_listed_here(app):
    """A new route must be added to these lists, so it cannot skip the checks below."""
    rules = {rule.rule for rule in app.url_map.iter_rules()}
    assert rules == set(PUBLIC) | set(PRIVATE)
    for rule in app.url_map.iter_rules():
        methods = rule.methods - {"HEAD", "OPTIONS"}
        if rule.rule in POST_ONLY:
            assert methods == {"POST"}, rule.rule
        elif rule.rule in GET_AND_POST:
            assert methods == {"GET", "POST"}, rule.rule
        elif rule.rule != "/sign-in" and rule.rule != "/register":
            assert methods == {"GET"}, rule.rule


@pytest.mark.parametrize("path", PUBLIC)
def test_public_pages_open_without_signing_in(client, path):
    with client.get(path, follow_redirects=True) as response:  # the favicon is a file: close it
        assert response.status_code == 200


@pytest.mark.parametrize("path", PRIVATE_GET)
def test_anonymous_people_are_sent_to_sign_in(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/sign-in?next=")


@pytest.mark.parametrize("path", PRIVATE_POST)
def test_anonymous_posts_are_refused(app, path):
    app.config["WTF_CSRF_ENABLED"] = False  # prove the sign-in check, not the CSRF check, refuses it
    response = app.test_client().post(path)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/sign-in")


@pytest.mark.parametrize("path", AUTHOR_ONLY)
def test_learners_cannot_open_author_pages(client, path):
    sign_in(client, make_user())
    response = client.get(path)
    assert response.status_code == 403
    assert "You do not have permission to see this page" in response.get_data(as_text=True)


@pytest.mark.parametrize("role", ["author", "admin"])
@pytest.mark.parametrize("path", AUTHOR_ONLY)
def test_authors_and_admins_open_author_pages(client, path, role):
    sign_in(client, make_user(**{role: True}))
    assert client.get(path).status_code == 200


@pytest.mark.parametrize("path", PRIVATE_POST)
def test_posts_without_a_csrf_token_are_refused(client, path):
    sign_in(client, make_user())
    response = client.post(path, data={"title": "x"})
    assert response.status_code == 400
    assert "Nothing was saved" in response.get_data(as_text=True)


def test_sign_in_itself_needs_a_csrf_token(client):
    user = make_user()
    response = client.post("/sign-in", data={"email": user.email, "password": "correct horse battery staple"})
    assert response.status_code == 400


def test_unknown_pages_get_the_gov_uk_404(client):
    sign_in(client, make_user())
    response = client.get("/courses/no-such-course")
    assert response.status_code == 404
    assert "Page not found" in response.get_data(as_text=True)


def test_every_response_carries_security_headers(client):
    headers = client.get("/").headers
    assert "script-src 'self' 'nonce-" in headers["Content-Security-Policy"]
    assert headers["X-Frame-Options"] == "SAMEORIGIN"
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_the_page_script_carries_the_csp_nonce(client):
    response = client.get("/")
    nonce = response.headers["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    assert f'<script nonce="{nonce}">' in response.get_data(as_text=True)


def test_a_crash_shows_the_gov_uk_500_page(settings):
    from webapp import create_app
    from webapp.config import TestConfig

    app = create_app(TestConfig(), settings)
    app.testing = False  # let the error handler answer instead of re-raising into the test

    @app.get("/boom")
    def boom():
        raise RuntimeError("deliberate")

    client = app.test_client()
    with app.app_context():
        sign_in(client, make_user())
        response = client.get("/boom")
        db.session.remove()
        db.engine.dispose()  # this test's own app: close its connections
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.get_data(as_text=True)
