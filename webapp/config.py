"""Settings from the environment, with defaults that are safe on a developer's machine."""

import os
from datetime import timedelta
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEV_SECRET_KEY = "dev-only-not-secret"
# name: when, audience, optional or required, manager's digest (none, team or line). See the README.
DEFAULT_REMINDER_SCHEDULE = (
    "early: 90 days before, not met, optional, none; "
    "month-left: 30 days before, not met, optional, line; "
    "week-left: 7 days before, not met, required, line; "
    "not-started: monthly, not started, optional, none; "
    "missed: 1 day after, not met, required, line"
)


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _env_list(name: str, default: str) -> list[str]:
    return [item.strip().lower() for item in os.environ.get(name, default).split(",") if item.strip()]


def content_reload(value: str) -> float | None:
    """CONTENT_RELOAD: "always" (every request), "never", or the fewest seconds between checks."""
    words: dict[str, float | None] = {"always": 0.0, "never": None}
    if value.strip().lower() in words:
        return words[value.strip().lower()]
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not seconds >= 0:
        raise ConfigError(f"CONTENT_RELOAD must be always, never or a number of seconds, not {value!r}")
    return seconds


def assessed_levels(value: str) -> tuple[int, ...]:
    """ASSESSED_LEVELS: the levels whose lessons need marked questions, e.g. "1,2,3"; empty for none."""
    from webapp.content.rules import LEVELS  # here: the settings load without the content package's libraries

    words = [word.strip() for word in value.split(",") if word.strip()]
    if not all(word.isascii() and word.isdigit() and int(word) in LEVELS for word in words):
        raise ConfigError(f"ASSESSED_LEVELS must be levels 1 to 3 separated by commas, or empty, not {value!r}")
    return tuple(sorted({int(word) for word in words}))


