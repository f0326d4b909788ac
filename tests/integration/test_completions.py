"""A completion counts once per person, item and training year, however it arrives (two tabs, a double click,
two app servers at once), and the year's totals kept beside the completions always agree with them."""

import threading

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from tests.helpers.accounts import make_user
from tests.helpers.rows import course_item, course_items
from webapp.extensions import db
from webapp.models import Completion, CourseItem, TrainingTotal
from webapp.queries.completions import record_completion, refresh_totals
from webapp.training.years import YearStart, training_year
from webapp.web.years import current_training_year

ATTEMPTS = 6


def test_concurrent_completions_make_one_record(app):
    user_id = make_user().id
    item_id = course_item("rows-and-columns").id
    engine = db.engine
    year = training_year(2026, YearStart(1, 1))
    barrier = threading.Barrier(ATTEMPTS)
    results: list[bool] = []
    errors: list[BaseException] = []

    def attempt():
        try:
            with Session(engine) as session:  # one connection each, like separate requests
                item = session.get(CourseItem, item_id)
                barrier.wait(timeout=10)
                recorded = record_completion(session, user_id, item, year)
                session.commit()
                results.append(recorded)
        except BaseException as error:  # surfaced below
            errors.append(error)

    threads = [threading.Thread(target=attempt) for _ in range(ATTEMPTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert sorted(results) == [False] * (ATTEMPTS - 1) + [True]
    assert db.session.scalar(select(func.count()).select_from(Completion)) == 1
    total = db.session.scalars(select(TrainingTotal)).one()  # the losers' savepoints took their totals with them
    assert (total.completions, total.minutes) == (1, db.session.scalar(select(Completion.minutes)))


def test_the_database_itself_refuses_a_second_completion_in_the_same_year(app):
    user = make_user()
    item = course_item("rows-and-columns")
    db.session.add(Completion(user_id=user.id, item_id=item.id, training_year=2026, minutes=15))
    db.session.commit()
    db.session.add(Completion(user_id=user.id, item_id=item.id, training_year=2026, minutes=15))
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()
    db.session.add(Completion(user_id=user.id, item_id=item.id, training_year=2027, minutes=15))
    db.session.commit()  # a new training year counts again
    assert db.session.scalar(select(func.count()).select_from(Completion)) == 2


def test_each_completion_keeps_its_year_total_and_a_rebuild_agrees(app):
    sam = make_user()
    year = current_training_year()
    items = course_items()
    for item in items:
        assert record_completion(db.session, sam.id, item, year)
    assert not record_completion(db.session, sam.id, items[0], year)  # again: not counted twice
    db.session.commit()

    def totals():
        return [
            (t.user_id, t.training_year, t.minutes, t.completions) for t in db.session.scalars(select(TrainingTotal))
        ]

    kept = totals()
    assert kept == [(sam.id, year.label, sum(item.minutes for item in items), len(items))]
    refresh_totals(db.session, year.label)
    db.session.commit()
    assert totals() == kept
