"""The author pages: each course's problems, and learners' completions, times and answers checked against
a small hand-made set of rows whose expected numbers are worked out here by hand."""

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from tests.helpers.accounts import make_user, sign_in
from tests.helpers.html import get_page
from tests.helpers.paths import copy_fixture_content
from tests.helpers.rows import (
    course_items,
    make_completion,
    make_exercise_attempt,
    make_item_start,
    make_lesson_answer,
)
from webapp.extensions import db
from webapp.models import CourseItem, ItemStart
from webapp.queries.answer_stats import QuestionStats, question_stats
from webapp.queries.content_stats import ItemStats, item_stats
from webapp.web.years import current_training_year

T0 = datetime(2026, 3, 2, 9, 0)


def items() -> dict[str, CourseItem]:
    return {item.slug: item for item in course_items()}


@pytest.fixture
def seeded(app):
    """Three learners' starts, completions and answers this training year, and one completion last year."""
    year = current_training_year().label
    a, b, c = make_user(), make_user(), make_user()
    rows, exercise = items(), items()["count-the-regions"]

    def started(user, slug, minutes):
        make_item_start(user, rows[slug], at=T0 + timedelta(minutes=minutes))

    def completed(user, slug, minutes, in_year=year):
        make_completion(user, rows[slug], year=in_year, at=T0 + timedelta(minutes=minutes))

    for user, took in ((a, 10), (b, 30), (c, 120)):  # rows-and-columns: 10, 30 and 120 minutes
        started(user, "rows-and-columns", 0)
        completed(user, "rows-and-columns", took)
    started(a, "types-of-value", 0)  # opened, never completed
    completed(b, "types-of-value", 5)  # completed with no start: not timed
    started(a, "checking-totals", 60)  # first opened after completing: not timed
    completed(a, "checking-totals", 0)
    for user, took in ((a, 50), (b, 20)):  # the exercise: 50 and 20 minutes
        started(user, "count-the-regions", 0)
        completed(user, "count-the-regions", took)
    make_exercise_attempt(a, exercise, "rows", correct=False)
    make_exercise_attempt(a, exercise, "rows", correct=True)
    make_exercise_attempt(b, exercise, "rows", correct=True)
    make_exercise_attempt(a, exercise, "mean", correct=False)
    make_exercise_attempt(b, exercise, "mean", correct=False)
    completed(c, "checking-totals", 0, in_year=year - 1)
    return year


def test_item_stats_count_starts_completions_and_the_median_time(seeded):
    ids = {slug: item.id for slug, item in items().items()}
    stats = item_stats(db.session, list(ids.values()), seeded)
    assert stats[ids["rows-and-columns"]] == ItemStats(started=3, completed=3, median_minutes=30, timed=3)
    assert stats[ids["types-of-value"]] == ItemStats(started=1, completed=1, median_minutes=None, timed=0)
    assert stats[ids["checking-totals"]] == ItemStats(started=1, completed=1, median_minutes=None, timed=0)
    assert stats[ids["count-the-regions"]] == ItemStats(started=2, completed=2, median_minutes=35, timed=2)  # (50+20)/2


def test_question_stats_count_answers_people_and_right_answers(seeded):
    exercise = items()["count-the-regions"].id
    stats = question_stats(db.session, [exercise], seeded)
    # rows: a was wrong then right, b right first time; mean: both wrong.
    assert stats == {(exercise, "rows"): QuestionStats(3, 2, 2, 1), (exercise, "mean"): QuestionStats(2, 2, 0, 0)}
    assert round(stats[(exercise, "rows")].success_rate, 3) == 0.667


