"""Per-request helpers shared by the blueprints: the content library and today's training year."""

from flask import current_app

from webapp.content.library import Library
from webapp.models.clock import uk_today
from webapp.training.requirement import Progress
from webapp.training.years import TrainingYear, year_containing


def content_library() -> Library:
    return current_app.extensions["content_library"].get()


def current_training_year() -> TrainingYear:
    return year_containing(uk_today(), current_app.config["YEAR_START"])


def progress_for(minutes_done: int) -> Progress:
    return Progress(minutes_done, current_app.config["REQUIRED_MINUTES"])
