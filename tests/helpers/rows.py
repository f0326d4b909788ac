"""Row factories: one plain function per kind of row, each committing and returning the row it made.

Content rows (courses and their items) come from the fixture content the app syncs: look them up with
course_item. Completions go through record_completion, as the app credits them, so the totals stay right.
"""

from datetime import date, datetime
from itertools import count

from flask import current_app
from sqlalchemy import select

from tests.helpers.accounts import make_user
from webapp.db.clock import uk_today, utcnow
from webapp.extensions import db
from webapp.models import (
    Completion,
    CourseItem,
    Department,
    ExerciseAttempt,
    ItemStart,
    LessonAnswer,
    OutsideLearning,
    User,
)
from webapp.models.outside_learning import UNCONFIRMED
from webapp.queries.completions import record_completion, refresh_totals
from webapp.training.requirement import FTE_SCALE
from webapp.training.years import TrainingYear, training_year
from webapp.web.years import current_training_year

_numbers = count(1)


def course_item(slug: str) -> CourseItem:
    """A lesson or exercise of the fixture course, by slug."""
    return db.session.scalars(select(CourseItem).where(CourseItem.slug == slug)).one()


def course_items() -> list[CourseItem]:
    return list(db.session.scalars(select(CourseItem).order_by(CourseItem.position)))


def make_department(name: str | None = None, *, count_unconfirmed: bool = True) -> Department:
    department = Department(name=name or f"Department {next(_numbers)}", count_unconfirmed=count_unconfirmed)
    db.session.add(department)
    db.session.commit()
    return department


def make_person(
    name: str | None = None,
    *,
    department: Department | None = None,
    manager: User | None = None,
    grade: str = "EO",
    fte: float = 1,
    staff_number: str | None = None,
    email: str | None = None,
    admin: bool = False,
) -> User:
    """Someone in the organisation, as an HR import places them: a department, a grade, a line manager,
    and a line path running from the top of their line to them. They can sign in with PASSWORD."""
    person = make_user(name, email=email, admin=admin)
    person.staff_number = staff_number or f"S{person.id}"
    person.department_id = department.id if department else None
    person.grade = grade
    person.fte = round(fte * FTE_SCALE)
    person.manager_id = manager.id if manager else None
    person.line_path = (manager.line_path if manager else "/") + f"{person.id}/"
    db.session.commit()
    return person


def _year(year: TrainingYear | int | None) -> TrainingYear:
    if year is None:
        return current_training_year()
    return year if isinstance(year, TrainingYear) else training_year(year, current_app.config["YEAR_START"])


def make_completion(
    person: User, item: CourseItem, *, year: TrainingYear | int | None = None, at: datetime | None = None
) -> Completion:
    """Credited by record_completion, in this training year unless told. `at` backdates it, and the year's
    totals are then rebuilt (as after a bulk load), so they still agree with the completions."""
    year = _year(year)
    assert record_completion(db.session, person.id, item, year), f"{item.slug} was already completed in {year.label}"
    completion = db.session.scalars(
        select(Completion).where(
            Completion.user_id == person.id, Completion.item_id == item.id, Completion.training_year == year.label
        )
    ).one()
    if at is not None:
        completion.completed_at = at
        db.session.flush()
        refresh_totals(db.session, year.label)
    db.session.commit()
    return completion


def make_outside_learning(
    person: User,
    *,
    title: str = "Stats webinar",
    provider: str = "ONS",
    minutes: int = 60,
    on: date | None = None,
    status: str = UNCONFIRMED,
    reviewed_by: User | None = None,
    comment: str | None = None,
) -> OutsideLearning:
    """Learning logged from outside Data Day, today unless told, waiting for a manager's review unless told."""
    entry = OutsideLearning(
        user_id=person.id,
        title=title,
        provider=provider,
        learned_on=on or uk_today(),
        minutes=minutes,
        status=status,
        reviewed_by_id=reviewed_by.id if reviewed_by else None,
        reviewed_at=utcnow() if reviewed_by else None,
        review_comment=comment,
    )
    db.session.add(entry)
    db.session.commit()
    return entry


def make_exercise_attempt(
    person: User,
    exercise: CourseItem,
    question_id: str,
    *,
    correct: bool,
    answer: str = "x",
    year: TrainingYear | int | None = None,
) -> ExerciseAttempt:
    attempt = ExerciseAttempt(
        user_id=person.id,
        item_id=exercise.id,
        question_id=question_id,
        answer=answer,
        correct=correct,
        training_year=_year(year).label,
    )
    db.session.add(attempt)
    db.session.commit()
    return attempt


def make_lesson_answer(
    person: User,
    lesson: CourseItem,
    question_id: str,
    answer: str,
    *,
    correct: bool,
    year: TrainingYear | int | None = None,
) -> LessonAnswer:
    """An answer to one of a lesson's marked questions, as the checker records it, in this training year unless told."""
    row = LessonAnswer(
        user_id=person.id,
        item_id=lesson.id,
        question_id=question_id,
        answer=answer,
        correct=correct,
        training_year=_year(year).label,
    )
    db.session.add(row)
    db.session.commit()
    return row


def make_item_start(
    person: User, item: CourseItem, *, at: datetime | None = None, year: TrainingYear | int | None = None
) -> ItemStart:
    """The first time someone opened a lesson or exercise in a training year."""
    start = ItemStart(user_id=person.id, item_id=item.id, training_year=_year(year).label)
    if at is not None:
        start.started_at = at
    db.session.add(start)
    db.session.commit()
    return start
