"""Recording a learner's answers to an exercise, and crediting it when every answer is right."""

from sqlalchemy.orm import Session

from webapp.content.answers import Marking
from webapp.models.content import CourseItem
from webapp.models.record import record_completion
from webapp.models.training import ExerciseAttempt
from webapp.training.years import TrainingYear


def record_submission(session: Session, user_id: int, item: CourseItem, marking: Marking, year: TrainingYear) -> bool:
    """Store every answer; complete the exercise when all are right. True if this submission completed it."""
    session.add_all(
        ExerciseAttempt(
            user_id=user_id,
            item_id=item.id,
            question_id=m.question.id,
            answer=m.verdict.recorded,
            correct=m.verdict.correct,
            training_year=year.label,
        )
        for m in marking.marked
    )
    if marking.all_correct:
        return record_completion(session, user_id, item, year)
    return False
