"""REMINDER_SCHEDULE: reading the rules, refusing bad ones with a clear message, and the days each is due."""

from datetime import date

import pytest

from webapp import config, create_app
from webapp.config import DEFAULT_REMINDER_SCHEDULE, ConfigError
from webapp.reminders.schedule import AFTER, BEFORE, MONTHLY, ScheduleError, due_occasions, parse_schedule
from webapp.training.years import YearStart

JANUARY, APRIL = YearStart(1, 1), YearStart(4, 1)


def test_the_default_schedule_is_90_30_and_7_days_before_monthly_and_after():
    rules = {rule.name: rule for rule in parse_schedule(DEFAULT_REMINDER_SCHEDULE)}
    assert [(rule.when, rule.days) for rule in rules.values()] == [
        (BEFORE, 90),
        (BEFORE, 30),
        (BEFORE, 7),
        (MONTHLY, 0),
        (AFTER, 1),
    ]
    assert rules["not-started"].audience == "not started" and rules["not-started"].optional
    assert rules["week-left"].required and rules["week-left"].manager == "line"


@pytest.mark.parametrize(
    ("schedule", "message"),
    [
        ("early 90 days before, not met, optional, none", "rule 1 .* must start with a name"),
        ("Early: 90 days before, not met, optional, none", "rule 1 .* must start with a name"),
        ("early: 90 days before, not met, optional", "needs 4 parts after the name"),
        ("early: 90 day befor, not met, optional, none", "when must be 'N days before'"),
        ("early: 0 days before, not met, optional, none", "N 1 to 364"),
        ("early: 400 days before, not met, optional, none", "N 1 to 364"),
        ("a: monthly, not met, optional, none; b: weekly, not met, optional, none", r"rule 2 \('b'\)"),
        ("early: monthly, everyone, optional, none", "the audience must be 'not met', 'not started' or"),
        ("early: monthly, not met, maybe, none", "must be optional or required, not 'maybe'"),
        ("early: monthly, not met, optional, boss", "the manager part must be 'none', 'team' or 'line'"),
        ("a: monthly, not met, optional, none; a: 7 days after, not met, optional, none", "more than one rule a"),
    ],
)
def test_a_bad_schedule_is_refused_naming_the_rule_and_the_part(schedule, message):
    with pytest.raises(ScheduleError, match=message):
        parse_schedule(schedule)


def test_the_app_refuses_to_start_with_a_bad_schedule():
    with pytest.raises(ConfigError, match="REMINDER_SCHEDULE rule 1 .* when must be"):
        create_app(config.TestConfig(), {"REMINDER_SCHEDULE": "early: soon, not met, optional, none"})


@pytest.mark.parametrize(("setting", "value"), [("REMINDER_CATCH_UP_DAYS", 0), ("REMINDER_LINK_DAYS", 400)])
def test_the_app_refuses_reminder_days_out_of_range(setting, value):
    with pytest.raises(ConfigError, match=setting):
        create_app(config.TestConfig(), {setting: value})


def test_an_empty_schedule_sends_nothing():
    assert parse_schedule("") == []


def due_names(day: date, start: YearStart = JANUARY, catch_up: int = 1) -> list[str]:
    rules = parse_schedule(DEFAULT_REMINDER_SCHEDULE)
    return [f"{item.rule.name} {item.year.label}" for item in due_occasions(rules, day, start, catch_up)]


@pytest.mark.parametrize(
    ("day", "due"),
    [
        (date(2027, 10, 3), ["early 2027"]),  # 90 days left, counting 3 October
        (date(2027, 12, 2), ["month-left 2027"]),
        (date(2027, 12, 25), ["week-left 2027"]),
        (date(2027, 12, 1), ["not-started 2027"]),
        (date(2028, 1, 1), ["missed 2027"]),  # about the year that has just ended
        (date(2027, 1, 1), ["missed 2026"]),  # not "not started" on the year's first day
        (date(2027, 12, 3), []),
    ],
)
def test_each_rule_is_due_on_its_day(day, due):
    assert due_names(day) == due


def test_a_missed_day_is_caught_up_within_the_catch_up_days_and_not_after():
    assert due_names(date(2027, 12, 4), catch_up=3) == ["month-left 2027"]
    assert due_names(date(2027, 12, 5), catch_up=3) == []


def test_a_year_starting_in_april_has_its_reminders_before_the_end_of_march():
    assert due_names(date(2028, 3, 25), APRIL) == ["week-left 2027"]
    assert due_names(date(2028, 4, 1), APRIL) == ["missed 2027"]
    assert due_names(date(2027, 5, 1), APRIL) == ["not-started 2027"]
