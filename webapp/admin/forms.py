"""Uploading an HR file."""

from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from govuk_frontend_wtf.wtforms_widgets import GovCheckboxInput, GovFileInput
from wtforms import BooleanField


class ImportPeopleForm(FlaskForm):
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
