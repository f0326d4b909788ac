"""An author's course page: the years it offers and its tables, worked out without a request."""

from tests.helpers.paths import FIXTURE_COURSES, FIXTURE_EXERCISES
from webapp.authoring.pages import ItemReport, course_page, course_years
from webapp.content.library import load_library
from webapp.content.problems import Problem
from webapp.queries.answer_stats import QuestionStats
from webapp.queries.content_stats import ItemStats
from webapp.training.years import YearStart, training_year

APRIL = YearStart(4, 1)
YEAR = training_year(2026, APRIL)
# Spreadsheet basics: three lessons, then the exercise count-the-regions.
COURSE = load_library(FIXTURE_COURSES, FIXTURE_EXERCISES).course("spreadsheet-basics")
ROWS_AND_COLUMNS, _TYPES, _TOTALS, EXERCISE = COURSE.items


def test_the_years_are_those_the_items_were_used_in_and_this_one_newest_first():
    years = course_years({2023, 2025}, training_year(2026, APRIL), APRIL)
    assert [year.label for year in years] == [2026, 2025, 2023]
    assert years[1].name == "2025 to 2026"


def test_a_course_nobody_used_offers_only_this_year():
    assert course_years(set(), training_year(2026, APRIL), APRIL) == [training_year(2026, APRIL)]


def test_this_year_is_listed_once_when_it_was_used():
    assert [year.label for year in course_years({2026}, training_year(2026, APRIL), APRIL)] == [2026]


def page_for(reports=(), problems=()):
    return course_page(COURSE, YEAR, [YEAR], list(problems), list(reports))


def lesson_report(stats):
    return ItemReport(ROWS_AND_COLUMNS, stats, [])


def exercise_report(*answers):
    """The exercise's first questions, answered as `answers` says (None: nobody answered it)."""
    return ItemReport(EXERCISE, ItemStats(), list(zip(EXERCISE.questions, answers, strict=False)))


def texts(row):
    return [cell["text"] for cell in row]


def test_an_item_shows_who_opened_and_completed_it_and_the_median_time():
    stats = ItemStats(started=12, completed=9, median_minutes=35.4, timed=7)
    page = page_for([lesson_report(stats)])
    assert page.items_table.caption == "Lessons and exercises in training year 2026 to 2027"
    assert texts(page.items_table.rows[0]) == ["Rows and columns", 12, 9, "35 minutes", 7]


def test_an_unsynced_item_shows_not_synced_and_none_timed():
    assert texts(page_for([lesson_report(None)]).items_table.rows[0]) == [
        "Rows and columns",
        "Not synced",
        "Not synced",
        "None timed",
        0,
    ]


def test_a_median_under_a_minute_says_so():
    row = page_for([lesson_report(ItemStats(1, 1, median_minutes=0.5, timed=1))]).items_table.rows[0]
    assert row[3]["text"] == "Under 1 minute"


def test_an_exercise_says_it_is_one_and_gets_a_table_of_its_questions():
    page = page_for([lesson_report(ItemStats()), exercise_report(None)])
    assert page.items_table.rows[1][0]["text"] == "Count the regions (exercise)"
    assert [table.caption for table in page.question_tables] == [
        "Count the regions: answers in training year 2026 to 2027"
    ]


def test_the_figures_are_numeric_columns_after_the_row_header():
    page = page_for([exercise_report(None)])
    for table in (page.items_table, page.question_tables[0]):
        assert [cell.get("format") for cell in table.head][:2] == [None, "numeric"]
        assert {cell.get("format") for row in table.rows for cell in row[1:]} == {"numeric"}


def test_questions_are_numbered_and_their_share_right_rounds_to_a_whole_per_cent():
    rows = page_for([exercise_report(QuestionStats(3, 2, 2, 1), QuestionStats(3, 3, 1, 1))]).question_tables[0].rows
    assert texts(rows[0]) == ["Question 1: How many rows of data does the file have?", 3, 2, "67%"]
    assert texts(rows[1])[3] == "33%"


def test_a_question_nobody_answered_shows_no_answers():
    row = page_for([exercise_report(None)]).question_tables[0].rows[0]
    assert texts(row)[1:] == [0, 0, "No answers"]


def test_the_problems_are_counted_in_words():
    problem = Problem("courses/spreadsheet-basics/course.md", 2, "level must be 1, 2 or 3")
    assert page_for(problems=[problem]).problem_count == "1 problem"
    assert page_for(problems=[problem, problem]).problem_count == "2 problems"
