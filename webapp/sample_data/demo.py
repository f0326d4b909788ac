"""A small demo organisation so a new clone shows something real. Safe to run again."""

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from webapp.db.clock import uk_today
from webapp.models.content import CourseItem
from webapp.models.outside_learning import OutsideLearning
from webapp.models.people import Department, User
from webapp.org.hierarchy import line_paths
from webapp.queries.completions import record_completion
from webapp.queries.people import create_user, find_user_by_email
from webapp.training.requirement import FTE_SCALE
from webapp.training.years import YearStart, year_containing

DEMO_PASSWORD = "demo-password-2026"
DOMAIN = "example.gov.uk"
DEPARTMENT = "Department for Digital Examples"

# (name, role label, admin, author, grade, FTE, manager's name or None, lessons completed, outside minutes)
PEOPLE = [
    ("Priya Shah", "manager of Alex, Sam and Jordan; Alex's team is in her line", False, False, "G6", 1, None, 2, 0),
    ("Alex Morgan", "part-way through, part-time, manages 2", False, False, "G7", 0.8, "Priya Shah", 2, 60),
    ("Sam Okafor", "learner, requirement met", False, False, "SEO", 1, "Priya Shah", 10, 240),
    ("Jordan Lee", "learner, not started", False, False, "HEO", 1, "Priya Shah", 0, 0),
    ("Morgan Reid", "learner in Alex's team", False, False, "EO", 0.6, "Alex Morgan", 4, 0),
    ("Taylor Brooks", "learner in Alex's team", False, False, "EO", 1, "Alex Morgan", 1, 30),
    ("Chris Evans", "course author", False, True, "SEO", 1, None, 0, 0),
    ("Dana Whitfield", "administrator", True, False, "G7", 1, None, 0, 0),
]


def email_for(name: str) -> str:
    return name.lower().replace(" ", ".") + "@" + DOMAIN


def seed_demo(session: Session, start: YearStart) -> list[tuple[User, str]]:
    year = year_containing(uk_today(), start)
    items = list(session.scalars(select(CourseItem).where(CourseItem.archived_at.is_(None)).order_by(CourseItem.id)))
    department = session.scalar(select(Department).where(Department.name == DEPARTMENT))
    if department is None:
        department = Department(name=DEPARTMENT)
        session.add(department)
    seeded: list[tuple[User, str]] = []
    for name, role, admin, author, grade, fte, _manager, lessons, outside in PEOPLE:
        user = find_user_by_email(session, email_for(name))
        if user is None:
            user = create_user(session, email_for(name), name, DEMO_PASSWORD, is_admin=admin, is_author=author)
            user.department, user.grade, user.fte = department, grade, int(fte * FTE_SCALE)
            user.staff_number = f"DEMO{len(seeded) + 1:03d}"
            for item in items[:lessons]:
                record_completion(session, user.id, item, year)
            if outside:
                learned_on = max(year.starts, uk_today() - timedelta(days=14))
                session.add(
                    OutsideLearning(
                        user_id=user.id,
                        title="Analysis Function: introduction to reproducible analysis",
                        provider="Analysis Function",
                        learned_on=learned_on,
                        minutes=outside,
                    )
                )
        seeded.append((user, role))
    by_name = {user.name: user for user, _ in seeded}
    for name, *_, manager, _lessons, _outside in PEOPLE:
        by_name[name].manager_id = by_name[manager].id if manager else None
    paths = line_paths({user.id: user.manager_id for user, _ in seeded})
    for user, _ in seeded:
        user.line_path = paths[user.id]
    session.flush()
    return seeded
