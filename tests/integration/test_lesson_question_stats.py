"""Authors' figures for the marked questions in lessons: per lesson who answered and completed, per question the
answers, people, right first time and the commonest wrong answers, checked against a small hand-made set of
answers whose expected numbers are worked out here by hand."""

import pytest

from tests.helpers.accounts import make_user, sign_in
from tests.helpers.html import get_page
from tests.helpers.paths import QUESTIONS_CONTENT
from tests.helpers.rows import course_item, make_completion, make_lesson_answer, make_person
from webapp.extensions import db
from webapp.models import LessonAnswer, User
from webapp.queries import answer_stats
from webapp.queries.answer_stats import (
    LessonAnswering,
    QuestionStats,
    WrongAnswer,
    common_wrong_answers,
    lesson_answering,
    question_stats,
)
from webapp.web.years import current_training_year

COURSE_PAGE = "/authoring/courses/reading-charts"
RIGHT = {"share": "37.5", "chart-kind": "Line chart", "start-at-zero": "At zero", "misleading": "both"}


@pytest.fixture
def settings(settings):
    return {**settings, **QUESTIONS_CONTENT}


def answers(person: User, question: str, *given: str) -> None:
    """`given` answers to a question of Bar charts, in order; the right answer is RIGHT[question]."""
    for answer in given:
        make_lesson_answer(person, course_item("bar-charts"), question, answer, correct=answer == RIGHT[question])


@pytest.fixture
def seeded(app):
    """Six people answer Bar charts this year; five finish it. Nobody answers Tables.

    share: 11 answers from 6 people, 5 right, 1 right first time (d). "30" from a, b (twice) and c: shown;
        "0.375" from e and f only: hidden. chart-kind: "bar chart" three times, in different capitals."""
    a, b, c, d, e, f = (make_user() for _ in range(6))
    answers(a, "share", "30", "37.5")
    answers(b, "share", "30", "30", "37.5")
    answers(c, "share", "30", "37.5")
    answers(d, "share", "37.5")
    answers(e, "share", "0.375", "37.5")
    answers(f, "share", "0.375")
    for person, wrong in ((a, "Bar chart"), (b, "bar chart"), (c, "BAR CHART")):
        answers(person, "chart-kind", wrong, "Line chart")
    for person in (d, e):
        answers(person, "chart-kind", "Line chart")
    for person in (a, b, c, d, e):
        answers(person, "start-at-zero", "At zero")
        answers(person, "misleading", "both")
        make_completion(person, course_item("bar-charts"))
    # Last year's answers are not this year's figures.
    make_lesson_answer(
        f, course_item("bar-charts"), "share", "30", correct=False, year=current_training_year().label - 1
    )
    return current_training_year().label


def ids() -> tuple[int, int]:
    return course_item("bar-charts").id, course_item("tables").id


def test_each_question_counts_answers_people_right_answers_and_people_right_first_time(seeded):
    bars, tables = ids()
    stats = question_stats(db.session, [bars, tables], seeded, LessonAnswer)
    assert stats == {
        (bars, "share"): QuestionStats(attempts=11, people=6, right=5, right_first_time=1),
        (bars, "chart-kind"): QuestionStats(attempts=8, people=5, right=5, right_first_time=2),
        (bars, "start-at-zero"): QuestionStats(attempts=5, people=5, right=5, right_first_time=5),
        (bars, "misleading"): QuestionStats(attempts=5, people=5, right=5, right_first_time=5),
    }


def test_wrong_answers_are_shown_only_once_three_people_gave_them(seeded):
    bars, _tables = ids()
    wrong = common_wrong_answers(db.session, [bars], seeded, LessonAnswer)
    assert wrong[(bars, "share")] == [WrongAnswer("30", people=3, answers=4)]  # "0.375": only 2 people
    [bar_chart] = wrong[(bars, "chart-kind")]  # capitals aside, the same answer
    assert (bar_chart.answer.lower(), bar_chart.people, bar_chart.answers) == ("bar chart", 3, 3)
    assert set(wrong) == {(bars, "share"), (bars, "chart-kind")}


def test_a_lone_wrong_answer_is_never_shown_however_often_it_is_given(app):
    person = make_user()
    answers(person, "share", *["12345"] * 5)
    assert common_wrong_answers(db.session, list(ids()), current_training_year().label, LessonAnswer) == {}


