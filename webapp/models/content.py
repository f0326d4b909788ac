"""What the database keeps of course content: stable slugs, titles and minutes.

The Markdown files are the source; rows are synced from them so that training
records can refer to a lesson after its file is gone (archived, never deleted).
"""

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from webapp.extensions import db


class Course(db.Model):
    __tablename__ = "courses"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(100), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text, default="")
    level: Mapped[int]
    position: Mapped[int]
    archived_at: Mapped[datetime | None]

    items: Mapped[list["CourseItem"]] = relationship(back_populates="course", order_by="CourseItem.position")


class CourseItem(db.Model):
    """A lesson (and, with the exercises issue, an exercise) at its place in a course."""

    __tablename__ = "course_items"
    __table_args__ = (UniqueConstraint("course_id", "slug"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("courses.id"))
    slug: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20), default="lesson")
    title: Mapped[str] = mapped_column(String(200))
    minutes: Mapped[int]
    position: Mapped[int]
    archived_at: Mapped[datetime | None]

    course: Mapped[Course] = relationship(back_populates="items")
