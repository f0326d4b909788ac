"""Every entry on a training record says what evidence stands behind it, on the learner's page, their manager's
read-only view and the CSV download alike, found with a few queries for the whole record."""

import pytest
from sqlalchemy import event

from tests.helpers.accounts import sign_in
from tests.helpers.downloads import csv_rows
from tests.helpers.evidence import PDF, send_outside_learning
from tests.helpers.html import get_page
from tests.helpers.rows import (
    course_item,
    make_completion,
    make_exercise_attempt,
    make_lesson_answer,
    make_outside_learning,
)
from webapp.db.clock import uk_today
from webapp.extensions import db
from webapp.queries.reviews import review
from webapp.web.labels import long_date


@pytest.fixture
def settings(settings, tmp_path):
    return {**settings, "EVIDENCE_DIR": str(tmp_path / "evidence")}


@pytest.fixture
def sam(client, org):
    """Sam Jones (managed by Alex Smith) has one entry of every kind of evidence."""
    sam, alex = org["sam"], org["alex"]
    lesson = course_item("rows-and-columns")
    for question, correct in [("cells", False), ("cells", True), ("headers", True)]:
        make_lesson_answer(sam, lesson, question, "x", correct=correct)
    make_completion(sam, lesson)
    make_completion(sam, course_item("types-of-value"))  # no questions: marked as complete
    exercise = course_item("count-the-regions")
    for question in ["rows", "mean", "largest"]:
        make_exercise_attempt(sam, exercise, question, correct=True)
    make_completion(sam, exercise)
    confirmed = make_outside_learning(sam, title="Data ethics workshop", provider="Analysis Function")
    review(db.session, confirmed, alex, confirm=True)
    make_outside_learning(sam, title="Stats webinar", provider="ONS")
    db.session.commit()
    sign_in(client, sam)
    response = send_outside_learning(client, "/outside-learning/new", PDF, "attendance.pdf", title="R conference")
    assert response.status_code == 302
    return sam


def expected_evidence() -> dict[str, str]:
    today = long_date(uk_today())
    waiting = "Logged by the learner, not yet confirmed by a manager (the department counts it meanwhile)"
    return {
        "Rows and columns": "2 of 2 marked questions answered correctly (2 attempts)",
        "Types of value": "Marked as complete",
        "Count the regions": "answers checked, 3 of 3 marked questions answered correctly (first attempt)",
        "Data ethics workshop": f"Confirmed by their manager, Alex Smith, on {today}",
        "Stats webinar": waiting,
        "R conference": f"{waiting}. Evidence file attached",
    }


def evidence_on_page(page) -> dict[str, str]:
    """Each entry's title (the first line of its Learning cell) with its Evidence cell."""
    table = page.table("Learning recorded")
    evidence = table.head.index("Evidence")
    titles = [element.text for element in page.elements("table tbody tr td:nth-of-type(2) > strong:not(.govuk-tag)")]
    assert len(titles) == len(table.rows)
    return {title: row[evidence] for title, row in zip(titles, table.rows, strict=True)}


def test_the_learner_s_record_says_what_stands_behind_each_entry(client, sam):
    page = get_page(client, "/my-training-record")
    shown = evidence_on_page(page)
    file_line = shown.pop("R conference")
    expected = expected_evidence()
    assert file_line.startswith(expected.pop("R conference") + " attendance.pdf (evidence for R conference) (PDF, ")
    assert shown == expected
    [link] = [link for link in page.links() if link.text.startswith("attendance.pdf")]
    assert link.href.startswith("/outside-learning/") and link.href.endswith("/evidence")


def test_the_manager_s_read_only_view_shows_the_same_evidence(client, sam, org):
    sign_in(client, org["alex"])
    page = get_page(client, f"/my-team/people/{sam.id}")
    shown = evidence_on_page(page)
    assert shown["R conference"].startswith(expected_evidence()["R conference"] + " attendance.pdf")
    assert {title: line for title, line in shown.items() if title != "R conference"} == {
        title: line for title, line in expected_evidence().items() if title != "R conference"
    }


def test_the_csv_download_has_the_evidence_of_each_entry(client, sam):
    rows = csv_rows(client.get("/my-training-record/download"))
    evidence = rows[0].index("Evidence")
    assert {row[2]: row[evidence] for row in rows[1:]} == expected_evidence()


def test_the_record_asks_the_same_few_queries_however_many_entries_it_has(client, org):
    """Evidence is fetched for the whole record at once, never once per entry."""
    sam = org["sam"]
    sign_in(client, sam)

    def queries_for_record() -> int:
        statements = []
        listener = lambda *args: statements.append(args[2])  # noqa: E731
        event.listen(db.engine, "before_cursor_execute", listener)
        try:
            get_page(client, "/my-training-record")
        finally:
            event.remove(db.engine, "before_cursor_execute", listener)
        return len(statements)

    make_outside_learning(sam, title="First")
    make_completion(sam, course_item("rows-and-columns"))
    few = queries_for_record()
    for number in range(5):
        make_outside_learning(sam, title=f"More {number}")
    for slug in ["types-of-value", "checking-totals", "count-the-regions"]:
        make_completion(sam, course_item(slug))
    send_outside_learning(client, "/outside-learning/new", PDF, title="With a file")
    assert queries_for_record() == few
