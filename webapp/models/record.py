"""A person's training record: what counted, in which training year, and the total."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from webapp.models.clock import uk_date
from webapp.models.content import Course, CourseItem
from webapp.models.dialects import greatest, month_of, upsert
from webapp.models.people import FTE_SCALE, User
from webapp.models.progress import progress_query
from webapp.models.training import Completion, MonthTotal, OutsideLearning, TrainingTotal
from webapp.training.requirement import Progress
from webapp.training.years import TrainingYear, YearStart, training_year, year_containing


@dataclass(frozen=True)
class Entry:
    """One line of the record, whatever its source."""

    on: date
    kind: str  # "Lesson", "Exercise" or "Outside learning"
    title: str
    source: str  # the course, or the outside provider
    minutes: int
    outside_id: int | None = None
    status: str | None = None  # outside learning's review: unconfirmed, confirmed or returned
    comment: str | None = None  # the manager's, when they sent it back


@dataclass(frozen=True)
class YearProgress:
    """What counted toward a person's requirement in a year, with outside learning split by review."""

    learning: int
    confirmed: int
    unconfirmed: int
    counts_unconfirmed: bool
    minutes: int
    required: int
    fte: int

    @property
    def progress(self) -> Progress:
        return Progress(self.minutes, self.required)

    @property
    def part_time(self) -> bool:
        return self.fte < FTE_SCALE

    @property
    def fte_percent(self) -> str:
        return f"{self.fte * 100 / FTE_SCALE:g}%"


def year_progress(session: Session, user: User, year: TrainingYear, required: int) -> YearProgress:
    row = session.execute(progress_query(year, required, User.id == user.id, active_only=False)).one()
    return YearProgress(
        row.learning_minutes,
        row.confirmed_minutes,
        row.unconfirmed_minutes,
        bool(row.counts_unconfirmed),
        row.minutes,
        row.required,
        row.fte,
    )


def record_completion(session: Session, user_id: int, item: CourseItem, year: TrainingYear) -> bool:
    """Credit an item once per training year. True if this call recorded it.

    The unique constraint decides, so two tabs or concurrent requests cannot both count.
    """
    try:
        with session.begin_nested():
            completion = Completion(user_id=user_id, item_id=item.id, training_year=year.label, minutes=item.minutes)
            session.add(completion)
            session.flush()
            _add_to_total(session, completion)
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


def completed_item_ids(session: Session, user_id: int, year: TrainingYear) -> set[int]:
    query = select(Completion.item_id).where(Completion.user_id == user_id, Completion.training_year == year.label)
    return set(session.scalars(query))


def entries_in_year(session: Session, user_id: int, year: TrainingYear) -> list[Entry]:
    completions = session.execute(
        select(Completion.completed_at, Completion.minutes, CourseItem.kind, CourseItem.title, Course.title)
        .join(CourseItem, Completion.item_id == CourseItem.id)
        .join(Course, CourseItem.course_id == Course.id)
        .where(Completion.user_id == user_id, Completion.training_year == year.label)
    )
    entries = [
        Entry(uk_date(at), kind.capitalize(), title, course, minutes)
        for at, minutes, kind, title, course in completions
    ]
    outside = session.scalars(
        select(OutsideLearning).where(
            OutsideLearning.user_id == user_id, OutsideLearning.learned_on.between(year.starts, year.ends)
        )
    )
    entries += [
        Entry(o.learned_on, "Outside learning", o.title, o.provider, o.minutes, o.id, o.status, o.review_comment)
        for o in outside
    ]
    return sorted(entries, key=lambda entry: (entry.on, entry.title), reverse=True)


def years_with_activity(session: Session, user_id: int, start: YearStart, current: TrainingYear) -> list[TrainingYear]:
    """Earlier training years in which the person has anything recorded, newest first."""
    labels = set(session.scalars(select(Completion.training_year).where(Completion.user_id == user_id).distinct()))
    days = session.scalars(select(OutsideLearning.learned_on).where(OutsideLearning.user_id == user_id))
    labels |= {year_containing(day, start).label for day in days}
    return [training_year(label, start) for label in sorted(labels, reverse=True) if label < current.label]
