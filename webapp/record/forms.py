"""Logging learning done outside Data Day."""

from govuk_frontend_wtf.wtforms_widgets import GovDateInput, GovSubmitInput, GovTextArea, GovTextInput
from wtforms import SubmitField, TextAreaField, URLField
from wtforms.validators import URL, InputRequired, Length, NumberRange, Optional, ValidationError

from webapp.training.years import TrainingYear
from webapp.web.form_fields import GovDateField, GovForm, WholeNumberField, required_text


class OutsideLearningForm(GovForm):
    field_names = {"title": "What you did", "provider": "Who provided it"}

    title = required_text(
        "What did you do?",
        description="For example, 'Introduction to Power BI' or 'Department data ethics workshop'",
        missing="Enter what you did",
        too_long="What you did must be 200 characters or fewer",
        max_length=200,
    )
    provider = required_text(
        "Who provided it?",
        description="For example, Civil Service College, your department, or a website",
        missing="Enter who provided it",
        too_long="Who provided it must be 200 characters or fewer",
        max_length=200,
    )
    learned_on = GovDateField(
        "When did you do it?",
        noun="date you did it",
        description="For example, 27 3 2026. If it took several days, enter the last day.",
        widget=GovDateInput(),
    )
    minutes = WholeNumberField(
        "How long did it take, in minutes?",
        invalid="How long it took must be a whole number of minutes, like 90",
        description="For example, 90 for an hour and a half. One entry can be up to 480 minutes (8 hours).",
        widget=GovTextInput(),
        validators=[
            InputRequired(message="Enter how long it took in minutes"),
            NumberRange(min=1, max=480, message="How long it took must be between 1 and 480 minutes"),
        ],
    )
    link = URLField(
        "Link (optional)",
        description="A web page about the course or event",
        widget=GovTextInput(),
        validators=[
            Optional(),
            URL(require_tld=True, message="Enter a link that starts with https:// or http://"),
            Length(max=500, message="Link must be 500 characters or fewer"),
        ],
    )
    notes = TextAreaField(
        "Notes (optional)",
        description="What you learned, or anything your manager should know",
        widget=GovTextArea(),
        validators=[Optional(), Length(max=2000, message="Notes must be 2,000 characters or fewer")],
    )
    submit = SubmitField("Save", widget=GovSubmitInput())

    def __init__(self, year: TrainingYear, today, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.year, self.today = year, today

    def validate_learned_on(self, field: GovDateField) -> None:
        if field.data is None:
            return
        if field.data > self.today:
            raise ValidationError("The date you did it must be today or in the past")
        if field.data not in self.year:
            starts = f"{self.year.starts.day} {self.year.starts:%B %Y}"
            raise ValidationError(f"The date you did it must be in this training year, which started on {starts}")

    def validate_link(self, field: URLField) -> None:
        if field.data and not field.data.lower().startswith(("https://", "http://")):
            raise ValidationError("Enter a link that starts with https:// or http://")
