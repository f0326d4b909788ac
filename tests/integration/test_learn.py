from sqlalchemy import func, select

from tests.helpers import make_user, post_form, sign_in
from webapp.extensions import db
from webapp.models import Completion

LESSON = "/courses/spreadsheet-basics/rows-and-columns"


def complete(client, path=LESSON):
    return post_form(client, f"{path}/complete", token_from=path)


def test_the_catalogue_shows_each_course_with_its_length_and_progress(client):
    sign_in(client, make_user())
    page = client.get("/courses").get_data(as_text=True)
    assert "Spreadsheet basics" in page and "3 lessons, 1 exercise, 1 hour 30 minutes in all" in page
    assert "Not started" in page
    complete(client)
    page = client.get("/courses").get_data(as_text=True)
    assert "In progress" in page and "1 of 4 done this year" in page


def test_the_course_page_lists_lessons_with_their_status(client):
    sign_in(client, make_user())
    complete(client)
    page = client.get("/courses/spreadsheet-basics").get_data(as_text=True)
    assert page.index("Rows and columns") < page.index("Types of value") < page.index("Checking totals")
    assert page.count(">Completed<") + page.count("Completed\n") >= 1
    assert "You have completed 1 of 4 this training year" in page


def test_a_lesson_shows_its_objectives_body_and_neighbours(client):
    sign_in(client, make_user())
    page = client.get("/courses/spreadsheet-basics/types-of-value").get_data(as_text=True)
    assert "Tell numbers from text" in page
    assert "a code that looks like a number" in page
    assert 'href="/courses/spreadsheet-basics/rows-and-columns"' in page  # previous
    assert 'href="/courses/spreadsheet-basics/checking-totals"' in page  # next
    assert "Mark as complete" in page


def test_marking_a_lesson_complete_credits_its_minutes_once(client):
    user = make_user()
    sign_in(client, user)
    response = complete(client)
    assert response.status_code == 302 and response.headers["Location"] == LESSON
    page = client.get(LESSON).get_data(as_text=True)
    assert "Lesson complete: 15 minutes added to your training record" in page
    assert "Mark as complete" not in page
    assert "15 minutes of 7 hours" in client.get("/my-training-record").get_data(as_text=True)

    complete(client)  # a second tab, or a double click
    page = client.get(LESSON).get_data(as_text=True)
    assert "already completed this lesson this training year" in page
    assert db.session.scalar(select(func.count()).select_from(Completion)) == 1
    assert "15 minutes of 7 hours" in client.get("/my-training-record").get_data(as_text=True)


def test_completing_a_lesson_that_does_not_exist_is_a_404(client):
    sign_in(client, make_user())
    assert complete(client, "/courses/spreadsheet-basics/no-such-lesson").status_code == 404


def test_the_database_itself_refuses_a_second_completion_in_the_same_year(app):
    import pytest
    from sqlalchemy.exc import IntegrityError

    from webapp.models import CourseItem

    user = make_user()
    item = db.session.scalars(select(CourseItem)).first()
    db.session.add(Completion(user_id=user.id, item_id=item.id, training_year=2026, minutes=15))
    db.session.commit()
    db.session.add(Completion(user_id=user.id, item_id=item.id, training_year=2026, minutes=15))
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()
    db.session.add(Completion(user_id=user.id, item_id=item.id, training_year=2027, minutes=15))
    db.session.commit()  # a new training year counts again
