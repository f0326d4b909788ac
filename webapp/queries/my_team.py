"""A manager's view of their team: direct reports, or everyone in their line at any depth."""

from dataclasses import dataclass, field

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session, aliased

from webapp.models.people import User
from webapp.org.grades import GRADE_RANK, UNGRADED_RANK
from webapp.queries.people_progress import BANDS, in_line_of, in_line_or_self, people_progress, percent_band
from webapp.training.requirement import STATUSES
from webapp.training.years import TrainingYear

PAGE_SIZE = 50
SORTS = ("name", "grade", "manager", "hours", "status")
SCOPES = ("direct", "line")


@dataclass(frozen=True)
class TeamFilters:
    scope: str = "direct"
    status: str | None = None
    grade: str | None = None
    team: int | None = None  # a direct report: only their line (and them)
    sort: str = "name"
    descending: bool = False
    page: int = 1


@dataclass
class TeamReport:
    rows: list
    total: int
    by_status: dict[str, int] = field(default_factory=dict)
    bands: list[int] = field(default_factory=list)
    pages: int = 1
    page: int = 1


def team_leads(session: Session, manager: User) -> list[User]:
    """Direct reports who manage people themselves: the teams a line can be filtered by."""
    leads = aliased(User)
    reports = select(func.count()).where(User.manager_id == leads.id, User.active).scalar_subquery()
    query = select(leads).where(leads.manager_id == manager.id, leads.active, reports > 0).order_by(leads.name)
    return list(session.scalars(query))


def _rows(session: Session, manager: User, year: TrainingYear, required: int, filters: TeamFilters):
    people = [User.manager_id == manager.id] if filters.scope == "direct" else [in_line_of(manager.line_path)]
    if filters.team:
        lead = session.get(User, filters.team)
        if lead is None or lead.manager_id != manager.id:
            people.append(User.id.is_(None))  # not one of theirs: nothing, and no hint why
        else:
            people.append(in_line_or_self(lead.line_path))
    if filters.grade:
        people.append(User.grade == filters.grade)
    report = people_progress(year, required, *people).subquery("report")
    boss = aliased(User)
    query = select(report, boss.name.label("manager_name")).outerjoin(boss, boss.id == report.c.manager_id)
    if filters.status:
        query = query.where(report.c.status == filters.status)
    return query, report, boss


def _order(filters: TeamFilters, report, boss):
    key = {
        "name": report.c.name,
        "grade": case(GRADE_RANK, value=report.c.grade, else_=UNGRADED_RANK),
        "manager": boss.name,
        "hours": report.c.minutes,
        "status": case({status: rank for rank, status in enumerate(STATUSES)}, value=report.c.status),
    }[filters.sort]
    return [key.desc() if filters.descending else key, report.c.name, report.c.id]


def team_report(
    session: Session, manager: User, year: TrainingYear, required: int, filters: TeamFilters, page_size: int = PAGE_SIZE
) -> TeamReport:
    """One page of people, with the summary and chart figures for everyone the filters match.

    The figures are window sums over the same rows, so one query serves the whole page.
    """
    query, report, boss = _rows(session, manager, year, required, filters)
    band = percent_band(report.c.minutes, report.c.required)
    figures = [func.sum(case((report.c.status == status, 1), else_=0)).over() for status in STATUSES] + [
        func.sum(case((band == number, 1), else_=0)).over() for number in range(BANDS)
    ]
    ordered = query.add_columns(*(figure.label(f"figure_{n}") for n, figure in enumerate(figures)))
    ordered = ordered.order_by(*_order(filters, report, boss)).limit(page_size)
    page = max(filters.page, 1)
    rows = session.execute(ordered.offset((page - 1) * page_size)).all()
    if not rows and page > 1:  # past the last page (the line shrank, or a typed address): show the first
        page, rows = 1, session.execute(ordered).all()
    if not rows:
        return TeamReport([], 0, dict.fromkeys(STATUSES, 0), [0] * BANDS, 1)
    counts = [int(value) for value in rows[0][-len(figures) :]]
    by_status = dict(zip(STATUSES, counts[: len(STATUSES)], strict=True))
    total = sum(by_status.values())
    return TeamReport(list(rows), total, by_status, counts[len(STATUSES) :], max(1, -(-total // page_size)), page)


def all_team_rows(session: Session, manager: User, year: TrainingYear, required: int, filters: TeamFilters):
    """Every row the filters match, in the page's order: what the CSV export writes out.

    A plain cursor, not a server-side one: with one, PostgreSQL plans for the first rows and took 2.5 times as long.
    """
    query, report, boss = _rows(session, manager, year, required, filters)
    return session.execute(query.order_by(*_order(filters, report, boss)))
