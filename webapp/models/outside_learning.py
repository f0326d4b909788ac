"""Learning people log from outside Data Day, and their line manager's review of it."""

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from webapp.db.clock import utcnow
from webapp.extensions import db

# A manager's review of self-logged outside learning. Changing an entry puts it back to unconfirmed.
UNCONFIRMED, CONFIRMED, RETURNED = "unconfirmed", "confirmed", "returned"
REVIEW_STATUSES = (UNCONFIRMED, CONFIRMED, RETURNED)


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
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
