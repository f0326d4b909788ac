"""Uploading an HR file."""

from flask_wtf.file import FileAllowed, FileField, FileRequired
from govuk_frontend_wtf.wtforms_widgets import GovCheckboxInput, GovFileInput, GovTextInput
from wtforms import BooleanField, HiddenField, StringField
from wtforms.validators import Length

from webapp.web.form_fields import GovForm, strip


class HRImportForm(GovForm):
    file = FileField(
        "Upload the HR file",
        description="A CSV file with the columns staff_number, email, name, department, grade, "
        "manager_staff_number, fte and active. In Excel, save as ‘CSV UTF-8 (Comma delimited)’.",
        widget=GovFileInput(),
        validators=[FileRequired(message="Select a CSV file"), FileAllowed(["csv"], message="The file must be a CSV")],
    )
    partial = BooleanField(
        "This file lists only some people: do not deactivate anyone missing from it",
        widget=GovCheckboxInput(),
    )
    # Shown after an import stopped to ask: the number it would deactivate, and the admin's yes.
    deactivations = HiddenField()
    confirmed = BooleanField(widget=GovCheckboxInput())

    def confirmed_deactivations(self) -> int | None:
        number = self.deactivations.data or ""
        return int(number) if self.confirmed.data and number.isdigit() and len(number) <= 9 else None


class ManagerForm(GovForm):
    field_names = {"manager": "The staff number"}

    manager = StringField(
        "Staff number of their new line manager",
        description="Leave it blank if no one in Data Day manages them.",
        widget=GovTextInput(),
        filters=[strip],
        validators=[Length(max=40, message="A staff number is 40 characters or fewer")],
    )
