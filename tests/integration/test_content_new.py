"""`flask content new ...`: what it makes passes `flask content check` at once; mistakes are named."""

import shutil

import pytest

from tests.conftest import FIXTURE_COURSES, FIXTURE_EXERCISES
from webapp.extensions import db


@pytest.fixture
def flask_cli(settings, tmp_path):
    """Run commands in an app reading a copy of the fixture content (its own app context)."""
    from webapp import create_app
    from webapp.config import TestConfig

    shutil.copytree(FIXTURE_COURSES, tmp_path / "courses")
    shutil.copytree(FIXTURE_EXERCISES, tmp_path / "exercises")
    content = {"CONTENT_DIR": str(tmp_path / "courses"), "EXERCISES_DIR": str(tmp_path / "exercises")}
    app = create_app(TestConfig(), {**settings, **content})

    def run(*args: str):
        with app.app_context():
            result = app.test_cli_runner().invoke(args=list(args))
            db.session.remove()
        return result

    yield run
    with app.app_context():
        db.engine.dispose()


def test_new_course_lesson_and_exercise_pass_the_check_straight_away(flask_cli):
    course = flask_cli("content", "new", "course", "open-data", "--title", "Open data", "--level", "2")
    assert course.exit_code == 0, course.output
    assert "Created courses/open-data/course.md" in course.output
    lesson = flask_cli("content", "new", "lesson", "open-data", "--title", "Finding data", "--minutes", "15")
    assert "Created courses/open-data/02-finding-data.md" in lesson.output
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
