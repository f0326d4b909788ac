"""xAPI: what learners do is queued as statements in the same transaction, and `flask xapi send` delivers each
once to a real learning record store (Ralph, tests/helpers/lrs.py), which the tests read back by statement id."""

import threading

import pytest
from sqlalchemy import func, select

from tests.helpers.accounts import csrf_token, make_user, post_form, sign_in
from tests.helpers.forms import RIGHT_ANSWERS
from tests.helpers.paths import PLACEMENT_CONTENT, QUESTIONS_CONTENT
from tests.helpers.peers import free_port
from tests.helpers.placement import MOSTLY_WRONG, take_placement
from tests.helpers.rows import course_item, make_outside_learning
from webapp.cli.xapi import send_due
from webapp.db.clock import utcnow
from webapp.extensions import db
from webapp.models import OutsideLearning, XapiStatement
from webapp.queries.completions import record_completion
from webapp.queries.erasure import erase_person
from webapp.queries.reviews import review
from webapp.queries.xapi_queue import queue_statement
from webapp.web.years import current_training_year
from webapp.xapi.settings import XapiSettings

LESSON = "/courses/spreadsheet-basics/rows-and-columns"
EXERCISE = "/exercises/count-the-regions"
SERVICE = "http://127.0.0.1:5000"
VERBS = "http://adlnet.gov/expapi/verbs/"


@pytest.fixture
def settings(settings, lrs):
    """xAPI on, sending to the session's LRS; failures tried again at once, so a second run retries them."""
    settings.update(lrs.settings, XAPI_RETRY_SECONDS=0)
    return settings


def queued_in_session() -> list[XapiStatement]:
    return list(db.session.scalars(select(XapiStatement)))


def queued() -> list[XapiStatement]:
    db.session.expire_all()
    return list(db.session.scalars(select(XapiStatement).order_by(XapiStatement.id)))


def by_verb(verb: str) -> list[XapiStatement]:
    return [row for row in queued() if row.body["verb"]["id"] == VERBS + verb]


def send(runner, expect: int = 0):
    result = runner.invoke(args=["xapi", "send"])
    assert result.exit_code == expect, result.output
    return result


def complete_lesson(client, person) -> None:
    sign_in(client, person)
    post_form(client, f"{LESSON}/complete", token_from=LESSON)


def submit_answers(client, **changes) -> None:
    data = {**RIGHT_ANSWERS, **changes, "csrf_token": csrf_token(client, EXERCISE)}
    client.post(f"{EXERCISE}/answers", data=data)


def test_a_completed_lesson_reaches_the_lrs_as_completed(client, runner, lrs):
    person = make_user("Alex Smith", email="alex.smith@example.gov.uk")
    complete_lesson(client, person)
    [row] = queued()
    assert row.sent_at is None and row.user_id == person.id
    assert send(runner).output == "Sent 1 statements to the LRS\n"
    stored = lrs.statement(row.statement_id)
    assert stored["actor"] == {"objectType": "Agent", "mbox": "mailto:alex.smith@example.gov.uk"}
    assert stored["verb"]["id"] == VERBS + "completed"
    assert stored["object"]["id"] == f"{SERVICE}/courses/spreadsheet-basics/rows-and-columns"
    assert stored["object"]["definition"]["name"] == {"en-GB": "Rows and columns"}
    assert stored["result"] == {"completion": True, "duration": f"PT{course_item('rows-and-columns').minutes}M"}
    assert stored["context"]["platform"] == "Data Day"
    assert stored["context"]["contextActivities"]["parent"][0]["id"] == f"{SERVICE}/courses/spreadsheet-basics"
    assert queued()[0].sent_at is not None


