"""The author's figures for lessons' marked questions, as the course page shows them, worked out without a request."""

from pathlib import Path

from tests.helpers.paths import QUESTIONS_CONTENT
from webapp.authoring.lesson_figures import LessonQuestions, lesson_row, question_row, wrong_answer_texts
from webapp.authoring.pages import ItemReport, course_page
from webapp.content.library import load_library
from webapp.queries.answer_stats import LessonAnswering, QuestionStats, WrongAnswer
from webapp.training.years import YearStart, training_year

YEAR = training_year(2026, YearStart(4, 1))
COURSE = load_library(Path(QUESTIONS_CONTENT["CONTENT_DIR"]), Path(QUESTIONS_CONTENT["EXERCISES_DIR"])).course(
    "reading-charts"
)
BAR_CHARTS, TABLES = COURSE.items
SHARE = BAR_CHARTS.questions[0]


def texts(cells):
    return [cell["text"] for cell in cells]


def lesson_questions(item, answering=None, stats=None, wrong=()):
    return LessonQuestions(item.title, answering, [(q, stats, list(wrong)) for q in item.questions])


def test_right_first_time_is_a_share_of_the_people_who_answered_to_the_whole_per_cent():
    row = question_row(1, SHARE, QuestionStats(attempts=11, people=6, right=5, right_first_time=1), [])
    assert row.label == "Question 1: Out of 80 people, 30 said yes. What percentage is that?"
    assert texts(row.cells) == [11, 6, "17%"]
    assert {cell["format"] for cell in row.cells} == {"numeric"}


def test_a_question_nobody_answered_shows_no_answers_and_no_wrong_answers():
    row = question_row(2, SHARE, None, [])
    assert texts(row.cells) == [0, 0, "No answers"]
    assert (row.wrong_answers, row.none_wrong) == ([], "None")


def test_wrong_answers_too_rare_to_show_are_said_to_be_so():
    row = question_row(1, SHARE, QuestionStats(2, 2, 0, 0), [])
    assert (row.wrong_answers, row.none_wrong) == ([], "None given by 3 or more people")


def test_the_wrong_answers_shown_are_followed_by_how_many_others_there_were():
    shown = [WrongAnswer("30", people=3, answers=4), WrongAnswer("0.375", people=3, answers=1)]
    assert wrong_answer_texts(7, shown) == ["“30”: 3 people, 4 answers", "“0.375”: 3 people, 1 answer"] + [
        "Other wrong answers: 2"
    ]
    assert wrong_answer_texts(5, shown) == ["“30”: 3 people, 4 answers", "“0.375”: 3 people, 1 answer"]


def test_a_lesson_row_gives_the_median_tries_or_says_nobody_completed():
    assert texts(lesson_row(lesson_questions(BAR_CHARTS, LessonAnswering(6, 5, 6.0)))) == ["Bar charts", 6, 5, "6"]
    assert texts(lesson_row(lesson_questions(BAR_CHARTS, LessonAnswering(4, 2, 5.5))))[3] == "5.5"
    assert texts(lesson_row(lesson_questions(TABLES))) == ["Tables", 0, 0, "None completed"]


def test_the_course_page_has_a_table_for_each_lesson_with_questions_in_its_order():
    reports = [ItemReport(item, None, [], lesson_questions(item)) for item in COURSE.items]
    page = course_page(COURSE, YEAR, [YEAR], [], reports)
    assert page.lessons_table.caption == "Lessons with questions in training year 2026 to 2027"
    assert [table.caption for table in page.lesson_question_tables] == [
        "Bar charts: answers in training year 2026 to 2027",
        "Tables: answers in training year 2026 to 2027",
    ]
    assert [row.label.split(":")[0] for row in page.lesson_question_tables[0].rows] == [
        "Question 1",
        "Question 2",
        "Question 3",
        "Question 4",
    ]
    assert page.question_tables == []  # no exercises


def test_a_course_whose_lessons_have_no_questions_has_no_lesson_question_tables():
    reports = [ItemReport(item, None, []) for item in COURSE.items]
    page = course_page(COURSE, YEAR, [YEAR], [], reports)
    assert (page.lessons_table, page.lesson_question_tables) == (None, [])
