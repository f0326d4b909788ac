"""A lesson with marked questions: each in place after its section, answers marked on the server with tries and a
hint, the expected answers never sent to the browser, and the lesson's minutes credited once, when all are right."""

import threading

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tests.helpers.accounts import csrf_token, make_user, sign_in
from tests.helpers.html import get_page, parse
from tests.helpers.paths import QUESTIONS_CONTENT
from tests.helpers.rows import course_item
from webapp.extensions import db
from webapp.models import Completion, CourseItem, LessonAnswer
from webapp.queries.lesson_answers import complete_when_all_right
from webapp.training.years import YearStart, training_year

LESSON = "/courses/reading-charts/bar-charts"
# The fixture lesson's questions answered right: choices by their position.
AFTER_AXES = {"place": "axes", "answer-share": "37.5"}
AT_END = {"place": "", "answer-chart-kind": "line graph", "answer-start-at-zero": "1", "answer-misleading": ["0", "2"]}
# What must never reach the browser: expected answers, other accepted spellings, how far off is allowed.
SECRETS = ("37.5", "Line chart", "line graph", "time series chart", "0.05", "tolerance", "expected", "accepted")


@pytest.fixture
def settings(settings):
    return {**settings, **QUESTIONS_CONTENT}


def answer(client, **data):
    data = {**data, "csrf_token": csrf_token(client, LESSON)}
    return client.post(f"{LESSON}/answers", data=data)


def completions() -> int:
    return db.session.scalar(select(func.count()).select_from(Completion))


def test_questions_sit_after_their_section_and_the_rest_at_the_end(client):
    sign_in(client, make_user())
    page = get_page(client, LESSON)
    lesson = page.element(".app-lesson")
    order = [
        element.get("id")
        for element in lesson.select("h2, .app-lesson-questions")
        if element.get("id") in {"axes", "try-this", "check-your-understanding", "questions-axes", "questions-end"}
    ]
    assert order == ["axes", "questions-axes", "try-this", "check-your-understanding", "questions-end"]
    assert (
        page.text_of('label[for="answer-share"]')
        == "Question 1: Out of 80 people, 30 said yes. What percentage is that?"
    )
    assert [f.get("name") for f in page.elements("#questions-end input[type=text]")] == ["answer-chart-kind"]
    assert page.texts("#questions-end .govuk-radios__label") == ["At the smallest value", "At zero", "At the average"]
    assert len(page.elements("#questions-end .govuk-checkboxes__input")) == 4
    assert len(page.elements(".app-lesson form")) == 2
    assert page.text_of("#question-progress").startswith("You have answered 0 of 4 questions correctly.")
    assert not page.elements('form[action$="/complete"]')  # no "Mark as complete" for a lesson with questions


def test_a_wrong_answer_shows_the_error_tries_and_hint_and_is_recorded(client):
    sign_in(client, make_user())
    page = parse(answer(client, place="axes", **{"answer-share": "30"}))
    assert page.title().startswith("Error:")
    assert page.error_summary() == [("Question 1 is not right yet", "#answer-share")]
    assert page.field_error("answer-share") == "This is not right yet."
    hint = "Tries so far: 1. Hint: Divide the people who said yes by everyone asked, then multiply by 100."
    assert page.text_of("#answer-share-hint") == hint
    assert page.field_value("answer-share") == "30"
    again = parse(answer(client, place="axes", **{"answer-share": "thirty"}))  # not a number: asked again, not kept
    assert again.field_error("answer-share") == "Enter a number, like 12 or 3.5"
    assert again.text_of("#answer-share-hint").startswith("Tries so far: 1.")
    rows = db.session.execute(select(LessonAnswer.question_id, LessonAnswer.answer, LessonAnswer.correct)).all()
    assert rows == [("share", "30", False)]
    assert completions() == 0


def test_right_answers_show_as_done_and_the_lesson_completes_only_when_all_are_right(client):
    user = make_user()
    sign_in(client, user)
    answer(client, place="axes", **{"answer-share": "40"})
    response = answer(client, **AFTER_AXES)
    assert response.status_code == 302 and response.headers["Location"].endswith(f"{LESSON}#questions-axes")
    page = get_page(client, LESSON)
    assert page.notification() == "Your answers are right."
    assert page.text_of("#answer-share") == (
        "Question 1: Out of 80 people, 30 said yes. What percentage is that? Done Answered correctly, in 2 tries."
    )
    assert not page.elements("#questions-axes button")  # nothing left to answer there
    assert page.text_of("#question-progress").startswith("You have answered 1 of 4 questions correctly.")
    assert completions() == 0

    answer(client, **AT_END)
    page = get_page(client, LESSON)
    assert page.notification() == "Lesson complete: 10 minutes added to your training record"
    assert "Completed" in page.texts(".govuk-tag")
    record = get_page(client, "/my-training-record")
    assert record.text_of("#progress-summary") == "10 minutes of 7 hours"
    assert completions() == 1


