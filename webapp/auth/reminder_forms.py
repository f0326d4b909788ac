"""Turning reminders off from an emailed link, and choosing them on the account page."""

from govuk_frontend_wtf.wtforms_widgets import GovCheckboxesInput, GovRadioInput, GovSubmitInput
from wtforms import RadioField, SelectChoice, SelectMultipleField, SubmitField
from wtforms.validators import InputRequired

from webapp.web.form_fields import GovForm

THIS, ALL = "this", "all"


class StopRemindersForm(GovForm):
    scope = RadioField(
        "Which reminders do you want to stop?",
        choices=[SelectChoice(THIS, "Only this kind of reminder"), SelectChoice(ALL, "Every reminder I can turn off")],
        default=THIS,
        widget=GovRadioInput(),
        validators=[InputRequired(message="Select which reminders to stop")],
    )
    submit = SubmitField("Stop these reminders", widget=GovSubmitInput())


class ReminderChoicesForm(GovForm):
    wanted = SelectMultipleField(
        "Optional reminders",
        description="Select the reminders you want to get.",
        choices=[],
        widget=GovCheckboxesInput(),
    )
    submit = SubmitField("Save", widget=GovSubmitInput())
