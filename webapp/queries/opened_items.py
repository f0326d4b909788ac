"""A lesson's or an exercise's row as a person opens it: with whether they completed it this training year and
whether they opened it before, in one round trip (every lesson and exercise page asks)."""

from typing import NamedTuple

from sqlalchemy import bindparam, exists, select
from sqlalchemy.orm import Session

from webapp.models.completions import Completion, ItemStart
from webapp.models.content import Course, CourseItem
from webapp.training.years import TrainingYear


class OpenedItem(NamedTuple):
    row: CourseItem
    done: bool  # completed this training year
    started: bool  # already opened once this training year (its first view is noted)


def _opened_item_statement():
    person, year = bindparam("user_id"), bindparam("year")
    done = exists().where(
        Completion.item_id == CourseItem.id, Completion.user_id == person, Completion.training_year == year
    )
    started = exists().where(
        ItemStart.item_id == CourseItem.id, ItemStart.user_id == person, ItemStart.training_year == year
    )
    return (
        select(CourseItem, done.label("done"), started.label("started"))
        .join(CourseItem.course)
        .where(Course.slug == bindparam("course"), CourseItem.slug == bindparam("item"))
        .where(CourseItem.archived_at.is_(None))
    )


# Built once: building a statement per request cost more than running it.
OPENED_ITEM = _opened_item_statement()


def opened_item(
    session: Session, course_slug: str, item_slug: str, user_id: int, year: TrainingYear
) -> OpenedItem | None:
    """None until the item is synced to the database (or after it was archived)."""
    params = {"course": course_slug, "item": item_slug, "user_id": user_id, "year": year.label}
    found = session.execute(OPENED_ITEM, params).first()
    return None if found is None else OpenedItem(found[0], bool(found[1]), bool(found[2]))
