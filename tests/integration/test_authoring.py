"""The author pages: each course's problems, and learners' completions, times and answers checked against
a small hand-made set of rows whose expected numbers are worked out here by hand."""

from datetime import datetime, timedelta
from html.parser import HTMLParser

import pytest
from sqlalchemy import select

from tests.helpers import make_user, sign_in
from webapp.extensions import db
from webapp.models import Completion, CourseItem, ExerciseAttempt
from webapp.models.completions import ItemStart
from webapp.queries.content_stats import ItemStats, QuestionStats, item_stats, question_stats
from webapp.web.years import current_training_year

T0 = datetime(2026, 3, 2, 9, 0)


class Tables(HTMLParser):
    """Each table's rows as lists of cell text."""

    def __init__(self, html: str):
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self._cell: list[str] | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def items() -> dict[str, CourseItem]:
    return {item.slug: item for item in db.session.scalars(select(CourseItem))}


@pytest.fixture
def seeded(app):
    """Three learners' starts, completions and answers this training year, and one completion last year."""
    year = current_training_year().label
    a, b, c = make_user(), make_user(), make_user()
    rows, exercise = items(), items()["count-the-regions"]

    def started(user, slug, minutes):
        db.session.add(ItemStart(user_id=user.id, item_id=rows[slug].id, training_year=year, started_at=T0 + minutes))

    def completed(user, slug, minutes, in_year=year):
        item = rows[slug]
        done_at = T0 + minutes
        db.session.add(
            Completion(
                user_id=user.id, item_id=item.id, training_year=in_year, minutes=item.minutes, completed_at=done_at
            )
        )

    def answered(user, question, correct):
        db.session.add(
            ExerciseAttempt(
                user_id=user.id,
                item_id=exercise.id,
                question_id=question,
                answer="x",
                correct=correct,
                training_year=year,
            )
        )

    minutes = timedelta(minutes=1)
    for user, took in ((a, 10), (b, 30), (c, 120)):  # rows-and-columns: 10, 30 and 120 minutes
        started(user, "rows-and-columns", 0 * minutes)
        completed(user, "rows-and-columns", took * minutes)
    started(a, "types-of-value", 0 * minutes)  # opened, never completed
    completed(b, "types-of-value", 5 * minutes)  # completed with no start: not timed
    started(a, "checking-totals", 60 * minutes)  # first opened after completing: not timed
    completed(a, "checking-totals", 0 * minutes)
    for user, took in ((a, 50), (b, 20)):  # the exercise: 50 and 20 minutes
        started(user, "count-the-regions", 0 * minutes)
        completed(user, "count-the-regions", took * minutes)
    answered(a, "rows", False)
    answered(a, "rows", True)
    answered(b, "rows", True)
    answered(a, "mean", False)
    answered(b, "mean", False)
    completed(c, "checking-totals", 0 * minutes, in_year=year - 1)
    db.session.commit()
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
    assert stats == {(exercise, "rows"): QuestionStats(3, 2, 2), (exercise, "mean"): QuestionStats(2, 2, 0)}
    assert round(stats[(exercise, "rows")].success_rate, 3) == 0.667


def test_the_course_page_shows_the_numbers_for_the_chosen_year(seeded, client):
    sign_in(client, make_user(author=True))
    html = client.get("/authoring/courses/spreadsheet-basics").get_data(as_text=True)
    lessons, exercise = Tables(html).tables
    assert lessons[1:] == [
        ["Rows and columns", "3", "3", "30 minutes", "3"],
        ["Types of value", "1", "1", "None timed", "0"],
        ["Checking totals", "1", "1", "None timed", "0"],
        ["Count the regions (exercise)", "2", "2", "35 minutes", "2"],
    ]
    assert [row[1:] for row in exercise[1:]] == [
        ["3", "2", "67%"],
        ["2", "2", "0%"],
        ["0", "0", "No answers"],
        ["0", "0", "No answers"],
        ["0", "0", "No answers"],
    ]
    assert "No problems found in this course’s files" in html

    last_year = client.get(f"/authoring/courses/spreadsheet-basics?year={seeded - 1}").get_data(as_text=True)
    assert Tables(last_year).tables[0][3] == ["Checking totals", "0", "1", "None timed", "0"]
    assert f"?year={seeded - 1}" in html  # offered, because something happened that year


def test_the_overview_lists_each_course_with_its_problems_and_completions(seeded, client):
    sign_in(client, make_user(admin=True))
    [courses] = Tables(client.get("/authoring").get_data(as_text=True)).tables
    assert courses[1:] == [["Spreadsheet basics", "1", "4", "None", "7"]]  # 3 + 1 + 1 + 2 completions
    [courses] = Tables(client.get(f"/authoring?year={seeded - 1}").get_data(as_text=True)).tables
    assert courses[1:] == [["Spreadsheet basics", "1", "4", "None", "1"]]


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
    import shutil

    from tests.conftest import FIXTURE_COURSES, FIXTURE_EXERCISES

    shutil.copytree(FIXTURE_COURSES, tmp_path / "courses")
    shutil.copytree(FIXTURE_EXERCISES, tmp_path / "exercises")
    lesson = tmp_path / "courses" / "spreadsheet-basics" / "02-types-of-value.md"
    lesson.write_text(lesson.read_text().replace("minutes: 20", "minutes: 900"))
    settings.update(CONTENT_DIR=str(tmp_path / "courses"), EXERCISES_DIR=str(tmp_path / "exercises"))


def test_problems_are_counted_per_course_and_listed_on_its_page(broken_content, client):
    sign_in(client, make_user(author=True))
    overview = client.get("/authoring").get_data(as_text=True)
    assert Tables(overview).tables[0][1][3] == "1 problem in Spreadsheet basics"
    assert "/authoring/courses/spreadsheet-basics?year=" in overview and "#problems" in overview
    page = client.get("/authoring/courses/spreadsheet-basics").get_data(as_text=True)
    assert "courses/spreadsheet-basics/02-types-of-value.md:3: minutes must be a whole number" in page
    assert "Not synced" in page  # content with problems is never synced
