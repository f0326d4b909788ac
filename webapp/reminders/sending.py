"""`flask reminders send`: claim each reminder due today, then send it, so it goes at most once.

A run claims rows with one INSERT ... SELECT ... ON CONFLICT DO NOTHING per occasion, marked with its own
random claim: a second run (or another server at the same time) finds the rows there and claims nothing.
Failed sends are claimed again by a later run (an UPDATE only one run can win) while the occasion is due
and the person still is; a row claimed but never finished (a run stopped mid-send) is never sent again.
"""

import uuid
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Integer, String, and_, func, literal, select, update
from sqlalchemy.orm import Session

from webapp.db.clock import utcnow
from webapp.db.dialects import insert_for
from webapp.mail import MailNotSent
from webapp.models.people import User
from webapp.models.reminders import ManagerDigest, ReminderSent
from webapp.queries.people_progress import people_progress
from webapp.reminders.links import MANAGER, PERSON, StopLink
from webapp.reminders.messages import LISTED, digest_values, person_kind, person_values, stop_note
from webapp.reminders.schedule import Occasion, Rule, due_occasions, parse_schedule
from webapp.reminders.selection import due_managers, due_people, due_progress, in_digest
from webapp.training.years import YearStart

ATTEMPTS = 3  # runs that try a failed reminder before it is left failed
BATCH = 200
Send = Callable[..., None]  # webapp.mail.send_email


@dataclass
class RunReport:
    sent: Counter = field(default_factory=Counter)  # by rule name
    digests: Counter = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)


def schedule_from(config: Mapping[str, Any]) -> list[Rule]:
    return parse_schedule(config["REMINDER_SCHEDULE"])


def occasions_due(config: Mapping[str, Any], today: date) -> list[Occasion]:
    start = YearStart.parse(config["TRAINING_YEAR_START"])
    return due_occasions(schedule_from(config), today, start, int(config["REMINDER_CATCH_UP_DAYS"]))


def send_due_reminders(
    session: Session, config: Mapping[str, Any], today: date, now: datetime, send: Send
) -> RunReport:
    report = RunReport()
    claim = uuid.uuid4().hex
    required = int(config["REQUIRED_MINUTES"])
    for occasion in occasions_due(config, today):
        _claim(session, ReminderSent, ReminderSent.user_id, due_people(occasion, required), occasion, claim, now)
        if occasion.rule.manager != "none":
            _claim(
                session, ManagerDigest, ManagerDigest.manager_id, due_managers(occasion, required), occasion, claim, now
            )
        session.commit()
        _send_people(session, config, occasion, claim, today, send, report)
        if occasion.rule.manager != "none":
            _send_digests(session, config, occasion, claim, today, send, report)
    return report


def _claim(session: Session, table, person_column, due, occasion: Occasion, claim: str, now: datetime) -> None:
    due = due.subquery("due")
    key = {"rule": occasion.rule.name, "training_year": occasion.year.label, "due_on": occasion.due_on}
    constants = [
        literal(occasion.rule.name, String),
        literal(occasion.year.label, Integer),
        literal(occasion.due_on),
        literal(claim, String),
        literal(now),
        literal(1, Integer),
    ]
    # The WHERE is for SQLite, which otherwise reads "ON CONFLICT" as the ON of a join.
    rows = select(due.c.id, *constants).where(due.c.id.is_not(None))
    columns = [person_column.key, "rule", "training_year", "due_on", "claim", "claimed_at", "attempts"]
    insert = insert_for(session.get_bind().dialect, table)
    session.execute(insert.from_select(columns, rows).on_conflict_do_nothing(index_elements=[person_column.key, *key]))
    retry = and_(table.sent_at.is_(None), table.failed_at.is_not(None), table.attempts < ATTEMPTS)
    session.execute(
        update(table)
        .where(*(getattr(table, name) == value for name, value in key.items()), retry)
        .where(person_column.in_(select(due.c.id)))
        .values(claim=claim, claimed_at=now, failed_at=None, attempts=table.attempts + 1)
        .execution_options(synchronize_session=False)
    )


