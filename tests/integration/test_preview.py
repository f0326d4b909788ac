"""Live preview: edits show on reload; a page whose files have problems shows them to authors, and learners
see its last version without problems or a plain 'not available' page. Never a crash."""

from pathlib import Path

import pytest

from tests.helpers.accounts import make_user, post_form, sign_in
from tests.helpers.html import get_page, parse
from tests.helpers.paths import copy_fixture_content

LESSON = "/courses/spreadsheet-basics/types-of-value"
EXERCISE = "/exercises/count-the-regions"
NOT_AVAILABLE = "This page is not available at the moment"


@pytest.fixture
def content(settings, tmp_path) -> Path:
    """A copy of the fixture content the app reads (set before the app is made)."""
    settings.update(copy_fixture_content(tmp_path))
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


def lesson_body(client) -> str:
    return get_page(client, LESSON).text_of(".app-lesson")


def test_an_edit_shows_on_the_next_reload(content, client):
    sign_in(client, make_user(author=True))
    assert "a code that looks like a number" in lesson_body(client)
    edit(lesson_file(content), "a code that looks like a number", "an identifier that looks numeric")
    assert "an identifier that looks numeric" in lesson_body(client)


def test_authors_see_a_front_matter_error_on_the_lesson_page(content, client):
    sign_in(client, make_user(author=True))
    break_front_matter(content)
    page = get_page(client, LESSON)
    assert page.text_of(".govuk-error-summary__title") == "1 problem in this page’s files"
    [(problem, _)] = page.error_summary()
    assert problem.startswith("courses/spreadsheet-basics/02-types-of-value.md:4: front matter is not valid YAML")
    assert "a code that looks like a number" in page.text_of(".app-lesson")  # the body as it is now, to preview


def test_learners_see_the_last_good_version_while_a_lesson_is_broken(content, client):
    learner = make_user()
    sign_in(client, learner)
    assert "a code that looks like a number" in lesson_body(client)
    break_front_matter(content)
    edit(lesson_file(content), "a code that looks like a number", "HALF-WRITTEN")
    page = get_page(client, LESSON)
    assert page.heading() == "Types of value"
    assert "a code that looks like a number" in page.text_of(".app-lesson")
    assert page.error_summary() == [] and not page.has(".govuk-error-summary")
    assert "HALF-WRITTEN" not in page.html and "problem" not in page.html


def test_learners_get_a_plain_page_when_there_is_no_good_version(broken_lesson, client):
    sign_in(client, make_user())
    page = get_page(client, LESSON, status=503)
    assert page.heading() == NOT_AVAILABLE
    assert "front matter" not in page.html and "02-types-of-value.md" not in page.html


def break_course(content: Path) -> None:
    edit(content / "courses" / "spreadsheet-basics" / "course.md", "title: Spreadsheet basics", "title: [Half")


def test_authors_see_a_broken_course_file_on_the_course_page(content, client):
    sign_in(client, make_user(admin=True))
    break_course(content)
    [(problem, _)] = get_page(client, "/courses/spreadsheet-basics").error_summary()
    assert problem.startswith("courses/spreadsheet-basics/course.md:") and "not valid YAML" in problem


def test_learners_see_the_last_good_course_page(content, client):
    # One signed-in person per test: Flask-Login keeps the user on `g`, which the test's app context shares.
    sign_in(client, make_user())
    break_course(content)
    page = get_page(client, "/courses/spreadsheet-basics")
    assert page.heading() == "Spreadsheet basics"
    assert "not valid YAML" not in page.html


def test_a_broken_exercise_shows_its_problems_and_marks_nothing(content, client):
    exercise_md = content / "exercises" / "count-the-regions" / "exercise.md"
    edit(exercise_md, "answer: {type: number, expected: 4}", "answer: {type: number}")
    sign_in(client, make_user(author=True))
    [(problem, _)] = get_page(client, EXERCISE).error_summary()
    assert problem.startswith("exercises/count-the-regions/exercise.md:17: question 1: a number answer needs")
    response = post_form(client, f"{EXERCISE}/answers", {"answer-mean": "12.5"}, token_from=EXERCISE)
    assert response.status_code == 200
    marked = parse(response)
    assert marked.texts(".govuk-error-message") == []  # no answer is marked, right or wrong
    assert "Your answer is right." not in marked.texts(".govuk-hint")


def test_an_exercise_that_cannot_be_placed_in_a_course_explains_itself_to_authors(content, client):
    edit(content / "exercises" / "count-the-regions" / "exercise.md", "number: 4", "number: 2")
    sign_in(client, make_user(author=True))
    page = get_page(client, EXERCISE, status=503)
    assert page.heading() == NOT_AVAILABLE
    [(problem, _)] = page.error_summary()
    assert problem.startswith("exercises/count-the-regions/exercise.md:6: number 2 is taken by")


@pytest.fixture
def broken_exercise(content) -> Path:
    edit(content / "exercises" / "count-the-regions" / "exercise.md", "level: 1", "level: 9")
    return content


def test_learners_get_no_downloads_from_an_exercise_with_no_good_version(broken_exercise, client):
    sign_in(client, make_user())
    assert get_page(client, EXERCISE, status=503).heading() == NOT_AVAILABLE
    assert client.get(f"{EXERCISE}/download/regions.csv").status_code == 503


@pytest.fixture
def broken_course(content) -> Path:
    break_course(content)
    return content


def test_the_catalogue_leaves_out_a_course_with_no_good_version_for_learners(broken_course, client):
    sign_in(client, make_user())
    page = get_page(client, "/courses")
    assert page.links(".app-card") == []
    assert "spreadsheet-basics" not in page.html and "Spreadsheet basics" not in page.html


def test_the_catalogue_shows_authors_every_course(broken_course, client):
    sign_in(client, make_user(author=True))
    assert "/courses/spreadsheet-basics" in [link.href for link in get_page(client, "/courses").links()]
