"""Every problem `flask content check` reports names its file and line."""

from pathlib import Path

import pytest

from tests.helpers.paths import PROJECT_ROOT
from webapp.content.library import load_library

COURSE = "---\ntitle: Course\nsummary: What you get.\nlevel: 1\norder: 1\n---\nIntro.\n"
LESSON = "---\ntitle: {title}\nminutes: {minutes}\nobjectives:\n  - Do a thing\n---\n## Part\n\nText.\n"


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / "courses" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "courses"


def lesson(title: str = "A lesson", minutes: object = 10) -> str:
    return LESSON.format(title=title, minutes=minutes)


def problems(tmp_path: Path, files: dict[str, str]) -> list[str]:
    return [str(problem) for problem in load_library(write(tmp_path, files)).problems]


def test_valid_content_loads_in_order_with_no_problems(tmp_path):
    library = load_library(
        write(tmp_path, {"c/course.md": COURSE, "c/02-second.md": lesson("Second"), "c/01-first.md": lesson("First")})
    )
    assert library.problems == []
    assert [lesson.slug for lesson in library.course("c").lessons] == ["first", "second"]
    assert library.course("c").minutes == 20


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("title: x\n", "courses/c/01-a.md:1: front matter missing"),
        ("---\ntitle: x\n", "courses/c/01-a.md:1: front matter is not closed"),
        ("---\ntitle: x\nminutes: [1\n---\n", "courses/c/01-a.md:3: front matter is not valid YAML"),
        ("---\n- a list\n---\n", "courses/c/01-a.md:2: front matter must be a list of 'field: value' lines"),
        ("---\nminutes: 5\nobjectives: [Do]\n---\n", "courses/c/01-a.md:1: title is missing"),
        ("---\ntitle: '  '\nminutes: 5\nobjectives: [Do]\n---\n", "courses/c/01-a.md:2: title is missing"),
        ("---\ntitle: T\nobjectives: [Do]\n---\n", "courses/c/01-a.md:1: minutes is missing"),
        (
            "---\ntitle: T\nobjectives: [Do]\nminutes: 0\n---\n",
            "courses/c/01-a.md:4: minutes must be a whole number from 1 to 480",
        ),
        (
            "---\ntitle: T\nminutes: 481\nobjectives: [Do]\n---\n",
            "courses/c/01-a.md:3: minutes must be a whole number from 1 to 480",
        ),
        ("---\ntitle: T\nminutes: ten\nobjectives: [Do]\n---\n", "courses/c/01-a.md:3: minutes must be a whole number"),
        (
            "---\ntitle: T\nminutes: true\nobjectives: [Do]\n---\n",
            "courses/c/01-a.md:3: minutes must be a whole number",
        ),
        ("---\ntitle: T\nminutes: 5\n---\n", "courses/c/01-a.md:1: objectives are missing"),
        (
            "---\ntitle: T\nminutes: 5\nobjectives: [Do]\nminuts: 5\n---\n",
            "courses/c/01-a.md:5: unknown field 'minuts'",
        ),
    ],
)
def test_each_front_matter_problem_is_reported_at_its_line(tmp_path, text, expected):
    found = problems(tmp_path, {"c/course.md": COURSE, "c/01-a.md": text})
    assert any(problem.startswith(expected) for problem in found), found


def test_minutes_at_the_limits_are_accepted(tmp_path):
    assert (
        problems(tmp_path, {"c/course.md": COURSE, "c/01-a.md": lesson(minutes=1), "c/02-b.md": lesson(minutes=480)})
        == []
    )


def test_duplicate_lesson_slug_is_reported_with_both_files(tmp_path):
    found = problems(tmp_path, {"c/course.md": COURSE, "c/01-intro.md": lesson(), "c/02-intro.md": lesson()})
    assert found == ["courses/c/02-intro.md:1: duplicate slug 'intro': courses/c/01-intro.md uses it too"]


def test_broken_internal_link_is_reported_at_its_line(tmp_path):
    body = lesson() + "\nSee [next](02-missing.md) and [web](https://www.gov.uk).\n"
    found = problems(tmp_path, {"c/course.md": COURSE, "c/01-a.md": body})
    assert found == ["courses/c/01-a.md:11: broken link to '02-missing.md': no such lesson or course"]


def test_links_to_other_courses_and_anchors_are_checked_too(tmp_path):
    body = lesson() + "\n[ok](../d/01-b.md#part) [bad](../e/01-b.md) [course](../d/course.md)\n"
    found = problems(tmp_path, {"c/course.md": COURSE, "c/01-a.md": body, "d/course.md": COURSE, "d/01-b.md": lesson()})
    assert found == ["courses/c/01-a.md:11: broken link to '../e/01-b.md': no such lesson or course"]


def test_links_inside_fenced_code_are_not_checked(tmp_path):
    body = lesson() + "\n```\n[not a link](nowhere.md)\n```\n"
    assert problems(tmp_path, {"c/course.md": COURSE, "c/01-a.md": body}) == []


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"c/01-a.md": "x"}, "courses/c/course.md:1: file is missing"),
        ({"Bad_Name/course.md": COURSE}, "courses/Bad_Name:1: course folder name must be lowercase"),
        ({"c/course.md": COURSE, "c/intro.md": "x"}, "courses/c/intro.md:1: lesson file name must look like"),
        ({"c/course.md": COURSE}, "courses/c/course.md:1: course has no lessons"),
        (
            {"c/course.md": COURSE.replace("level: 1", "level: 4"), "c/01-a.md": lesson()},
            "courses/c/course.md:4: level must be 1, 2 or 3",
        ),
        (
            {"c/course.md": COURSE.replace("summary: What you get.\n", ""), "c/01-a.md": lesson()},
            "courses/c/course.md:1: summary is missing",
        ),
    ],
)
def test_course_level_problems_name_the_file(tmp_path, files, expected):
    found = problems(tmp_path, files)
    assert any(problem.startswith(expected) for problem in found), found


def test_a_file_that_is_not_utf8_is_a_problem_not_a_crash(tmp_path):
    root = write(tmp_path, {"c/course.md": COURSE})
    (root / "c" / "01-a.md").write_bytes(b"---\ntitle: caf\xe9\n---\n")
    assert [str(p) for p in load_library(root).problems][0].startswith("courses/c/01-a.md:1: file is not UTF-8")


def test_the_shipped_courses_and_exercises_have_no_problems():
    library = load_library(PROJECT_ROOT / "courses", PROJECT_ROOT / "exercises")
    assert [str(problem) for problem in library.problems] == []
    assert len(library.courses) >= 1 and all(len(course.lessons) >= 3 for course in library.courses)
