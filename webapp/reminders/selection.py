"""Who is due a reminder on an occasion, as SQL over everyone at once (510,000 people is one statement).

Due: active and not erased, joined before the day it is due, in the rule's audience (so nobody who has met
the requirement), and not opted out of an optional rule.
"""

from datetime import datetime, time

from sqlalchemy import Select, String, and_, exists, func, select, type_coerce
from sqlalchemy.orm import InstrumentedAttribute, aliased
from sqlalchemy.sql import ColumnElement

from webapp.models.people import User
from webapp.models.reminders import ReminderOptOut
from webapp.queries.people_progress import in_line_of, people_progress
from webapp.reminders.schedule import ALL_OPTIONAL, Occasion


def opted_out(person_id: ColumnElement | InstrumentedAttribute, rule_name: str) -> ColumnElement[bool]:
    return exists().where(ReminderOptOut.user_id == person_id, ReminderOptOut.rule.in_([rule_name, ALL_OPTIONAL]))


def due_progress(occasion: Occasion, required: int, *people: ColumnElement[bool]) -> Select:
    """people_progress rows of everyone in the occasion's audience (opt-outs not applied)."""
    joined_before = datetime.combine(occasion.due_on, time.min)
    progress = people_progress(
        occasion.year, required, User.erased_at.is_(None), User.created_at < joined_before, *people
    ).subquery("progress")
    return select(progress).where(progress.c.status.in_(occasion.rule.statuses))


def due_people(occasion: Occasion, required: int) -> Select:
    """(id, name, email, minutes, required, status) of everyone due this occasion's reminder."""
    due = due_progress(occasion, required).subquery("due")
    query = select(due.c.id, due.c.name, User.email, due.c.minutes, due.c.required, due.c.status).join(
        User, User.id == due.c.id
    )
    if occasion.rule.optional:
        query = query.where(~opted_out(due.c.id, occasion.rule.name))
    return query


def due_managers(occasion: Occasion, required: int) -> Select:
    """Ids of the active managers who get a digest on this occasion: someone in their team (or line) is due."""
    due = due_progress(occasion, required).subquery("due")
    manager = aliased(User)
    if occasion.rule.manager == "team":
        inside = manager.id == due.c.manager_id
    else:  # the line: paths strictly between the manager's own and the same path with its last '/' as '0'
        top = type_coerce(func.substr(manager.line_path, 1, func.length(manager.line_path) - 1), String) + "0"
        inside = and_(due.c.line_path > manager.line_path, due.c.line_path < top)
    query = (
        select(manager.id.label("id"))
        .distinct()
        .select_from(manager)
        .join(due, inside)
        .where(manager.active, manager.erased_at.is_(None), manager.line_path != "")
    )
    if occasion.rule.optional:
        query = query.where(~opted_out(manager.id, occasion.rule.name))
    return query


def in_digest(occasion: Occasion, manager: User) -> ColumnElement[bool]:
    """The people a manager's digest lists."""
    if occasion.rule.manager == "team":
        return User.manager_id == manager.id
    return in_line_of(manager.line_path)
