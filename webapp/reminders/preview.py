"""What the next run would send (for the admin page and `--dry-run`), and what runs have sent."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, exists, func, literal, not_, select, union_all
from sqlalchemy.orm import Session

from webapp.mail.messages import Message, compose
from webapp.models.people import User
from webapp.models.reminders import ManagerDigest, ReminderSent
from webapp.reminders.links import PERSON, StopLink
from webapp.reminders.messages import person_kind, person_values, stop_note
from webapp.reminders.schedule import Occasion, next_occasion
from webapp.reminders.selection import due_managers, due_people
from webapp.reminders.sending import ATTEMPTS, occasions_due, schedule_from
from webapp.training.years import YearStart


@dataclass(frozen=True)
class OccasionPreview:
    occasion: Occasion
    due_today: bool
    people: int  # how many the run would email (on its day, if it ran now)
    managers: int


def _not_yet_sent(table, person_column, occasion: Occasion):
    """No row stops it: never claimed, or failed with runs left to try again."""
    retryable = and_(table.sent_at.is_(None), table.failed_at.is_not(None), table.attempts < ATTEMPTS)
    return lambda person_id: not_(
        exists().where(
            person_column == person_id,
            table.rule == occasion.rule.name,
            table.training_year == occasion.year.label,
            table.due_on == occasion.due_on,
            not_(retryable),
        )
    )


def preview(session: Session, config: Mapping[str, Any], today: date) -> list[OccasionPreview]:
    """Each rule's occasion due today, or else its next one, with the counts as things stand now."""
    required = int(config["REQUIRED_MINUTES"])
    start = YearStart.parse(config["TRAINING_YEAR_START"])
    due = {occasion.rule.name: occasion for occasion in occasions_due(config, today)}
    previews = []
    for rule in schedule_from(config):
        occasion = due.get(rule.name) or next_occasion(rule, today, start)
        people = due_people(occasion, required).subquery()
        unsent = _not_yet_sent(ReminderSent, ReminderSent.user_id, occasion)
        count = session.scalar(select(func.count()).select_from(people).where(unsent(people.c.id)))
        managers = 0
        if rule.manager != "none":
            chosen = due_managers(occasion, required).subquery()
            unsent = _not_yet_sent(ManagerDigest, ManagerDigest.manager_id, occasion)
            managers = session.scalar(select(func.count()).select_from(chosen).where(unsent(chosen.c.id))) or 0
        previews.append(OccasionPreview(occasion, rule.name in due, count or 0, managers))
    return previews


def sample_message(
    session: Session, config: Mapping[str, Any], today: date, previews: list[OccasionPreview]
) -> Message | None:
    """The message the first person on the list would get, from the soonest reminder that has anyone."""
    waiting = [item for item in previews if item.people]
    if not waiting:
        return None
    chosen = min(waiting, key=lambda item: item.occasion.due_on)
    occasion = chosen.occasion
    person = session.execute(due_people(occasion, int(config["REQUIRED_MINUTES"])).order_by("name").limit(1)).one()
    # Row 0 does not exist: the sample's stop link shows its form but cannot turn anything off.
    stop = stop_note(config, occasion, StopLink(person.id, occasion.rule.name, PERSON, 0))
    values = person_values(
        config, occasion, max(today, occasion.due_on), person.name, person.minutes, person.required, stop
    )
    return compose(person_kind(occasion), person.email, values, config["SERVICE_NAME"])


@dataclass(frozen=True)
class LogEntry:
    at: datetime
    rule: str
    training_year: int
    kind: str  # "Reminder" or "Manager’s digest"
    name: str
    email: str
    sent: bool
    failed: bool
    error: str | None


def sending_log(session: Session, limit: int = 50) -> list[LogEntry]:
    """The latest reminders and digests claimed, newest first."""
    parts = [
        select(
            func.coalesce(table.sent_at, table.failed_at, table.claimed_at).label("at"),
            table.rule,
            table.training_year,
            literal(kind).label("kind"),
            User.name,
            User.email,
            table.sent_at.is_not(None).label("sent"),
            table.failed_at.is_not(None).label("failed"),
            table.error,
        ).join(User, User.id == column)
        for table, column, kind in (
            (ReminderSent, ReminderSent.user_id, "Reminder"),
            (ManagerDigest, ManagerDigest.manager_id, "Manager’s digest"),
        )
    ]
    both = union_all(*parts).subquery()
    rows = session.execute(select(both).order_by(both.c.at.desc()).limit(limit))
    return [LogEntry(*row) for row in rows]


def failure_count(session: Session) -> int:
    return sum(
        session.scalar(select(func.count()).select_from(table).where(table.failed_at.is_not(None))) or 0
        for table in (ReminderSent, ManagerDigest)
    )
