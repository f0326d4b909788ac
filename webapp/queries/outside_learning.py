"""Learning a person logs from outside Data Day: only its owner can see or change it, and nothing is lost.

Every addition, change, review and removal adds a row to the entry's history. How many of an entry's minutes
count is decided here, once, for the training record, My team and the organisation report alike.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, case, select
from sqlalchemy.orm import Session

from webapp.db.clock import utcnow
from webapp.models.outside_learning import (
    CHANGED,
    CONFIRMED,
    CONFIRMED_EVENT,
    DELETED,
    LOGGED,
    UNCONFIRMED,
    OutsideLearning,
    OutsideLearningEvent,
)
from webapp.models.people import User
from webapp.queries.evidence_files import StoredFile, evidence_file, set_evidence_file

FIELDS = ("title", "provider", "learned_on", "minutes", "link", "notes")
# What a change can touch, as its history records it: the fields, and the evidence file (by its name).
CHANGEABLE = (*FIELDS, "evidence")

# Entries their owner has not removed: the ones a record lists and a manager is asked to review.
KEPT = OutsideLearning.deleted_at.is_(None)


# Minutes that count. An entry counts on its manager's word (confirmed_part) or, where the person's department
# says so, before any manager has looked at it (unconfirmed_part); never both, and nothing once removed.


def confirmed_part() -> ColumnElement[int]:
    """A confirmed entry's minutes. While a change to a confirmed entry waits for review, the minutes last
    confirmed, or the new ones if fewer: a learner cannot raise what counts without their manager."""
    last, now = OutsideLearning.confirmed_minutes, OutsideLearning.minutes
    return case(
        (OutsideLearning.deleted_at.is_not(None), 0),
        (OutsideLearning.status == CONFIRMED, now),
        (and_(OutsideLearning.status == UNCONFIRMED, last.is_not(None)), case((last < now, last), else_=now)),
        else_=0,
    )


def unconfirmed_part() -> ColumnElement[int]:
    """The minutes of an entry no manager has confirmed yet. Learning sent back counts nothing until changed."""
    waiting = and_(KEPT, OutsideLearning.status == UNCONFIRMED, OutsideLearning.confirmed_minutes.is_(None))
    return case((waiting, OutsideLearning.minutes), else_=0)


def minutes_that_count(confirmed: Any, unconfirmed: Any, counts_unconfirmed: Any) -> ColumnElement[int]:
    """The rule, on one entry's parts or on a person's sums of them: confirmed minutes always count,
    unconfirmed ones only where the department counts learning before a manager confirms it."""
    return confirmed + case((counts_unconfirmed, unconfirmed), else_=0)


def own_entry(session: Session, user_id: int, entry_id: int) -> OutsideLearning | None:
    """None for someone else's entry as for a missing or removed one, so ids reveal nothing.

    Locked until the request ends (on PostgreSQL), as reviews lock it: a change and a review never cross."""
    return session.scalar(
        select(OutsideLearning)
        .where(OutsideLearning.id == entry_id, OutsideLearning.user_id == user_id, KEPT)
        .with_for_update()
    )


def last_confirmed_minutes(entry: OutsideLearning) -> int | None:
    """What the manager last confirmed, if the entry still stands on it."""
    if entry.status == CONFIRMED:
        return entry.minutes
    return entry.confirmed_minutes if entry.status == UNCONFIRMED else None


def _cleaned(values: dict) -> dict:
    cleaned = {}
    for name in FIELDS:
        value = values.get(name)
        cleaned[name] = (value.strip() or None) if isinstance(value, str) else value
    return cleaned


def _stored(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value


def save_entry(
    session: Session,
    entry: OutsideLearning,
    values: dict,
    *,
    evidence: StoredFile | None = None,
    remove_evidence: bool = False,
) -> OutsideLearning:
    """Add an entry, or change one (only its owner does either). A change goes back to the manager, as any
    earlier review no longer applies; a change to confirmed learning counts only what was confirmed until then.
    Saving without changing anything leaves the entry, and its review, as they were.

    `evidence` attaches a file already stored, replacing any; `remove_evidence` removes the file. The caller
    deletes the replaced file once this is committed (webapp.evidence.storage)."""
    new = _cleaned(values)
    if entry.id is None:
        for name, value in new.items():
            setattr(entry, name, value)
        session.add(entry)
        session.flush()
        if evidence is not None:
            set_evidence_file(session, entry, evidence)
        add_event(session, entry, LOGGED, entry.user_id, minutes=entry.minutes)
        return entry
    changes = {name: [_stored(getattr(entry, name)), _stored(value)] for name, value in new.items()}
    changes = {name: pair for name, pair in changes.items() if pair[0] != pair[1]}
    if evidence is not None or remove_evidence:
        changes |= _evidence_change(session, entry, evidence)
    if not changes:
        return entry
    entry.confirmed_minutes = last_confirmed_minutes(entry)
    entry.status, entry.reviewed_by_id, entry.reviewed_at, entry.review_comment = UNCONFIRMED, None, None, None
    for name, value in new.items():
        setattr(entry, name, value)
    add_event(session, entry, CHANGED, entry.user_id, changes=changes, minutes=entry.minutes)
    return entry


def _evidence_change(session: Session, entry: OutsideLearning, new: StoredFile | None) -> dict[str, list]:
    """The file's part of a change, by name: a new file is a change even under the same name."""
    old = evidence_file(session, entry.id)
    if old is None and new is None:
        return {}
    set_evidence_file(session, entry, new)
    return {"evidence": [old.original_name if old else None, new.original_name if new else None]}


