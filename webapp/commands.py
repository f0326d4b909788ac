"""Command-line tools: `flask users`, `flask people`, `flask content`, `flask demo`, `flask lite`."""

import sys
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from webapp.content.problems import ContentError
from webapp.context import content_library
from webapp.extensions import db

users = AppGroup("users", help="Manage accounts.")
people = AppGroup("people", help="The organisation: people, departments, grades and line managers.")
content = AppGroup("content", help="Check and load course content.")
demo = AppGroup("demo", help="Demo data for trying Data Day.")
lite = AppGroup("lite", help="The JupyterLite site that exercises run in.")


def init_app(app: Flask) -> None:
    for group in (users, people, content, demo, lite):
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


@people.command("import")
@click.argument("csv_file", type=click.File("rb"))
@click.option("--partial", is_flag=True, help="Only add and change the people in the file; deactivate no one.")
def import_people_command(csv_file, partial: bool) -> None:
    """Import people from an HR export (CSV, UTF-8). Checks every row first; applies all of it or nothing."""
    from webapp.models.people_import import import_people

    result = import_people(db.session, csv_file.read(), full=not partial, report=_print_progress)
    if not result.ok:
        db.session.rollback()
        for problem in result.problems:
            click.echo(f"{csv_file.name}: {problem}", err=True)
        click.echo(f"Nothing was imported: {len(result.problems)} problem(s) to fix first.", err=True)
        sys.exit(1)
    db.session.commit()
    click.echo(f"Imported: {result.summary()}")


@people.command("reporting")
@click.argument("email")
@click.option("--department", help="The department whose figures they may see.")
@click.option("--remove", is_flag=True, help="Take the reporting role away.")
def reporting_command(email: str, department: str | None, remove: bool) -> None:
    """Give someone the reporting role for a department (or take it away)."""
    from sqlalchemy import select

    from webapp.models.people import Department, find_user_by_email

    person = find_user_by_email(db.session, email)
    if person is None:
        raise click.ClickException(f"no one has the email address {email}")
    if remove:
        person.reports_on_department_id = None
    else:
        found = db.session.scalar(select(Department).where(Department.name == department)) if department else None
        if found is None:
            raise click.ClickException(f"no department is called {department!r}: import the HR file first")
        person.reports_on_department_id = found.id
    db.session.commit()
    click.echo(f"{person.email} {'no longer reports' if remove else 'reports'} on {department or 'any department'}")


def _print_progress(stage: str, done: int, total: int) -> None:
    percent = done * 100 // total if total else 100
    click.echo(f"\r{stage}: {done:,} of {total:,} ({percent}%)   ", nl=done >= total, err=True)


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


@content.group("new")
def new_group() -> None:
    """Start a course, lesson or exercise from a template that passes `flask content check`."""


@new_group.command("course")
@click.argument("slug")
@click.option("--title", required=True, help="The course's title, as learners will see it.")
@click.option("--level", type=click.IntRange(1, 3), default=1, show_default=True, help="1 everyone, 3 analysts.")
def new_course_command(slug: str, title: str, level: int) -> None:
    """A course folder SLUG with course.md and a first lesson."""
    from webapp.content.scaffold import new_course

    _scaffold(new_course, _content_dir("CONTENT_DIR"), slug, title, level)


@new_group.command("lesson")
@click.argument("course")
@click.option("--title", required=True, help="The lesson's title; its slug is made from it.")
@click.option("--minutes", type=int, default=10, show_default=True, help="What a reader honestly needs.")
@click.option("--slug", help="The lesson's address, if not the one made from the title.")
def new_lesson_command(course: str, title: str, minutes: int, slug: str | None) -> None:
    """The next lesson at the end of COURSE."""
    from webapp.content.scaffold import new_lesson

    _scaffold(new_lesson, _content_dir("CONTENT_DIR"), _content_dir("EXERCISES_DIR"), course, title, minutes, slug)


@new_group.command("exercise")
@click.argument("slug")
@click.option("--course", required=True, help="The course it belongs to; it goes at the end of it.")
@click.option("--title", required=True, help="The exercise's title, as learners will see it.")
@click.option("--minutes", type=int, default=20, show_default=True, help="What a learner honestly needs.")
def new_exercise_command(slug: str, course: str, title: str, minutes: int) -> None:
    """An exercise folder SLUG: instructions with an example question, notebook, model solution and data."""
    from webapp.content.scaffold import new_exercise

    _scaffold(new_exercise, _content_dir("CONTENT_DIR"), _content_dir("EXERCISES_DIR"), slug, course, title, minutes)


def _content_dir(setting: str) -> Path:
    return Path(current_app.config[setting])


def _scaffold(make, *args) -> None:
    from webapp.content.library import relative_to
    from webapp.content.scaffold import ScaffoldError

    try:
        made = make(*args)
    except ScaffoldError as error:
        raise click.ClickException(str(error)) from error
    relative = relative_to(_content_dir("CONTENT_DIR"))
    for path in made:
        click.echo(f"Created {relative(path)}")
    click.echo("Write the content, then run: flask content check")


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


@demo.command("generate")
@click.option("--people", "count", type=click.IntRange(1, 2_000_000), default=2_000, show_default=True)
@click.option("--seed", type=int, default=1, show_default=True, help="The same seed gives the same organisation.")
def generate_command(count: int, seed: int) -> None:
    """Add a synthetic civil service (departments, lines 8-10 deep, a year's training) for trying reports at scale."""
    from webapp.context import current_training_year
    from webapp.models.clock import uk_today
    from webapp.models.synthetic_load import generate_organisation

    if current_app.config["PRODUCTION"]:
        raise click.ClickException("synthetic people are for trying Data Day, not for production")
    made = generate_organisation(db.session, count, seed, current_training_year(), uk_today(), _print_progress)
    db.session.commit()
    click.echo(err=True)
    click.echo(
        f"People: {made.people.summary()}. Completions: {made.completions:,}. Outside learning: {made.outside:,}."
    )


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
