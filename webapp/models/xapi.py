"""xAPI statements waiting for, or sent to, the learning record store (webapp.xapi; `flask xapi send`)."""

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from webapp.db.clock import utcnow
from webapp.extensions import db


class XapiStatement(db.Model):
    """Added in the same transaction as the change it reports, so a rolled-back change sends nothing."""

    __tablename__ = "xapi_statements"
    __table_args__ = (Index("ix_xapi_statements_due", "sent_at", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # The statement's own id, derived from its source row: queuing the same thing twice is refused here.
    statement_id: Mapped[str] = mapped_column(String(36), unique=True)
    # Whom it is about, so erasing a person also drops their statements not yet sent.
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    body: Mapped[dict] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None]
    attempts: Mapped[int] = mapped_column(default=0)
    # Due from here; a sender claiming a row moves it on (a lease), a failure moves it on further (backoff).
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_error: Mapped[str | None] = mapped_column(String(500))
