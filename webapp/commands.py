"""Command-line tools: `flask users`, `flask content`, `flask demo`."""

import sys
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from webapp.content.problems import ContentError
from webapp.context import content_library
from webapp.extensions import db

users = AppGroup("users", help="Manage accounts.")
content = AppGroup("content", help="Check and load course content.")
demo = AppGroup("demo", help="Demo data for trying Data Day.")
lite = AppGroup("lite", help="The JupyterLite site that exercises run in.")


def init_app(app: Flask) -> None:
    for group in (users, content, demo, lite):
        app.cli.add_command(group)


@users.command("create")
@click.argument("email")
@click.option("--name", required=True, help="The person's full name.")
@click.option("--admin", is_flag=True, help="Can manage the service.")
@click.option("--author", is_flag=True, help="Can see content checks and author tools.")
def create_user_command(email: str, name: str, admin: bool, author: bool) -> None:
    """Create an account; the password is read from standard input (one line)."""
    from webapp.auth.forms import MIN_PASSWORD
    from webapp.models.people import AccountExists, create_user

    password = _read_password()
    if len(password) < MIN_PASSWORD:
        raise click.ClickException(f"password must be at least {MIN_PASSWORD} characters")
    try:
        user = create_user(db.session, email, name, password, is_admin=admin, is_author=author)
    except AccountExists as error:
        raise click.ClickException(str(error)) from error
    db.session.commit()
    roles = ", ".join(role for role, on in (("admin", admin), ("author", author)) if on) or "learner"
    click.echo(f"Created {user.email} ({roles})")


def _read_password() -> str:
    if sys.stdin.isatty():
        return click.prompt("Password", hide_input=True, confirmation_prompt=True)
    return sys.stdin.readline().rstrip("\r\n")


@content.command("check")
def check_command() -> None:
    """Validate every course, lesson and exercise; print each problem as path:line: message."""
    library = content_library()
    for problem in library.problems:
        click.echo(str(problem), err=True)
    lessons = sum(len(course.lessons) for course in library.courses)
    exercises = len(library.exercises)
    if library.problems:
        click.echo(f"{len(library.problems)} problem(s) in {current_app.config['CONTENT_DIR']}", err=True)
        sys.exit(1)
    click.echo(f"Content OK: {len(library.courses)} courses, {lessons} lessons, {exercises} exercises")


@content.command("sync")
def sync_command() -> None:
    """Load the content into the database, only if the check passes (all or nothing)."""
    from webapp.models.content_sync import sync_library

    try:
        report = sync_library(db.session, content_library())
    except ContentError as error:
        db.session.rollback()
        for problem in error.problems:
            click.echo(str(problem), err=True)
        click.echo("Nothing was loaded: fix the problems above, then run again.", err=True)
        sys.exit(1)
    db.session.commit()
    click.echo(f"Synced: {len(report.added)} added, {len(report.updated)} updated, {len(report.archived)} archived")


@demo.command("seed")
def seed_command() -> None:
    """Add a small demo organisation (safe to run again); refuses to run in production."""
    from webapp.demo import DEMO_PASSWORD, seed_demo

    if current_app.config["PRODUCTION"]:
        raise click.ClickException("demo data is for trying Data Day, not for production")
    people = seed_demo(db.session, current_app.config["YEAR_START"])
    db.session.commit()
    click.echo(f"Demo accounts (password for all: {DEMO_PASSWORD}):")
    for person, role in people:
        click.echo(f"  {person.email:<40} {role}")


@lite.command("build")
@click.option(
    "--pyodide-dist",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="A full Pyodide distribution folder to use instead of the npm core (e.g. one with pandas).",
)
@click.option("--force", is_flag=True, help="Rebuild even if nothing changed.")
def lite_build_command(pyodide_dist: Path | None, force: bool) -> None:
    """Build the notebook site with every exercise's notebook and data; no request will leave Data Day."""
    from webapp.lite.build import ExerciseSource, LiteBuildError, build_site

    library = content_library()
    if library.problems:
        for problem in library.problems:
            click.echo(str(problem), err=True)
        raise click.ClickException("fix the content problems above first (flask content check)")
    sources = [ExerciseSource.from_exercise(exercise) for exercise in library.exercises]
    dist = pyodide_dist or current_app.config["PYODIDE_DIST"]
    try:
        result = build_site(
            sources,
            Path(current_app.config["LITE_DIR"]),
            cache_dir=Path(current_app.config["LITE_CACHE_DIR"]),
            pyodide_dist=Path(dist) if dist else None,
            force=force,
        )
    except LiteBuildError as error:
        raise click.ClickException(str(error)) from error
    click.echo(result.summary())
