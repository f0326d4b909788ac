"""What learners did in Data Day: completions (with the totals kept beside them), first openings and answers."""

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from webapp.db.clock import utcnow
from webapp.extensions import db
from webapp.models.content import CourseItem


class Completion(db.Model):
    """One per person, item and training year: the unique constraint is what stops double counting."""

    __tablename__ = "completions"
    __table_args__ = (
        UniqueConstraint("user_id", "item_id", "training_year"),
        Index("ix_completions_user_year", "user_id", "training_year"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    item_id: Mapped[int] = mapped_column(ForeignKey("course_items.id"), index=True)
    training_year: Mapped[int]
    # Credited at completion time: editing a lesson's minutes later does not rewrite history.
    minutes: Mapped[int]
    completed_at: Mapped[datetime] = mapped_column(default=utcnow)

    item: Mapped[CourseItem] = relationship()


class TrainingTotal(db.Model):
    """A person's completed minutes in a training year, kept up to date as each completion is recorded.

    Reports over hundreds of thousands of people read one row a person here instead of adding up
    millions of completions (see record_completion and refresh_totals)."""

    __tablename__ = "training_totals"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    training_year: Mapped[int] = mapped_column(primary_key=True)
    minutes: Mapped[int]
    completions: Mapped[int]
    last_completed_at: Mapped[datetime]


class MonthTotal(db.Model):
    """Minutes of lessons and exercises completed each month, by the department people were in at the time.

    The organisation report's monthly trend reads these few hundred rows instead of every completion."""

    __tablename__ = "training_months"

    training_year: Mapped[int] = mapped_column(primary_key=True)
    month: Mapped[str] = mapped_column(String(7), primary_key=True)  # "2026-03", by completion time (UTC)
    department_key: Mapped[int] = mapped_column(primary_key=True)  # the department's id; 0 for none
    minutes: Mapped[int]


class ExerciseAttempt(db.Model):
    """One answer to one question, right or wrong: authors use these to find questions that need work."""

    __tablename__ = "exercise_attempts"
    __table_args__ = (
        Index("ix_exercise_attempts_user_item", "user_id", "item_id"),
        # content.answers.MAX_ANSWER, also where String(n) is not enforced (SQLite).
        CheckConstraint("length(answer) <= 500", name="answer_length"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    item_id: Mapped[int] = mapped_column(ForeignKey("course_items.id"), index=True)
    question_id: Mapped[str] = mapped_column(String(60))
    answer: Mapped[str] = mapped_column(String(500))
    correct: Mapped[bool]
    training_year: Mapped[int]
    attempted_at: Mapped[datetime] = mapped_column(default=utcnow)


class ItemStart(db.Model):
    """One per person, item and training year, like a completion, so a year's start pairs with its completion."""

    __tablename__ = "item_starts"
    __table_args__ = (UniqueConstraint("user_id", "item_id", "training_year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    item_id: Mapped[int] = mapped_column(ForeignKey("course_items.id"), index=True)
    training_year: Mapped[int]
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
