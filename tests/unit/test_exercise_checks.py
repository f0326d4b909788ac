"""Exercise problems are reported as path:line: message, like lessons'."""

from pathlib import Path

import pytest

from tests.helpers.paths import copy_fixture_content
from webapp.content.library import load_library


@pytest.fixture
def content(tmp_path):
    copy_fixture_content(tmp_path)
    return tmp_path


def problems(root: Path) -> list[str]:
    return [str(p) for p in load_library(root / "courses", root / "exercises").problems]


def edit(root: Path, old: str, new: str) -> None:
    path = root / "exercises" / "count-the-regions" / "exercise.md"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


EXERCISE = "exercises/count-the-regions/exercise.md"


def test_the_fixture_exercise_is_valid_and_sits_after_the_lessons(content):
    library = load_library(content / "courses", content / "exercises")
    assert library.problems == []
    assert [item.kind for item in library.course("spreadsheet-basics").items] == ["lesson"] * 3 + ["exercise"]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("course: spreadsheet-basics", "course: nowhere", f"{EXERCISE}:5: course 'nowhere' does not exist"),
        (
            "number: 4",
            "number: 2",
            f"{EXERCISE}:6: number 2 is taken by courses/spreadsheet-basics/02-types-of-value.md",
        ),
        ("number: 4", "number: 0", f"{EXERCISE}:6: number must be a whole number from 1 to 99"),
        ("level: 1", "level: 5", f"{EXERCISE}:4: level must be 1, 2 or 3"),
        (
            "answer: {type: number, expected: 4}",
            "answer: {type: number}",
            f"{EXERCISE}:17: question 1: a number answer needs",
        ),
        (
            "expected: 12.5, tolerance: 0.05",
            "expected: 12.5, tolerance: -1",
            f"{EXERCISE}:21: question 2: tolerance must be",
        ),
        (
            "answer: {type: text, expected: North East, accepted: [NE]}",
            "answer: {type: essay}",
            f"{EXERCISE}:24: question 3: answer must have a type",
        ),
        (
            "options: [region, cases], expected: cases",
            "options: [region, cases], expected: deaths",
            f"{EXERCISE}:27: question 4: expected must be one of the options",
        ),
        (
            "expected: [North East, London]",
            "expected: [North East, Scotland]",
            f"{EXERCISE}:30: question 5: expected must be a list",
        ),
        ("  - id: mean", "  - id: rows", f"{EXERCISE}:19: duplicate question id 'rows'"),
        ("    prompt: Which column holds numbers?\n", "", f"{EXERCISE}:25: question 4: prompt is missing"),
        ("  - file: regions.csv", "  - file: missing.csv", f"{EXERCISE}:11: data file 'missing.csv' is not in data/"),
        (
            "    licence: Open Government Licence v3.0\n",
            "",
            f"{EXERCISE}:11: data file 'regions.csv' needs a source and a licence",
        ),
        ("packages: [tabulate, pygal]", "packages: [pandas; rm]", f"{EXERCISE}:9: 'pandas; rm' is not a package name"),
        (
            "See [the first lesson](../../courses/spreadsheet-basics/01-rows-and-columns.md)",
            "See [x](../../courses/spreadsheet-basics/09-gone.md)",
            f"{EXERCISE}:32: broken link",
        ),
    ],
)
def test_each_exercise_problem_is_reported_at_its_line(content, old, new, expected):
    edit(content, old, new)
    found = problems(content)
    assert any(p.startswith(expected) for p in found), found


def test_an_unlisted_data_file_must_say_where_it_comes_from(content):
    (content / "exercises" / "count-the-regions" / "data" / "extra.csv").write_text("a\n1\n")
    assert f"{EXERCISE}:10: data file 'extra.csv' is not listed under data: say where it comes from" in problems(
        content
    )


def test_a_notebook_that_does_not_parse_or_is_missing_is_reported(content):
    folder = content / "exercises" / "count-the-regions"
    (folder / "solution.py").unlink()
    (folder / "notebook.py").write_text("")
    found = problems(content)
    assert "exercises/count-the-regions/solution.py:1: file is missing: every exercise needs solution.py" in found
    assert "exercises/count-the-regions/notebook.py:1: the notebook has no cells" in found


def test_a_lesson_can_link_to_an_exercise(content):
    lesson = content / "courses" / "spreadsheet-basics" / "03-checking-totals.md"
    lesson.write_text(lesson.read_text() + "\nTry [the exercise](../../exercises/count-the-regions/exercise.md).\n")
    assert problems(content) == []
    lesson.write_text(lesson.read_text() + "\nAnd [a missing one](../../exercises/nope/exercise.md).\n")
    assert any("broken link to '../../exercises/nope/exercise.md'" in p for p in problems(content))
