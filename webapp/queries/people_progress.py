"""Everyone's progress in a training year, in one SQL query over any set of people.

The same expressions serve a person's own record, a manager's team and the organisation report,
so all three count minutes the same way:
- completions of lessons and exercises count in the training year they were credited to (read from
  each person's maintained total for the year, not added up from millions of rows);
- outside learning counts by the one rule in webapp.queries.outside_learning: when confirmed (a change waiting
  for review counts no more than was confirmed), or while unconfirmed if the person's department says so;
  learning sent back or removed does not count;
- a person's requirement is the full requirement times their FTE, rounded to the nearest minute.
"""

from sqlalchemy import Integer, Select, and_, case, func, literal, or_, select, true
from sqlalchemy.sql import ColumnElement

from webapp.models.completions import TrainingTotal
from webapp.models.outside_learning import OutsideLearning
from webapp.models.people import Department, User
from webapp.org.hierarchy import line_bounds
from webapp.queries.outside_learning import KEPT, confirmed_part, minutes_that_count, unconfirmed_part
from webapp.training.requirement import IN_PROGRESS, MET, NOT_STARTED, required_minutes
from webapp.training.years import TrainingYear


def in_line_of(path: str) -> ColumnElement[bool]:
    """Everyone below the person with this line path, at any depth (an index range scan)."""
    low, high = line_bounds(path)
    return and_(User.line_path > low, User.line_path < high)


def in_line_or_self(path: str) -> ColumnElement[bool]:
    low, high = line_bounds(path)
    return and_(User.line_path >= low, User.line_path < high)


def people_progress(
    year: TrainingYear, required: int, *people: ColumnElement[bool], active_only: bool = True
) -> Select:
    """One row per person matching `people` (active ones, unless told): minutes, requirement, status, last activity."""
    chosen = [*([User.active] if active_only else []), *people]

    # Written as plain joins, not a CTE: PostgreSQL would materialise a CTE of everyone chosen (510,000 rows
    # for the whole service) before joining it; joins let it pick hash joins or index lookups by size.
    outside = (
        select(
            OutsideLearning.user_id,
            func.sum(confirmed_part()).label("confirmed"),
            func.sum(unconfirmed_part()).label("unconfirmed"),
            func.max(OutsideLearning.learned_on).label("last"),
        )
        .where(
            OutsideLearning.learned_on.between(year.starts, year.ends),
            KEPT,
            # For a team, add up only its people's entries; for everyone, the outer join already discards the rest.
            *([OutsideLearning.user_id.in_(select(User.id).where(*chosen).correlate(None))] if people else []),
        )
        .group_by(OutsideLearning.user_id)
        .subquery("outside")
    )
    learning = func.coalesce(TrainingTotal.minutes, 0)
    confirmed = func.coalesce(outside.c.confirmed, 0)
    unconfirmed = func.coalesce(outside.c.unconfirmed, 0)
    counts_unconfirmed = func.coalesce(Department.count_unconfirmed, true())
    counted = learning + minutes_that_count(confirmed, unconfirmed, counts_unconfirmed)
    needed = required_minutes(literal(required, Integer), User.fte)
    status = case((counted >= needed, MET), (counted > 0, IN_PROGRESS), else_=NOT_STARTED)
    this_year = and_(TrainingTotal.user_id == User.id, TrainingTotal.training_year == year.label)
    return (
        select(
            User.id,
            User.name,
            User.grade,
            User.fte,
            User.manager_id,
            User.department_id,
            Department.name.label("department_name"),
            counts_unconfirmed.label("counts_unconfirmed"),
            User.line_path,
            learning.label("learning_minutes"),
            confirmed.label("confirmed_minutes"),
            unconfirmed.label("unconfirmed_minutes"),
            counted.label("minutes"),
            needed.label("required"),
            status.label("status"),
            TrainingTotal.last_completed_at.label("last_completed_at"),
            outside.c.last.label("last_outside_on"),
        )
        .select_from(User)
        .outerjoin(Department, Department.id == User.department_id)
        .outerjoin(TrainingTotal, this_year)
        .outerjoin(outside, outside.c.user_id == User.id)
        .where(*chosen)
    )


BANDS = 6  # how many bars percent_band sorts people into


def percent_band(minutes: ColumnElement, needed: ColumnElement) -> ColumnElement[int]:
    """0, 1 (1–24%), 2 (25–49%), 3 (50–74%), 4 (75–99%), 5 (met): the distribution chart's bars."""
    share = minutes * 100 // func.nullif(needed, 0)
    return case(
        (or_(needed == 0, minutes >= needed), 5),
        (minutes == 0, 0),
        (share < 25, 1),
        (share < 50, 2),
        (share < 75, 3),
        else_=4,
    )
