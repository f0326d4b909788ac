"""Learning people log from outside Data Day, their line manager's review of it, and the history of both."""

from datetime import date, datetime

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from webapp.db.clock import utcnow
from webapp.extensions import db

# A manager's review of self-logged outside learning. Changing an entry puts it back to unconfirmed.
UNCONFIRMED, CONFIRMED, RETURNED = "unconfirmed", "confirmed", "returned"
REVIEW_STATUSES = (UNCONFIRMED, CONFIRMED, RETURNED)

# What happened to an entry, one history row each.
LOGGED, CHANGED, CONFIRMED_EVENT, SENT_BACK, DELETED = "logged", "changed", "confirmed", "sent_back", "deleted"
HISTORY_ACTIONS = (LOGGED, CHANGED, CONFIRMED_EVENT, SENT_BACK, DELETED)


class OutsideLearning(db.Model):
    __tablename__ = "outside_learning"
    __table_args__ = (
        Index("ix_outside_learning_user_date", "user_id", "learned_on"),
        CheckConstraint("minutes BETWEEN 1 AND 480", name="minutes_in_range"),
        CheckConstraint(f"status IN {REVIEW_STATUSES}", name="status_known"),
        # The form's limits, also where String(n) is not enforced (SQLite).
        CheckConstraint(
            "length(title) <= 200 AND length(provider) <= 200 AND length(link) <= 500 "
            "AND length(notes) <= 2000 AND length(review_comment) <= 1000",
            name="text_lengths",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    title: Mapped[str] = mapped_column(String(200))
    provider: Mapped[str] = mapped_column(String(200))
    learned_on: Mapped[date]
    minutes: Mapped[int]
    link: Mapped[str | None] = mapped_column(String(500))
    notes: Mapped[str | None] = mapped_column(String(2000))
    status: Mapped[str] = mapped_column(String(12), default=UNCONFIRMED)
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    reviewed_at: Mapped[datetime | None]
    review_comment: Mapped[str | None] = mapped_column(String(1000))
    # The minutes a manager last confirmed. While a change to a confirmed entry waits for review they keep
    # counting in its place (see queries.outside_learning.confirmed_part); sending it back clears them.
    confirmed_minutes: Mapped[int | None]
    # Entries are never removed: a removed one is kept, with who removed it, and stops counting.
    deleted_at: Mapped[datetime | None]
    deleted_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    @property
    def change_waiting(self) -> bool:
        """Changed since a manager confirmed it, and not reviewed again yet."""
        return self.status == UNCONFIRMED and self.confirmed_minutes is not None


class OutsideLearningEvent(db.Model):
    """One step in an entry's history. Rows are only ever added (a database trigger refuses UPDATE)."""

    __tablename__ = "outside_learning_history"
    __table_args__ = (
        CheckConstraint(f"action IN {HISTORY_ACTIONS}", name="action_known"),
        CheckConstraint("length(comment) <= 1000", name="comment_length"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("outside_learning.id"), index=True)
    action: Mapped[str] = mapped_column(String(12))
    by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    # A change's fields, each as [before, after] (dates as YYYY-MM-DD): {"minutes": [60, 480]}.
    changes: Mapped[dict | None] = mapped_column(JSON)
    minutes: Mapped[int | None]  # what was logged, confirmed or sent back
    comment: Mapped[str | None] = mapped_column(String(1000))  # a send back's reason
