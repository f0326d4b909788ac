"""Every answer to a lesson's marked questions, right or wrong: the evidence behind a lesson's counted minutes."""

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from webapp.db.clock import utcnow
from webapp.extensions import db


class LessonAnswer(db.Model):
    """One answer to one question of a lesson (a course item, as ExerciseAttempt is keyed)."""

    __tablename__ = "lesson_answers"
    __table_args__ = (
        Index("ix_lesson_answers_user_item_year", "user_id", "item_id", "training_year"),
        # Authors' statistics per question read only this index on PostgreSQL: 12 s to 3.4 s at 510,000 people.
        Index(
            "ix_lesson_answers_question_stats",
            "item_id",
            "training_year",
            "question_id",
            "user_id",
            postgresql_include=["correct", "id"],
        ),
        # content.answers.MAX_ANSWER, also where String(n) is not enforced (SQLite).
        CheckConstraint("length(answer) <= 500", name="answer_length"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    item_id: Mapped[int] = mapped_column(ForeignKey("course_items.id"))
    question_id: Mapped[str] = mapped_column(String(60))
    answer: Mapped[str] = mapped_column(String(500))  # as the answer checker records it (Verdict.recorded)
    correct: Mapped[bool]
    training_year: Mapped[int]  # a lesson completes once a year, so its questions are answered afresh each year
    answered_at: Mapped[datetime] = mapped_column(default=utcnow)
