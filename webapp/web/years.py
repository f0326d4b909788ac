"""The training year a request is about: this one, or an earlier one chosen with ?year=."""

from flask import abort, current_app, request

from webapp.db.clock import uk_today
from webapp.training.years import TrainingYear, training_year, year_containing
from webapp.web.choices import select_items


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


def year_choices(years: list[TrainingYear], year: TrainingYear) -> list[dict]:
    """The training year select's items (components/year-select.html), `year` chosen."""
    return select_items(((choice.label, choice.name) for choice in years), year.label)
