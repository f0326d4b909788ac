"""A person's training record: what counted, in which training year, and the total."""

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import Session

from webapp.db.clock import uk_date
from webapp.models.completions import Completion
from webapp.models.content import Course, CourseItem
from webapp.models.outside_learning import OutsideLearning
from webapp.models.people import User
from webapp.queries.outside_learning import KEPT, confirmed_part
from webapp.queries.people_progress import people_progress
from webapp.training.requirement import FTE_SCALE, Progress
from webapp.training.years import TrainingYear, YearStart, training_year, year_containing

OUTSIDE = "outside"  # an Entry's kind for learning logged from elsewhere; lessons and exercises keep theirs


@dataclass(frozen=True)
class Entry:
    """One line of the record, whatever its source."""

    on: date
    kind: str  # "lesson", "exercise" or OUTSIDE
    title: str
    source: str  # the course, or the outside provider
    minutes: int
    outside_id: int | None = None
    status: str | None = None  # outside learning's review: unconfirmed, confirmed or returned
    comment: str | None = None  # the manager's, when they sent it back
    # While a change to confirmed learning waits for the manager: the minutes that still count meanwhile.
    counts_while_waiting: int | None = None
    item_id: int | None = None  # the lesson or exercise, for its evidence (queries.record_evidence)

    @property
    def change_waiting(self) -> bool:
        return self.counts_while_waiting is not None


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


@lru_cache(maxsize=16)
def _progress_statement(year: TrainingYear, required: int) -> Select:
    """One person's row of people_progress, built once per year and requirement: every record page asks, and
    building the statement cost more than running it."""
    return people_progress(year, required, User.id == bindparam("user_id"), active_only=False)


def year_progress(session: Session, user: User, year: TrainingYear, required: int) -> YearProgress:
    row = session.execute(_progress_statement(year, required), {"user_id": user.id}).one()
    return YearProgress(
        row.learning_minutes,
        row.confirmed_minutes,
        row.unconfirmed_minutes,
        bool(row.counts_unconfirmed),
        row.minutes,
        row.required,
        row.fte,
    )


# The statements every record page runs, built once: building them cost more than running them.
COMPLETED_IN_YEAR = (
    select(Completion.completed_at, Completion.minutes, CourseItem.kind, CourseItem.title, Course.title, CourseItem.id)
    .join(CourseItem, Completion.item_id == CourseItem.id)
    .join(Course, CourseItem.course_id == Course.id)
    .where(Completion.user_id == bindparam("user_id"), Completion.training_year == bindparam("year"))
)
OUTSIDE_IN_YEAR = select(OutsideLearning, confirmed_part()).where(
    OutsideLearning.user_id == bindparam("user_id"),
    OutsideLearning.learned_on.between(bindparam("starts"), bindparam("ends")),
    KEPT,
)
YEARS_COMPLETED = select(Completion.training_year).where(Completion.user_id == bindparam("user_id")).distinct()
DAYS_LEARNED_OUTSIDE = select(OutsideLearning.learned_on).where(OutsideLearning.user_id == bindparam("user_id"), KEPT)


def entries_in_year(session: Session, user_id: int, year: TrainingYear) -> list[Entry]:
    completions = session.execute(COMPLETED_IN_YEAR, {"user_id": user_id, "year": year.label})
    entries = [
        Entry(uk_date(at), kind, title, course, minutes, item_id=item_id)
        for at, minutes, kind, title, course, item_id in completions
    ]
    outside = session.execute(OUTSIDE_IN_YEAR, {"user_id": user_id, "starts": year.starts, "ends": year.ends})
    entries += [
        Entry(
            o.learned_on,
            OUTSIDE,
            o.title,
            o.provider,
            o.minutes,
            o.id,
            o.status,
            o.review_comment,
            counted if o.change_waiting else None,
        )
        for o, counted in outside
    ]
    return sorted(entries, key=lambda entry: (entry.on, entry.title), reverse=True)


def years_with_activity(session: Session, user_id: int, start: YearStart, current: TrainingYear) -> list[TrainingYear]:
    """Earlier training years in which the person has anything recorded, newest first."""
    labels = set(session.scalars(YEARS_COMPLETED, {"user_id": user_id}))
    days = session.scalars(DAYS_LEARNED_OUTSIDE, {"user_id": user_id})
    labels |= {year_containing(day, start).label for day in days}
    return [training_year(label, start) for label in sorted(labels, reverse=True) if label < current.label]