class Config:
    """Read once at start-up; each value is documented in the README."""

    def __init__(self) -> None:
        self.ENV = os.environ.get("DATA_DAY_ENV", "development")
        self.SECRET_KEY = os.environ.get("SECRET_KEY", DEV_SECRET_KEY)
        self.SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL")  # None: SQLite in the instance folder
        self.CONTENT_DIR = os.environ.get("CONTENT_DIR", str(PROJECT_ROOT / "courses"))
        self.EXERCISES_DIR = os.environ.get("EXERCISES_DIR", str(PROJECT_ROOT / "exercises"))
        self.LITE_DIR = os.environ.get("LITE_DIR", str(PROJECT_ROOT / "build" / "lite"))
        self.LITE_CACHE_DIR = os.environ.get("LITE_CACHE_DIR", str(PROJECT_ROOT / "build" / "cache"))
        # Seconds to wait for Python to start in the learner's browser before saying it has not.
        self.NOTEBOOK_START_TIMEOUT = int(os.environ.get("NOTEBOOK_START_TIMEOUT", "120"))
        self.PYODIDE_DIST = os.environ.get("PYODIDE_DIST")  # a full Pyodide distribution, instead of npm's core
        self.ASSETS_DIR = os.environ.get("ASSETS_DIR", str(PROJECT_ROOT / "build" / "assets"))
        self.PROXY_FIX_X_FOR = int(os.environ.get("PROXY_FIX_X_FOR", "0"))  # proxies in front, for per-address limits
        self.REQUIRED_MINUTES = int(os.environ.get("REQUIRED_MINUTES", "420"))
        self.TRAINING_YEAR_START = os.environ.get("TRAINING_YEAR_START", "01-01")
        self.ALLOWED_EMAIL_DOMAINS = _env_list("ALLOWED_EMAIL_DOMAINS", "gov.uk")
        self.LOGIN_LIMIT_PER_ACCOUNT = os.environ.get("LOGIN_LIMIT_PER_ACCOUNT", "5 per 15 minutes")
        self.LOGIN_LIMIT_PER_ADDRESS = os.environ.get("LOGIN_LIMIT_PER_ADDRESS", "30 per 15 minutes")
        # Record and certificate PDFs one person may download: each takes a worker up to a second to make.
        self.PDF_LIMIT_PER_PERSON = os.environ.get("PDF_LIMIT_PER_PERSON", "10 per 10 minutes")
        # database://: counters in the app's database, shared by every process (webapp/web/rate_limit_storage.py).
        self.RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "database://")
        self.RATELIMIT_HEADERS_ENABLED = True
        # Pages that send email (register, resend, forgot password): per address, and per email address typed.
        self.EMAIL_LIMIT_PER_ADDRESS = os.environ.get("EMAIL_LIMIT_PER_ADDRESS", "20 per hour")
        self.EMAIL_LIMIT_PER_EMAIL = os.environ.get("EMAIL_LIMIT_PER_EMAIL", "3 per hour")
        # Emailed links: proving an address or setting a first password, and resetting a password.
        self.EMAIL_LINK_HOURS = int(os.environ.get("EMAIL_LINK_HOURS", "24"))
        self.RESET_LINK_MINUTES = int(os.environ.get("RESET_LINK_MINUTES", "60"))
        # Email: "folder" writes each message to MAIL_FOLDER and prints its link; "smtp"; "notify" (GOV.UK Notify).
        self.MAIL_BACKEND = os.environ.get("MAIL_BACKEND", "folder")
        self.MAIL_FOLDER = os.environ.get("MAIL_FOLDER", str(PROJECT_ROOT / "instance" / "mail"))
        self.MAIL_FROM = os.environ.get("MAIL_FROM", "Data Day <no-reply@data-day.example.gov.uk>")
        self.SMTP_HOST = os.environ.get("SMTP_HOST", "localhost")
        self.SMTP_PORT = int(os.environ.get("SMTP_PORT", "25"))
        self.SMTP_USERNAME = os.environ.get("SMTP_USERNAME")
        self.SMTP_PASSWORD = os.environ.get("SMTP_PASSWORD")
        self.SMTP_STARTTLS = _env_bool("SMTP_STARTTLS", False)
        self.SMTP_TIMEOUT = float(os.environ.get("SMTP_TIMEOUT", "10"))
        self.MAIL_SEND_ATTEMPTS = int(os.environ.get("MAIL_SEND_ATTEMPTS", "3"))
        self.MAIL_RETRY_SECONDS = float(os.environ.get("MAIL_RETRY_SECONDS", "1"))  # doubles after each failure
        self.NOTIFY_API_KEY = os.environ.get("NOTIFY_API_KEY")
        self.NOTIFY_BASE_URL = os.environ.get("NOTIFY_BASE_URL", "https://api.notifications.service.gov.uk")
        # One GOV.UK Notify template per kind of message, e.g. NOTIFY_TEMPLATE_CONFIRM_EMAIL=<template id>.
        self.NOTIFY_TEMPLATES = {
            key.removeprefix("NOTIFY_TEMPLATE_").lower(): value
            for key, value in os.environ.items()
            if key.startswith("NOTIFY_TEMPLATE_")
        }
        # The address people use, for links in emails sent outside a request (`flask people invite`).
        self.SERVICE_URL = os.environ.get("SERVICE_URL", "http://127.0.0.1:5000")
        # Single sign-on (OpenID Connect): on when OIDC_ISSUER is set.
        self.OIDC_ISSUER = os.environ.get("OIDC_ISSUER")
        self.OIDC_CLIENT_ID = os.environ.get("OIDC_CLIENT_ID")
        self.OIDC_CLIENT_SECRET = os.environ.get("OIDC_CLIENT_SECRET")
        self.OIDC_PRIVATE_KEY_FILE = os.environ.get("OIDC_PRIVATE_KEY_FILE")  # PEM: private_key_jwt client auth
        self.OIDC_SCOPES = os.environ.get("OIDC_SCOPES", "openid email profile")
        self.OIDC_IDENTIFY_BY = os.environ.get("OIDC_IDENTIFY_BY", "email")  # or "staff_number"
        self.OIDC_STAFF_NUMBER_CLAIM = os.environ.get("OIDC_STAFF_NUMBER_CLAIM", "employee_id")
        self.OIDC_ALLOWED_DOMAINS = _env_list("OIDC_ALLOWED_DOMAINS", os.environ.get("ALLOWED_EMAIL_DOMAINS", "gov.uk"))
        self.OIDC_CREATE_PEOPLE = _env_bool("OIDC_CREATE_PEOPLE", False)  # people not in HR get an account
        self.OIDC_BUTTON_TEXT = os.environ.get("OIDC_BUTTON_TEXT", "Sign in with your department account")
        # SSO only: passwords refused, except for admins named here (a break-glass account).
        self.PASSWORDS_ENABLED = _env_bool("PASSWORDS_ENABLED", True)
        self.BREAK_GLASS_EMAILS = _env_list("BREAK_GLASS_EMAILS", "")
        self.PRODUCTION = self.ENV == "production"
        # Seconds between checks of courses/ and exercises/ for edits; None: never (read once per process).
        self.CONTENT_RELOAD = content_reload(os.environ.get("CONTENT_RELOAD", "60" if self.PRODUCTION else "always"))
        # `flask content check`: lessons at these levels need at least MIN_QUESTIONS marked questions.
        self.ASSESSED_LEVELS = assessed_levels(os.environ.get("ASSESSED_LEVELS", "1,2,3"))
        self.MIN_QUESTIONS = int(os.environ.get("MIN_QUESTIONS", "3"))
        # Days before the placement check may be taken again in the same training year (meant for the year's end).
        self.PLACEMENT_RETAKE_DAYS = int(os.environ.get("PLACEMENT_RETAKE_DAYS", "30"))
        self.SESSION_COOKIE_SECURE = _env_bool("SESSION_COOKIE_SECURE", self.PRODUCTION)
        self.SESSION_COOKIE_HTTPONLY = True
        self.SESSION_COOKIE_SAMESITE = "Lax"
        self.REMEMBER_COOKIE_SECURE = self.SESSION_COOKIE_SECURE
        self.REMEMBER_COOKIE_HTTPONLY = True
        self.REMEMBER_COOKIE_SAMESITE = "Lax"
        self.REMEMBER_COOKIE_DURATION = timedelta(days=14)
        self.PERMANENT_SESSION_LIFETIME = timedelta(hours=8)
        self.SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
        self.WTF_CSRF_TIME_LIMIT = 8 * 3600
        self.SERVICE_NAME = "Data Day"
        # Personal data of people HR deactivated is erased this long after (`flask people purge-expired`).
        self.RETENTION_YEARS = int(os.environ.get("RETENTION_YEARS", "6"))
        # A full HR import that would deactivate more than this share of active people waits for confirmation.
        self.HR_DEACTIVATION_SHARE = float(os.environ.get("HR_DEACTIVATION_SHARE", "0.10"))
        # Reminders (`flask reminders send`): the rules, in webapp/reminders/schedule.py's form; "" sends none.
        self.REMINDER_SCHEDULE = os.environ.get("REMINDER_SCHEDULE", DEFAULT_REMINDER_SCHEDULE)
        # Days a reminder stays due after its day, so a run missed that day still sends it (once).
        self.REMINDER_CATCH_UP_DAYS = int(os.environ.get("REMINDER_CATCH_UP_DAYS", "3"))
        # Days the "stop these reminders" link in an email works.
        self.REMINDER_LINK_DAYS = int(os.environ.get("REMINDER_LINK_DAYS", "60"))
        # xAPI statements for the department's learning record store (`flask xapi send`); off unless turned on.
        self.XAPI_ENABLED = _env_bool("XAPI_ENABLED", False)
        self.XAPI_ENDPOINT = os.environ.get("XAPI_ENDPOINT")  # the LRS's xAPI base: .../xAPI/
        self.XAPI_USERNAME = os.environ.get("XAPI_USERNAME")
        self.XAPI_PASSWORD = os.environ.get("XAPI_PASSWORD")
        self.XAPI_ACTOR = os.environ.get("XAPI_ACTOR", "email")  # or "account"
        self.XAPI_ACCOUNT_HOMEPAGE = os.environ.get("XAPI_ACCOUNT_HOMEPAGE")
        self.XAPI_ACCOUNT_NAME = os.environ.get("XAPI_ACCOUNT_NAME", "staff_number")  # or "id"
        self.XAPI_BATCH_SIZE = int(os.environ.get("XAPI_BATCH_SIZE", "50"))
        self.XAPI_MAX_ATTEMPTS = int(os.environ.get("XAPI_MAX_ATTEMPTS", "10"))
        self.XAPI_RETRY_SECONDS = float(os.environ.get("XAPI_RETRY_SECONDS", "60"))  # doubles after each failure
        self.XAPI_TIMEOUT = float(os.environ.get("XAPI_TIMEOUT", "10"))
        # An HR file for a whole department: 510,000 rows is about 50 MB.
        self.MAX_CONTENT_LENGTH = int(os.environ.get("MAX_UPLOAD_MB", "100")) * 1024 * 1024
        # Evidence files for outside learning: outside the web root, served only through the app.
        self.EVIDENCE_DIR = os.environ.get("EVIDENCE_DIR", str(PROJECT_ROOT / "instance" / "evidence"))
        self.EVIDENCE_MAX_MB = int(os.environ.get("EVIDENCE_MAX_MB", "5"))


