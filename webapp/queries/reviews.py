"""Managers confirming, or sending back, the outside learning their direct reports log in this training year."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from webapp.db.clock import utcnow
from webapp.models.outside_learning import CONFIRMED, CONFIRMED_EVENT, RETURNED, SENT_BACK, UNCONFIRMED, OutsideLearning
from webapp.models.people import User
from webapp.queries.outside_learning import KEPT, add_event
from webapp.queries.xapi_queue import queue_confirmed_learning
from webapp.training.years import TrainingYear
from webapp.xapi.settings import XapiSettings

# Why an entry cannot be reviewed: a closed year's record does not change, removed learning counts nothing,
# a review stands until the learner changes the entry, and a manager reviews only what they saw.
EARLIER_YEAR, REMOVED, ALREADY_REVIEWED, CHANGED_SINCE_SEEN = (
    "earlier_year",
    "removed",
    "already_reviewed",
    "changed_since_seen",
)


def _direct_reports_entries(manager: User, year: TrainingYear):
    return (
        select(OutsideLearning, User)
        .join(User, User.id == OutsideLearning.user_id)
        .where(User.manager_id == manager.id, User.active, OutsideLearning.learned_on.between(year.starts, year.ends))
    )


def waiting_for_review(session: Session, manager: User, year: TrainingYear) -> list[tuple[OutsideLearning, User]]:
    query = _direct_reports_entries(manager, year).where(KEPT, OutsideLearning.status == UNCONFIRMED)
    ordered = query.order_by(User.name, OutsideLearning.learned_on, OutsideLearning.id)
    return [(entry, person) for entry, person in session.execute(ordered)]


def removed_after_confirming(session: Session, manager: User, year: TrainingYear) -> list[tuple[OutsideLearning, User]]:
    """Learning a manager confirmed (or whose change was waiting) that its owner then removed, newest first."""
    query = _direct_reports_entries(manager, year).where(
        OutsideLearning.deleted_at.is_not(None), OutsideLearning.confirmed_minutes.is_not(None)
    )
    return [(entry, person) for entry, person in session.execute(query.order_by(OutsideLearning.deleted_at.desc()))]


def reviewable_entry(session: Session, manager: User, entry_id: int) -> OutsideLearning | None:
    """An entry of one of the manager's direct reports; None for anyone else's, as for a missing one.

    Locked until the request ends (on PostgreSQL), as its owner's changes lock it: a review never crosses a change."""
    return session.scalar(
        select(OutsideLearning)
        .join(User, User.id == OutsideLearning.user_id)
        .where(OutsideLearning.id == entry_id, User.manager_id == manager.id)
        .with_for_update(of=OutsideLearning)
    )


def entry_version(entry: OutsideLearning) -> str:
    """Different after every change to the entry: a review page sends back the version its manager saw."""
    return entry.updated_at.isoformat()


def why_not_reviewable(entry: OutsideLearning, year: TrainingYear, seen: str | None = None) -> str | None:
    """None if the manager may confirm or send back the entry now (`year` is the current training year).

    `seen` is the entry_version the manager's page showed, when it says (it always does; scripts may not)."""
    if entry.learned_on not in year:
        return EARLIER_YEAR
    if entry.deleted_at is not None:
        return REMOVED
    if entry.status != UNCONFIRMED:
        return ALREADY_REVIEWED
    if seen is not None and seen != entry_version(entry):
        return CHANGED_SINCE_SEEN
    return None


def review(
    session: Session,
    entry: OutsideLearning,
    manager: User,
    *,
    confirm: bool,
    comment: str | None = None,
    xapi: XapiSettings | None = None,
) -> None:
    """Confirmed learning counts in full from now on (and, with xAPI on, is reported to the LRS); learning sent
    back counts nothing until it is changed."""
    entry.status = CONFIRMED if confirm else RETURNED
    entry.confirmed_minutes = entry.minutes if confirm else None
    entry.reviewed_by_id = manager.id
    entry.reviewed_at = utcnow()
    entry.review_comment = None if confirm else comment
    action = CONFIRMED_EVENT if confirm else SENT_BACK
    add_event(session, entry, action, manager.id, minutes=entry.minutes, comment=entry.review_comment)
    if confirm:
        queue_confirmed_learning(session, xapi, entry)
