"""Sign-in, registration and password forms with GOV.UK widgets and messages."""

from govuk_frontend_wtf.wtforms_widgets import GovCheckboxInput, GovPasswordInput, GovSubmitInput, GovTextInput
from wtforms import BooleanField, EmailField, PasswordField, StringField, SubmitField
from wtforms.validators import Email, EqualTo, InputRequired, Length, ValidationError

from webapp.identity.emails import email_domain_allowed
from webapp.identity.password_policy import MAX_PASSWORD, MIN_PASSWORD, password_problem
from webapp.web.form_fields import GovForm

EMAIL_FORMAT = "Enter an email address in the correct format, like name@department.gov.uk"


def work_email(label: str = "Work email address") -> EmailField:
    return EmailField(
        label,
        widget=GovTextInput(),
        validators=[
            InputRequired(message="Enter your work email address"),
            Length(max=254, message="Email address must be 254 characters or fewer"),
            Email(message=EMAIL_FORMAT),
        ],
    )


def typed_password(label: str, missing: str) -> PasswordField:
    """A password someone already has: no rules but a length a hash is worth spending on."""
    return PasswordField(
        label,
        widget=GovPasswordInput(),
        validators=[
            InputRequired(message=missing),
            Length(max=MAX_PASSWORD, message=f"Password must be {MAX_PASSWORD} characters or fewer"),
        ],
    )


class SignInForm(GovForm):
    email = EmailField(
        "Email address",
        widget=GovTextInput(),
        validators=[
            InputRequired(message="Enter your email address"),
            Length(max=254, message="Email address must be 254 characters or fewer"),
        ],
    )
    password = typed_password("Password", "Enter your password")
    remember = BooleanField("Keep me signed in on this device for 14 days", widget=GovCheckboxInput())
    submit = SubmitField("Sign in", widget=GovSubmitInput())


class RegisterForm(GovForm):
    """Name and address only: the password is chosen from the emailed link, so nobody sets one for a mailbox
    they do not own."""

    name = StringField(
        "Full name",
        widget=GovTextInput(),
        validators=[
            InputRequired(message="Enter your full name"),
            Length(max=200, message="Name must be 200 characters or fewer"),
        ],
    )
    email = work_email()
    submit = SubmitField("Continue", widget=GovSubmitInput())

    def __init__(self, allowed_domains: list[str], *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.allowed_domains = allowed_domains

    def validate_email(self, field: EmailField) -> None:
        if not email_domain_allowed(field.data or "", self.allowed_domains):
            endings = " or ".join(self.allowed_domains)
            raise ValidationError(f"Enter your work email address: it must end in {endings}")


class EmailLinkForm(GovForm):
    """'Get a new link' and 'Forgot your password': just the address to send to."""

    email = work_email()
    submit = SubmitField("Send the link", widget=GovSubmitInput())


class ChoosePasswordForm(GovForm):
    field_names = {"password": "Password", "confirm": "Password"}

    password = PasswordField(
        "Create a password",
        description=f"Use {MIN_PASSWORD} characters or more. 3 or more unrelated words make a strong password.",
        widget=GovPasswordInput(),
        validators=[InputRequired(message="Enter a password")],
    )
    confirm = PasswordField(
        "Confirm your password",
        widget=GovPasswordInput(),
        validators=[
            InputRequired(message="Confirm your password"),
            EqualTo("password", message="Passwords do not match"),
        ],
    )
    submit = SubmitField("Save password", widget=GovSubmitInput())

    def __init__(self, name: str, email: str, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.person_name, self.person_email = name, email

    def validate_password(self, field: PasswordField) -> None:
        problem = password_problem(field.data or "", name=self.person_name, email=self.person_email)
        if problem:
            raise ValidationError(problem)


class ChangePasswordForm(ChoosePasswordForm):
    current = typed_password("Current password", "Enter your current password")
    submit = SubmitField("Change password", widget=GovSubmitInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._fields.move_to_end("current", last=False)  # first on the page, so first in the error summary
