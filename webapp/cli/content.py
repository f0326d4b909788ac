"""`flask content check`, `sync` and `new`: authors' tools for the Markdown in courses/ and exercises/."""

import sys
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from webapp.content.library import relative_to
from webapp.content.pathways import pathway_warnings
from webapp.content.problems import ContentError
from webapp.content.scaffold import ScaffoldError, new_course, new_exercise, new_lesson
from webapp.content.standards import reading_time_warnings, too_few_questions
from webapp.extensions import db
from webapp.queries.content_sync import sync_library
from webapp.web.content_pages import content_library

group = AppGroup("content", help="Check and load course content.")


@group.command("check")
def check_command() -> None:
    """Validate every course, lesson and exercise; print each problem as path:line: message, and each warning
    (a lesson's minutes far from the time it takes, a pathway far from 7 hours) as path:line: warning: message.
    Only problems fail."""
    library, config = content_library(), current_app.config
    problems = sorted(
        [*library.problems, *too_few_questions(library, config["ASSESSED_LEVELS"], config["MIN_QUESTIONS"])]
    )
    warnings = sorted([*reading_time_warnings(library), *pathway_warnings(library.pathways, library.minutes_of)])
    for problem in problems:
        click.echo(str(problem), err=True)
    for warning in warnings:
        click.echo(f"{warning.path}:{warning.line}: warning: {warning.message}", err=True)
    if warnings:
        click.echo(f"{len(warnings)} warning(s): check these minutes", err=True)
    lessons = sum(len(course.lessons) for course in library.courses)
    exercises = len(library.exercises)
    if problems:
        click.echo(f"{len(problems)} problem(s) in {config['CONTENT_DIR']}", err=True)
        sys.exit(1)
    click.echo(f"Content OK: {len(library.courses)} courses, {lessons} lessons, {exercises} exercises")


@group.command("sync")
def sync_command() -> None:
    """Load the content into the database, only if the check passes (all or nothing)."""
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


@group.group("new")
def new_group() -> None:
    """Start a course, lesson or exercise from a template that passes `flask content check`."""


@new_group.command("course")
@click.argument("slug")
@click.option("--title", required=True, help="The course's title, as learners will see it.")
@click.option("--level", type=click.IntRange(1, 3), default=1, show_default=True, help="1 everyone, 3 analysts.")
def new_course_command(slug: str, title: str, level: int) -> None:
    """A course folder SLUG with course.md and a first lesson."""
    _scaffold(new_course, _content_dir("CONTENT_DIR"), slug, title, level)


@new_group.command("lesson")
@click.argument("course")
@click.option("--title", required=True, help="The lesson's title; its slug is made from it.")
@click.option("--minutes", type=int, default=10, show_default=True, help="What a reader honestly needs.")
@click.option("--slug", help="The lesson's address, if not the one made from the title.")
def new_lesson_command(course: str, title: str, minutes: int, slug: str | None) -> None:
    """The next lesson at the end of COURSE."""
    _scaffold(new_lesson, _content_dir("CONTENT_DIR"), _content_dir("EXERCISES_DIR"), course, title, minutes, slug)


@new_group.command("exercise")
@click.argument("slug")
@click.option("--course", required=True, help="The course it belongs to; it goes at the end of it.")
@click.option("--title", required=True, help="The exercise's title, as learners will see it.")
@click.option("--minutes", type=int, default=20, show_default=True, help="What a learner honestly needs.")
def new_exercise_command(slug: str, course: str, title: str, minutes: int) -> None:
    """An exercise folder SLUG: instructions with an example question, notebook, model solution and data."""
    _scaffold(new_exercise, _content_dir("CONTENT_DIR"), _content_dir("EXERCISES_DIR"), slug, course, title, minutes)


def _content_dir(setting: str) -> Path:
    return Path(current_app.config[setting])


def _scaffold(make, *args) -> None:
    try:
        made = make(*args)
    except ScaffoldError as error:
        raise click.ClickException(str(error)) from error
    relative = relative_to(_content_dir("CONTENT_DIR"))
    for path in made:
        click.echo(f"Created {relative(path)}")
    click.echo("Write the content, then run: flask content check")
