"""Never a 500: whatever a form is sent (a file for text, a null character, a date no calendar has, too much of
anything), the person gets a GOV.UK error that names the field, and nothing is saved."""

import io

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import DataError, IntegrityError

from tests.helpers.accounts import csrf_token, make_user, post_form, sign_in
from tests.helpers.forms import RIGHT_ANSWERS, outside_learning_form
from tests.helpers.html import parse
from tests.helpers.rows import make_exercise_attempt, make_outside_learning
from webapp.db.clock import uk_today
from webapp.extensions import db
from webapp.models import ExerciseAttempt, OutsideLearning
from webapp.queries.catalogue import find_live_item

NEW = "/outside-learning/new"
EXERCISE = "/exercises/count-the-regions"
HIDDEN = "must not contain hidden characters – type it in again rather than pasting it"


def log(client, **changes):
    return post_form(client, NEW, outside_learning_form(**changes), token_from=NEW)


def assert_refused(response, field_id: str, message: str):
    """A 200 with the form again, the error linked from the summary and shown beside the field; nothing saved."""
    assert response.status_code == 200
    page = parse(response)
    assert (message, f"#{field_id}") in page.error_summary()
    assert page.field_error(field_id.removesuffix("-day")) == message
    assert db.session.scalar(select(func.count()).select_from(OutsideLearning)) == 0


def a_file():
    return (io.BytesIO(b"not text"), "notes.txt")


def test_a_year_too_large_for_the_calendar_is_not_a_real_date(client):
    sign_in(client, make_user())
    response = log(client, learned_on=["1", "1", "99999999999999999999"])
    assert_refused(response, "learned_on-day", f"The date you did it must be a real date, like 27 3 {uk_today().year}")


@pytest.mark.parametrize("day", [["1", "1", "2026", "7"], ["1", "1", "2026", "", ""]])
def test_more_than_three_date_boxes_is_an_error(client, day):
    sign_in(client, make_user())
    response = log(client, learned_on=day)
    assert_refused(response, "learned_on-day", "Enter the date you did it as a day, a month and a year")


def test_one_date_box_asks_for_the_month_and_year(client):
    sign_in(client, make_user())
    response = log(client, learned_on=["1"])
    assert_refused(response, "learned_on-day", "The date you did it must include a month and a year")


def test_a_missing_date_must_be_entered_and_is_never_saved_empty(client):
    sign_in(client, make_user())
    response = log(client, learned_on=None)
    assert_refused(response, "learned_on-day", "Enter the date you did it")


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("title", "What you did must be typed in, not sent as a file"),
        ("notes", "Notes must be typed in, not sent as a file"),
        ("link", "Link must be typed in, not sent as a file"),
        ("minutes", "Enter how long it took in minutes"),
    ],
)
def test_a_file_sent_for_a_text_box_is_a_field_error(client, field, message):
    sign_in(client, make_user())
    response = log(client, **{field: a_file()})
    assert_refused(response, field, message)
    assert "FileStorage" not in response.get_data(as_text=True)


def test_a_file_sent_for_a_date_box_is_a_field_error(client):
    sign_in(client, make_user())
    today = uk_today()
    response = log(client, learned_on=[str(today.day), a_file(), str(today.year)])
    assert_refused(response, "learned_on-day", "The date you did it must be typed in, not sent as a file")


def test_a_file_sent_as_the_sign_in_email_is_a_field_error(client):
    make_user(email="sam@example.gov.uk")
    data = {"email": a_file(), "password": "anything", "csrf_token": csrf_token(client)}
    response = client.post("/sign-in", data=data)
    assert response.status_code == 200
    assert parse(response).field_error("email") == "Email address must be typed in, not sent as a file"


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("title", f"What you did {HIDDEN}"),
        ("provider", f"Who provided it {HIDDEN}"),
        ("notes", f"Notes {HIDDEN}"),
        ("link", f"Link {HIDDEN}"),
    ],
)
def test_a_null_character_in_a_text_box_is_a_field_error(client, field, message):
    sign_in(client, make_user())
    value = "https://example.org/\x00" if field == "link" else "Stats\x00 webinar"
    assert_refused(log(client, **{field: value}), field, message)


