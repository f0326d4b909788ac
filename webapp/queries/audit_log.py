"""Appending to the audit log and reading it back. Nothing here (or anywhere in the app) changes or removes an entry."""

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, func, or_, select
from sqlalchemy.orm import Session

from webapp.db.clock import UK
from webapp.identity.emails import normalise_email
from webapp.models.audit_log import AuditEvent
from webapp.models.people import User

# Every kind of entry, with the words the audit page shows for it.
EVENTS = {
    "signed_in": "Signed in",
    "sign_in_failed": "Sign-in failed",
    "locked_out": "Too many sign-in attempts",
    "signed_out": "Signed out",
    "registered": "Registered",
    "email_proved": "Email address proved",
    "invited": "Invitation sent",
    "password_set": "Password set",
    "password_reset": "Password reset",
    "password_changed": "Password changed",
    "sso_linked": "Single sign-on linked",
    "sso_refused": "Single sign-on refused",
    "sessions_ended": "Sessions ended",
    "role_granted": "Role granted",
    "role_removed": "Role removed",
    "hr_import": "HR import",
    "line_manager_changed": "Line manager changed",
    "learning_confirmed": "Outside learning confirmed",
    "learning_sent_back": "Outside learning sent back",
    "person_erased": "Personal data erased",
    "department_setting_changed": "Department setting changed",
    "certificate_revoked": "Certificate revoked",
    "evidence_uploaded": "Evidence file uploaded",
    "evidence_downloaded": "Evidence file downloaded",
}


def record_event(
    session: Session,
    event: str,
    *,
    actor: User | None = None,
    subject: User | None = None,
    subject_email: str | None = None,
    address: str | None = None,
    **details: Any,
) -> AuditEvent:
    """Add an entry to the caller's transaction: it is kept exactly when the change it describes is."""
    if event not in EVENTS:
        raise ValueError(f"unknown audit event {event!r}")
    entry = AuditEvent(
        event=event,
        actor_id=actor.id if actor else None,
        actor_email=actor.email if actor else None,
        subject_id=subject.id if subject else None,
        subject_email=subject.email if subject else subject_email,
        address=(address or "")[:45] or None,
        details=json.dumps(details, sort_keys=True, default=str) if details else "",
    )
    session.add(entry)
    return entry


# Reading the log back: the admins' audit page and its download.

PER_PAGE = 50
BATCH = 1_000  # rows fetched at a time by the download


@dataclass(frozen=True)
class AuditFilters:
    event: str | None = None  # a key of EVENTS
    person: str | None = None  # an email address: entries they did, or that were done to them
    since: date | None = None  # UK dates, both days included
    until: date | None = None


@dataclass(frozen=True)
class AuditResults:
    entries: list[Row]  # newest first, with AuditEvent's column names
    total: int
    page: int
    pages: int


ENTRY_COLUMNS = (
    AuditEvent.id,
    AuditEvent.at,
    AuditEvent.event,
    AuditEvent.actor_email,
    AuditEvent.subject_email,
    AuditEvent.address,
    AuditEvent.details,
)


def uk_midnight_in_utc(day: date) -> datetime:
    """The naive UTC time the UK day starts: stored times are naive UTC, an admin's dates are the UK's."""
    return datetime.combine(day, time(), tzinfo=UK).astimezone(UTC).replace(tzinfo=None)


def _conditions(filters: AuditFilters) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if filters.event:
        conditions.append(AuditEvent.event == filters.event)
    if filters.person:
        conditions.append(_involves(normalise_email(filters.person)))
    if filters.since:
        conditions.append(AuditEvent.at >= uk_midnight_in_utc(filters.since))
    if filters.until and filters.until < date.max:  # the last day there is has no day after it to stop at
        conditions.append(AuditEvent.at < uk_midnight_in_utc(filters.until + timedelta(days=1)))
    return conditions


def _involves(email: str) -> ColumnElement[bool]:
    """The whole address, in any case, as the entry copied it or as the account now has it (it may have changed)."""
    account = select(User.id).where(User.email == email).scalar_subquery()
    return or_(
        func.lower(AuditEvent.actor_email) == email,
        func.lower(AuditEvent.subject_email) == email,
        AuditEvent.actor_id == account,
        AuditEvent.subject_id == account,
    )


def _newest_first(filters: AuditFilters) -> Select:
    return select(*ENTRY_COLUMNS).where(*_conditions(filters)).order_by(AuditEvent.at.desc(), AuditEvent.id.desc())


def search_audit_log(session: Session, filters: AuditFilters, page: int = 1, per_page: int = PER_PAGE) -> AuditResults:
    """One page of matching entries, newest first; a page past the last shows the first, as My team does."""
    total = session.scalar(select(func.count()).select_from(AuditEvent).where(*_conditions(filters))) or 0
    pages = max(1, -(-total // per_page))
    page = page if 1 <= page <= pages else 1
    query = _newest_first(filters).limit(per_page).offset((page - 1) * per_page)
    return AuditResults(list(session.execute(query)), total, page, pages)


def all_audit_entries(session: Session, filters: AuditFilters, batch: int = BATCH) -> Iterator[Row]:
    """Every matching entry in the page's order, fetched `batch` rows at a time (a server-side cursor on
    PostgreSQL), so a download of the whole log never holds it all in memory."""
    yield from session.execute(_newest_first(filters).execution_options(yield_per=batch))
