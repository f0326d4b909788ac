"""A person's training record: what counted, in which training year, and the total."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from webapp.models.clock import uk_date
from webapp.models.content import Course, CourseItem
from webapp.models.people import FTE_SCALE, User
from webapp.models.progress import progress_query
from webapp.models.training import Completion, OutsideLearning, TrainingTotal
from webapp.models.upsert import upsert
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
    counts = user.department.count_unconfirmed if user.department else True
    return YearProgress(
        row.learning_minutes, row.confirmed_minutes, row.unconfirmed_minutes, counts, row.minutes, row.required, row.fte
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
    """In the completion's own savepoint, so the total and the rows never disagree."""
    totals, dialect = TrainingTotal.__table__, session.get_bind().dialect
    latest = func.greatest if dialect.name == "postgresql" else func.max  # SQLite's max() of two values
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
                "last_completed_at": latest(totals.c.last_completed_at, completion.completed_at),
            },
        )
    )


def refresh_totals(session: Session, year_label: int) -> None:
    """Rebuild a year's totals from its completions: after loading completions in bulk, or to check them."""
    totals = TrainingTotal.__table__
    session.execute(delete(totals).where(totals.c.training_year == year_label))
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
    columns = ["user_id", "training_year", "minutes", "completions", "last_completed_at"]
    session.execute(insert(totals).from_select(columns, per_person))


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
