"""A small demo organisation so a new clone shows something real. Safe to run again."""

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from webapp.models.clock import uk_today
from webapp.models.content import CourseItem
from webapp.models.people import User, create_user, find_user_by_email
from webapp.models.record import record_completion
from webapp.models.training import OutsideLearning
from webapp.training.years import YearStart, year_containing

DEMO_PASSWORD = "demo-password-2026"
DOMAIN = "example.gov.uk"

# (name, role label, admin, author, manager's name or None, lessons completed, outside minutes)
PEOPLE = [
    ("Priya Shah", "manager of Alex, Sam and Jordan", False, False, None, 2, 0),
    ("Alex Morgan", "learner, part-way through", False, False, "Priya Shah", 2, 60),
    ("Sam Okafor", "learner, requirement met", False, False, "Priya Shah", 10, 240),
    ("Jordan Lee", "learner, not started", False, False, "Priya Shah", 0, 0),
    ("Chris Evans", "course author", False, True, None, 0, 0),
    ("Dana Whitfield", "administrator", True, False, None, 0, 0),
]


def email_for(name: str) -> str:
    return name.lower().replace(" ", ".") + "@" + DOMAIN


def seed_demo(session: Session, start: YearStart) -> list[tuple[User, str]]:
    year = year_containing(uk_today(), start)
    items = list(session.scalars(select(CourseItem).where(CourseItem.archived_at.is_(None)).order_by(CourseItem.id)))
    seeded: list[tuple[User, str]] = []
    for name, role, admin, author, _manager, lessons, outside in PEOPLE:
        user = find_user_by_email(session, email_for(name))
        if user is None:
            user = create_user(session, email_for(name), name, DEMO_PASSWORD, is_admin=admin, is_author=author)
            user.department = "Department for Digital Examples"
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
        if manager:
            by_name[name].manager_id = by_name[manager].id
    session.flush()
    return seeded
