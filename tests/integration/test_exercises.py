"""An exercise: its instructions, questions and notebook; answers marked right or wrong with a hint; the
expected answers never sent to the browser; its minutes credited once."""

import pytest
from sqlalchemy import func, select

from tests.helpers.accounts import csrf_token, make_user, sign_in
from tests.helpers.forms import RIGHT_ANSWERS
from tests.helpers.html import get_page, parse
from webapp.extensions import db
from webapp.models import Completion, ExerciseAttempt

PAGE = "/exercises/count-the-regions"


def submit(client, **changes):
    data = {**RIGHT_ANSWERS, **changes, "csrf_token": csrf_token(client, PAGE)}
    return client.post(f"{PAGE}/answers", data={k: v for k, v in data.items() if v is not None})


def test_the_exercise_page_shows_instructions_questions_and_the_notebook(client):
    sign_in(client, make_user())
    page = get_page(client, PAGE)
    assert page.heading() == "Count the regions"
    assert page.text_of(".app-lesson").startswith("Open regions.csv and answer the questions.")
    assert page.texts(".app-lesson code") == ["regions.csv"]
    assert page.text_of('label[for="answer-rows"]') == "Question 1: How many rows of data does the file have?"
    assert [link.href for link in page.links(".app-lesson")] == ["/courses/spreadsheet-basics/rows-and-columns"]
    notebook = "/exercises/count-the-regions/download/count-the-regions.ipynb"
    assert page.link("The notebook (count-the-regions.ipynb)") == notebook
    assert page.link("regions.csv") == "/exercises/count-the-regions/download/regions.csv"
    assert "regions.csv: Made up for the tests. Licence: Open Government Licence v3.0." in page.texts("main li")


def test_the_expected_answers_are_not_in_the_page(client):
    sign_in(client, make_user())
    # Anywhere in the markup, not only the text: attributes and scripts would give answers away too.
    html = get_page(client, PAGE).html
    for secret in ("12.5", "tolerance", "North East</", "Do not count the header row", "expected"):
        assert secret not in html, secret
    wrong = parse(submit(client, **{"answer-rows": "5"}))
    assert wrong.field_value("answer-mean") == "12.5"  # only the learner's own answer is echoed back
    assert wrong.html.count("12.5") == 1


def test_the_lesson_url_of_an_exercise_leads_to_the_exercise(client):
    sign_in(client, make_user())
    response = client.get("/courses/spreadsheet-basics/count-the-regions")
    assert response.status_code == 302 and response.headers["Location"] == PAGE


def test_all_right_completes_the_exercise_and_credits_its_minutes_once(client):
    user = make_user()
    sign_in(client, user)
    response = submit(client)
    assert response.status_code == 302
    page = get_page(client, PAGE)
    assert page.notification() == "Exercise complete: 30 minutes added to your training record"
    record = get_page(client, "/my-training-record")
    assert record.text_of("#progress-summary") == "30 minutes of 7 hours"
    assert [row[1:3] for row in record.table_rows("Learning recorded")] == [
        ["Count the regions Exercise: Spreadsheet basics", "30"]
    ]

    submit(client)
    assert get_page(client, PAGE).notification() == (
        "All your answers are right. You had already completed this exercise this training year."
    )
    assert db.session.scalar(select(func.count()).select_from(Completion)) == 1
    assert db.session.scalar(select(func.count()).select_from(ExerciseAttempt)) == 10


def test_wrong_answers_are_recorded_and_shown_with_their_hint(client):
    sign_in(client, make_user())
    response = submit(client, **{"answer-rows": "5", "answer-regions": ["0"]})
    assert response.status_code == 200
    page = parse(response)
    assert page.title().startswith("Error:")
    assert page.text_of(".govuk-error-summary__title") == "There is a problem"
    assert [text for text, _ in page.error_summary()] == ["Question 1 is not right yet", "Question 5 is not right yet"]
    assert page.error_summary()[0][1] == "#answer-rows"
    assert page.field_error("answer-rows") == "This is not right yet. Hint: Do not count the header row."
    assert page.field_error("answer-regions") == "This is not right yet."
    for right in ("answer-mean", "answer-largest", "answer-column"):
        assert page.text_of(f"#{right}-hint") == "Your answer is right."
    assert page.field_value("answer-rows") == "5"  # answers stay in the form
    assert page.checked("answer-regions") == ["0"]
    attempts = db.session.scalars(select(ExerciseAttempt).order_by(ExerciseAttempt.question_id)).all()
    assert {(a.question_id, a.answer, a.correct) for a in attempts} >= {
        ("rows", "5", False),
        ("regions", "North East", False),
        ("mean", "12.5", True),
    }
    assert db.session.scalar(select(func.count()).select_from(Completion)) == 0


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"answer-mean": "twelve"}, "Enter a number, like 12 or 3.5"),
        ({"answer-column": None}, "Select one of the options"),
        ({"answer-regions": None}, "Select at least one answer"),
        ({"answer-largest": ""}, "Enter an answer"),
    ],
)
def test_answers_in_the_wrong_form_are_asked_for_again_and_not_recorded(client, changes, message):
    sign_in(client, make_user())
    page = parse(submit(client, **changes))
    [field] = changes
    assert page.text_of(".govuk-error-summary__title") == "There is a problem"
    assert page.field_error(field) == message
    assert db.session.scalar(select(func.count()).select_from(ExerciseAttempt)) == 0


def test_the_notebook_and_data_download(client):
    sign_in(client, make_user())
    notebook = client.get(f"{PAGE}/download/count-the-regions.ipynb")
    assert notebook.status_code == 200 and notebook.get_json(force=True)["cells"]
    data = client.get(f"{PAGE}/download/regions.csv")
    assert data.status_code == 200 and data.get_data(as_text=True).startswith("region,cases")
    data.close()
    assert client.get(f"{PAGE}/download/exercise.md").status_code == 404
    assert client.get(f"{PAGE}/download/../solution.py").status_code == 404
    assert client.get(f"{PAGE}/download/solution.py").status_code == 404
