"""New courses, lessons and exercises pass the content check as made, and never overwrite anything."""

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.paths import copy_fixture_content
from webapp.content.answers import check_answer
from webapp.content.library import load_library
from webapp.content.scaffold import ScaffoldError, new_course, new_exercise, new_lesson, slugify


@pytest.fixture
def roots(tmp_path) -> tuple[Path, Path]:
    copy_fixture_content(tmp_path)
    return tmp_path / "courses", tmp_path / "exercises"


def test_a_new_course_has_a_first_lesson_and_passes_the_check(roots):
    courses, exercises = roots
    made = new_course(courses, "open-data", "Open data: the basics", level=2)
    assert [p.name for p in made] == ["course.md", "01-introduction.md"]
    library = load_library(courses, exercises)
    assert library.problems == []
    course = library.course("open-data")
    assert (course.title, course.level, course.order) == ("Open data: the basics", 2, 1)


def test_a_new_lesson_goes_after_the_last_lesson_or_exercise_in_the_course(roots):
    courses, exercises = roots
    # The fixture course has lessons 1 to 3 and an exercise at number 4.
    [path] = new_lesson(courses, exercises, "spreadsheet-basics", "What's a pivot table?", minutes=25)
    assert path.name == "05-whats-a-pivot-table.md"
    library = load_library(courses, exercises)
    assert library.problems == []
    lesson = library.course("spreadsheet-basics").items[-1]
    assert (lesson.slug, lesson.title, lesson.minutes) == ("whats-a-pivot-table", "What's a pivot table?", 25)


def test_a_new_exercise_passes_the_check_and_its_solution_and_data_agree(roots):
    courses, exercises = roots
    made = new_exercise(courses, exercises, "count-cases", "spreadsheet-basics", "Count the cases", minutes=15)
    folder = exercises / "count-cases"
    expected = {"exercise.md", "notebook.py", "solution.py", "make_data.py", "count-cases.csv"}
    assert {p.name for p in made} == expected
    library = load_library(courses, exercises)
    assert library.problems == []
    exercise = library.exercise("count-cases")
    assert (exercise.number, exercise.minutes, exercise.course_slug) == (5, 15, "spreadsheet-basics")
    assert library.course("spreadsheet-basics").items[-1] is exercise

    spec = importlib.util.spec_from_file_location("scaffolded_solution", folder / "solution.py")
    solution = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(solution)
    answers = solution.answers(folder / "data")
    assert [check_answer(q, str(answers[q.id])).correct for q in exercise.questions] == [True]

    original = (folder / "data" / "count-cases.csv").read_bytes()
    (folder / "data" / "count-cases.csv").unlink()
    subprocess.run([sys.executable, "make_data.py"], cwd=folder, check=True, capture_output=True)
    assert (folder / "data" / "count-cases.csv").read_bytes() == original


def test_titles_that_yaml_would_misread_are_quoted(roots):
    courses, exercises = roots
    [path] = new_lesson(courses, exercises, "spreadsheet-basics", "Totals: #1 rule", slug="totals")
    assert 'title: "Totals: #1 rule"' in path.read_text()
    assert load_library(courses, exercises).course("spreadsheet-basics").item("totals").title == "Totals: #1 rule"


@pytest.mark.parametrize("slug", ["Open_Data", "open data", "-open", "open--data", ""])
def test_bad_slugs_are_refused_with_the_rule(roots, slug):
    with pytest.raises(ScaffoldError, match="lowercase letters, numbers and single hyphens"):
        new_course(roots[0], slug, "Open data")


def test_an_unknown_course_is_named_with_the_courses_there_are(roots):
    courses, exercises = roots
    with pytest.raises(ScaffoldError, match="no course 'nowhere'.*spreadsheet-basics"):
        new_lesson(courses, exercises, "nowhere", "A lesson")
    with pytest.raises(ScaffoldError, match="no course 'nowhere'"):
        new_exercise(courses, exercises, "new-one", "nowhere", "An exercise")
    assert not (exercises / "new-one").exists()


def test_nothing_is_overwritten(roots):
    courses, exercises = roots
    before = (courses / "spreadsheet-basics" / "course.md").read_text()
    with pytest.raises(ScaffoldError, match="already exists"):
        new_course(courses, "spreadsheet-basics", "Again")
    with pytest.raises(ScaffoldError, match="already exists"):
        new_exercise(courses, exercises, "count-the-regions", "spreadsheet-basics", "Again")
    with pytest.raises(ScaffoldError, match="already has a lesson or exercise called 'types-of-value'"):
        new_lesson(courses, exercises, "spreadsheet-basics", "Types of value")
    with pytest.raises(ScaffoldError, match="already has a lesson called 'checking-totals'"):
        new_exercise(courses, exercises, "checking-totals", "spreadsheet-basics", "Clash")
    assert (courses / "spreadsheet-basics" / "course.md").read_text() == before
    assert load_library(courses, exercises).problems == []


@pytest.mark.parametrize(("title", "minutes", "message"), [("  ", 10, "title is empty"), ("Fine", 0, "minutes")])
def test_empty_titles_and_impossible_minutes_are_refused(roots, title, minutes, message):
    with pytest.raises(ScaffoldError, match=message):
        new_lesson(*roots, "spreadsheet-basics", title, minutes=minutes, slug="fine")


def test_slugs_are_made_from_titles_in_plain_words():
    assert slugify("What’s in a table? (Part 2)") == "whats-in-a-table-part-2"
