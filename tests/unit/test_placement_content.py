"""The placement check and the pathways are read from the content folder like lessons, each mistake at its file and
line; the shipped ones load cleanly, their answers are the ones the data gives, and each pathway is about 7 hours."""

import csv
import statistics
from pathlib import Path

import pytest

from tests.helpers.paths import PLACEMENT_CONTENT, PROJECT_ROOT, copy_placement_content
from webapp.content.answers import check_answer
from webapp.content.library import load_library
from webapp.content.pathways import PATHWAY_MINUTES, PATHWAY_SLACK, pathway_minutes, pathway_warnings

SHIPPED = load_library(PROJECT_ROOT / "courses", PROJECT_ROOT / "exercises")
FIXTURE = Path(PLACEMENT_CONTENT["CONTENT_DIR"])


def problems_after(tmp_path: Path, path: str, old: str, new: str) -> list[str]:
    """Load a copy of the fixture content with one change to one file; its problems as path:line: message."""
    settings = copy_placement_content(tmp_path)
    file = Path(settings["CONTENT_DIR"]) / path
    text = file.read_text()
    assert old in text, f"{old!r} is not in {path}"
    file.write_text(text.replace(old, new, 1))
    return [str(problem) for problem in load_library(Path(settings["CONTENT_DIR"])).problems]


def test_the_fixture_placement_and_pathways_load_without_problems():
    library = load_library(FIXTURE)
    assert library.problems == []
    assert [q.question.id for q in library.placement.questions] == [
        "points",
        "median",
        "axis",
        "calls-total",
        "text-sum",
    ]
    assert [course.slug for course in library.courses] == ["first-steps"]  # courses/placement/ is not a course


def test_the_shipped_placement_check_is_about_25_minutes_of_real_questions_at_every_level():
    placement = SHIPPED.placement
    assert SHIPPED.problems == []
    assert placement.minutes == 25  # 22 questions, a data file to open: words ÷ 200 + a minute a question
    assert 18 <= len(placement.questions) <= 24
    assert {q.level for q in placement.questions} == {1, 2, 3}
    assert {"Percentages", "Averages", "Uncertainty", "Charts", "Data protection", "Using AI tools"} <= {
        q.topic for q in placement.questions
    }
    assert [f.name for f in placement.data_files] == ["housing-repairs.csv"]


def test_the_spreadsheet_questions_expect_what_the_shipped_data_gives():
    with (SHIPPED.placement.path / "data" / "housing-repairs.csv").open(newline="") as file:
        rows = list(csv.DictReader(file))
    costs = [float(row["cost_gbp"]) for row in rows if row["cost_gbp"]]
    worked_out = {
        "repairs-fenwick": str(sum(row["estate"] == "Fenwick" for row in rows)),
        "repairs-median-days": str(statistics.median(int(row["days_to_complete"]) for row in rows)),
        "repairs-mean-cost": f"{statistics.mean(costs):.2f}",
    }
    questions = {q.question.id: q.question for q in SHIPPED.placement.questions}
    for qid, answer in worked_out.items():
        assert check_answer(questions[qid], answer).correct, (qid, answer)
    # Blanks taken as zero (the mistake the cleaning lesson warns of) is not accepted.
    assert not check_answer(questions["repairs-mean-cost"], f"{sum(costs) / len(rows):.2f}").correct


def test_the_code_questions_expect_what_python_gives():
    questions = {q.question.id: q.question for q in SHIPPED.placement.questions}
    counts = {"Leeds": 3}
    counts["York"] = counts.get("York", 0) + 1
    codes = ["E06000001", "E06000002", "E06000001"]
    given = {
        "text-plus-text": "10" + "5",
        "dictionary-count": str(len(counts)),
        "statistics-median": str(statistics.median([3, 4, 4, 5, 6, 7, 60])),
        "set-duplicates": str(len(set(codes))),
    }
    assert all(check_answer(questions[qid], answer).correct for qid, answer in given.items())


@pytest.mark.parametrize("level", [1, 2, 3])
def test_each_shipped_pathway_is_about_7_hours_of_shipped_items(level):
    pathway = SHIPPED.pathways.for_level(level)
    minutes = pathway_minutes(pathway, SHIPPED.minutes_of)
    assert PATHWAY_MINUTES <= minutes <= PATHWAY_MINUTES + PATHWAY_SLACK
    assert all(SHIPPED.find_item(ref) is not None for ref in pathway.items)
    assert pathway_warnings(SHIPPED.pathways, SHIPPED.minutes_of) == []


