"""`flask content check`, `sync` and `new`: problems named with file and line, all or nothing, archived rather
than deleted, and new courses, lessons and exercises that pass the check as made."""

import pytest
from sqlalchemy import func, select

from tests.helpers.accounts import make_user
from tests.helpers.paths import copy_fixture_content
from tests.helpers.rows import course_item, make_completion
from webapp.extensions import db
from webapp.models import Completion, CourseItem


@pytest.fixture
def flask_cli(app, settings, tmp_path):
    """Run commands in an app reading a copy of the fixture content in tmp_path, which a test may change first
    (the app has its own app context, not the fixture's)."""
    from webapp import create_app
    from webapp.config import TestConfig

    other = create_app(TestConfig(), {**settings, **copy_fixture_content(tmp_path)})

    def run(*args: str):
        with other.app_context():
            result = other.test_cli_runner().invoke(args=list(args))
            db.session.remove()
        return result

    yield run
    with other.app_context():
        db.engine.dispose()


def test_content_check_passes_on_good_content(runner):
    result = runner.invoke(args=["content", "check"])
    assert result.exit_code == 0 and "Content OK: 1 courses, 3 lessons, 1 exercises" in result.output


def test_content_check_reports_a_broken_lesson_with_file_and_line_and_fails(flask_cli, tmp_path):
    lesson = tmp_path / "courses" / "spreadsheet-basics" / "02-types-of-value.md"
    lesson.write_text(lesson.read_text().replace("minutes: 20", "minutes: 900"))
    result = flask_cli("content", "check")
    assert result.exit_code == 1
    assert (
        "courses/spreadsheet-basics/02-types-of-value.md:3: minutes must be a whole number from 1 to 480"
        in result.output
    )


def test_content_sync_loads_nothing_when_the_check_fails(flask_cli, tmp_path):
    before = db.session.scalar(select(func.count()).select_from(CourseItem))
    course = tmp_path / "courses" / "spreadsheet-basics"
    (course / "04-new-lesson.md").write_text("---\ntitle: New\nminutes: 10\nobjectives: [Do]\n---\n")
    (course / "05-broken.md").write_text("---\nminutes: 10\n---\n")
    result = flask_cli("content", "sync")
    assert result.exit_code == 1 and "Nothing was loaded" in result.output
    assert "05-broken.md:1: title is missing" in result.output
    db.session.expire_all()
    assert db.session.scalar(select(func.count()).select_from(CourseItem)) == before


def test_removing_a_lesson_archives_it_and_keeps_the_completions(flask_cli, tmp_path, runner):
    item = course_item("checking-totals")
    make_completion(make_user(), item)
    course = tmp_path / "courses" / "spreadsheet-basics"
    (course / "03-checking-totals.md").unlink()
    text = (course / "01-rows-and-columns.md").read_text()
    (course / "01-rows-and-columns.md").write_text(text.replace("minutes: 15", "minutes: 12"))
    result = flask_cli("content", "sync")
    assert result.exit_code == 0, result.output
    # Updated: the changed minutes, and the exercise that moved up a place.
    assert "0 added, 2 updated, 1 archived" in result.output
    db.session.expire_all()
    archived = db.session.get(CourseItem, item.id)
    assert archived.archived_at is not None
    assert db.session.scalar(select(Completion.minutes).where(Completion.item_id == item.id)) == 25

    # Putting the file back brings the same row back: the completion still points at it.
    again = runner.invoke(args=["content", "sync"])
    assert again.exit_code == 0 and "0 added, 3 updated, 0 archived" in again.output
    db.session.expire_all()
    assert db.session.get(CourseItem, item.id).archived_at is None


def test_content_sync_twice_changes_nothing(runner):
    result = runner.invoke(args=["content", "sync"])
    assert result.exit_code == 0 and "0 added, 0 updated, 0 archived" in result.output


def test_new_course_lesson_and_exercise_pass_the_check_straight_away(flask_cli, tmp_path):
    course = flask_cli("content", "new", "course", "open-data", "--title", "Open data", "--level", "2")
    assert course.exit_code == 0, course.output
    assert "Created courses/open-data/course.md" in course.output
    lesson = flask_cli("content", "new", "lesson", "open-data", "--title", "Finding data", "--minutes", "15")
    assert "Created courses/open-data/02-finding-data.md" in lesson.output
    assert (tmp_path / "courses" / "open-data" / "02-finding-data.md").is_file()
    exercise = flask_cli("content", "new", "exercise", "find-a-dataset", "--course", "open-data", "--title", "Find it")
    assert exercise.exit_code == 0, exercise.output
    assert "Created exercises/find-a-dataset/data/find-a-dataset.csv" in exercise.output

    check = flask_cli("content", "check")
    assert check.exit_code == 0, check.output
    assert "Content OK: 2 courses, 5 lessons, 2 exercises" in check.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["lesson", "no-such-course", "--title", "A"], "there is no course 'no-such-course'"),
        (["exercise", "Big_Slug", "--course", "spreadsheet-basics", "--title", "A"], "'Big_Slug' is not a valid slug"),
        (["course", "spreadsheet-basics", "--title", "Again"], "already exists"),
        (["course", "new-one", "--title", "A", "--level", "4"], "Invalid value for '--level'"),
    ],
)
def test_mistakes_are_refused_with_what_is_wrong(flask_cli, args, message):
    result = flask_cli("content", "new", *args)
    assert result.exit_code != 0
    assert message in result.output
