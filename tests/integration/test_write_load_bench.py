"""The write-load bench (bench/write_load.py) in miniature, so it does not rot: a few of its learners against the
test app on a real port for a couple of seconds, then its reconciliation, which must also catch what is wrong."""

from dataclasses import replace

import pytest
from sqlalchemy import text

from bench.load_clients import Ledger, plan_from, right_answers, run_learners, wrong_answers
from bench.reconcile import OUTSIDE, questions_by_item, reconcile, totals_disagreeing
from tests.helpers.accounts import PASSWORD, make_user
from tests.helpers.paths import PROJECT_ROOT
from tests.helpers.servers import serving
from webapp.content.answers import mark_submission
from webapp.content.library import load_library
from webapp.extensions import db
from webapp.web.content_pages import content_library


@pytest.fixture
def served(app):
    with serving(app) as url:
        yield url


@pytest.fixture
def bench_run(served):
    """Three learners for three seconds; the ledger of what they sent, and each exercise's number of questions."""
    accounts = [(make_user().email, PASSWORD) for _ in range(3)]
    ledger = Ledger()
    run_learners(served, accounts, plan_from(content_library()), ledger, seconds=3)
    return ledger, questions_by_item(content_library().exercises)


def checks_of(ledger: Ledger, questions: dict[str, int]) -> dict:
    db.session.commit()  # a new transaction, seeing everything the server's threads committed
    return {check.kind: check for check in reconcile(db.session.connection(), ledger.writes, questions)}


def test_the_learners_writes_are_all_found_once(bench_run):
    ledger, questions = bench_run
    checks = checks_of(ledger, questions)
    assert all(check.acknowledged > 0 for check in checks.values()), checks
    assert [check for check in checks.values() if not check.ok] == []
    assert totals_disagreeing(db.session.connection()) == []
    assert {heard.status for heard in ledger.answers} <= {200, 302}


COLUMNS = "provider, learned_on, minutes, status, created_at, updated_at"
COPY_ENTRY = f"""INSERT INTO outside_learning (user_id, title, {COLUMNS})
SELECT user_id, :copy, {COLUMNS} FROM outside_learning WHERE title = :title"""


def test_the_reconciliation_finds_lost_duplicated_and_unsent_rows(bench_run):
    ledger, questions = bench_run
    stored = next(w for w in ledger.writes if w.kind == OUTSIDE and w.acknowledged)
    ledger.wrote(replace(stored, key="Acknowledged, never stored"))
    db.session.execute(text(COPY_ENTRY), {"title": stored.key, "copy": "Stored, never sent"})
    db.session.execute(text(COPY_ENTRY), {"title": stored.key, "copy": stored.key})
    db.session.execute(text("UPDATE training_totals SET minutes = minutes + 1"))
    outside = checks_of(ledger, questions)[OUTSIDE]
    assert (outside.lost, outside.duplicated, outside.unexplained) == (1, 1, 1)
    assert totals_disagreeing(db.session.connection()) != []


def test_every_real_exercise_the_bench_answers_is_marked_as_it_expects():
    plan = plan_from(load_library(PROJECT_ROOT / "courses", PROJECT_ROOT / "exercises"))
    assert plan.lessons and plan.exercises
    for exercise in plan.exercises:
        wrong = mark_submission(exercise.questions, {q.id: answer for q, answer in wrong_answers(exercise, 1)})
        right = mark_submission(exercise.questions, {q.id: answer for q, answer in right_answers(exercise.questions)})
        assert not wrong.unreadable and not any(m.verdict.correct for m in wrong.marked), exercise.slug
        assert right.all_correct, exercise.slug


def test_every_real_lesson_the_bench_completes_is_answered_right_at_each_of_its_places():
    library = load_library(PROJECT_ROOT / "courses", PROJECT_ROOT / "exercises")
    plan = plan_from(library)
    for course in library.courses:
        for lesson in course.lessons:
            groups = plan.questions[f"{course.slug}/{lesson.slug}"]
            # Every question once, in one of the forms: the last right answers complete the lesson.
            assert sorted(q.id for _place, questions in groups for q in questions) == sorted(
                q.id for q in lesson.questions
            ), lesson.slug
            for place, questions in groups:
                right = mark_submission(questions, {q.id: answer for q, answer in right_answers(questions)})
                assert right.all_correct, (lesson.slug, place)
