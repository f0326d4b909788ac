"""The Alembic migrations and the models describe the same schema."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from webapp.extensions import db


def test_migrations_produce_the_schema_the_models_describe(app):
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, db.metadata)
    assert differences == []


def test_health_check_answers_when_the_database_does(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "database": "ok"}


def test_health_check_reports_an_unreachable_database(settings):
    from webapp import create_app
    from webapp.config import TestConfig

    app = create_app(TestConfig(), {**settings, "SQLALCHEMY_DATABASE_URI": "sqlite:////nonexistent/dir/x.sqlite"})
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.get_json()["database"] == "unreachable"


def test_static_assets_are_served_by_the_app_itself(client):
    def fetch(path):
        with client.get(path) as response:  # WhiteNoise streams files: close them
            return response.status_code, response.get_data()

    for path in ("/assets/govuk-frontend.min.css", "/assets/govuk-frontend.min.js", "/assets/app.css"):
        assert fetch(path)[0] == 200, path
    css = fetch("/assets/govuk-frontend.min.css")[1].decode()
    assert "/assets/fonts/" in css
    font = css.split("/assets/fonts/")[1].split(")")[0].strip("\"'")
    assert fetch(f"/assets/fonts/{font}")[0] == 200