def delete_entry(session: Session, entry: OutsideLearning, by_id: int) -> str | None:
    """Remove an entry from its owner's record: it stops counting, and is kept with its history.

    Every entry is kept, not only confirmed ones: one rule, an unconfirmed entry may already have counted
    (where departments count it) or carry a manager's review, and the history never points at nothing.
    Its evidence file is not kept: returns the file's stored name, for the caller to delete once committed."""
    entry.confirmed_minutes = last_confirmed_minutes(entry)  # a manager sees confirmed learning removed
    entry.deleted_at, entry.deleted_by_id = utcnow(), by_id
    add_event(session, entry, DELETED, by_id, minutes=entry.minutes)
    return set_evidence_file(session, entry, None)


def add_event(session: Session, entry: OutsideLearning, action: str, by_id: int, **details: Any) -> None:
    session.add(OutsideLearningEvent(entry_id=entry.id, action=action, by_id=by_id, **details))
    session.flush()


@dataclass(frozen=True)
class HistoryEvent:
    action: str
    at: datetime
    by: str  # the person's name
    changes: dict[str, list]  # field: [before, after], in CHANGEABLE order; dates as YYYY-MM-DD
    minutes: int | None
    comment: str | None


def histories(session: Session, entry_ids: Iterable[int]) -> dict[int, list[HistoryEvent]]:
    """Each entry's history, oldest first (an entry with none recorded is left out)."""
    query = (
        select(OutsideLearningEvent, User.name)
        .join(User, User.id == OutsideLearningEvent.by_id)
        .where(OutsideLearningEvent.entry_id.in_(list(entry_ids)))
        .order_by(OutsideLearningEvent.at, OutsideLearningEvent.id)
    )
    found: dict[int, list[HistoryEvent]] = {}
    for event, name in session.execute(query):
        changes = event.changes or {}
        ordered = {field: changes[field] for field in CHANGEABLE if field in changes}
        found.setdefault(event.entry_id, []).append(
            HistoryEvent(event.action, event.at, name, ordered, event.minutes, event.comment)
        )
    return found


def entry_history(session: Session, entry_id: int) -> list[HistoryEvent]:
    return histories(session, [entry_id]).get(entry_id, [])


def changes_since_confirmed(history: list[HistoryEvent]) -> dict[str, list]:
    """What changed since the manager last confirmed the entry: each field's confirmed value and its value now."""
    since: dict[str, list] = {}
    for event in history:
        if event.action == CONFIRMED_EVENT:
            since = {}
        elif event.action == CHANGED:
            for field, (before, after) in event.changes.items():
                since[field] = [since.get(field, [before])[0], after]
    return {field: pair for field in CHANGEABLE if (pair := since.get(field)) and pair[0] != pair[1]}