def test_a_null_character_in_the_sign_in_email_is_a_field_error(client):
    make_user(email="sam@example.gov.uk")
    data = {"email": "sam@example.gov.uk\x00", "password": "anything", "csrf_token": csrf_token(client)}
    response = client.post("/sign-in", data=data)
    assert response.status_code == 200
    assert parse(response).field_error("email") == f"Email address {HIDDEN}"


def test_a_null_character_in_a_comment_sending_learning_back_is_a_field_error(client, org):
    entry = make_outside_learning(org["sam"])
    sign_in(client, org["alex"])
    path = f"/my-team/outside-learning/{entry.id}/send-back"
    response = post_form(client, path, {"comment": "Add\x00 the link"}, token_from=path)
    assert response.status_code == 200
    assert parse(response).field_error("comment") == f"The comment {HIDDEN}"
    db.session.refresh(entry)
    assert entry.status == "unconfirmed" and entry.review_comment is None


def post_answers(client, **changes):
    data = {
        **RIGHT_ANSWERS,
        **changes,
        "csrf_token": csrf_token(client, EXERCISE),
    }
    return client.post(f"{EXERCISE}/answers", data=data)


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ("north\x00east", f"Your answer {HIDDEN}"),
        ("north east " * 100, "Your answer must be 500 characters or fewer"),
    ],
)
def test_an_unreadable_exercise_answer_says_why_and_is_not_stored(client, answer, message):
    sign_in(client, make_user())
    response = post_answers(client, **{"answer-largest": answer})
    assert response.status_code == 200
    page = parse(response)
    assert (message, "#answer-largest") in page.error_summary()
    assert page.field_error("answer-largest") == message
    assert db.session.scalar(select(func.count()).select_from(ExerciseAttempt)) == 0


@pytest.mark.parametrize("choice", ["²", "١", "1" * 5000])
def test_a_choice_that_is_not_an_option_asks_to_select_one(client, choice):
    sign_in(client, make_user())
    response = post_answers(client, **{"answer-column": choice})
    assert response.status_code == 200
    assert parse(response).field_error("answer-column") == "Select one of the options"


@pytest.fixture
def small_form_parts(settings):
    """Flask reads at most MAX_FORM_MEMORY_SIZE (500 kB) of a multipart form's text part: less, so the test is quick."""
    settings["MAX_FORM_MEMORY_SIZE"] = 1_000


def test_a_form_too_large_to_read_gets_the_gov_uk_413_page(small_form_parts, client):
    sign_in(client, make_user())
    response = post_answers(client, **{"answer-largest": "x" * 2_000, "attachment": a_file()})
    assert response.status_code == 413
    assert parse(response).heading() == "What you sent is too large"


@pytest.mark.parametrize(
    ("column", "limit"), [("title", 200), ("provider", 200), ("link", 500), ("notes", 2000), ("review_comment", 1000)]
)
def test_the_database_refuses_outside_learning_text_longer_than_the_form_allows(app, column, limit):
    entry = make_outside_learning(make_user())
    setattr(entry, column, "x" * limit)
    db.session.commit()
    setattr(entry, column, "x" * (limit + 1))
    with pytest.raises((IntegrityError, DataError)):  # a CHECK on SQLite, the column's type on PostgreSQL too
        db.session.commit()
    db.session.rollback()


def test_the_database_refuses_an_exercise_answer_longer_than_the_checker_allows(app):
    exercise = find_live_item(db.session, "spreadsheet-basics", "count-the-regions")
    attempt = make_exercise_attempt(make_user(), exercise, "largest", correct=False, answer="x" * 500)
    attempt.answer = "x" * 501
    with pytest.raises((IntegrityError, DataError)):
        db.session.commit()
    db.session.rollback()


@pytest.fixture
def counted_in_the_database(settings):
    """Failed sign-ins counted in the app's database, as in production (a key with a null character, too)."""
    settings["RATELIMIT_STORAGE_URI"] = "database://"


@pytest.mark.parametrize("email", ["sam@example.gov.uk\x00", "sam@example.gov.uk" + "x" * 1000])
def test_a_hostile_sign_in_email_is_a_field_error_when_attempts_are_counted(counted_in_the_database, client, email):
    make_user(email="sam@example.gov.uk")
    response = client.post("/sign-in", data={"email": email, "password": "x", "csrf_token": csrf_token(client)})
    assert response.status_code == 200
    assert parse(response).field_error("email")