class TestConfig(Config):
    """Fast hashing and predictable limits; CSRF stays on (tests that need a token fetch it)."""

    def __init__(self) -> None:
        super().__init__()
        self.TESTING = True
        self.SECRET_KEY = "test-secret-key"
        self.RATELIMIT_STORAGE_URI = "memory://"
        self.SESSION_COOKIE_SECURE = False
        self.REMEMBER_COOKIE_SECURE = False
        self.MAIL_BACKEND = "smtp"  # the test session's own SMTP server (tests/helpers/smtp.py)
        self.MAIL_SEND_ATTEMPTS = 2
        self.MAIL_RETRY_SECONDS = 0.01


class ConfigError(RuntimeError):
    """A setting that would make the service unsafe or broken."""


ENVIRONMENTS = ("development", "production")


def check_config(config: dict) -> None:
    # A misspelt "production" would otherwise start without HTTPS, HSTS or secure cookies.
    if config.get("ENV") not in ENVIRONMENTS:
        allowed = " or ".join(ENVIRONMENTS)
        raise ConfigError(f"DATA_DAY_ENV must be {allowed}, not {config.get('ENV')!r}")
    if config.get("PRODUCTION") and config.get("SECRET_KEY") in (None, "", DEV_SECRET_KEY):
        raise ConfigError("SECRET_KEY must be set to a long random value when DATA_DAY_ENV=production")
    if config.get("PRODUCTION") and len(config["SECRET_KEY"]) < 32:
        raise ConfigError("SECRET_KEY must be at least 32 characters when DATA_DAY_ENV=production")
    check_mail_config(config)
    check_reminder_config(config)
    check_xapi_config(config)
    if not 1 <= int(config["REQUIRED_MINUTES"]) <= 100 * 60:
        raise ConfigError("REQUIRED_MINUTES must be a whole number of minutes between 1 and 6000")
    if not 0 <= int(config["MIN_QUESTIONS"]) <= 50:
        raise ConfigError("MIN_QUESTIONS must be a whole number from 0 to 50")
    if not 0 <= int(config["PLACEMENT_RETAKE_DAYS"]) <= 366:
        raise ConfigError("PLACEMENT_RETAKE_DAYS must be a whole number of days from 0 to 366")
    # A larger evidence file than the app accepts at all would get the "too large" page, not the form's error.
    if not 1 <= int(config["EVIDENCE_MAX_MB"]) * 1024 * 1024 < int(config["MAX_CONTENT_LENGTH"]):
        raise ConfigError("EVIDENCE_MAX_MB must be at least 1 and less than MAX_UPLOAD_MB")


