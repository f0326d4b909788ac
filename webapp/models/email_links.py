"""Links sent by email (prove an address, set a first password, reset a password): single use, time-limited."""

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from webapp.db.clock import utcnow
from webapp.extensions import db


class EmailLink(db.Model):
    __tablename__ = "email_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    purpose: Mapped[str] = mapped_column(String(20))  # "confirm", "activate" or "reset"
    # SHA-256 of the token in the link: the token itself is only ever in the email.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
