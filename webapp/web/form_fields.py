"""Form pieces shared by several journeys: GOV.UK-style dates and the error summary's links."""

from datetime import date, datetime

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovTextArea, GovTextInput
from wtforms import DateField, IntegerField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length


class GovDateField(DateField):
    """Day, month and year boxes with GOV.UK's error messages, named after the question."""

    def __init__(self, label: str, noun: str, **kwargs):
        super().__init__(label, format="%d %m %Y", **kwargs)
        self.noun = noun

    def process_formdata(self, valuelist: list[str]) -> None:
        if not valuelist:
            return
        parts = [part.strip() for part in valuelist[:3]] + [""] * (3 - len(valuelist[:3]))
        missing = [name for name, part in zip(("day", "month", "year"), parts, strict=True) if not part]
        self.data = None
        if len(missing) == 3:
            raise ValueError(f"Enter the {self.noun}")
        if missing:
            raise ValueError(f"The {self.noun} must include a {' and a '.join(missing)}")
        try:
            day, month, year = (int(part) for part in parts)
            if year < 1000:
                raise ValueError
            self.data = date(year, month, day)
        except ValueError as error:
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

    def process_formdata(self, valuelist: list[str]) -> None:
        if not valuelist or not valuelist[0].strip():
            self.data = None
            return
        try:
            self.data = int(valuelist[0].strip())
        except ValueError as error:
            self.data = None
            raise ValueError(self.invalid) from error


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
