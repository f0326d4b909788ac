"""The shared form pieces: every form's text boxes refuse files and hidden characters, dates and whole numbers
refuse what no calendar or counter has, and whatever they are sent, the only thing they raise is a field error."""

import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug.datastructures import FileStorage, MultiDict
from wtforms.validators import NumberRange

import webapp.admin.forms
import webapp.auth.forms
import webapp.record.forms
import webapp.team.forms
from webapp.content.answers import has_hidden_characters
from webapp.web.form_fields import GovDateField, GovForm, WholeNumberField, required_text

FORM_MODULES = [webapp.admin.forms, webapp.auth.forms, webapp.record.forms, webapp.team.forms]


class Example(GovForm):
    field_names = {"title": "The title"}
    title = required_text("What is it called?", missing="Enter the title", too_long="Too long", max_length=200)
    day = GovDateField("When?", noun="date")
    count = WholeNumberField(
        "How many?", invalid="Enter a whole number", validators=[NumberRange(min=1, max=480, message="Out of range")]
    )


def filled(app, values: dict) -> Example:
    data = MultiDict()
    for name, value in values.items():
        for part in value if isinstance(value, list) else [value]:
            data.add(name, part)
    with app.test_request_context(method="POST"):
        form = Example(formdata=data, meta={"csrf": False})
        form.validate()
        return form


def a_file() -> FileStorage:
    return FileStorage(io.BytesIO(b"text"), filename="a.txt", name="title")


def test_every_form_of_the_app_is_a_gov_form():
    forms = [
        value
        for module in FORM_MODULES
        for value in vars(module).values()
        if isinstance(value, type) and hasattr(value, "validate_on_submit")
    ]
    assert forms and all(issubclass(form, GovForm) for form in forms), forms


@pytest.mark.parametrize(
    ("title", "message"),
    [
        ("Stats\x00", "The title must not contain hidden characters – type it in again rather than pasting it"),
        ("Stats\x1b[2J", "The title must not contain hidden characters – type it in again rather than pasting it"),
        (a_file(), "The title must be typed in, not sent as a file"),
    ],
)
def test_a_text_box_refuses_hidden_characters_and_files_by_its_name(app, title, message):
    form = filled(app, {"title": title, "day": ["1", "2", "2026"], "count": "3"})
    assert form.errors == {"title": [message]}
    assert form.title.data is None or isinstance(form.title.data, str)


def test_tabs_and_new_lines_are_not_hidden_characters(app):
    form = filled(app, {"title": "Line one\r\n\tLine two", "day": ["1", "2", "2026"], "count": "3"})
    assert form.errors == {}


@pytest.mark.parametrize(
    ("day", "message"),
    [
        (["1", "1", "99999999999999999999"], "The date must be a real date, like 27 3"),
        (["99999999999999999999", "1", "2026"], "The date must be a real date, like 27 3"),
        (["²", "1", "2026"], "The date must be a real date, like 27 3"),
        (["1", "1", "2026", "1"], "Enter the date as a day, a month and a year"),
        (["1"], "The date must include a month and a year"),
        ([], "Enter the date"),
        (["1", a_file(), "2026"], "The date must be typed in, not sent as a file"),
    ],
)
def test_a_date_refuses_what_no_calendar_has_and_keeps_three_boxes(app, day, message):
    form = filled(app, {"title": "x", "day": day, "count": "3"})
    assert form.errors["day"][0].startswith(message)
    assert form.day.data is None
    assert len(form.day.raw_data) == 3 and all(isinstance(part, str) for part in form.day.raw_data)


@pytest.mark.parametrize("count", ["²", "9" * 400, "9" * 5000, "-" + "9" * 400, "1\x00", a_file()])
def test_a_whole_number_refuses_digits_int_cannot_read_and_files(app, count):
    form = filled(app, {"title": "x", "day": ["1", "2", "2026"], "count": count})
    assert list(form.errors) == ["count"] and form.errors["count"][0] == "Enter a whole number"
    assert form.count.data is None


any_character = st.characters(exclude_categories=())  # controls, lone surrogates, every script's digits
hostile_strings = st.one_of(
    st.text(any_character, max_size=40),
    st.text(st.sampled_from("\x00\x07\x1f\ud800\udfff²¹١٢٣０１９ 0123456789-+./"), max_size=30),
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.builds(lambda char, size: char * size, st.sampled_from("9x\x00"), st.integers(0, 6000)),
)
hostile_values = st.one_of(hostile_strings, st.just(a_file()))


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    title=st.lists(hostile_values, max_size=2),
    day=st.lists(hostile_values, max_size=5),
    count=st.lists(hostile_values, max_size=2),
)
def test_hostile_values_only_ever_give_field_errors(app, title, day, count):
    form = filled(app, {"title": title, "day": day, "count": count})
    assert all(isinstance(message, str) for messages in form.errors.values() for message in messages)
    if "title" not in form.errors:
        assert isinstance(form.title.data, str) and len(form.title.data) <= 200
        assert not has_hidden_characters(form.title.data)
    if "count" not in form.errors:
        assert form.count.data is None or isinstance(form.count.data, int)
