"""Managers confirming, or sending back, the outside learning their direct reports log."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from webapp.db.clock import utcnow
from webapp.models.outside_learning import CONFIRMED, RETURNED, UNCONFIRMED, OutsideLearning
from webapp.models.people import User
from webapp.training.years import TrainingYear


def waiting_for_review(session: Session, manager: User, year: TrainingYear) -> list[tuple[OutsideLearning, User]]:
    query = (
        select(OutsideLearning, User)
        .join(User, User.id == OutsideLearning.user_id)
        .where(
            User.manager_id == manager.id,
            User.active,
            OutsideLearning.status == UNCONFIRMED,
            OutsideLearning.learned_on.between(year.starts, year.ends),
        )
        .order_by(User.name, OutsideLearning.learned_on)
    )
    return [(entry, person) for entry, person in session.execute(query)]


def reviewable_entry(session: Session, manager: User, entry_id: int) -> OutsideLearning | None:
    """An entry of one of the manager's direct reports; None for anyone else's, as for a missing one."""
    return session.scalar(
        select(OutsideLearning)
        .join(User, User.id == OutsideLearning.user_id)
        .where(OutsideLearning.id == entry_id, User.manager_id == manager.id)
    )


def review(entry: OutsideLearning, manager: User, *, confirm: bool, comment: str | None = None) -> None:
    entry.status = CONFIRMED if confirm else RETURNED
    entry.reviewed_by_id = manager.id
    entry.reviewed_at = utcnow()
    entry.review_comment = None if confirm else comment
