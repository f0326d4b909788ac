"""xAPI statements as Data Day builds them: stable ids, the two forms of actor, ADL verbs, activity ids under
SERVICE_URL, durations and timestamps in xAPI's forms; and the XAPI_* settings' checks."""

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from webapp import create_app
from webapp.config import Config, ConfigError
from webapp.xapi import statements as xapi
from webapp.xapi.settings import XapiSettings, setting_problems

SERVICE = "https://data-day.example.gov.uk"
LEARNER = xapi.Learner(id=7, email="alex.smith@example.gov.uk", staff_number="S1234")
ON = XapiSettings.from_config(
    {
        "XAPI_ENABLED": True,
        "XAPI_ENDPOINT": "https://lrs.example.gov.uk/xAPI/",
        "XAPI_USERNAME": "data-day",
        "XAPI_PASSWORD": "secret",
        "SERVICE_URL": SERVICE + "/",
    }
)


def test_the_same_source_row_always_gives_the_same_statement_id():
    first = xapi.statement_id(SERVICE, "completion/42")
    assert first == xapi.statement_id(SERVICE + "/", "completion/42")
    assert first != xapi.statement_id(SERVICE, "completion/43")
    assert str(xapi.uuid.UUID(first)) == first and xapi.uuid.UUID(first).version == 5


def test_another_service_sending_to_the_same_lrs_makes_different_ids():
    assert xapi.statement_id(SERVICE, "completion/42") != xapi.statement_id("https://other.gov.uk", "completion/42")


def test_the_actor_is_an_email_address_without_a_name():
    assert xapi.actor(LEARNER, "email") == {"objectType": "Agent", "mbox": "mailto:alex.smith@example.gov.uk"}


def test_the_actor_can_be_an_account_named_by_staff_number_or_by_id():
    home = "https://hr.example.gov.uk"
    by_staff_number = xapi.actor(LEARNER, "account", home, "staff_number")
    assert by_staff_number == {"objectType": "Agent", "account": {"homePage": home, "name": "S1234"}}
    assert xapi.actor(LEARNER, "account", home, "id") == {
        "objectType": "Agent",
        "account": {"homePage": home, "name": "7"},
    }


def test_someone_without_a_staff_number_has_no_account_actor():
    assert xapi.actor(replace(LEARNER, staff_number=None), "account", "https://hr.example.gov.uk") is None


def test_activity_ids_are_the_pages_addresses():
    lesson = xapi.item_activity(SERVICE, "spreadsheet-basics", "rows-and-columns", "Rows and columns", "lesson")
    exercise = xapi.item_activity(SERVICE, "spreadsheet-basics", "count-the-regions", "Count the regions", "exercise")
    assert lesson.id == f"{SERVICE}/courses/spreadsheet-basics/rows-and-columns" and lesson.type == xapi.LESSON
    assert exercise.id == f"{SERVICE}/exercises/count-the-regions" and exercise.type == xapi.ASSESSMENT
    assert (
        xapi.question_activity(exercise, "rows", "How many rows?").id == f"{SERVICE}/exercises/count-the-regions#rows"
    )


@pytest.mark.parametrize(("minutes", "expected"), [(20, "PT20M"), (60, "PT1H"), (90, "PT1H30M"), (0, "PT0M")])
def test_durations_are_iso_8601(minutes, expected):
    assert xapi.duration(minutes) == expected


def test_timestamps_are_utc_with_milliseconds():
    assert xapi.timestamp(datetime(2026, 6, 1, 9, 30, 5, 123456)) == "2026-06-01T09:30:05.123Z"
    # Midnight in London in summer is 23:00 the day before in UTC.
    assert xapi.timestamp(xapi.start_of_uk_day(date(2026, 6, 1))) == "2026-05-31T23:00:00.000Z"


def test_an_answered_statement_says_right_or_wrong_and_the_answer_where_given():
    exercise = xapi.item_activity(SERVICE, "c", "count-the-regions", "Count the regions", "exercise")
    question = xapi.question_activity(exercise, "rows", "How many rows?")
    who = xapi.actor(LEARNER, "email")
    assert who is not None
    at = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
    wrong = xapi.answered(id="x", who=who, question=question, correct=False, at=at, platform="Data Day", response="5")
    assert wrong["verb"]["id"] == "http://adlnet.gov/expapi/verbs/answered"
    assert wrong["result"] == {"success": False, "response": "5"}
    assert wrong["object"]["id"] == f"{SERVICE}/exercises/count-the-regions#rows"
    assert wrong["context"] == {"platform": "Data Day", "language": "en-GB"}
    right = xapi.answered(id="y", who=who, question=question, correct=True, at=at, platform="Data Day", parent=exercise)
    assert right["result"] == {"success": True}
    assert right["context"]["contextActivities"] == {"parent": [exercise.as_object()]}


def test_nothing_is_checked_while_xapi_is_off():
    assert setting_problems(XapiSettings.from_config({}), production=True) == []


def test_sensible_settings_have_no_problems():
    assert setting_problems(ON, production=True) == []


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"endpoint": ""}, "XAPI_ENDPOINT must be the LRS's http or https address, not ''"),
        ({"endpoint": "ftp://lrs.example.gov.uk"}, "XAPI_ENDPOINT must be the LRS's http or https address"),
        ({"endpoint": "http://lrs.example.gov.uk/xAPI/"}, "XAPI_ENDPOINT must start https://"),
        ({"password": None}, "XAPI_USERNAME and XAPI_PASSWORD must both be set"),
        ({"actor": "name"}, "XAPI_ACTOR must be email or account, not 'name'"),
        ({"actor": "account"}, "XAPI_ACCOUNT_HOMEPAGE must be an http or https address"),
        ({"account_name": "email"}, "XAPI_ACCOUNT_NAME must be staff_number or id"),
        ({"batch_size": 0}, "XAPI_BATCH_SIZE must be between 1 and 500"),
        ({"max_attempts": 0}, "XAPI_MAX_ATTEMPTS must be 1 or more"),
    ],
)
def test_each_bad_setting_is_named(changes, problem):
    problems = setting_problems(replace(ON, **changes), production=True)
    assert len(problems) == 1 and problems[0].startswith(problem), problems


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "[::1]"])
def test_production_allows_plain_http_only_on_this_machine(host):
    assert setting_problems(replace(ON, endpoint=f"http://{host}:8100/xAPI/"), production=True) == []
    assert setting_problems(replace(ON, endpoint="http://lrs.internal:8100/xAPI/"), production=False) == []


def test_production_refuses_to_start_sending_statements_over_plain_http(monkeypatch):
    for name, value in {
        "DATA_DAY_ENV": "production",
        "DATABASE_URL": "sqlite://",
        "MAIL_BACKEND": "smtp",
        "SECRET_KEY": "x" * 48,
        "XAPI_ENABLED": "on",
        "XAPI_ENDPOINT": "http://lrs.example.gov.uk/xAPI/",
        "XAPI_USERNAME": "data-day",
        "XAPI_PASSWORD": "secret",
    }.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError, match="XAPI_ENDPOINT must start https://"):
        create_app(Config())
    monkeypatch.setenv("XAPI_ENDPOINT", "https://lrs.example.gov.uk/xAPI/")
    assert create_app(Config()).config["XAPI_ENABLED"] is True
