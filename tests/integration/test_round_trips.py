"""The pages every learner opens ask the database little: the person, their session and whether they manage anyone
come in one round trip (issue 14: the fewest round trips per page)."""

import pytest
from sqlalchemy import event

from tests.helpers.accounts import make_user, sign_in
from tests.helpers.html import Page, get_page
from tests.helpers.paths import QUESTIONS_CONTENT
from webapp.extensions import db


def statements_for(client, path: str) -> tuple[list[str], Page]:
    statements: list[str] = []

    def note(_connection, _cursor, statement, *_args):
        statements.append(" ".join(statement.split()))

    event.listen(db.engine, "before_cursor_execute", note)
    try:
        page = get_page(client, path)
    finally:
        event.remove(db.engine, "before_cursor_execute", note)
    return statements, page


def test_the_navigation_asks_nothing_of_its_own_for_a_learner_or_a_manager(client, org):
    for who, sees_team in (("sam", False), ("pat", True)):
        sign_in(client, org[who])
        get_page(client, "/courses")  # the first visit notes the start of the session; count the next
        statements, page = statements_for(client, "/courses")
        assert ("My team" in page.texts(".govuk-service-navigation__item")) is sees_team
        assert statements[0].startswith("SELECT sign_in_sessions.id")  # the person, their session, and
        assert "manager_id" in statements[0]  # whether anyone active reports to them, in the same query
        assert not any("manager_id" in statement for statement in statements[1:]), statements
        assert len(statements) <= 4, statements


@pytest.fixture
def lesson_questions(settings):
    settings.update(QUESTIONS_CONTENT)
    return settings


def test_a_lesson_with_questions_finds_its_row_once(lesson_questions, client):
    sign_in(client, make_user())
    get_page(client, "/courses/reading-charts/bar-charts")  # the first opening notes the start; count the next
    statements, page = statements_for(client, "/courses/reading-charts/bar-charts")
    assert page.heading() == "Bar charts"
    assert len([s for s in statements if s.startswith("SELECT course_items.id")]) == 1, statements
    assert len(statements) <= 6, statements
