"""Evidence files attached to outside learning: one at most per entry, the file itself in the evidence folder."""

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from webapp.db.clock import utcnow
from webapp.evidence.kinds import KINDS
from webapp.extensions import db


class EvidenceFile(db.Model):
    __tablename__ = "evidence_files"
    __table_args__ = (
        CheckConstraint(f"content_type IN {KINDS}", name="content_type_known"),
        CheckConstraint("size > 0", name="size_positive"),
        CheckConstraint("length(original_name) <= 120", name="original_name_length"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("outside_learning.id"), unique=True)
    stored_name: Mapped[str] = mapped_column(String(43), unique=True)  # random: the file's name in EVIDENCE_DIR
    original_name: Mapped[str] = mapped_column(String(120))  # the uploader's, cleaned (webapp.evidence.names)
    content_type: Mapped[str] = mapped_column(String(40))  # from the file's first bytes, not its name
    size: Mapped[int]  # bytes
    uploaded_at: Mapped[datetime] = mapped_column(default=utcnow)
