"""Which synced course items exist, so the pages built from files can find their database rows."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from webapp.models.content import Course, CourseItem

# Every catalogue and course page asks: built once, as building a statement cost more than running it.
LIVE_ITEM_IDS = (
    select(Course.slug, CourseItem.slug, CourseItem.id)
    .join(CourseItem.course)
    .where(CourseItem.archived_at.is_(None), Course.archived_at.is_(None))
)


def live_item_ids(session: Session) -> dict[tuple[str, str], int]:
    """(course slug, item slug) -> item id for every item not archived."""
    rows = session.execute(LIVE_ITEM_IDS)
    return {(course, item): item_id for course, item, item_id in rows}


def find_live_item(session: Session, course_slug: str, item_slug: str) -> CourseItem | None:
    return session.scalar(
        select(CourseItem)
        .join(CourseItem.course)
        .where(Course.slug == course_slug, CourseItem.slug == item_slug, CourseItem.archived_at.is_(None))
    )