def check_mail_config(config: dict) -> None:
    from webapp.mail import BACKENDS, KINDS  # here: the settings load without the mail libraries
    from webapp.mail.messages import REMINDER_KINDS

    backend = config.get("MAIL_BACKEND")
    if backend not in BACKENDS:
        raise ConfigError(f"MAIL_BACKEND must be {', '.join(BACKENDS)}, not {backend!r}")
    # The folder backend writes sign-in links to disk and the log: fine on a laptop, a leak on a server.
    if config.get("PRODUCTION") and backend == "folder":
        raise ConfigError("MAIL_BACKEND must be smtp or notify when DATA_DAY_ENV=production")
    if backend == "notify":
        # Reminder templates are needed only when there are reminders to send.
        kinds = [kind for kind in KINDS if config.get("REMINDER_SCHEDULE", "").strip() or kind not in REMINDER_KINDS]
        missing = [f"NOTIFY_TEMPLATE_{kind.upper()}" for kind in kinds if not config["NOTIFY_TEMPLATES"].get(kind)]
        missing += [] if config.get("NOTIFY_API_KEY") else ["NOTIFY_API_KEY"]
        if missing:
            raise ConfigError("MAIL_BACKEND=notify needs these settings: " + ", ".join(missing))


def check_reminder_config(config: dict) -> None:
    from webapp.reminders.schedule import ScheduleError, parse_schedule

    try:
        parse_schedule(config["REMINDER_SCHEDULE"])
    except ScheduleError as error:
        raise ConfigError(str(error)) from None
    if not 1 <= int(config["REMINDER_CATCH_UP_DAYS"]) <= 28:
        raise ConfigError("REMINDER_CATCH_UP_DAYS must be a whole number of days between 1 and 28")
    if not 1 <= int(config["REMINDER_LINK_DAYS"]) <= 365:
        raise ConfigError("REMINDER_LINK_DAYS must be a whole number of days between 1 and 365")


def check_xapi_config(config: dict) -> None:
    from webapp.xapi.settings import XapiSettings, setting_problems

    problems = setting_problems(XapiSettings.from_config(config), production=bool(config.get("PRODUCTION")))
    if problems:
        raise ConfigError("; ".join(problems))
