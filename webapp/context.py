"""Per-request helpers shared by the blueprints: the content library and today's training year."""

from flask import abort, current_app, request
from flask_login import current_user

from webapp.content.library import Library
from webapp.extensions import db
from webapp.models.catalogue import find_live_item
from webapp.models.clock import uk_today
from webapp.models.content import CourseItem
from webapp.models.record import completed_item_ids
from webapp.training.years import TrainingYear, training_year, year_containing


def content_library() -> Library:
    return current_app.extensions["content_library"].get()


def current_training_year() -> TrainingYear:
    return year_containing(uk_today(), current_app.config["YEAR_START"])


def selected_year() -> TrainingYear:
    """The training year in ?year=, defaulting to this one; only this year and earlier ones exist."""
    current = current_training_year()
    label = request.args.get("year", type=int)
    if label is None or label == current.label:
        return current
    if not 2000 <= label < current.label:
        abort(404)
    return training_year(label, current_app.config["YEAR_START"])


def recent_years(count: int = 5) -> list[TrainingYear]:
    """This training year and the ones before it, newest first: the choices a report offers."""
    current = current_training_year()
    return [training_year(current.label - back, current_app.config["YEAR_START"]) for back in range(count)]


def live_item_and_done(course_slug: str, item_slug: str) -> tuple[CourseItem | None, bool]:
    """The item's database row (None until synced) and whether the signed-in person completed it this year."""
    item = find_live_item(db.session, course_slug, item_slug)
    done = item is not None and item.id in completed_item_ids(db.session, current_user.id, current_training_year())
    return item, done