def test_the_course_page_shows_the_numbers_for_the_chosen_year(seeded, client):
    sign_in(client, make_user(author=True))
    page = get_page(client, "/authoring/courses/spreadsheet-basics")
    assert page.table("Lessons and exercises").head == [
        "Lesson or exercise",
        "Opened",
        "Completed",
        "Median time",
        "Timed",
    ]
    assert page.table_rows("Lessons and exercises") == [
        ["Rows and columns", "3", "3", "30 minutes", "3"],
        ["Types of value", "1", "1", "None timed", "0"],
        ["Checking totals", "1", "1", "None timed", "0"],
        ["Count the regions (exercise)", "2", "2", "35 minutes", "2"],
    ]
    assert [row[1:] for row in page.table_rows("Count the regions: answers")] == [
        ["3", "2", "67%"],
        ["2", "2", "0%"],
        ["0", "0", "No answers"],
        ["0", "0", "No answers"],
        ["0", "0", "No answers"],
    ]
    assert page.paragraph("No problems") == "No problems found in this course’s files."

    last_year = get_page(client, f"/authoring/courses/spreadsheet-basics?year={seeded - 1}")
    assert last_year.table_rows("Lessons and exercises")[2] == ["Checking totals", "0", "1", "None timed", "0"]
    # Offered, because something happened that year.
    assert page.link(f"Training year {seeded - 1}") == f"/authoring/courses/spreadsheet-basics?year={seeded - 1}"


def test_answers_to_a_lessons_questions_leave_the_exercise_figures_unchanged(seeded, client):
    """A lesson answer with the same question id as the exercise's is not counted as the exercise's."""
    for _ in range(3):
        make_lesson_answer(make_user(), items()["rows-and-columns"], "rows", "12", correct=False)
    exercise = items()["count-the-regions"].id
    stats = question_stats(db.session, [exercise], seeded)
    assert stats == {(exercise, "rows"): QuestionStats(3, 2, 2, 1), (exercise, "mean"): QuestionStats(2, 2, 0, 0)}
    sign_in(client, make_user(author=True))
    page = get_page(client, "/authoring/courses/spreadsheet-basics")
    assert page.table("Count the regions: answers").head == ["Question", "Answers", "People", "Right"]
    assert [row[1:] for row in page.table_rows("Count the regions: answers")][:2] == [
        ["3", "2", "67%"],
        ["2", "2", "0%"],
    ]
    assert not page.has_table("Lessons with questions")  # the fixture lesson has no marked questions


def test_the_overview_lists_each_course_with_its_problems_and_completions(seeded, client):
    sign_in(client, make_user(admin=True))
    courses = get_page(client, "/authoring").table_rows("Courses")
    assert courses == [["Spreadsheet basics", "1", "4", "None", "7"]]  # 3 + 1 + 1 + 2 completions
    courses = get_page(client, f"/authoring?year={seeded - 1}").table_rows("Courses")
    assert courses == [["Spreadsheet basics", "1", "4", "None", "1"]]


def test_a_year_to_come_is_not_found(client):
    sign_in(client, make_user(author=True))
    year = current_training_year().label
    assert client.get(f"/authoring/courses/spreadsheet-basics?year={year + 1}").status_code == 404
    assert client.get("/authoring/courses/no-such-course").status_code == 404


def test_opening_a_lesson_or_exercise_records_the_first_view_once_a_year(client):
    user = make_user()
    sign_in(client, user)
    for _ in range(2):
        client.get("/courses/spreadsheet-basics/rows-and-columns")
        client.get("/exercises/count-the-regions")
    starts = db.session.scalars(select(ItemStart).where(ItemStart.user_id == user.id)).all()
    assert sorted(items_by_id()[s.item_id] for s in starts) == ["count-the-regions", "rows-and-columns"]


def items_by_id() -> dict[int, str]:
    return {item.id: slug for slug, item in items().items()}


@pytest.fixture
def broken_content(settings, tmp_path):
    settings.update(copy_fixture_content(tmp_path))
    lesson = tmp_path / "courses" / "spreadsheet-basics" / "02-types-of-value.md"
    lesson.write_text(lesson.read_text().replace("minutes: 20", "minutes: 900"))


def test_problems_are_counted_per_course_and_listed_on_its_page(broken_content, client):
    sign_in(client, make_user(author=True))
    overview = get_page(client, "/authoring")
    assert overview.table_rows("Courses")[0][3] == "1 problem in Spreadsheet basics"
    year = current_training_year().label
    assert overview.link("1 problem in Spreadsheet basics") == (
        f"/authoring/courses/spreadsheet-basics?year={year}#problems"
    )
    page = get_page(client, "/authoring/courses/spreadsheet-basics")
    [problem] = page.texts("#problems ~ ul li")
    assert problem.startswith("courses/spreadsheet-basics/02-types-of-value.md:3: minutes must be a whole number")
    # Content with problems is never synced.
    assert page.table_rows("Lessons and exercises")[1][1:3] == ["Not synced", "Not synced"]
