"""Fixtures: one database per session (SQLite, or a throwaway PostgreSQL cluster with
TEST_DATABASE=postgresql), emptied between tests; a fresh app and client per test."""

import os
import tempfile

import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from sqlalchemy.orm import close_all_sessions

from tests.helpers.clients import FreshRequestClient
from tests.helpers.database import ON_POSTGRES, empty_all_tables
from tests.helpers.lrs import PYTHON as LRS_PYTHON
from tests.helpers.lrs import LrsPeer
from tests.helpers.oidc import OidcPeer
from tests.helpers.organisation import build_organisation
from tests.helpers.paths import FIXTURE_CONTENT
from tests.helpers.smtp import SmtpPeer
from tests.helpers.templates import COMPILED_TEMPLATES
from webapp import create_app
from webapp.config import TestConfig
from webapp.extensions import db

# Generated-input tests: a few dozen examples each in the suite; HYPOTHESIS_PROFILE=long for thousands.
# No deadline or speed check: on a busy 2-core CI machine a slow example is not a failure.
_unhurried = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}
hypothesis_settings.register_profile("quick", max_examples=40, **_unhurried)
hypothesis_settings.register_profile("long", max_examples=2_000, **_unhurried)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "quick"))


@pytest.fixture(scope="session", autouse=True)
def fast_password_hashing():
    """Still argon2id, with the smallest cost, so hundreds of sign-ins stay quick."""
    from argon2 import PasswordHasher

    from webapp.identity.passwords import use_hasher

    use_hasher(PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


@pytest.fixture(scope="session")
def database_url():
    if ON_POSTGRES:
        from tests.helpers.postgres import start_cluster

        cluster = start_cluster()
        try:
            yield cluster.create_database("data_day_test")
        finally:
            cluster.stop()
    else:
        with tempfile.TemporaryDirectory(prefix="data-day-test-") as directory:
            yield f"sqlite:///{directory}/test.sqlite"


@pytest.fixture(scope="session")
def migrated_database(database_url):
    """The schema comes from the Alembic migrations, as in production."""
    app = create_app(TestConfig(), {"SQLALCHEMY_DATABASE_URI": database_url, **FIXTURE_CONTENT})
    with app.app_context():
        from flask_migrate import upgrade

        upgrade()
        db.engine.dispose()
    return database_url


@pytest.fixture(scope="session")
def smtp_server():
    """One real SMTP server for the session: every test app sends its email here."""
    peer = SmtpPeer()
    peer.start()
    yield peer
    peer.stop()


@pytest.fixture
def mailbox(smtp_server):
    """The session's SMTP server, emptied: read a test's email with mailbox.last_link_to(address)."""
    smtp_server.clear()
    return smtp_server


@pytest.fixture(scope="session")
def oidc_provider(tmp_path_factory):
    """A real OpenID provider for the session (tests/helpers/oidc.py), started when a test first asks for it."""
    peer = OidcPeer(tmp_path_factory.mktemp("oidc"))
    peer.start()
    yield peer
    peer.stop()


@pytest.fixture(scope="session")
def lrs(tmp_path_factory):
    """A real learning record store for the session (tests/helpers/lrs.py), started when a test first asks for it."""
    if not LRS_PYTHON.exists():
        reason = "the LRS peer is not installed: run `make tests/peers/lrs/.venv/.installed` (make test does)"
        pytest.fail(reason) if os.environ.get("CI") else pytest.skip(reason)  # CI must never skip these
    peer = LrsPeer(tmp_path_factory.mktemp("lrs"))
    peer.start()
    yield peer
    peer.stop()


@pytest.fixture
def settings(migrated_database, smtp_server):
    """Per-test config overrides: tests change entries before asking for `app`.

    The fixture course's lessons are marked complete by hand, with no questions, so no level is assessed
    (ASSESSED_LEVELS) unless a test says so, as tests of lesson questions do (QUESTIONS_CONTENT)."""
    return {
        "SQLALCHEMY_DATABASE_URI": migrated_database,
        **FIXTURE_CONTENT,
        "ASSESSED_LEVELS": (),
        **smtp_server.settings,
    }


@pytest.fixture
def app(settings):
    empty_all_tables(settings["SQLALCHEMY_DATABASE_URI"])
    app = create_app(TestConfig(), settings)
    app.jinja_env.bytecode_cache = COMPILED_TEMPLATES
    app.test_client_class = FreshRequestClient
    with app.app_context():
        from webapp.queries.content_sync import sync_library
        from webapp.web.content_pages import content_library

        if not content_library().problems:
            sync_library(db.session, content_library())
            db.session.commit()
        yield app
        # Close every session (threads' too, e.g. a live server's) so disposing closes every connection.
        close_all_sessions()
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def org(app):
    """The test organisation (tests/helpers/organisation.py), by first name: org["pat"] manages org["alex"]."""
    return build_organisation()
