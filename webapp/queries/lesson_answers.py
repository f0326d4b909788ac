"""Answers to lessons' marked questions: every one recorded, and the lesson credited once all are right."""

from dataclasses import dataclass

from sqlalchemy import bindparam, case, func, select
from sqlalchemy.orm import Session

from webapp.content.answers import Marking
from webapp.models.content import CourseItem
from webapp.models.lesson_answers import LessonAnswer
from webapp.queries.completions import record_completion, store_answers
from webapp.queries.xapi_queue import queue_lesson_answers
from webapp.training.years import TrainingYear
from webapp.xapi.settings import XapiSettings


@dataclass(frozen=True)
class Progress:
    tries: int  # answers given to the question this training year, right or wrong
    right: bool  # one of them was right


def record_lesson_answers(
    session: Session,
    user_id: int,
    item: CourseItem,
    marking: Marking,
    year: TrainingYear,
    xapi: XapiSettings | None = None,
):
    """Store each marked answer as the checker recorded it. Answers it could not read are not stored.

    With xAPI on, each is queued as an "answered" statement in the same transaction."""
    store_answers(session, LessonAnswer, user_id, item, marking, year, xapi, queue_lesson_answers)


# Every lesson page with questions runs it: built once, as building it cost more than running it.
ANSWER_PROGRESS = (
    select(LessonAnswer.question_id, func.count(), func.max(case((LessonAnswer.correct, 1), else_=0)))
    .where(
        LessonAnswer.user_id == bindparam("user_id"),
        LessonAnswer.item_id == bindparam("item_id"),
        LessonAnswer.training_year == bindparam("year"),
    )
    .group_by(LessonAnswer.question_id)
)


def answer_progress(session: Session, user_id: int, item_id: int, year: TrainingYear) -> dict[str, Progress]:
    """Question id -> how the person has done on it this training year; questions not yet answered are absent."""
    rows = session.execute(ANSWER_PROGRESS, {"user_id": user_id, "item_id": item_id, "year": year.label})
    return {question_id: Progress(tries, bool(right)) for question_id, tries, right in rows}


def all_right(progress: dict[str, Progress], question_ids: list[str]) -> bool:
    return bool(question_ids) and all(qid in progress and progress[qid].right for qid in question_ids)


def complete_when_all_right(
    session: Session,
    user_id: int,
    item: CourseItem,
    question_ids: list[str],
    year: TrainingYear,
    xapi: XapiSettings | None = None,
) -> bool:
    """Credit the lesson if every question now has a right answer this year. True if this call credited it.

    Call it after committing the answers just given: two requests answering the last two questions at once then
    each see the other's answer or come second, so one of them completes it; record_completion's unique
    constraint stops both from counting."""
    if not all_right(answer_progress(session, user_id, item.id, year), question_ids):
        return False
    return record_completion(session, user_id, item, year, xapi)
