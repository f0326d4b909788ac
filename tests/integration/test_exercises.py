import pytest
from sqlalchemy import func, select

from tests.helpers import csrf_token, make_user, sign_in
from webapp.extensions import db
from webapp.models import Completion, ExerciseAttempt

PAGE = "/exercises/count-the-regions"
RIGHT = {
    "answer-rows": "4",
    "answer-mean": "12.5",
    "answer-largest": "north east",
    "answer-column": "1",
    "answer-regions": ["0", "2"],
}


def submit(client, **changes):
    data = {**RIGHT, **changes, "csrf_token": csrf_token(client, PAGE)}
    return client.post(f"{PAGE}/answers", data={k: v for k, v in data.items() if v is not None})


def test_the_exercise_page_shows_instructions_questions_and_the_notebook(client):
    sign_in(client, make_user())
    page = client.get(PAGE).get_data(as_text=True)
    assert "Count the regions" in page and "Open <code>regions.csv</code>" in page
    assert "Question 1: How many rows of data does the file have?" in page
    assert 'href="/courses/spreadsheet-basics/rows-and-columns"' in page  # link from the instructions
    assert "/exercises/count-the-regions/download/count-the-regions.ipynb" in page
    assert "regions.csv</strong>: Made up for the tests." in page


def test_the_expected_answers_are_not_in_the_page(client):
    sign_in(client, make_user())
    page = client.get(PAGE).get_data(as_text=True)
    for secret in ("12.5", "tolerance", "North East</", "Do not count the header row", "expected"):
        assert secret not in page, secret
    wrong = submit(client, **{"answer-rows": "5"}).get_data(as_text=True)
    assert "12.5" not in wrong.replace('value="12.5"', "")  # only the learner's own answer is echoed back


def test_the_lesson_url_of_an_exercise_leads_to_the_exercise(client):
    sign_in(client, make_user())
    response = client.get("/courses/spreadsheet-basics/count-the-regions")
    assert response.status_code == 302 and response.headers["Location"] == PAGE


def test_all_right_completes_the_exercise_and_credits_its_minutes_once(client):
    user = make_user()
    sign_in(client, user)
    response = submit(client)
    assert response.status_code == 302
    page = client.get(PAGE).get_data(as_text=True)
    assert "Exercise complete: 30 minutes added to your training record" in page
    record = client.get("/my-training-record").get_data(as_text=True)
    assert "30 minutes of 7 hours" in record and "Exercise: Spreadsheet basics" in record

    submit(client)
    assert "already completed this exercise" in client.get(PAGE).get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Completion)) == 1
    assert db.session.scalar(select(func.count()).select_from(ExerciseAttempt)) == 10


def test_wrong_answers_are_recorded_and_shown_with_their_hint(client):
    sign_in(client, make_user())
    response = submit(client, **{"answer-rows": "5", "answer-regions": ["0"]})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "There is a problem" in page and "<title>Error:" in page
    assert 'href="#answer-rows"' in page and "Question 1 is not right yet" in page
    assert "This is not right yet. Hint: Do not count the header row." in page
    assert "Question 5 is not right yet" in page
    assert "Your answer is right." in page  # the others
    assert 'value="5"' in page  # answers stay in the form
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
    page = submit(client, **changes).get_data(as_text=True)
    assert message in page and "There is a problem" in page
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
