"""Settings from the environment, with defaults that are safe on a developer's machine."""

import os
from datetime import timedelta
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEV_SECRET_KEY = "dev-only-not-secret"


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _env_list(name: str, default: str) -> list[str]:
    return [item.strip().lower() for item in os.environ.get(name, default).split(",") if item.strip()]


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
        # database://: counters in the app's database, shared by every process (webapp/web/rate_limit_storage.py).
        self.RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "database://")
        self.RATELIMIT_HEADERS_ENABLED = True
        self.PRODUCTION = self.ENV == "production"
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
        # An HR file for a whole department: 510,000 rows is about 50 MB.
        self.MAX_CONTENT_LENGTH = int(os.environ.get("MAX_UPLOAD_MB", "100")) * 1024 * 1024


class TestConfig(Config):
    """Fast hashing and predictable limits; CSRF stays on (tests that need a token fetch it)."""

    def __init__(self) -> None:
        super().__init__()
        self.TESTING = True
        self.SECRET_KEY = "test-secret-key"
        self.RATELIMIT_STORAGE_URI = "memory://"
        self.SESSION_COOKIE_SECURE = False
        self.REMEMBER_COOKIE_SECURE = False


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
    if not 1 <= int(config["REQUIRED_MINUTES"]) <= 100 * 60:
        raise ConfigError("REQUIRED_MINUTES must be a whole number of minutes between 1 and 6000")
