"""Form pieces shared by several journeys: the base of every form (text boxes that refuse files and hidden
characters), GOV.UK-style dates and whole numbers, and the error summary's links."""

from datetime import date, datetime
from typing import ClassVar

from flask import request
from flask_wtf import FlaskForm
from flask_wtf.form import _Auto
from govuk_frontend_wtf.wtforms_widgets import GovTextArea, GovTextInput
from wtforms import DateField, Field, IntegerField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, StopValidation

from webapp.content.answers import HIDDEN_CHARACTERS, has_hidden_characters


class GovForm(FlaskForm):
    """Every form's base: each text box first refuses what is not text a person typed (a file, hidden
    characters), so nothing after it has to, and the message names the box (`field_names`, else its label)."""

    field_names: ClassVar[dict[str, str]] = {}  # for boxes whose label is a question: "title": "What you did"

    class Meta:
        def bind_field(self, form, unbound_field, options):
            field = super().bind_field(form, unbound_field, options)  # type: ignore[misc]
            if isinstance(field, StringField):  # text, text areas, email, password and URL boxes
                field.validators = [typed_text, *field.validators]
            return field

        def wrap_formdata(self, form, formdata):
            # Flask-WTF reads a JSON body when there is no form body, but rate limits read the form: a JSON
            # sign-in once skipped the per-account limit that way. Only form posts are read.
            if formdata is _Auto and request.is_json:
                return None
            return super().wrap_formdata(form, formdata)  # type: ignore[misc]


def field_name(form: FlaskForm, field: Field) -> str:
    names = getattr(form, "field_names", {})
    return names.get(field.name) or str(field.label.text).removesuffix(" (optional)")


def typed_text(form: FlaskForm, field: Field) -> None:
    """A file sent for a text box, or text with hidden characters, stops the box's other checks."""
    if field.data is not None and not isinstance(field.data, str):
        field.data, field.raw_data = None, []  # so the page shows the box empty, not the file
        raise StopValidation(f"{field_name(form, field)} must be typed in, not sent as a file")
    if field.data and has_hidden_characters(field.data):
        raise StopValidation(f"{field_name(form, field)} {HIDDEN_CHARACTERS}")


class GovDateField(DateField):
    """Day, month and year boxes with GOV.UK's error messages, named after the question. An optional date
    may be left blank (no date); part of one is still an error."""

    def __init__(self, label: str, noun: str, *, optional: bool = False, **kwargs):
        super().__init__(label, format="%d %m %Y", **kwargs)
        self.noun, self.optional = noun, optional

    def process_formdata(self, valuelist: list) -> None:
        # Always three boxes, as the page shows them: the widget lays them out from raw_data.
        self.raw_data = [part if isinstance(part, str) else "" for part in valuelist[:3]]
        self.raw_data += [""] * (3 - len(self.raw_data))
        self.data = None
        if not all(isinstance(part, str) for part in valuelist):
            raise ValueError(f"The {self.noun} must be typed in, not sent as a file")
        if len(valuelist) > 3:
            raise ValueError(f"Enter the {self.noun} as a day, a month and a year")
        parts = [part.strip() for part in self.raw_data]
        missing = [name for name, part in zip(("day", "month", "year"), parts, strict=True) if not part]
        if len(missing) == 3 and self.optional:
            return
        if len(missing) == 3:  # also when the boxes were not sent at all: a required date is always asked for
            raise ValueError(f"Enter the {self.noun}")
        if missing:
            raise ValueError(f"The {self.noun} must include a {' and a '.join(missing)}")
        try:
            day, month, year = (int(part) for part in parts)
            if year < 1000:
                raise ValueError
            self.data = date(year, month, day)
        except (ValueError, OverflowError) as error:  # OverflowError: a year like 99999999999999999999
            raise ValueError(f"The {self.noun} must be a real date, like 27 3 {datetime.now().year}") from error


def error_list(form: FlaskForm) -> list[dict]:
    """Error summary items; a date links to its day box, as GOV.UK asks."""
    items = []
    for field in form:
        if field.errors:
            target = f"{field.id}-day" if isinstance(field, DateField) else field.id
            items.append({"text": field.errors[0], "href": f"#{target}"})
    return items


class WholeNumberField(IntegerField):
    """An integer box whose 'not a number' message is written for people, not programmers."""

    def __init__(self, label: str, invalid: str, **kwargs):
        super().__init__(label, **kwargs)
        self.invalid = invalid

    def process_formdata(self, valuelist: list) -> None:
        self.data = None
        if valuelist and not isinstance(valuelist[0], str):  # a file
            self.raw_data = []
            raise ValueError(self.invalid)
        if not valuelist or not valuelist[0].strip():
            return
        try:
            value = int(valuelist[0].strip())
        except ValueError as error:  # also digits int() refuses, like "²", or too many of them
            raise ValueError(self.invalid) from error
        if abs(value) >= 10**15:  # NumberRange compares as a float, which a 400-digit number overflows
            raise ValueError(self.invalid)
        self.data = value


def strip(value: str | None) -> str | None:
    return value.strip() if isinstance(value, str) else value


def required_text(
    label: str, *, missing: str, too_long: str, max_length: int, description: str | None = None, area: bool = False
) -> StringField:
    """A text box (or area) that must be filled in, trimmed, with GOV.UK's messages for empty and too long."""
    field = TextAreaField if area else StringField
    return field(
        label,
        description=description,
        widget=GovTextArea() if area else GovTextInput(),
        filters=[strip],
        validators=[DataRequired(message=missing), Length(max=max_length, message=too_long)],
    )


def posted_answers(questions) -> dict[str, str | list[str]]:
    """Each marked question's answer as posted (a lesson's, an exercise's or the placement check's): the boxes
    ticked for a multiple choice, else the one value typed or chosen."""
    return {
        q.id: request.form.getlist(f"answer-{q.id}") if q.kind == "multiple" else request.form.get(f"answer-{q.id}", "")
        for q in questions
    }