def test_the_wrong_answers_most_people_gave_come_first_up_to_the_limit(app, monkeypatch):
    monkeypatch.setattr(answer_stats, "MOST_WRONG_ANSWERS", 2)
    for wrong, people in (("10", 3), ("20", 5), ("30", 4)):
        for _ in range(people):
            answers(make_user(), "share", wrong)
    bars, _tables = ids()
    wrong = common_wrong_answers(db.session, [bars], current_training_year().label, LessonAnswer)
    assert wrong == {(bars, "share"): [WrongAnswer("20", 5, 5), WrongAnswer("30", 4, 4)]}


def test_a_lesson_counts_who_started_answering_who_completed_and_the_median_tries(seeded):
    bars, tables = ids()
    # Tries of those who completed: a 6, b 7, c 6, d 4, e 5; the middle value is 6. f started, never finished.
    assert lesson_answering(db.session, [bars, tables], seeded) == {bars: LessonAnswering(6, 5, 6)}


def test_the_median_of_an_even_number_of_tries_is_halfway_between_the_middle_two():
    assert answer_stats.median_of_counts({4: 1, 5: 1, 9: 2}) == 7
    assert answer_stats.median_of_counts({3: 1}) == 3
    assert answer_stats.median_of_counts({}) is None


def test_the_course_page_shows_each_lesson_and_question_in_the_lessons_order(seeded, client):
    sign_in(client, make_user(author=True))
    page = get_page(client, COURSE_PAGE)
    lessons = page.table("Lessons with questions")
    assert lessons.head == ["Lesson", "Started answering", "Completed", "Median tries"]
    assert lessons.rows == [["Bar charts", "6", "5", "6"], ["Tables", "0", "0", "None completed"]]
    bars = page.table("Bar charts: answers")
    assert bars.head == ["Question", "Answers", "People", "Right first time", "Common wrong answers"]
    assert bars.rows[0] == [
        "Question 1: Out of 80 people, 30 said yes. What percentage is that?",
        "11",
        "6",
        "17%",
        "“30”: 3 people, 4 answers Other wrong answers: 2",  # the two "0.375"s
    ]
    assert [row[1:4] for row in bars.rows[1:]] == [["8", "5", "40%"], ["5", "5", "100%"], ["5", "5", "100%"]]
    assert [row[4] for row in bars.rows[2:]] == ["None", "None"]
    assert "0.375" not in page.main_text()


def test_a_question_whose_wrong_answers_are_all_too_rare_says_so(app, client):
    for person in (make_user(), make_user()):
        answers(person, "share", "42")
    sign_in(client, make_user(author=True))
    row = get_page(client, COURSE_PAGE).table_rows("Bar charts: answers")[0]
    assert row[1:] == ["2", "2", "0%", "None given by 3 or more people"]


def test_a_lesson_nobody_has_answered_shows_no_answers(app, client):
    sign_in(client, make_user(admin=True))
    page = get_page(client, COURSE_PAGE)
    assert page.table_rows("Lessons with questions") == [
        ["Bar charts", "0", "0", "None completed"],
        ["Tables", "0", "0", "None completed"],
    ]
    assert [row[1:] for row in page.table_rows("Tables: answers")] == [["0", "0", "No answers", "None"]] * 3
    assert page.table_rows("Tables: answers")[0][0].startswith("Question 1: A table has a header row")


def test_last_years_answers_are_offered_and_shown_for_that_year(seeded, client):
    sign_in(client, make_user(author=True))
    page = get_page(client, f"{COURSE_PAGE}?year={seeded - 1}")
    assert page.table_rows("Bar charts: answers")[0][1:4] == ["1", "1", "0%"]
    assert page.table_rows("Lessons with questions")[0] == ["Bar charts", "1", "0", "None completed"]
    assert get_page(client, COURSE_PAGE).link(f"Training year {seeded - 1}") == f"{COURSE_PAGE}?year={seeded - 1}"


def test_a_learner_or_line_manager_is_refused_the_figures(seeded, client):
    learner = make_user()
    sign_in(client, learner)
    assert client.get(COURSE_PAGE).status_code == 403
    manager = make_person()
    make_person(manager=manager)
    sign_in(client, manager)
    assert client.get(COURSE_PAGE).status_code == 403
