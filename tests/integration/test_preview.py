"""Live preview: edits show on reload; a page whose files have problems shows them to authors, and learners
see its last version without problems or a plain 'not available' page. Never a crash."""

import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURE_COURSES, FIXTURE_EXERCISES
from tests.helpers import make_user, post_form, sign_in

LESSON = "/courses/spreadsheet-basics/types-of-value"
EXERCISE = "/exercises/count-the-regions"


@pytest.fixture
def content(settings, tmp_path) -> Path:
    """A copy of the fixture content the app reads (set before the app is made)."""
    shutil.copytree(FIXTURE_COURSES, tmp_path / "courses")
    shutil.copytree(FIXTURE_EXERCISES, tmp_path / "exercises")
    settings.update(CONTENT_DIR=str(tmp_path / "courses"), EXERCISES_DIR=str(tmp_path / "exercises"))
    return tmp_path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def lesson_file(content: Path) -> Path:
    return content / "courses" / "spreadsheet-basics" / "02-types-of-value.md"


def break_front_matter(content: Path) -> None:
    edit(lesson_file(content), "minutes: 20", "minutes: [20")


@pytest.fixture
def broken_lesson(content) -> Path:
    """The lesson is broken before the app first reads the content, so there is no good version of it."""
    break_front_matter(content)
    return content


def page(client, path: str) -> tuple[int, str]:
    response = client.get(path)
    return response.status_code, response.get_data(as_text=True)


def test_an_edit_shows_on_the_next_reload(content, client):
    sign_in(client, make_user(author=True))
    assert "a code that looks like a number" in page(client, LESSON)[1]
    edit(lesson_file(content), "a code that looks like a number", "an identifier that looks numeric")
    assert "an identifier that looks numeric" in page(client, LESSON)[1]


def test_authors_see_a_front_matter_error_on_the_lesson_page(content, client):
    sign_in(client, make_user(author=True))
    break_front_matter(content)
    status, html = page(client, LESSON)
    assert status == 200
    assert "govuk-error-summary" in html and "1 problem in this page’s files" in html
    assert "courses/spreadsheet-basics/02-types-of-value.md:4: front matter is not valid YAML" in html
    assert "a code that looks like a number" in html  # the body as it is now, to preview


def test_learners_see_the_last_good_version_while_a_lesson_is_broken(content, client):
    learner = make_user()
    sign_in(client, learner)
    assert "a code that looks like a number" in page(client, LESSON)[1]
    break_front_matter(content)
    edit(lesson_file(content), "a code that looks like a number", "HALF-WRITTEN")
    status, html = page(client, LESSON)
    assert status == 200
    assert "Types of value" in html and "a code that looks like a number" in html
    assert "HALF-WRITTEN" not in html and "problem" not in html


def test_learners_get_a_plain_page_when_there_is_no_good_version(broken_lesson, client):
    sign_in(client, make_user())
    status, html = page(client, LESSON)
    assert status == 503
    assert "This page is not available at the moment" in html
    assert "front matter" not in html and "02-types-of-value.md" not in html


def break_course(content: Path) -> None:
    edit(content / "courses" / "spreadsheet-basics" / "course.md", "title: Spreadsheet basics", "title: [Half")


def test_authors_see_a_broken_course_file_on_the_course_page(content, client):
    sign_in(client, make_user(admin=True))
    break_course(content)
    status, html = page(client, "/courses/spreadsheet-basics")
    assert status == 200 and "courses/spreadsheet-basics/course.md:" in html and "not valid YAML" in html


def test_learners_see_the_last_good_course_page(content, client):
    # One signed-in person per test: Flask-Login keeps the user on `g`, which the test's app context shares.
    sign_in(client, make_user())
    break_course(content)
    status, html = page(client, "/courses/spreadsheet-basics")
    assert status == 200 and '<h1 class="govuk-heading-xl">Spreadsheet basics<' in html
    assert "not valid YAML" not in html


def test_a_broken_exercise_shows_its_problems_and_marks_nothing(content, client):
    exercise_md = content / "exercises" / "count-the-regions" / "exercise.md"
    edit(exercise_md, "answer: {type: number, expected: 4}", "answer: {type: number}")
    sign_in(client, make_user(author=True))
    status, html = page(client, EXERCISE)
    assert status == 200
    assert "exercises/count-the-regions/exercise.md:17: question 1: a number answer needs" in html
    response = post_form(client, f"{EXERCISE}/answers", {"answer-mean": "12.5"}, token_from=EXERCISE)
    assert response.status_code == 200 and "is not right yet" not in response.get_data(as_text=True)


def test_an_exercise_that_cannot_be_placed_in_a_course_explains_itself_to_authors(content, client):
    edit(content / "exercises" / "count-the-regions" / "exercise.md", "number: 4", "number: 2")
    sign_in(client, make_user(author=True))
    status, html = page(client, EXERCISE)
    assert status == 503
    assert "exercises/count-the-regions/exercise.md:6: number 2 is taken by" in html


@pytest.fixture
def broken_exercise(content) -> Path:
    edit(content / "exercises" / "count-the-regions" / "exercise.md", "level: 1", "level: 9")
    return content


def test_learners_get_no_downloads_from_an_exercise_with_no_good_version(broken_exercise, client):
    sign_in(client, make_user())
    assert page(client, EXERCISE)[0] == 503
    assert client.get(f"{EXERCISE}/download/regions.csv").status_code == 503


@pytest.fixture
def broken_course(content) -> Path:
    break_course(content)
    return content


def test_the_catalogue_leaves_out_a_course_with_no_good_version_for_learners(broken_course, client):
    sign_in(client, make_user())
    html = page(client, "/courses")[1]
    assert "spreadsheet-basics" not in html and "Spreadsheet basics" not in html


def test_the_catalogue_shows_authors_every_course(broken_course, client):
    sign_in(client, make_user(author=True))
    assert 'href="/courses/spreadsheet-basics"' in page(client, "/courses")[1]
