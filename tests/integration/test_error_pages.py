"""Pages that are not found, and crashes, get the GOV.UK error pages."""

from tests.helpers.accounts import make_user, sign_in
from tests.helpers.html import get_page, parse
from webapp.extensions import db


def test_unknown_pages_get_the_gov_uk_404(client):
    sign_in(client, make_user())
    page = get_page(client, "/courses/no-such-course", status=404)
    assert page.heading() == "Page not found"
    assert page.title() == "Page not found – Data Day – GOV.UK"


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
    page = parse(response)
    assert page.heading() == "Sorry, there is a problem with the service"
    assert "deliberate" not in page.html  # nothing of the error itself reaches the page