def test_answered_questions_reach_the_lrs_right_and_wrong(client, runner, lrs):
    sign_in(client, make_user())
    submit_answers(client, **{"answer-rows": "5", "answer-largest": "London"})
    submit_answers(client)
    send(runner)
    answers = {(row.body["object"]["id"], row.body["result"]["success"]): row for row in by_verb("answered")}
    wrong = lrs.statement(answers[(f"{SERVICE}{EXERCISE}#rows", False)].statement_id)
    assert wrong["verb"]["id"] == VERBS + "answered"
    assert wrong["result"] == {"success": False, "response": "5"}
    right = lrs.statement(answers[(f"{SERVICE}{EXERCISE}#rows", True)].statement_id)
    assert right["result"] == {"success": True, "response": "4"}
    assert right["context"]["contextActivities"]["parent"][0]["id"] == f"{SERVICE}{EXERCISE}"
    assert right["context"]["registration"] == wrong["context"]["registration"]  # the same item and year
    # A typed answer might say anything: right or wrong is sent, the words are not.
    assert lrs.statement(answers[(f"{SERVICE}{EXERCISE}#largest", False)].statement_id)["result"] == {"success": False}
    [failed], [passed] = by_verb("failed"), by_verb("passed")
    assert lrs.statement(failed.statement_id)["result"]["score"] == {"raw": 3, "min": 0, "max": 5, "scaled": 0.6}
    assert lrs.statement(passed.statement_id)["result"]["success"] is True
    [completed] = by_verb("completed")
    assert lrs.statement(completed.statement_id)["object"]["id"] == f"{SERVICE}{EXERCISE}"


def test_confirmed_outside_learning_reaches_the_lrs_as_completed(client, runner, lrs, org):
    entry = make_outside_learning(org["sam"], title="Stats webinar", minutes=90)
    sign_in(client, org["alex"])
    post_form(client, f"/my-team/outside-learning/{entry.id}/send-back", {"comment": "Which webinar?"}, "/my-team")
    assert queued() == []  # sent back is not learning done
    entry.status = "unconfirmed"
    db.session.commit()
    post_form(client, f"/my-team/outside-learning/{entry.id}/confirm", token_from="/my-team")
    [row] = queued()
    send(runner)
    stored = lrs.statement(row.statement_id)
    assert stored["actor"]["mbox"] == f"mailto:{org['sam'].email}"
    assert stored["verb"]["id"] == VERBS + "completed"
    assert stored["object"]["id"] == f"{SERVICE}/outside-learning/{entry.id}"
    assert stored["object"]["definition"]["name"] == {"en-GB": "Stats webinar"}
    assert stored["result"] == {"completion": True, "duration": "PT1H30M"}


@pytest.fixture
def lesson_questions(settings):
    """The course whose lessons have marked questions (asked for before the app, so the app reads it)."""
    settings.update(QUESTIONS_CONTENT)
    return settings


def test_a_lessons_marked_questions_reach_the_lrs_as_answered_then_completed(lesson_questions, client, runner, lrs):
    lesson = "/courses/reading-charts/bar-charts"
    sign_in(client, make_user())
    client.post(
        f"{lesson}/answers", data={"place": "axes", "answer-share": "40", "csrf_token": csrf_token(client, lesson)}
    )
    client.post(
        f"{lesson}/answers", data={"place": "axes", "answer-share": "37.5", "csrf_token": csrf_token(client, lesson)}
    )
    at_end = {
        "place": "",
        "answer-chart-kind": "line graph",
        "answer-start-at-zero": "1",
        "answer-misleading": ["0", "2"],
    }
    client.post(f"{lesson}/answers", data={**at_end, "csrf_token": csrf_token(client, lesson)})
    send(runner)
    share = [row for row in by_verb("answered") if row.body["object"]["id"] == f"{SERVICE}{lesson}#share"]
    assert [lrs.statement(row.statement_id)["result"] for row in share] == [
        {"success": False, "response": "40"},
        {"success": True, "response": "37.5"},
    ]
    assert len(by_verb("answered")) == 5
    [completed] = by_verb("completed")
    assert lrs.statement(completed.statement_id)["object"]["id"] == f"{SERVICE}{lesson}"


