"""Learning in Data Day: the catalogue, a course page, a lesson page, and marking a lesson complete."""

from sqlalchemy import func, select

from tests.helpers.accounts import make_user, post_form, sign_in
from tests.helpers.html import Link, get_page
from webapp.extensions import db
from webapp.models import Completion

COURSE = "/courses/spreadsheet-basics"
LESSON = "/courses/spreadsheet-basics/rows-and-columns"


def complete(client, path=LESSON):
    return post_form(client, f"{path}/complete", token_from=path)


def test_the_catalogue_shows_each_course_with_its_length_and_progress(client):
    sign_in(client, make_user())
    page = get_page(client, "/courses")
    assert page.links(".app-card") == [Link("Spreadsheet basics", COURSE)]
    assert "3 lessons, 1 exercise, 1 hour 30 minutes in all" in page.texts(".app-card p")
    assert page.texts(".app-card .govuk-tag") == ["Not started"]
    complete(client)
    page = get_page(client, "/courses")
    assert page.texts(".app-card .govuk-tag") == ["In progress"]
    assert page.text_of(".app-card .govuk-tag + span") == "1 of 4 done this year"


def test_the_course_page_lists_lessons_with_their_status(client):
    sign_in(client, make_user())
    complete(client)
    page = get_page(client, COURSE)
    assert page.heading() == "Spreadsheet basics"
    assert list(page.task_list().items()) == [
        ("Rows and columns", "Completed"),
        ("Types of value", "Not started"),
        ("Checking totals", "Not started"),
        ("Count the regions", "Not started"),
    ]
    assert "You have completed 1 of 4 this training year." in page.texts("main p")


def test_a_lesson_shows_its_objectives_body_and_neighbours(client):
    sign_in(client, make_user())
    page = get_page(client, "/courses/spreadsheet-basics/types-of-value")
    assert page.heading() == "Types of value"
    assert page.texts("main h2 + ul li") == ["Tell numbers from text"]
    assert "a code that looks like a number" in page.text_of(".app-lesson")
    assert [link.href for link in page.links(".govuk-pagination")] == [
        "/courses/spreadsheet-basics/rows-and-columns",  # previous
        "/courses/spreadsheet-basics/checking-totals",  # next
    ]
    assert page.buttons() == ["Mark as complete"]
    assert not page.has("main .govuk-tag")  # not completed yet


def test_marking_a_lesson_complete_credits_its_minutes_once(client):
    user = make_user()
    sign_in(client, user)
    response = complete(client)
    assert response.status_code == 302 and response.headers["Location"] == LESSON
    page = get_page(client, LESSON)
    assert page.notification() == "Lesson complete: 15 minutes added to your training record"
    assert page.texts("main .govuk-tag") == ["Completed"]
    assert "Mark as complete" not in page.buttons()
    record = get_page(client, "/my-training-record")
    assert record.text_of("#progress-summary") == "15 minutes of 7 hours"
    assert [row[1:3] for row in record.table_rows("Learning recorded")] == [
        ["Rows and columns Lesson: Spreadsheet basics", "15"]
    ]

    complete(client)  # a second tab, or a double click
    page = get_page(client, LESSON)
    assert (
        page.notification() == "You had already completed this lesson this training year, so it was not counted again"
    )
    assert db.session.scalar(select(func.count()).select_from(Completion)) == 1
    assert get_page(client, "/my-training-record").text_of("#progress-summary") == "15 minutes of 7 hours"


def test_completing_a_lesson_that_does_not_exist_is_a_404(client):
    sign_in(client, make_user())
    assert complete(client, "/courses/spreadsheet-basics/no-such-lesson").status_code == 404
