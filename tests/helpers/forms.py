"""What tests type into the app's forms: dates as GOV.UK's three boxes, and the fixture exercise's answers."""

from datetime import date


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
