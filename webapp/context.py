"""Per-request helpers shared by the blueprints: the content library and today's training year."""

from flask import current_app
from flask_login import current_user

from webapp.content.library import Library
from webapp.extensions import db
from webapp.models.catalogue import find_live_item
from webapp.models.clock import uk_today
from webapp.models.content import CourseItem
from webapp.models.record import completed_item_ids
from webapp.training.requirement import Progress
from webapp.training.years import TrainingYear, year_containing


def content_library() -> Library:
    return current_app.extensions["content_library"].get()


def current_training_year() -> TrainingYear:
    return year_containing(uk_today(), current_app.config["YEAR_START"])


def live_item_and_done(course_slug: str, item_slug: str) -> tuple[CourseItem | None, bool]:
    """The item's database row (None until synced) and whether the signed-in person completed it this year."""
    item = find_live_item(db.session, course_slug, item_slug)
    done = item is not None and item.id in completed_item_ids(db.session, current_user.id, current_training_year())
    return item, done


def progress_for(minutes_done: int) -> Progress:
    return Progress(minutes_done, current_app.config["REQUIRED_MINUTES"])