def test_the_level_3_pathway_is_the_python_course_with_its_exercises():
    items = [SHIPPED.find_item(ref) for ref in SHIPPED.pathways.for_level(3).items]
    assert {item.kind for item in items} == {"lesson", "exercise"}
    assert {ref.split("/")[0] for ref in SHIPPED.pathways.for_level(3).items} == {"data-analysis-with-python"}


def test_a_pathway_far_from_7_hours_is_warned_about_at_its_line():
    library = load_library(FIXTURE)
    warnings = [str(w) for w in pathway_warnings(library.pathways, library.minutes_of)]
    assert warnings[0] == (
        "courses/pathways.md:4: the level 1 pathway is 25 minutes: make it a day of learning, 420 to 480"
    )
    assert len(warnings) == 3


@pytest.mark.parametrize(
    ("path", "old", "new", "problem"),
    [
        (
            "pathways.md",
            "items: [first-steps/percentages, first-steps/averages]",
            "items: [first-steps/percentages, first-steps/missing-lesson]",
            "courses/pathways.md:7: pathway 1: 'first-steps/missing-lesson' is not a lesson or exercise: write it "
            "as course/item, e.g. data-essentials/data-quality",
        ),
        (
            "pathways.md",
            "items: [first-steps/percentages, first-steps/averages]",
            "items: [first-steps/percentages, first-steps/percentages]",
            "courses/pathways.md:7: pathway 1: 'first-steps/percentages' is listed twice",
        ),
        (
            "pathways.md",
            "  - level: 3",
            "  - level: 2",
            "courses/pathways.md:11: a pathway for level 2 is already at line 8",
        ),
        ("pathways.md", "level: 1", "level: 4", "courses/pathways.md:4: pathway 1: level must be 1, 2 or 3"),
        ("pathways.md", '    title: "Level 3: charts"\n', "", "courses/pathways.md:11: pathway 3: title is missing"),
        (
            "placement/placement.md",
            "lessons: [first-steps/averages]",
            "lessons: [first-steps/averages-and-more]",
            "courses/placement/placement.md:20: question 2: lesson 'first-steps/averages-and-more' does not exist: "
            "write it as course/lesson, e.g. data-essentials/data-quality",
        ),
        (
            "placement/placement.md",
            "    level: 3\n",
            "    level: three\n",
            "courses/placement/placement.md:36: question 5: level must be 1, 2 or 3",
        ),
        (
            "placement/placement.md",
            "    topic: Charts\n",
            "",
            "courses/placement/placement.md:23: question 3: topic is missing: a few words, such as Percentages, "
            "that the result page scores",
        ),
        (
            "placement/placement.md",
            "    topic: Charts\n",
            "    topic: Charts\n    after: axes\n",
            "courses/placement/placement.md:26: question 3: after is only for lessons: an exercise's questions sit "
            "by its notebook",
        ),
        (
            "placement/placement.md",
            "answer: {type: number, expected: 1368}",
            "answer: {type: number, expected: sixty}",
            "courses/placement/placement.md:34: question 4: a number answer needs 'expected: <number>'",
        ),
        (
            "placement/placement.md",
            "  - file: calls.csv",
            "  - file: phones.csv",
            "courses/placement/placement.md:7: data file 'phones.csv' is not in data/",
        ),
        (
            "placement/placement.md",
            "minutes: 20",
            "minutes: twenty",
            "courses/placement/placement.md:3: minutes must be a whole number from 1 to 480, not 'twenty'",
        ),
    ],
)
def test_mistakes_in_the_placement_check_and_pathways_are_reported_at_their_line(tmp_path, path, old, new, problem):
    assert problem in problems_after(tmp_path, path, old, new)


def test_a_level_with_no_placement_question_is_a_problem(tmp_path):
    problems = problems_after(tmp_path, "placement/placement.md", "    level: 3\n", "    level: 2\n")
    assert (
        "courses/placement/placement.md:10: no question is at level 3: each level needs some, to score it" in problems
    )


def test_a_missing_pathway_level_is_a_problem(tmp_path):
    problems = problems_after(
        tmp_path, "pathways.md", '  - level: 3\n    title: "Level 3: charts"\n    items: [first-steps/charts]\n', ""
    )
    assert "courses/pathways.md:1: there is no pathway for level 3: add one, so everyone placed there has one" in (
        problems
    )
