"""Learning a person logs from outside Data Day: only its owner can see or change it."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from webapp.models.outside_learning import UNCONFIRMED, OutsideLearning

FIELDS = ("title", "provider", "learned_on", "minutes", "link", "notes")


def own_entry(session: Session, user_id: int, entry_id: int) -> OutsideLearning | None:
    """None for someone else's entry as for a missing one, so ids reveal nothing."""
    return session.scalar(
        select(OutsideLearning).where(OutsideLearning.id == entry_id, OutsideLearning.user_id == user_id)
    )


def save_entry(session: Session, entry: OutsideLearning, values: dict) -> OutsideLearning:
    """Add or change an entry. A changed entry goes back to the manager: any earlier review no longer applies."""
    entry.status, entry.reviewed_by_id, entry.reviewed_at, entry.review_comment = UNCONFIRMED, None, None, None
    for name in FIELDS:
        value = values.get(name)
        if isinstance(value, str):
            value = value.strip() or None
        setattr(entry, name, value)
    if entry.id is None:
        session.add(entry)
    session.flush()
    return entry
