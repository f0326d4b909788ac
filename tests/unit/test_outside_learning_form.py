"""The outside-learning form names the field in every error, as the GOV.UK error summary needs."""

from datetime import date

import pytest
from werkzeug.datastructures import MultiDict

from webapp.record.forms import OutsideLearningForm
from webapp.training.years import YearStart, training_year
from webapp.web.form_fields import error_list

YEAR = training_year(2026, YearStart(4, 1))
TODAY = date(2026, 11, 25)
VALID = {
    "title": "Power BI basics",
    "provider": "Civil Service College",
    "minutes": "90",
    "link": "https://example.org/course",
    "notes": "",
}


def make_form(app, changes: dict, day=("25", "11", "2026")) -> OutsideLearningForm:
    data = MultiDict({**VALID, **changes})
    for part in day:
        data.add("learned_on", part)
    with app.test_request_context(method="POST", data=data):
        form = OutsideLearningForm(YEAR, TODAY, meta={"csrf": False})
        form.validate()
        return form


def test_a_complete_entry_is_valid(app):
    form = make_form(app, {})
    assert form.errors == {}
    assert form.learned_on.data == date(2026, 11, 25)


@pytest.mark.parametrize(
    ("changes", "day", "field", "message"),
    [
        ({"title": "  "}, None, "title", "Enter what you did"),
        ({"provider": ""}, None, "provider", "Enter who provided it"),
        ({"minutes": ""}, None, "minutes", "Enter how long it took in minutes"),
        ({"minutes": "0"}, None, "minutes", "How long it took must be between 1 and 480 minutes"),
        ({"minutes": "481"}, None, "minutes", "How long it took must be between 1 and 480 minutes"),
        ({"minutes": "1.5"}, None, "minutes", "How long it took must be a whole number of minutes, like 90"),
        ({"link": "not a link"}, None, "link", "Enter a link that starts with https:// or http://"),
        ({"link": "ftp://example.org/x"}, None, "link", "Enter a link that starts with https:// or http://"),
        ({"notes": "x" * 2001}, None, "notes", "Notes must be 2,000 characters or fewer"),
        ({}, ("", "", ""), "learned_on", "Enter the date you did it"),
        ({}, ("", "11", "2026"), "learned_on", "The date you did it must include a day"),
        ({}, ("31", "", ""), "learned_on", "The date you did it must include a month and a year"),
        ({}, ("31", "11", "2026"), "learned_on", "The date you did it must be a real date"),
        ({}, ("26", "11", "2026"), "learned_on", "The date you did it must be today or in the past"),
        ({}, ("31", "3", "2026"), "learned_on", "must be in this training year, which started on 1 April 2026"),
    ],
)
def test_each_bad_answer_gets_a_message_naming_its_field(app, changes, day, field, message):
    form = make_form(app, changes, day or ("25", "11", "2026"))
    assert list(form.errors) == [field]
    assert message in form.errors[field][0]


@pytest.mark.parametrize(("minutes", "day"), [("1", ("1", "4", "2026")), ("480", ("25", "11", "2026"))])
def test_limits_are_inclusive(app, minutes, day):
    assert make_form(app, {"minutes": minutes}, day).errors == {}


def test_error_summary_links_a_date_to_its_day_box(app):
    form = make_form(app, {"title": ""}, ("", "", ""))
    assert error_list(form) == [
        {"text": "Enter what you did", "href": "#title"},
        {"text": "Enter the date you did it", "href": "#learned_on-day"},
    ]
