"""A small demo organisation so a new clone shows something real. Safe to run again."""

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from webapp.certificates.codes import formatted
from webapp.content.answers import Marked, Marking, Verdict
from webapp.content.library import Library
from webapp.db.clock import uk_today
from webapp.models.content import CourseItem
from webapp.models.outside_learning import UNCONFIRMED, OutsideLearning
from webapp.models.people import Department, User
from webapp.org.hierarchy import line_paths
from webapp.queries.certificates import issue_certificate
from webapp.queries.completions import record_completion
from webapp.queries.people import create_user, find_user_by_email
from webapp.queries.placement import placement_item, record_placement, results_in_year
from webapp.queries.reviews import review
from webapp.queries.training_record import year_progress
from webapp.training.placement import score_placement
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
    ("Jordan Lee", "learner, not started: sees the placement check first", False, False, "HEO", 1, "Priya Shah", 0, 0),
    ("Morgan Reid", "learner in Alex's team, placement check taken", False, False, "EO", 0.6, "Alex Morgan", 4, 0),
    ("Taylor Brooks", "learner in Alex's team", False, False, "EO", 1, "Alex Morgan", 1, 30),
    ("Chris Evans", "course author", False, True, "SEO", 1, None, 0, 0),
    ("Dana Whitfield", "administrator", True, False, "G7", 1, None, 0, 0),
]

# Their manager has confirmed their outside learning, so their certificate shows every kind of evidence.
CONFIRMED_BY_MANAGER = ("Sam Okafor",)
CERTIFICATE_HOLDER = "Sam Okafor"


def email_for(name: str) -> str:
    return name.lower().replace(" ", ".") + "@" + DOMAIN


def seed_demo(session: Session, start: YearStart) -> list[tuple[User, str]]:
    year = year_containing(uk_today(), start)
    live = select(CourseItem).where(CourseItem.archived_at.is_(None), CourseItem.kind != "placement")
    items = list(session.scalars(live.order_by(CourseItem.id)))
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
    for name in CONFIRMED_BY_MANAGER:
        _confirm_outside_learning(session, by_name[name])
    return seeded


def _confirm_outside_learning(session: Session, person: User) -> None:
    manager = session.get(User, person.manager_id)
    waiting = select(OutsideLearning).where(OutsideLearning.user_id == person.id, OutsideLearning.status == UNCONFIRMED)
    for entry in session.scalars(waiting):
        review(session, entry, manager, confirm=True)


def demo_certificate(session: Session, start: YearStart, required: int, secret_key: str) -> str | None:
    """The certificate holder's verification code (as a download would issue it), if they met the requirement."""
    holder = find_user_by_email(session, email_for(CERTIFICATE_HOLDER))
    year = year_containing(uk_today(), start)
    totals = year_progress(session, holder, year, required) if holder else None
    if holder is None or totals is None or not totals.progress.met:
        return None
    return formatted(issue_certificate(session, holder.id, year.label, totals.minutes, secret_key).code)


# Has taken the placement check (level 1 right, level 2 partly), not chosen a pathway yet: the catalogue shows the
# recommended one. Jordan Lee, not started, shows a newcomer the link to the check.
PLACED = "Morgan Reid"


def seed_placement(session: Session, library: Library, start: YearStart) -> None:
    """A placement result for PLACED, once; nothing if the check is not synced or has problems."""
    person, item = find_user_by_email(session, email_for(PLACED)), placement_item(session)
    year = year_containing(uk_today(), start)
    placement = library.placement
    if person is None or item is None or placement is None or placement.doc.problems:
        return
    if results_in_year(session, person.id, year):
        return
    right = {q.question.id: q.level == 1 or (q.level == 2 and q.topic != "Spreadsheets") for q in placement.questions}
    marking = Marking([Marked(q, Verdict(right[q.id], "")) for q in placement.marked], {})
    record_placement(session, person.id, item, marking, score_placement(placement.questions, right), year)
