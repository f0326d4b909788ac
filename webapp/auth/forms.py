"""Sign-in and registration forms with GOV.UK widgets and messages."""

from govuk_frontend_wtf.wtforms_widgets import GovCheckboxInput, GovPasswordInput, GovSubmitInput, GovTextInput
from wtforms import BooleanField, EmailField, PasswordField, StringField, SubmitField
from wtforms.validators import Email, EqualTo, InputRequired, Length, ValidationError

from webapp.identity.emails import email_domain_allowed
from webapp.identity.passwords import MIN_PASSWORD
from webapp.web.form_fields import GovForm


class SignInForm(GovForm):
    email = EmailField(
        "Email address",
        widget=GovTextInput(),
        validators=[InputRequired(message="Enter your email address")],
    )
    password = PasswordField(
        "Password", widget=GovPasswordInput(), validators=[InputRequired(message="Enter your password")]
    )
    remember = BooleanField("Keep me signed in on this device for 14 days", widget=GovCheckboxInput())
    submit = SubmitField("Sign in", widget=GovSubmitInput())


class RegisterForm(GovForm):
    field_names = {"name": "Name", "password": "Password", "confirm": "Password"}

    name = StringField(
        "Full name",
        widget=GovTextInput(),
        validators=[
            InputRequired(message="Enter your full name"),
            Length(max=200, message="Name must be 200 characters or fewer"),
        ],
    )
    email = EmailField(
        "Work email address",
        widget=GovTextInput(),
        validators=[
            InputRequired(message="Enter your work email address"),
            Email(message="Enter an email address in the correct format, like name@department.gov.uk"),
            Length(max=254, message="Email address must be 254 characters or fewer"),
        ],
    )
    password = PasswordField(
        "Create a password",
        description=f"Use at least {MIN_PASSWORD} characters. A few unrelated words make a strong password.",
        widget=GovPasswordInput(),
        validators=[
            InputRequired(message="Enter a password"),
            Length(min=MIN_PASSWORD, message=f"Password must be at least {MIN_PASSWORD} characters"),
            Length(max=200, message="Password must be 200 characters or fewer"),
        ],
    )
    confirm = PasswordField(
        "Confirm your password",
        widget=GovPasswordInput(),
        validators=[
            InputRequired(message="Confirm your password"),
            EqualTo("password", message="Passwords do not match"),
        ],
    )
    submit = SubmitField("Create account", widget=GovSubmitInput())

    def __init__(self, allowed_domains: list[str], *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.allowed_domains = allowed_domains

    def validate_email(self, field: EmailField) -> None:
        if not email_domain_allowed(field.data or "", self.allowed_domains):
            endings = " or ".join(self.allowed_domains)
            raise ValidationError(f"Enter your work email address: it must end in {endings}")
