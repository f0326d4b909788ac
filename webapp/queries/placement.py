"""Placement check results and chosen pathways: recording them and reading them back for a person and year."""

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from webapp.content.answers import Marking
from webapp.db.clock import utcnow
from webapp.db.dialects import upsert
from webapp.models.content import Course, CourseItem
from webapp.models.placement import PathwayChoice, PlacementAnswer, PlacementResult
from webapp.queries.completions import record_completion
from webapp.queries.xapi_queue import queue_placement_result
from webapp.training.placement import PlacementScore
from webapp.training.years import TrainingYear
from webapp.xapi.settings import XapiSettings

PLACEMENT_COURSE = "placement"  # the course row the check's own item hangs from (courses/placement/ is no course)
PLACEMENT_ITEM = "check"


def placement_item(session: Session) -> CourseItem | None:
    """The check as a course item, so its minutes are a completion like a lesson's (None until synced)."""
    return session.scalar(
        select(CourseItem)
        .join(CourseItem.course)
        .where(Course.slug == PLACEMENT_COURSE, CourseItem.slug == PLACEMENT_ITEM, CourseItem.archived_at.is_(None))
    )


def record_placement(
    session: Session,
    user_id: int,
    item: CourseItem,
    marking: Marking,
    score: PlacementScore,
    year: TrainingYear,
    xapi: XapiSettings | None = None,
) -> tuple[PlacementResult, bool]:
    """Keep the result and every answer; credit the check's minutes once a training year. True if they counted."""
    result = PlacementResult(
        user_id=user_id,
        training_year=year.label,
        score=score.right,
        out_of=score.out_of,
        recommended_level=score.recommended,
        answers=[
            PlacementAnswer(question_id=m.question.id, answer=m.verdict.recorded, correct=m.verdict.correct)
            for m in marking.marked
        ],
    )
    session.add(result)
    session.flush()
    queue_placement_result(session, xapi, item, result, marking.marked)
    return result, record_completion(session, user_id, item, year, xapi)


# The statements every catalogue and course page runs are built once: building one cost more than running it.
RESULTS_IN_YEAR = (
    select(PlacementResult)
    .where(PlacementResult.user_id == bindparam("user_id"), PlacementResult.training_year == bindparam("year"))
    .order_by(PlacementResult.taken_at, PlacementResult.id)
)
ANSWERS_RIGHT = select(PlacementAnswer.question_id, PlacementAnswer.correct).where(
    PlacementAnswer.result_id == bindparam("result_id")
)
CHOSEN_LEVEL = select(PathwayChoice.level).where(
    PathwayChoice.user_id == bindparam("user_id"), PathwayChoice.training_year == bindparam("year")
)


def results_in_year(session: Session, user_id: int, year: TrainingYear) -> list[PlacementResult]:
    """Oldest first: the first is the "before", the last the "after"."""
    return list(session.scalars(RESULTS_IN_YEAR, {"user_id": user_id, "year": year.label}))


def answers_right(session: Session, result: PlacementResult | None) -> dict[str, bool]:
    if result is None:
        return {}
    rows = session.execute(ANSWERS_RIGHT, {"result_id": result.id})
    return {question_id: correct for question_id, correct in rows}  # noqa: C416 (rows, not pairs, to mypy)


def choose_pathway(session: Session, user_id: int, year: TrainingYear, level: int) -> None:
    table = PathwayChoice.__table__
    now = utcnow()
    values = {"user_id": user_id, "training_year": year.label, "level": level, "chosen_at": now}
    keys = [table.c.user_id, table.c.training_year]
    session.execute(upsert(session.get_bind().dialect, table, values, keys, {"level": level, "chosen_at": now}))


def chosen_level(session: Session, user_id: int, year: TrainingYear) -> int | None:
    return session.scalar(CHOSEN_LEVEL, {"user_id": user_id, "year": year.label})