def _claimed(session: Session, table, claim: str, occasion: Occasion) -> list[int]:
    mine = and_(table.claim == claim, table.rule == occasion.rule.name, table.due_on == occasion.due_on)
    ids = list(session.scalars(select(table.id).where(mine, table.training_year == occasion.year.label)))
    session.commit()  # hold no transaction open while sending
    return ids


def _send_people(session, config, occasion: Occasion, claim: str, today: date, send: Send, report: RunReport):
    required = int(config["REQUIRED_MINUTES"])
    kind = person_kind(occasion)
    ids = _claimed(session, ReminderSent, claim, occasion)
    for chunk in (ids[at : at + BATCH] for at in range(0, len(ids), BATCH)):
        progress = people_progress(
            occasion.year, required, User.id.in_(select(ReminderSent.user_id).where(ReminderSent.id.in_(chunk)))
        ).subquery("progress")
        rows = session.execute(
            select(
                ReminderSent.id,
                ReminderSent.user_id,
                progress.c.name,
                User.email,
                progress.c.minutes,
                progress.c.required,
            )
            .join(progress, progress.c.id == ReminderSent.user_id)
            .join(User, User.id == ReminderSent.user_id)
            .where(ReminderSent.id.in_(chunk))
        ).all()
        session.commit()
        for row_id, person_id, name, email, minutes, needed in rows:
            stop = stop_note(config, occasion, StopLink(person_id, occasion.rule.name, PERSON, row_id))
            values = person_values(config, occasion, today, name, minutes, needed, stop)
            if _deliver(session, ReminderSent, row_id, send, config, email, kind, values):
                report.sent[occasion.rule.name] += 1
            else:
                report.failures.append(f"{occasion.rule.name}: person {person_id}")


def _send_digests(session, config, occasion: Occasion, claim: str, today: date, send: Send, report: RunReport):
    required = int(config["REQUIRED_MINUTES"])
    for digest_id in _claimed(session, ManagerDigest, claim, occasion):
        digest = session.get(ManagerDigest, digest_id)
        manager = session.get(User, digest.manager_id)
        counts, listed = digest_contents(session, occasion, manager, required)
        digest.people = sum(counts.values())
        if not digest.people:  # everyone finished between the claim and now
            digest.error = "Nobody left to list"
            session.commit()
            continue
        stop = stop_note(config, occasion, StopLink(manager.id, occasion.rule.name, MANAGER, digest_id))
        values = digest_values(config, occasion, today, manager.name, counts, listed, stop)
        email = manager.email
        session.commit()
        if _deliver(session, ManagerDigest, digest_id, send, config, email, "reminder_manager_digest", values):
            report.digests[occasion.rule.name] += 1
        else:
            report.failures.append(f"{occasion.rule.name}: digest to manager {manager.id}")


def digest_contents(session: Session, occasion: Occasion, manager: User, required: int):
    """How many of the manager's team (or line) are due, by status, and the first LISTED of each, by name."""
    due = due_progress(occasion, required, in_digest(occasion, manager)).subquery("due")
    counts: dict[str, int] = dict(session.execute(select(due.c.status, func.count()).group_by(due.c.status)).all())
    listed = {
        status: [
            (name, minutes)
            for name, minutes in session.execute(
                select(due.c.name, due.c.minutes)
                .where(due.c.status == status)
                .order_by(due.c.name, due.c.id)
                .limit(LISTED)
            )
        ]
        for status in counts
    }
    return counts, listed


def _deliver(session: Session, table, row_id: int, send: Send, config, email: str, kind: str, values) -> bool:
    """Send, and record the outcome at once: the row is the only memory that this message went."""
    try:
        send(config, email, kind, **values)
    except (MailNotSent, ValueError) as error:
        # The error's type only: its text might quote the address.
        reason = type(error.__cause__ or error).__name__
        session.execute(update(table).where(table.id == row_id).values(failed_at=utcnow(), error=reason[:200]))
        sent = False
    else:
        session.execute(update(table).where(table.id == row_id).values(sent_at=utcnow(), error=None))
        sent = True
    session.commit()
    return sent
