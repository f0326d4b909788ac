"""A lesson's marked questions are read with the exercises' reader and marked by the same checker: each kind, a
place after one of the lesson's sections, and every mistake reported at its file and line."""

from dataclasses import replace
from pathlib import Path

import pytest

from tests.helpers.paths import QUESTIONS_CONTENT
from webapp.content.answers import AnswerFormatError, check_answer
from webapp.content.frontmatter import parse_document
from webapp.content.library import load_library
from webapp.content.questions import read_questions
from webapp.content.sections import split_at_sections
from webapp.learn.questions import places

COURSE = "---\ntitle: Course\nsummary: What you get.\nlevel: 2\norder: 1\n---\nIntro.\n"
FRONT = "---\ntitle: A lesson\nminutes: 5\nobjectives:\n  - Do a thing\n"
BODY = "---\n## First part\n\nText.\n\n## Check your understanding\n\nAnswer below.\n"
FIXTURE = load_library(Path(QUESTIONS_CONTENT["CONTENT_DIR"]))
BAR_CHARTS = FIXTURE.course("reading-charts").item("bar-charts")


def library_problems(tmp_path: Path, questions: str) -> list[str]:
    folder = tmp_path / "courses" / "c"
    folder.mkdir(parents=True)
    (folder / "course.md").write_text(COURSE)
    (folder / "01-a-lesson.md").write_text(FRONT + questions + BODY)
    return [str(problem) for problem in load_library(tmp_path / "courses").problems]


def test_the_fixture_lesson_reads_every_kind_of_question_and_its_place():
    assert FIXTURE.problems == []
    assert [(q.id, q.kind, q.after) for q in BAR_CHARTS.questions] == [
        ("share", "number", "axes"),
        ("chart-kind", "text", ""),
        ("start-at-zero", "single", ""),
        ("misleading", "multiple", ""),
    ]


@pytest.mark.parametrize(
    ("question", "given", "right"),
    [
        ("share", "37.5", True),
        ("share", "37.54", True),  # within the tolerance of 0.05
        ("share", "37.6", False),
        ("share", " 37.5% ", True),
        ("chart-kind", "line chart", True),
        ("chart-kind", "  LINE   graph. ", True),  # an accepted spelling, whatever the case and spacing
        ("chart-kind", "Time series chart", True),
        ("chart-kind", "bar chart", False),
        ("start-at-zero", "1", True),
        ("start-at-zero", "0", False),
        ("misleading", ["2", "0"], True),
        ("misleading", ["0"], False),
        ("misleading", ["0", "1", "2"], False),
    ],
)
def test_lesson_questions_are_marked_by_the_one_checker(question, given, right):
    assert check_answer(BAR_CHARTS.question(question), given).correct is right


@pytest.mark.parametrize(("question", "given"), [("share", "lots"), ("start-at-zero", "7"), ("misleading", [])])
def test_answers_in_the_wrong_form_are_not_marked(question, given):
    with pytest.raises(AnswerFormatError):
        check_answer(BAR_CHARTS.question(question), given)


def test_a_lesson_needs_no_questions(tmp_path):
    assert library_problems(tmp_path, "") == []


def test_a_question_placed_after_a_section_the_lesson_lacks_is_reported_at_its_line(tmp_path):
    questions = (
        "questions:\n"
        "  - id: one\n    prompt: How many?\n    answer: {type: number, expected: 4}\n    after: first-part\n"
        "  - id: two\n    prompt: Which?\n    answer: {type: text, expected: x}\n    after: second-part\n"
    )
    assert library_problems(tmp_path, questions) == [
        "courses/c/01-a-lesson.md:14: question 2: after must be the id of a ## section in this lesson "
        "(first-part, check-your-understanding), not 'second-part'"
    ]


def test_lesson_questions_must_be_a_list(tmp_path):
    assert library_problems(tmp_path, "questions: ask me\n") == [
        "courses/c/01-a-lesson.md:6: questions must be a list, each with an id, a prompt and an answer"
    ]


def test_an_exercise_question_may_not_be_placed():
    doc = parse_document(
        "exercises/e/exercise.md",
        "---\nquestions:\n  - id: a\n    prompt: P?\n    answer: {type: number, expected: 1}\n    after: x\n---\n",
    )
    assert read_questions(doc) == []
    assert [str(p) for p in doc.problems] == [
        "exercises/e/exercise.md:6: question 1: after is only for lessons: an exercise's questions sit by its notebook"
    ]


def test_an_exercise_still_needs_questions():
    doc = parse_document("exercises/e/exercise.md", "---\ntitle: T\n---\n")
    read_questions(doc)
    assert [p.message for p in doc.problems] == [
        "questions are missing: list at least one question with a prompt and an answer"
    ]


def test_sections_are_cut_at_top_level_headings_only():
    html = '<p>Intro</p>\n<h2 id="a">A</h2>\n<div><h2 id="inner">In</h2><br></div>\n<h2 id="b">B</h2><p>x</p>'
    assert [anchor for anchor, _part in split_at_sections(html)] == ["", "a", "b"]
    assert "".join(part for _anchor, part in split_at_sections(html)) == html


def test_a_question_after_a_heading_inside_a_callout_goes_to_the_end():
    html = '<h2 id="a">A</h2><div><h2 id="inner">In</h2></div>'
    question = BAR_CHARTS.question("share")
    assert places([replace(question, after="inner"), replace(question, id="x", after="a")], html) == {
        "share": "",
        "x": "a",
    }
