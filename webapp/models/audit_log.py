"""The audit log: security events and admin actions, appended and never changed (a database trigger refuses UPDATE)."""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from webapp.db.clock import utcnow
from webapp.extensions import db


class AuditEvent(db.Model):
    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_events_event_at", "event", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    event: Mapped[str] = mapped_column(String(40))
    # Who did it and to whom; emails are copied so the entry still reads after an account changes.
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    actor_email: Mapped[str | None] = mapped_column(String(254))
    subject_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    subject_email: Mapped[str | None] = mapped_column(String(254))
    address: Mapped[str | None] = mapped_column(String(45))
    details: Mapped[str] = mapped_column(Text, default="")
