"""Placement check results with every answer (the evidence for its minutes), and each person's chosen pathway."""

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from webapp.db.clock import utcnow
from webapp.extensions import db


class PlacementResult(db.Model):
    """One taking of the check. The first and latest in a training year are the before and after."""

    __tablename__ = "placement_results"
    __table_args__ = (Index("ix_placement_results_user_year", "user_id", "training_year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    training_year: Mapped[int]
    # Kept as marked then: a later edit to the questions does not rewrite an old score.
    score: Mapped[int]
    out_of: Mapped[int]
    recommended_level: Mapped[int]
    taken_at: Mapped[datetime] = mapped_column(default=utcnow)

    answers: Mapped[list["PlacementAnswer"]] = relationship(back_populates="result", order_by="PlacementAnswer.id")


class PlacementAnswer(db.Model):
    __tablename__ = "placement_answers"
    __table_args__ = (
        # content.answers.MAX_ANSWER, also where String(n) is not enforced (SQLite).
        CheckConstraint("length(answer) <= 500", name="answer_length"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    result_id: Mapped[int] = mapped_column(ForeignKey("placement_results.id"), index=True)
    question_id: Mapped[str] = mapped_column(String(60))
    answer: Mapped[str] = mapped_column(String(500))  # as the answer checker records it (Verdict.recorded)
    correct: Mapped[bool]

    result: Mapped[PlacementResult] = relationship(back_populates="answers")


class PathwayChoice(db.Model):
    """The pathway (by its level) a person follows in a training year: the catalogue shows it first."""

    __tablename__ = "pathway_choices"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    training_year: Mapped[int] = mapped_column(primary_key=True)
    level: Mapped[int]
    chosen_at: Mapped[datetime] = mapped_column(default=utcnow)
