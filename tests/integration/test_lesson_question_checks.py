"""`flask content check` on lessons: too few marked questions at an assessed level is a problem, and minutes far
from the reading-time estimate a warning that is printed but does not fail the check; both at file and line."""

from pathlib import Path

import pytest

from tests.helpers.content_check import run_content_check
from tests.helpers.paths import copy_questions_content

TABLES = "courses/reading-charts/02-tables.md"
BAR_CHARTS = "courses/reading-charts/01-bar-charts.md"


@pytest.fixture
def check(app, settings, tmp_path):
    """Run `flask content check` over a copy of the lesson-questions fixture (which a test may change first), with
    settings a test chooses."""
    content = copy_questions_content(tmp_path)
    return lambda **overrides: run_content_check({**settings, **content, **overrides})


def edit(tmp_path: Path, name: str, old: str, new: str) -> None:
    path = tmp_path / name
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def drop_last_question(tmp_path: Path) -> None:
    path = tmp_path / TABLES
    text = path.read_text()
    path.write_text(text[: text.index("  - id: numeric-align")] + text[text.index("---\n## Reading") :])


def test_the_fixture_lessons_pass_with_no_warnings(check):
    result = check()
    assert result.exit_code == 0, result.output
    assert "Content OK: 1 courses, 2 lessons, 0 exercises" in result.output
    assert "warning" not in result.output


def test_too_few_questions_is_a_problem_at_the_lessons_line_only_at_assessed_levels(check, tmp_path):
    drop_last_question(tmp_path)
    assessed = check(ASSESSED_LEVELS=(2,), MIN_QUESTIONS=3)
    assert assessed.exit_code == 1
    assert f"{TABLES}:6: a level 2 lesson needs at least 3 marked questions under questions:, not 2" in assessed.output
    assert "1 problem(s)" in assessed.output
    assert check(ASSESSED_LEVELS=(1, 3), MIN_QUESTIONS=3).exit_code == 0
    assert check(ASSESSED_LEVELS=(2,), MIN_QUESTIONS=2).exit_code == 0


def test_a_lesson_claiming_less_than_70_percent_of_its_reading_time_is_warned_about(check, tmp_path):
    # 4 questions (4 minutes), a "Try this" task (5) and about 50 words: about 9 minutes; 6 is under 70%.
    edit(tmp_path, BAR_CHARTS, "minutes: 10", "minutes: 6")
    result = check()
    assert result.exit_code == 0, result.output  # a warning, not a problem
    assert (
        f"{BAR_CHARTS}:3: warning: minutes is 6 but the lesson takes about 9 (52 words at 200 a minute, "
        "4 questions at 1 minute each, 1 task at 5 minutes each): it claims less time than it needs"
    ) in result.output
    assert "1 warning(s)" in result.output and "Content OK" in result.output


def test_a_lesson_claiming_much_more_than_its_reading_time_is_warned_about(check, tmp_path):
    edit(tmp_path, TABLES, "minutes: 4", "minutes: 30")
    result = check()
    assert result.exit_code == 0
    assert f"{TABLES}:3: warning: minutes is 30 but the lesson takes about 3" in result.output
    assert "it claims much more time than it needs" in result.output


def test_the_words_of_a_long_lesson_count(check, tmp_path):
    edit(tmp_path, TABLES, "before the numbers.", "before the numbers. " + "word " * 2000)
    result = check()
    assert f"{TABLES}:3: warning: minutes is 4 but the lesson takes about 13 (2,014 words" in result.output