def test_the_actor_can_be_the_staff_number_at_a_configured_home_page(client, runner, lrs, app):
    app.config.update(XAPI_ACTOR="account", XAPI_ACCOUNT_HOMEPAGE="https://hr.example.gov.uk")
    person = make_user()
    person.staff_number = "E12345"
    db.session.commit()
    complete_lesson(client, person)
    send(runner)
    stored = lrs.statement(queued()[0].statement_id)
    assert stored["actor"] == {
        "objectType": "Agent",
        "account": {"homePage": "https://hr.example.gov.uk", "name": "E12345"},
    }


def test_after_the_lrs_was_down_a_retry_sends_each_statement_once(client, runner, lrs, settings, app):
    sign_in(client, make_user())
    submit_answers(client)
    rows = queued()
    app.config["XAPI_ENDPOINT"] = f"http://127.0.0.1:{free_port()}/xAPI/"  # nothing listens there
    down = send(runner, expect=1)
    assert f"{len(rows)} statements were not sent and will be tried again later" in down.output
    assert "could not reach the LRS" in down.output
    assert all(row.sent_at is None and row.attempts == 1 and "could not reach" in row.last_error for row in queued())
    assert lrs.statements(rows[0].statement_id) == []
    app.config["XAPI_ENDPOINT"] = lrs.endpoint
    assert send(runner).output == f"Sent {len(rows)} statements to the LRS\n"
    assert send(runner).output == "Sent 0 statements to the LRS\n"
    for row in queued():
        assert row.sent_at is not None and row.last_error is None
        assert len(lrs.statements(row.statement_id)) == 1


def test_a_failed_statement_waits_longer_after_each_failure(client, runner, settings, app):
    app.config.update(XAPI_ENDPOINT=f"http://127.0.0.1:{free_port()}/xAPI/", XAPI_RETRY_SECONDS=60)
    complete_lesson(client, make_user())
    send(runner, expect=1)
    [row] = queued()
    first_wait = row.next_attempt_at - utcnow()
    assert 55 < first_wait.total_seconds() <= 60
    assert send(runner).output == "Sent 0 statements to the LRS\n"  # not due yet: nothing tried
    row.next_attempt_at = utcnow()
    db.session.commit()
    send(runner, expect=1)
    assert 115 < (queued()[0].next_attempt_at - utcnow()).total_seconds() <= 120 and queued()[0].attempts == 2


def test_wrong_credentials_are_a_recorded_failure_with_a_clear_message(client, runner, lrs, app):
    app.config["XAPI_PASSWORD"] = "not-the-password"
    complete_lesson(client, make_user())
    result = send(runner, expect=1)
    assert "the LRS refused the username and password (XAPI_USERNAME, XAPI_PASSWORD): 401" in result.output
    [row] = queued()
    assert row.sent_at is None and row.attempts == 1 and "401" in row.last_error
    assert lrs.statements(row.statement_id) == []


def test_a_statement_the_lrs_already_has_under_its_id_counts_as_sent(client, runner, lrs):
    complete_lesson(client, make_user())
    [row] = queued()
    different = {**row.body, "result": {"completion": True, "duration": "PT1M"}}
    lrs.put(different)  # as if an earlier run had sent it and lost the reply
    assert send(runner).output == "Sent 1 statements to the LRS\n"
    assert queued()[0].sent_at is not None
    assert len(lrs.statements(row.statement_id)) == 1


def test_nothing_is_queued_while_xapi_is_off(client, runner, app, org):
    app.config["XAPI_ENABLED"] = False
    complete_lesson(client, make_user())
    submit_answers(client)
    entry = make_outside_learning(org["sam"])
    sign_in(client, org["alex"])
    post_form(client, f"/my-team/outside-learning/{entry.id}/confirm", token_from="/my-team")
    assert queued() == []
    assert send(runner).output == "xAPI is off (XAPI_ENABLED), so nothing was sent\n"