def test_answering_again_in_the_same_year_counts_nothing_more(client):
    sign_in(client, make_user())
    answer(client, **AFTER_AXES)
    answer(client, **AT_END)
    assert answer(client, **AT_END).status_code == 302  # all already right: nothing to mark, back to the lesson
    complete = client.post(f"{LESSON}/complete", data={"csrf_token": csrf_token(client, LESSON)})
    assert complete.status_code == 302
    assert completions() == 1
    assert db.session.scalar(select(func.count()).select_from(LessonAnswer)) == 4


def test_the_complete_button_is_refused_for_a_lesson_with_questions(client):
    sign_in(client, make_user())
    response = client.post(f"{LESSON}/complete", data={"csrf_token": csrf_token(client, LESSON)})
    assert response.status_code == 302
    assert get_page(client, LESSON).notification() == "Answer all the questions correctly to complete this lesson"
    assert completions() == 0


def test_the_expected_answers_are_in_no_response(client):
    sign_in(client, make_user())
    responses = [
        get_page(client, LESSON).html,
        parse(answer(client, place="axes", **{"answer-share": "12"})).html,
        parse(
            answer(
                client,
                place="",
                **{"answer-chart-kind": "pie chart", "answer-start-at-zero": "0", "answer-misleading": ["1"]},
            )
        ).html,
    ]
    answer(client, **AFTER_AXES)
    answer(client, **AT_END)
    responses.append(get_page(client, LESSON).html)  # every question done
    for html in responses:
        for secret in SECRETS:
            assert secret not in html, secret
    assert not parse(responses[0]).elements("input[checked]")  # no option chosen until the learner chooses it


def test_a_question_in_the_wrong_place_or_already_right_is_not_marked(client):
    sign_in(client, make_user())
    response = answer(client, place="no-such-section", **{"answer-share": "37.5"})
    assert response.status_code == 302
    assert db.session.scalar(select(func.count()).select_from(LessonAnswer)) == 0


@hypothesis_settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    place=st.sampled_from(["axes", "", "try-this", "x" * 300]),
    typed=st.text(max_size=600),
    choices=st.lists(st.text(max_size=5), max_size=6),
)
def test_hostile_answers_never_break_the_page(client, place, typed, choices):
    if not getattr(client, "_signed_in", False):
        sign_in(client, make_user())
        client._signed_in = True
    data = {
        "place": place,
        "answer-share": typed,
        "answer-chart-kind": typed,
        "answer-start-at-zero": choices[:1],
        "answer-misleading": choices,
    }
    response = answer(client, **data)
    assert response.status_code in (200, 302)
    assert all(len(row) <= 500 for row in db.session.scalars(select(LessonAnswer.answer)))


def test_two_right_final_answers_at_once_count_once(app):
    """Each request has committed its own answers; both then find every question right. The database decides."""
    user_id = make_user().id
    item_id = course_item("bar-charts").id
    year = training_year(2026, YearStart(1, 1))
    for question in ("share", "chart-kind", "start-at-zero", "misleading"):
        db.session.add(
            LessonAnswer(
                user_id=user_id,
                item_id=item_id,
                question_id=question,
                answer="x",
                correct=True,
                training_year=year.label,
            )
        )
    db.session.commit()
    engine = db.engine  # the threads have no app context
    barrier = threading.Barrier(2)
    results: list[bool] = []
    errors: list[BaseException] = []

    def attempt():
        try:
            with Session(engine) as session:
                item = session.get(CourseItem, item_id)
                barrier.wait(timeout=10)
                ids = ["share", "chart-kind", "start-at-zero", "misleading"]
                results.append(complete_when_all_right(session, user_id, item, ids, year))
                session.commit()
        except BaseException as error:  # surfaced below
            errors.append(error)

    threads = [threading.Thread(target=attempt) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert sorted(results) == [False, True]
    assert completions() == 1
