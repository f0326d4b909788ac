"""The audit log's filters: a GET form, so a filtered page (and its download) has an address to share."""

from govuk_frontend_wtf.wtforms_widgets import GovDateInput, GovSelect, GovTextInput
from wtforms import SelectChoice, SelectField, StringField, ValidationError
from wtforms.validators import AnyOf, Length

from webapp.queries.audit_log import EVENTS, AuditFilters
from webapp.web.form_fields import GovDateField, GovForm, strip


class AuditFilterForm(GovForm):
    field_names = {"person": "The email address"}

    class Meta:
        csrf = False  # read-only filters sent by GET: nothing to forge

    event = SelectField(
        "Event",
        choices=[SelectChoice("", "Any event"), *(SelectChoice(event, words) for event, words in EVENTS.items())],
        default="",
        widget=GovSelect(),
        validate_choice=False,  # AnyOf instead, for a message people can act on
        validators=[AnyOf(["", *EVENTS], message="Select an event from the list")],
    )
    person = StringField(
        "Email address",
        description="Their whole address: entries they did, and entries about their account",
        widget=GovTextInput(),
        filters=[strip],
        validators=[Length(max=254, message="The email address must be 254 characters or fewer")],
    )
    from_date = GovDateField(
        "From", noun="‘from’ date", optional=True, description="For example, 27 3 2026", widget=GovDateInput()
    )
    to_date = GovDateField(
        "To", noun="‘to’ date", optional=True, description="That day’s entries are included", widget=GovDateInput()
    )

    def validate_to_date(self, field: GovDateField) -> None:
        if field.data and self.from_date.data and field.data < self.from_date.data:
            raise ValidationError("The ‘to’ date must be the same as or after the ‘from’ date")


def filters_from(form: AuditFilterForm) -> AuditFilters:
    """The filters of a form that validated."""
    return AuditFilters(
        event=form.event.data or None,
        person=form.person.data or None,
        since=form.from_date.data,
        until=form.to_date.data,
    )
