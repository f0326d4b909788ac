"""What tests type into the app's forms: dates as GOV.UK's three boxes, and the fixture exercise's answers."""

from datetime import date

from webapp.db.clock import uk_today


def date_boxes(day: date) -> list[str]:
    """A date as its day, month and year boxes send it."""
    return [str(day.day), str(day.month), str(day.year)]


# Every question of tests/fixtures/exercises/count-the-regions answered right (choices by their position).
RIGHT_ANSWERS = {
    "answer-rows": "4",
    "answer-mean": "12.5",
    "answer-largest": "north east",
    "answer-column": "1",
    "answer-regions": ["0", "2"],
}


def outside_learning_form(**changes: object) -> dict:
    """ "Log learning done elsewhere" filled in for today; a change of None leaves that field out."""
    data = {
        "title": "Data ethics workshop",
        "provider": "My department",
        "minutes": "90",
        "learned_on": date_boxes(uk_today()),  # the app's today: the UK's date
        **changes,
    }
    return {name: value for name, value in data.items() if value is not None}
