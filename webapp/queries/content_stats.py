"""How learners do on each lesson and exercise in a training year, for course authors (questions: answer_stats).

Time to complete is elapsed time: minutes from a person's first opening of the item in the training year
(ItemStart) to their completion. It includes breaks, so read it as an upper bound on effort; the median
keeps the few who came back days later from swamping it. Completions with no recorded start (made before
starts were recorded, or opened in the previous training year) are left out, and the count of those timed
is reported beside the median.
"""

import statistics
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from webapp.models.completions import Completion, ExerciseAttempt, ItemStart
from webapp.models.lesson_answers import LessonAnswer


@dataclass(frozen=True)
class ItemStats:
    started: int = 0  # people who opened it in the year
    completed: int = 0  # people who completed it in the year
    median_minutes: float | None = None  # first opening to completion; None when no completion has a start
    timed: int = 0  # completions the median is taken over


def item_stats(session: Session, item_ids: list[int], year: int) -> dict[int, ItemStats]:
    started = _counts(session, ItemStart.item_id, ItemStart.training_year, item_ids, year)
    completed = completions_by_item(session, item_ids, year)
    durations = minutes_to_complete(session, item_ids, year)
    return {
        item_id: ItemStats(
            started=started.get(item_id, 0),
            completed=completed.get(item_id, 0),
            median_minutes=statistics.median(durations[item_id]) if durations[item_id] else None,
            timed=len(durations[item_id]),
        )
        for item_id in item_ids
    }


def completions_by_item(session: Session, item_ids: list[int], year: int) -> dict[int, int]:
    return _counts(session, Completion.item_id, Completion.training_year, item_ids, year)


def minutes_to_complete(session: Session, item_ids: list[int], year: int) -> dict[int, list[float]]:
    """Item id -> minutes from first opening to completion, one value per timed completion."""
    same_person_item_year = and_(
        ItemStart.user_id == Completion.user_id,
        ItemStart.item_id == Completion.item_id,
        ItemStart.training_year == Completion.training_year,
    )
    rows = session.execute(
        select(Completion.item_id, ItemStart.started_at, Completion.completed_at)
        .join(ItemStart, same_person_item_year)
        .where(Completion.item_id.in_(item_ids), Completion.training_year == year)
    )
    durations: dict[int, list[float]] = defaultdict(list)
    for item_id, started_at, completed_at in rows:
        # A first view after the completion (the page shown again after it) says nothing about the time taken.
        if started_at <= completed_at:
            durations[item_id].append((completed_at - started_at).total_seconds() / 60)
    return durations


def years_items_were_used(session: Session, item_ids: list[int]) -> set[int]:
    """Training years in which anyone completed or answered one of these items."""
    completed = select(Completion.training_year).where(Completion.item_id.in_(item_ids))
    answered = select(ExerciseAttempt.training_year).where(ExerciseAttempt.item_id.in_(item_ids))
    answered_lesson = select(LessonAnswer.training_year).where(LessonAnswer.item_id.in_(item_ids))
    return set(session.scalars(completed.union(answered, answered_lesson)))


def _counts(session: Session, item_column, year_column, item_ids: list[int], year: int) -> dict[int, int]:
    query = (
        select(item_column, func.count()).where(item_column.in_(item_ids), year_column == year).group_by(item_column)
    )
    return dict(session.execute(query).all())
