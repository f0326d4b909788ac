"""Certificates of a year's training record, each with a verification code anyone holding it can check."""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from webapp.db.clock import utcnow
from webapp.extensions import db


class Certificate(db.Model):
    """One per code issued. Rows are kept when revoked, so a revoked code says so instead of 'not found'."""

    __tablename__ = "certificates"
    __table_args__ = (Index("ix_certificates_user_year", "user_id", "training_year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    training_year: Mapped[int]
    minutes: Mapped[int]  # the total the certificate states, and the verification page repeats
    # SHA-256 of the code: the code is printed on the certificate, and remade from code_salt and SECRET_KEY
    # when the same certificate is downloaded again (webapp.certificates.codes).
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    code_salt: Mapped[str] = mapped_column(String(32))
    issued_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[datetime | None]
    revoked_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