def test_a_rolled_back_confirmation_queues_nothing(app, org):
    entry = make_outside_learning(org["sam"])
    xapi = XapiSettings.from_config(app.config)
    review(db.session, entry, org["alex"], confirm=True, xapi=xapi)
    assert len(queued_in_session()) == 1  # queued, in the review's transaction
    db.session.rollback()
    assert queued() == [] and db.session.get(OutsideLearning, entry.id).status == "unconfirmed"


def test_a_completion_that_did_not_count_queues_nothing(app):
    person, item = make_user(), course_item("rows-and-columns")
    xapi = XapiSettings.from_config(app.config)
    assert record_completion(db.session, person.id, item, current_training_year(), xapi)
    db.session.commit()
    # Completing it again in the same year counts nothing, so reports nothing: its savepoint is rolled back.
    assert not record_completion(db.session, person.id, item, current_training_year(), xapi)
    db.session.commit()
    assert len(queued()) == 1


def test_two_senders_at_once_send_each_statement_once(app, settings, lrs):
    people = [make_user() for _ in range(8)]
    xapi = XapiSettings.from_config(app.config)
    for person in people:
        for slug in ("rows-and-columns", "types-of-value", "checking-totals"):
            record_completion(db.session, person.id, course_item(slug), current_training_year(), xapi)
    db.session.commit()
    small_batches = XapiSettings.from_config({**app.config, "XAPI_BATCH_SIZE": 2})
    results: list[int] = []
    start = threading.Barrier(2)

    def sender() -> None:
        with app.app_context():
            start.wait()
            sent, failed = send_due(small_batches)
            assert not failed
            results.append(sent)
            db.session.remove()

    threads = [threading.Thread(target=sender) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sum(results) == 24, results  # each statement sent by one sender only
    assert all(row.sent_at is not None for row in queued())


def test_erasing_a_person_drops_their_statements_not_yet_sent(client, app):
    person = make_user()
    complete_lesson(client, person)
    assert len(queued()) == 1
    erase_person(db.session, person, utcnow(), reason="test")
    db.session.commit()
    assert db.session.scalar(select(func.count()).select_from(XapiStatement)) == 0


def test_status_counts_the_queue(client, runner, app):
    complete_lesson(client, make_user())
    app.config["XAPI_PASSWORD"] = "wrong"
    send(runner, expect=1)
    lines = runner.invoke(args=["xapi", "status"]).output.splitlines()
    assert lines == [
        "xAPI is on",
        "Sent: 0",
        "Waiting: 1 (1 of them failed at least once)",
        "Given up after 10 attempts: 0",
    ]


def test_queuing_a_statement_again_adds_nothing(client):
    person = make_user()
    complete_lesson(client, person)
    [row] = queued()
    assert not queue_statement(db.session, dict(row.body), user_id=person.id)
    db.session.commit()
    assert len(queued()) == 1


@pytest.fixture
def placement_content(settings):
    """The content with a placement check (asked for before the app, so the app reads it)."""
    settings.update(PLACEMENT_CONTENT)
    return settings


def test_a_placement_check_reaches_the_lrs_as_answers_then_a_score_with_its_recommended_level(
    placement_content, client, runner, lrs
):
    sign_in(client, make_user())
    take_placement(client, MOSTLY_WRONG)
    send(runner)
    check = f"{SERVICE}/courses/placement/check"
    answers = [lrs.statement(row.statement_id) for row in by_verb("answered")]
    assert sorted(statement["result"]["success"] for statement in answers) == [False, True, True, True, True]
    assert {statement["object"]["id"].partition("#")[0] for statement in answers} == {check}
    [scored] = [lrs.statement(row.statement_id) for row in by_verb("scored")]
    assert scored["object"]["id"] == check
    assert scored["result"]["score"] == {"raw": 4, "min": 0, "max": 5, "scaled": 0.8}
    assert scored["context"]["extensions"][f"{SERVICE}/xapi/extensions/recommended-level"] == 1
    assert len(by_verb("completed")) == 1  # its minutes, once
