"""Fixtures: one database per session (SQLite, or a throwaway PostgreSQL cluster with
TEST_DATABASE=postgresql), emptied between tests; a fresh app and client per test."""

import os
import tempfile
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.orm import close_all_sessions

from webapp import create_app
from webapp.config import TestConfig
from webapp.extensions import db

PROJECT_ROOT = Path(__file__).resolve().parent.parent
FIXTURE_COURSES = Path(__file__).parent / "fixtures" / "courses"
FIXTURE_EXERCISES = Path(__file__).parent / "fixtures" / "exercises"
FIXTURE_CONTENT = {"CONTENT_DIR": str(FIXTURE_COURSES), "EXERCISES_DIR": str(FIXTURE_EXERCISES)}
ON_POSTGRES = os.environ.get("TEST_DATABASE") == "postgresql"


@pytest.fixture(scope="session", autouse=True)
def fast_password_hashing():
    """Still argon2id, with the smallest cost, so hundreds of sign-ins stay quick."""
    from argon2 import PasswordHasher

    from webapp.identity.passwords import use_hasher

    use_hasher(PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


@pytest.fixture(scope="session")
def database_url():
    if ON_POSTGRES:
        from tests.postgres import start_cluster

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


def _empty_all_tables(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        for table in reversed(db.metadata.sorted_tables):
            connection.execute(text(f"DELETE FROM {table.name}"))
    engine.dispose()


@pytest.fixture
def settings(migrated_database):
    """Per-test config overrides: tests change entries before asking for `app`."""
    return {"SQLALCHEMY_DATABASE_URI": migrated_database, **FIXTURE_CONTENT}


@pytest.fixture
def app(settings):
    _empty_all_tables(settings["SQLALCHEMY_DATABASE_URI"])
    app = create_app(TestConfig(), settings)
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
