"""Data Day: the civil service's annual day of data training."""

from pathlib import Path
from typing import TYPE_CHECKING, Any

from webapp.config import Config

if TYPE_CHECKING:  # Flask is imported when an app is made, so the domain packages below load without it
    from flask import Flask


def create_app(config: Config | None = None, overrides: dict[str, Any] | None = None) -> "Flask":
    from flask import Flask

    from webapp.config import check_config
    from webapp.content.cache import LibraryCache
    from webapp.training.years import YearStart

    app = Flask(__name__, instance_relative_config=True, static_folder=None)
    from webapp.web.templating import TemplateEnvironment

    app.jinja_environment = TemplateEnvironment  # before anything makes app.jinja_env
    app.config.from_object(config or Config())
    app.config.update(overrides or {})
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        Path(app.instance_path).mkdir(parents=True, exist_ok=True)
        app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{Path(app.instance_path) / 'data-day.sqlite'}"
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql"):
        # Report queries over big lines make PostgreSQL's planner guess high costs and compile them with JIT,
        # which costs ~0.4 s a query and saves nothing at this size: switch JIT off for the app's connections.
        options = app.config.setdefault("SQLALCHEMY_ENGINE_OPTIONS", {})
        options["connect_args"] = {"options": "-c jit=off", **options.get("connect_args", {})}
    check_config(app.config)
    app.config["YEAR_START"] = YearStart.parse(app.config["TRAINING_YEAR_START"])
    app.extensions["content_library"] = LibraryCache(Path(app.config["CONTENT_DIR"]), Path(app.config["EXERCISES_DIR"]))

    # rate_limit_storage registers database:// with `limits` as it is imported, before the limiter reads its URI.
    from webapp import cli
    from webapp.extensions import init_extensions
    from webapp.web import errors, rate_limit_storage, security, static_files, templating, whole_numbers  # noqa: F401

    whole_numbers.init_app(app)
    init_extensions(app, migrations=Path(__file__).resolve().parent.parent / "migrations")
    security.init_app(app)
    templating.init_app(app)
    register_blueprints(app)
    errors.init_app(app)
    cli.init_app(app)
    static_files.init_app(app)
    return app


def register_blueprints(app: "Flask") -> None:
    from webapp.admin import bp as admin_bp
    from webapp.auth import bp as auth_bp
    from webapp.authoring import bp as authoring_bp
    from webapp.exercises import bp as exercises_bp
    from webapp.health import bp as health_bp
    from webapp.learn import bp as learn_bp
    from webapp.placement import bp as placement_bp
    from webapp.record import bp as record_bp
    from webapp.reports import bp as reports_bp
    from webapp.sso import bp as sso_bp
    from webapp.team import bp as team_bp

    for blueprint in (
        auth_bp,
        sso_bp,
        learn_bp,
        placement_bp,
        exercises_bp,
        record_bp,
        team_bp,
        reports_bp,
        admin_bp,
        authoring_bp,
        health_bp,
    ):
        app.register_blueprint(blueprint)
