"""Crediting lessons and exercises: once per person, item and training year, with the totals kept beside them.

Also the first opening of an item in a year (the start of 'time to complete') and every answer to an exercise.
"""

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import bindparam, delete, func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from webapp.content.answers import Marked, Marking
from webapp.db.dialects import greatest, month_of, upsert
from webapp.models.completions import Completion, ExerciseAttempt, ItemStart, MonthTotal, TrainingTotal
from webapp.models.content import CourseItem
from webapp.models.lesson_answers import LessonAnswer
from webapp.models.people import User
from webapp.queries.xapi_queue import queue_completion, queue_exercise_answers
from webapp.training.years import TrainingYear
from webapp.xapi.settings import XapiSettings


def record_completion(
    session: Session, user_id: int, item: CourseItem, year: TrainingYear, xapi: XapiSettings | None = None
) -> bool:
    """Credit an item once per training year. True if this call recorded it.

    The unique constraint decides, so two tabs or concurrent requests cannot both count. With xAPI on, its
    "completed" statement is queued in the same savepoint: only a completion that counted is reported.
    """
    try:
        with session.begin_nested():
            completion = Completion(user_id=user_id, item_id=item.id, training_year=year.label, minutes=item.minutes)
            session.add(completion)
            session.flush()
            _add_to_total(session, completion)
            queue_completion(session, xapi, completion)
    except IntegrityError:
        return False
    return True


def _add_to_total(session: Session, completion: Completion) -> None:
    """In the completion's own savepoint, so the totals and the rows never disagree."""
    dialect = session.get_bind().dialect
    totals, months = TrainingTotal.__table__, MonthTotal.__table__
    session.execute(
        upsert(
            dialect,
            totals,
            {
                "user_id": completion.user_id,
                "training_year": completion.training_year,
                "minutes": completion.minutes,
                "completions": 1,
                "last_completed_at": completion.completed_at,
            },
            [totals.c.user_id, totals.c.training_year],
            {
                "minutes": totals.c.minutes + completion.minutes,
                "completions": totals.c.completions + 1,
                "last_completed_at": greatest(dialect)(totals.c.last_completed_at, completion.completed_at),
            },
        )
    )
    department = session.scalar(select(User.department_id).where(User.id == completion.user_id))
    session.execute(
        upsert(
            dialect,
            months,
            {
                "training_year": completion.training_year,
                "month": completion.completed_at.strftime("%Y-%m"),
                "department_key": department or 0,
                "minutes": completion.minutes,
            },
            [months.c.training_year, months.c.month, months.c.department_key],
            {"minutes": months.c.minutes + completion.minutes},
        )
    )


def refresh_totals(session: Session, year_label: int) -> None:
    """Rebuild a year's totals from its completions: after loading completions in bulk, or to check them."""
    dialect = session.get_bind().dialect
    totals, months = TrainingTotal.__table__, MonthTotal.__table__
    session.execute(delete(totals).where(totals.c.training_year == year_label))
    session.execute(delete(months).where(months.c.training_year == year_label))
    per_person = (
        select(
            Completion.user_id,
            Completion.training_year,
            func.sum(Completion.minutes),
            func.count(),
            func.max(Completion.completed_at),
        )
        .where(Completion.training_year == year_label)
        .group_by(Completion.user_id, Completion.training_year)
    )
    session.execute(
        insert(totals).from_select(
            ["user_id", "training_year", "minutes", "completions", "last_completed_at"], per_person
        )
    )
    month = month_of(Completion.completed_at, dialect)
    department = func.coalesce(User.department_id, 0)
    per_month = (
        select(Completion.training_year, month, department, func.sum(Completion.minutes))
        .join(User, User.id == Completion.user_id)
        .where(Completion.training_year == year_label)
        .group_by(Completion.training_year, month, department)
    )
    session.execute(insert(months).from_select(["training_year", "month", "department_key", "minutes"], per_month))


# Every catalogue, course and item page asks: built once, as building a statement cost more than running it.
COMPLETED_ITEM_IDS = select(Completion.item_id).where(
    Completion.user_id == bindparam("user_id"), Completion.training_year == bindparam("year")
)


def completed_item_ids(session: Session, user_id: int, year: TrainingYear) -> set[int]:
    return set(session.scalars(COMPLETED_ITEM_IDS, {"user_id": user_id, "year": year.label}))


Answer = TypeVar("Answer", ExerciseAttempt, LessonAnswer)


def store_answers(
    session: Session,
    model: type[Answer],
    user_id: int,
    item: CourseItem,
    marking: Marking,
    year: TrainingYear,
    xapi: XapiSettings | None,
    queue: Callable[[Session, XapiSettings, CourseItem, list[tuple[Answer, Marked]]], None],
) -> None:
    """A row of `model` for each answer the checker could read, as it recorded it: an exercise's or a lesson's.
    With xAPI on, `queue` queues their statements in the same transaction."""
    rows = [
        model(
            user_id=user_id,
            item_id=item.id,
            question_id=m.question.id,
            answer=m.verdict.recorded,
            correct=m.verdict.correct,
            training_year=year.label,
        )
        for m in marking.marked
    ]
    session.add_all(rows)
    if xapi is not None and xapi.enabled:
        session.flush()  # the rows' ids name their statements
        queue(session, xapi, item, list(zip(rows, marking.marked, strict=True)))


def record_submission(
    session: Session,
    user_id: int,
    item: CourseItem,
    marking: Marking,
    year: TrainingYear,
    xapi: XapiSettings | None = None,
) -> bool:
    """Store every answer; complete the exercise when all are right. True if this submission completed it."""
    store_answers(session, ExerciseAttempt, user_id, item, marking, year, xapi, queue_exercise_answers)
    if marking.all_correct:
        return record_completion(session, user_id, item, year, xapi)
    return False


def record_start(session: Session, user_id: int, item: CourseItem, year: TrainingYear) -> bool:
    """Note the first view of a synced item this year (the caller knows it was not noted: opened_item says).
    True if this call noted it; another tab that noted it first wins."""
    try:
        with session.begin_nested():  # another tab may note it first: the unique constraint decides
            session.add(ItemStart(user_id=user_id, item_id=item.id, training_year=year.label))
    except IntegrityError:
        return False
    return True
