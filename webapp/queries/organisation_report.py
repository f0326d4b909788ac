"""Department- and service-wide figures: share meeting the requirement by department and grade, and the trend.

Figures are for groups; any group under the suppression threshold is hidden (see webapp.org.suppression).
"""

from dataclasses import dataclass

from sqlalchemy import case, func, select, true
from sqlalchemy.orm import Session

from webapp.db.dialects import month_of
from webapp.models.completions import MonthTotal
from webapp.models.outside_learning import OutsideLearning
from webapp.models.people import Department, User
from webapp.org.grades import grade_rank
from webapp.org.suppression import MIN_GROUP, Group, suppress
from webapp.queries.outside_learning import KEPT, confirmed_part, minutes_that_count, unconfirmed_part
from webapp.queries.people_progress import people_progress
from webapp.training.requirement import MET, NOT_STARTED
from webapp.training.years import TrainingYear


@dataclass
class OrgReport:
    total: Group
    by_department: list[Group]
    by_grade: list[Group]
    trend: list[tuple[str, int]] | None  # (YYYY-MM, minutes); None when the scope itself is too small to show


def _cells(session: Session, year: TrainingYear, required: int, scope: list) -> list[tuple]:
    """People, met and not started for each department and grade: one pass over everyone in scope."""
    report = people_progress(year, required, *scope).subquery("report")
    department = func.coalesce(report.c.department_name, "No department")
    grade = func.coalesce(report.c.grade, "No grade")
    query = (
        select(
            department,
            grade,
            func.count(),
            func.sum(case((report.c.status == MET, 1), else_=0)),
            func.sum(case((report.c.status == NOT_STARTED, 1), else_=0)),
        )
        .select_from(report)
        .group_by(department, grade)
    )
    return [tuple(row) for row in session.execute(query)]


def _rollup(cells: list[tuple], position: int) -> list[Group]:
    sums: dict[str, list[int]] = {}
    for cell in cells:
        totals = sums.setdefault(cell[position], [0, 0, 0])
        for index, value in enumerate(cell[2:]):
            totals[index] += int(value)
    return [Group(label, people, met, not_started) for label, (people, met, not_started) in sums.items()]


def monthly_minutes(session: Session, year: TrainingYear, department_id: int | None) -> list[tuple[str, int]]:
    """Minutes logged each month of the training year, lessons and outside learning together.

    Lessons and exercises count by the department the person was in when they completed them
    (kept in training_months as each completion is recorded); outside learning by their department now.
    Outside learning counts by the one rule, except that unconfirmed learning is shown as logged whatever
    a department decided about counting it toward its people's requirement.
    """
    dialect = session.get_bind().dialect
    month = month_of(OutsideLearning.learned_on, dialect)
    completed = select(MonthTotal.month, func.sum(MonthTotal.minutes)).where(MonthTotal.training_year == year.label)
    counted = minutes_that_count(confirmed_part(), unconfirmed_part(), true())
    logged = select(month, func.sum(counted)).where(OutsideLearning.learned_on.between(year.starts, year.ends), KEPT)
    if department_id:
        completed = completed.where(MonthTotal.department_key == department_id)
        logged = logged.where(OutsideLearning.user_id.in_(select(User.id).where(User.department_id == department_id)))
    totals: dict[str, int] = {}
    # A month of only learning sent back counts nothing and is left out, as a month with no learning is.
    for query in (completed.group_by(MonthTotal.month), logged.group_by(month).having(func.sum(counted) > 0)):
        for when, minutes in session.execute(query):
            totals[when] = totals.get(when, 0) + int(minutes)
    return sorted(totals.items())


def org_report(session: Session, year: TrainingYear, required: int, department_id: int | None) -> OrgReport:
    """The whole service, or one department."""
    scope = [User.department_id == department_id] if department_id else []
    cells = _cells(session, year, required, scope)
    by_department = sorted(_rollup(cells, 0), key=lambda group: group.label)
    by_grade = sorted(_rollup(cells, 1), key=lambda group: grade_rank(group.label))
    total = Group(
        "All",
        sum(group.people for group in by_grade),
        sum(group.met for group in by_grade),
        sum(group.not_started for group in by_grade),
    )
    trend = monthly_minutes(session, year, department_id) if total.people >= MIN_GROUP else None
    return OrgReport(suppress([total])[0], suppress(by_department), suppress(by_grade), trend)


def departments(session: Session) -> list[Department]:
    return list(session.scalars(select(Department).order_by(Department.name)))
