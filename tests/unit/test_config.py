import pytest

from webapp import create_app
from webapp.config import Config, ConfigError


@pytest.fixture
def production(monkeypatch):
    monkeypatch.setenv("DATA_DAY_ENV", "production")
    monkeypatch.setenv("DATABASE_URL", "sqlite://")
    monkeypatch.setenv("MAIL_BACKEND", "smtp")


def test_production_refuses_to_start_without_a_secret_key(production, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(ConfigError, match="SECRET_KEY must be set"):
        create_app(Config())


def test_production_refuses_a_short_secret_key(production, monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "too-short")
    with pytest.raises(ConfigError, match="at least 32 characters"):
        create_app(Config())


def test_production_starts_with_a_real_secret_key_and_secure_cookies(production, monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "x" * 48)
    app = create_app(Config())
    assert app.config["SESSION_COOKIE_SECURE"] and app.config["REMEMBER_COOKIE_SECURE"]


def test_development_defaults_to_sqlite_in_the_instance_folder(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    app = create_app(Config())
    assert app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite:///")
    assert app.config["SQLALCHEMY_DATABASE_URI"].endswith("instance/data-day.sqlite")


def test_a_bad_training_year_start_stops_the_app_with_its_name(monkeypatch):
    monkeypatch.setenv("TRAINING_YEAR_START", "April")
    with pytest.raises(ValueError, match="TRAINING_YEAR_START"):
        create_app(Config(), {"SQLALCHEMY_DATABASE_URI": "sqlite://"})


def test_requirement_and_year_start_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("REQUIRED_MINUTES", "444")
    monkeypatch.setenv("TRAINING_YEAR_START", "04-01")
    app = create_app(Config(), {"SQLALCHEMY_DATABASE_URI": "sqlite://"})
    assert app.config["REQUIRED_MINUTES"] == 444
    assert (app.config["YEAR_START"].month, app.config["YEAR_START"].day) == (4, 1)


@pytest.mark.parametrize("environment", ["prod", "Production ", "staging", ""])
def test_an_unknown_environment_refuses_to_start_and_names_the_allowed_ones(monkeypatch, environment):
    monkeypatch.setenv("DATA_DAY_ENV", environment)
    monkeypatch.setenv("SECRET_KEY", "x" * 48)
    with pytest.raises(ConfigError, match=f"DATA_DAY_ENV must be development or production, not '{environment}'"):
        create_app(Config(), {"SQLALCHEMY_DATABASE_URI": "sqlite://"})


def test_production_answers_the_health_check_over_http_and_sends_everything_else_to_https(production, monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "x" * 48)
    client = create_app(Config()).test_client()
    health = client.get("http://data-day.example/healthz")
    assert health.status_code == 200 and health.get_json() == {"status": "ok", "database": "ok"}
    for path in ("/sign-in", "/", "/my-team/people/1"):
        response = client.get(f"http://data-day.example{path}")
        assert response.status_code == 302 and response.location == f"https://data-day.example{path}"


def test_production_refuses_the_development_mail_folder(production, monkeypatch):
    """It writes sign-in links to disk and to the log."""
    monkeypatch.setenv("SECRET_KEY", "x" * 40)
    monkeypatch.setenv("MAIL_BACKEND", "folder")
    with pytest.raises(ConfigError, match="MAIL_BACKEND must be smtp or notify"):
        create_app(Config())


def test_notify_needs_its_key_and_a_template_for_every_kind_of_email(monkeypatch):
    monkeypatch.setenv("MAIL_BACKEND", "notify")
    monkeypatch.setenv("NOTIFY_TEMPLATE_RESET_PASSWORD", "f33517ff-2a88-4f6e-b855-c550268ce08a")
    with pytest.raises(ConfigError) as refused:
        create_app(Config(), {"SQLALCHEMY_DATABASE_URI": "sqlite://"})
    named = str(refused.value).split(": ")[1].split(", ")
    assert named == [
        "NOTIFY_TEMPLATE_CONFIRM_EMAIL",
        "NOTIFY_TEMPLATE_ACTIVATE_ACCOUNT",
        "NOTIFY_TEMPLATE_ALREADY_REGISTERED",
        "NOTIFY_TEMPLATE_REMINDER_BEFORE_END",
        "NOTIFY_TEMPLATE_REMINDER_NOT_STARTED",
        "NOTIFY_TEMPLATE_REMINDER_YEAR_MISSED",
        "NOTIFY_TEMPLATE_REMINDER_MANAGER_DIGEST",
        "NOTIFY_API_KEY",
    ]


def test_notify_needs_no_reminder_templates_when_there_are_no_reminders(monkeypatch):
    monkeypatch.setenv("MAIL_BACKEND", "notify")
    monkeypatch.setenv("REMINDER_SCHEDULE", "")
    with pytest.raises(ConfigError) as refused:
        create_app(Config(), {"SQLALCHEMY_DATABASE_URI": "sqlite://"})
    assert "REMINDER" not in str(refused.value)
