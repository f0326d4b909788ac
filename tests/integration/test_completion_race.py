"""Two tabs, a double click or two app servers completing the same lesson at once count it once."""

import threading

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tests.helpers import make_user
from webapp.extensions import db
from webapp.models import Completion, CourseItem, TrainingTotal
from webapp.queries.completions import record_completion
from webapp.training.years import YearStart, training_year

ATTEMPTS = 6


def test_concurrent_completions_make_one_record(app):
    user_id = make_user().id
    item_id = db.session.scalars(select(CourseItem.id)).first()
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
