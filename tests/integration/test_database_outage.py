"""When the database goes away, people get GOV.UK's "service is unavailable" page (503, not a crash), and the
app recovers by itself once the database is back: no restart, nobody signed out."""

import shutil

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from tests.helpers.accounts import make_user, sign_in
from tests.helpers.clients import FreshRequestClient
from tests.helpers.database import ON_POSTGRES
from tests.helpers.html import get_page, parse
from webapp.extensions import db

UNAVAILABLE = "Sorry, the service is unavailable"
PAGE = "/my-training-record"


def assert_unavailable(client) -> None:
    response = client.get(PAGE)
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "30"
    page = parse(response)
    assert page.heading() == UNAVAILABLE
    assert page.title() == f"{UNAVAILABLE} – Data Day – GOV.UK"


@pytest.mark.skipif(not ON_POSTGRES, reason="stops the shared PostgreSQL (TEST_DATABASE=postgresql)")
def test_a_postgresql_restart_shows_503_then_the_app_recovers_by_itself(client, settings):
    from tests.helpers.postgres import cluster_for

    sign_in(client, make_user())
    assert get_page(client, PAGE).heading() == "My training record"
    cluster = cluster_for(settings["SQLALCHEMY_DATABASE_URI"])
    cluster.stop_server()
    try:
        assert_unavailable(client)
        assert_unavailable(client)  # and again: nothing is left half-done by the first failure
    finally:
        cluster.start_server()  # waits until it accepts connections, so later tests find it as it was
    assert get_page(client, PAGE).heading() == "My training record"


@pytest.mark.skipif(not ON_POSTGRES, reason="stops the shared PostgreSQL (TEST_DATABASE=postgresql)")
def test_a_page_made_just_before_postgresql_stops_is_still_sent(settings, monkeypatch):
    """The request's transaction is rolled back after its page is made: if the database dropped the connection
    meanwhile, that rollback fails, and the page must still go out rather than a 500."""
    from tests.helpers.postgres import cluster_for
    from webapp import create_app
    from webapp.config import TestConfig
    from webapp.web import security

    cluster = cluster_for(settings["SQLALCHEMY_DATABASE_URI"])
    own = create_app(TestConfig(), settings)
    monkeypatch.setattr(security, "PUBLIC_ENDPOINTS", {*security.PUBLIC_ENDPOINTS, "read_then_lose_the_database"})

    @own.get("/read-then-lose-the-database")
    def read_then_lose_the_database():
        db.session.execute(select(1))  # a transaction is open on a pooled connection
        cluster.stop_server()
        return "made"

    try:
        response = own.test_client().get("/read-then-lose-the-database")  # its own app context, torn down after
    finally:
        cluster.start_server()
    with own.app_context():
        db.engine.dispose()
    assert response.status_code == 200 and response.get_data(as_text=True) == "made"


@pytest.mark.skipif(ON_POSTGRES, reason="moves the SQLite database's folder")
def test_a_sqlite_database_that_cannot_be_opened_shows_503_then_the_app_recovers(app, settings, tmp_path):
    """The session database is copied to a folder of this test's own, which then disappears for a while."""
    from webapp import create_app
    from webapp.config import TestConfig

    folder, away = tmp_path / "database", tmp_path / "moved-away"
    folder.mkdir()
    shutil.copy(settings["SQLALCHEMY_DATABASE_URI"].removeprefix("sqlite:///"), folder / "data-day.sqlite")
    own = create_app(TestConfig(), {**settings, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/data-day.sqlite"})
    own.test_client_class = FreshRequestClient
    client = own.test_client()
    with own.app_context():
        user = make_user()
        sign_in(client, user)
        db.engine.dispose()  # an open connection would keep reading the moved file
        folder.rename(away)
        try:
            assert_unavailable(client)
        finally:
            away.rename(folder)
        assert get_page(client, PAGE).heading() == "My training record"
        db.session.remove()
        db.engine.dispose()


def test_other_database_errors_are_still_500s(settings):
    """A broken constraint is a bug, not an outage: the 500 page, and logged as an error."""
    from webapp import create_app
    from webapp.config import TestConfig

    own = create_app(TestConfig(), settings)
    own.testing = False  # let the error handler answer instead of re-raising into the test

    @own.get("/broken")
    def broken():
        raise IntegrityError("INSERT ...", {}, Exception("duplicate key"))

    client = own.test_client()
    with own.app_context():
        sign_in(client, make_user())
        response = client.get("/broken")
        db.session.remove()
        db.engine.dispose()
    assert response.status_code == 500
    assert parse(response).heading() == "Sorry, there is a problem with the service"
