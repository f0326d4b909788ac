"""The authoring overview and content checks, built from the library and completions without a request."""

from dataclasses import replace

from tests.helpers.paths import FIXTURE_COURSES, FIXTURE_EXERCISES
from webapp.authoring.pages import CourseSummary, content_checks_page, overview_page
from webapp.content.library import load_library
from webapp.content.problems import Problem
from webapp.training.years import YearStart, training_year

LIBRARY = load_library(FIXTURE_COURSES, FIXTURE_EXERCISES)
COURSE = LIBRARY.course("spreadsheet-basics")
YEAR = training_year(2026, YearStart(4, 1))
LESSON_PROBLEMS = [
    Problem("courses/spreadsheet-basics/02-types-of-value.md", 3, "minutes must be a whole number"),
    Problem("courses/spreadsheet-basics/02-types-of-value.md", 9, "broken link"),
]
EXERCISE_PROBLEM = Problem("exercises/count-the-regions/exercise.md", 20, "hint must be text")


def overview_row(problems=(), completions=0):
    return overview_page(LIBRARY, [CourseSummary(COURSE, list(problems), completions)], YEAR).rows[0]


def test_each_course_links_to_its_author_page_in_the_same_year():
    row = overview_row(completions=12)
    assert row.title == "Spreadsheet basics"
    assert row.args == {"course_slug": "spreadsheet-basics", "year": 2026}
    assert (row.level, row.item_count, row.completions) == (1, 4, 12)


def test_a_courses_problems_are_counted_in_words_and_none_is_shown_as_none():
    assert overview_row().problems is None
    assert overview_row([EXERCISE_PROBLEM]).problems == "1 problem"
    assert overview_row(LESSON_PROBLEMS).problems == "2 problems"


def test_the_overview_names_the_year_and_counts_the_problems_in_every_file():
    page = overview_page(replace(LIBRARY, problems=LESSON_PROBLEMS), [], YEAR)
    assert page.caption == "Courses in training year 2026 to 2027"
    assert page.problem_count == 2
    assert [cell["text"] for cell in page.head] == [
        "Course",
        "Level",
        "Lessons and exercises",
        "Problems",
        "Completions",
    ]


def test_content_checks_count_every_problem_found():
    assert content_checks_page(LIBRARY).found == "0 problems found"
    assert content_checks_page(replace(LIBRARY, problems=[EXERCISE_PROBLEM])).found == "1 problem found"


def test_content_checks_list_each_course_with_its_level_items_and_time():
    course = content_checks_page(LIBRARY).courses[0]
    assert course.title == "Spreadsheet basics"
    assert course.caption == "Level 1, 4 lessons and exercises, 1 hour 30 minutes"


def test_each_file_says_how_many_problems_it_has_or_that_it_is_ok():
    page = content_checks_page(replace(LIBRARY, problems=[*LESSON_PROBLEMS, EXERCISE_PROBLEM]))
    assert page.problems == [*LESSON_PROBLEMS, EXERCISE_PROBLEM]
    assert [(row["key"]["text"], row["value"]["text"]) for row in page.courses[0].rows] == [
        ("courses/spreadsheet-basics/01-rows-and-columns.md", "Rows and columns – 15 minutes – OK"),
        ("courses/spreadsheet-basics/02-types-of-value.md", "Types of value – 20 minutes – 2 problems"),
        ("courses/spreadsheet-basics/03-checking-totals.md", "Checking totals – 25 minutes – OK"),
        ("exercises/count-the-regions/exercise.md", "Count the regions – 30 minutes – 1 problem"),
    ]
