"""Taking the placement check of the placement fixture (tests/fixtures/placement) through the test client."""

from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from tests.helpers.accounts import csrf_token

CHECK = "/where-should-i-start/questions"
# The fixture's questions answered right (choices by their position): levels 1, 1, 1, 2 and 3.
ALL_RIGHT = {
    "answer-points": "18.25",
    "answer-median": "3001",
    "answer-axis": "1",
    "answer-calls-total": "1368",
    "answer-text-sum": "ababab",
}
# Level 1 right except the chart question: first-steps/charts is not tested out, percentages is not either (the
# chart question names it too), averages is (both questions naming it are right). Recommends level 1 (2 of 3).
MOSTLY_WRONG = {**ALL_RIGHT, "answer-axis": "0"}


def take_placement(client: FlaskClient, answers: dict) -> TestResponse:
    return client.post(CHECK, data={**answers, "csrf_token": csrf_token(client, "/courses")})
