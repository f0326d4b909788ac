"""When a person first opened a lesson or exercise in a training year: the start of 'time to complete'."""

from datetime import datetime

from sqlalchemy import ForeignKey, UniqueConstraint, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column

from webapp.extensions import db
from webapp.models.clock import utcnow
from webapp.models.content import CourseItem
from webapp.training.years import TrainingYear


class ItemStart(db.Model):
    """One per person, item and training year, like a completion, so a year's start pairs with its completion."""

    __tablename__ = "item_starts"
    __table_args__ = (UniqueConstraint("user_id", "item_id", "training_year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    item_id: Mapped[int] = mapped_column(ForeignKey("course_items.id"), index=True)
    training_year: Mapped[int]
    started_at: Mapped[datetime] = mapped_column(default=utcnow)


def record_start(session: Session, user_id: int, item: CourseItem | None, year: TrainingYear) -> bool:
    """Note the first view of a synced item this year. True if this call noted it; later views change nothing."""
    if item is None:
        return False
    seen = select(ItemStart.id).where(
        ItemStart.user_id == user_id, ItemStart.item_id == item.id, ItemStart.training_year == year.label
    )
    if session.scalar(seen) is not None:  # the usual case: no write on a page view
        return False
    try:
        with session.begin_nested():  # another tab may note it first: the unique constraint decides
            session.add(ItemStart(user_id=user_id, item_id=item.id, training_year=year.label))
    except IntegrityError:
        return False
    return True
