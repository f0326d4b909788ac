"""Logging learning done outside Data Day."""

from dataclasses import dataclass

from flask_wtf.file import FileField
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxInput,
    GovDateInput,
    GovFileInput,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import BooleanField, SubmitField, TextAreaField, URLField
from wtforms.validators import URL, InputRequired, Length, NumberRange, Optional, ValidationError

from webapp.certificates.codes import normalised
from webapp.evidence.kinds import kind_of
from webapp.evidence.names import clean_name
from webapp.training.years import TrainingYear
from webapp.web.form_fields import GovDateField, GovForm, WholeNumberField, required_text


@dataclass(frozen=True)
class Upload:
    """An evidence file that passed the form's checks, not stored yet."""

    name: str  # cleaned, for people to read
    kind: str  # content type, from the file's first bytes
    data: bytes


class EvidenceField(FileField):
    """A file upload that notices a file arriving as text: a browser sends a name ending in a backslash in a
    way the form parser cannot read, and the learner should hear their file was not attached."""

    def process_formdata(self, valuelist: list) -> None:
        self.sent_as_text = any(isinstance(value, str) and value for value in valuelist)
        super().process_formdata(valuelist)


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
    evidence = EvidenceField("Evidence (optional)", widget=GovFileInput())
    remove_evidence = BooleanField("Remove the evidence file", widget=GovCheckboxInput())
    submit = SubmitField("Save", widget=GovSubmitInput())

    def __init__(self, year: TrainingYear, today, *args, max_mb: int = 5, **kwargs):
        super().__init__(*args, **kwargs)
        self.year, self.today, self.max_mb = year, today, max_mb
        self.evidence.description = (
            f"A certificate or a record of attendance, if you have one: a PDF, PNG or JPEG, smaller than {max_mb}MB"
        )
        self.upload: Upload | None = None

    def validate_evidence(self, field: EvidenceField) -> None:
        """What the file is, from its content: a page named certificate.pdf is refused; a PDF named scan.png is a
        PDF. Read up to one byte past the limit, so a large file is never read whole."""
        if not field.data and getattr(field, "sent_as_text", False):
            raise ValidationError(
                "The selected file could not be uploaded. Rename it without a backslash (\\) and select it again"
            )
        if not field.data:
            return
        data = field.data.stream.read(self.max_mb * 1024 * 1024 + 1)
        if not data:
            raise ValidationError("The selected file is empty")
        if len(data) > self.max_mb * 1024 * 1024:
            raise ValidationError(f"The selected file must be smaller than {self.max_mb}MB")
        kind = kind_of(data)
        if kind is None:
            raise ValidationError("The selected file must be a PDF, PNG or JPEG")
        self.upload = Upload(clean_name(field.data.filename or ""), kind, data)

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


class VerifyForm(GovForm):
    code = required_text(
        "Verification code",
        description="It is on the certificate, under ‘Check this certificate’. For example, ABCD-EFGH-JK",
        missing="Enter the verification code",
        too_long="Enter the verification code as it is printed on the certificate, like ABCD-EFGH-JK",
        max_length=40,
    )
    submit = SubmitField("Check certificate", widget=GovSubmitInput())

    def validate_code(self, field) -> None:
        if field.data and normalised(field.data) is None:
            raise ValidationError(
                "Enter the verification code as it is printed on the certificate: 10 letters and numbers, "
                "like ABCD-EFGH-JK"
            )
