"""/healthz, for the load balancer: it answers only when the database does."""


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
