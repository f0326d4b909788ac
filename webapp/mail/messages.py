"""The emails Data Day sends: a subject and plain-English body for each kind, in GOV.UK Notify's style.

With GOV.UK Notify each kind is a template kept in Notify: copy the text there, writing ((name)) for {name}.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr

# kind: (subject, body). Every kind gets name, link and hours (how long the link works, in words).
TEXTS: dict[str, tuple[str, str]] = {
    "confirm_email": (
        "Confirm your email address for {service}",
        "Hello {name},\n\n"
        "To finish creating your {service} account, confirm your email address by opening this link:\n\n"
        "{link}\n\n"
        "The link works for {hours}.\n\n"
        "If you did not create an account, you can ignore this email.\n\n"
        "{service}\n",
    ),
    "activate_account": (
        "Set up your {service} account",
        "Hello {name},\n\n"
        "Your HR team has added you to {service}, where you take your data training and keep a record of it.\n\n"
        "To start using your account, choose a password by opening this link:\n\n"
        "{link}\n\n"
        "The link works for {hours}.\n\n"
        "{service}\n",
    ),
    "already_registered": (
        "You already have a {service} account",
        "Hello {name},\n\n"
        "Someone tried to create a {service} account with this email address, but you already have one.\n\n"
        "Sign in here:\n\n"
        "{link}\n\n"
        "If you have forgotten your password, you can reset it from the sign-in page.\n\n"
        "If this was not you, you can ignore this email. Your account has not changed.\n\n"
        "{service}\n",
    ),
    "reset_password": (
        "Reset your {service} password",
        "Hello {name},\n\n"
        "To choose a new password, open this link:\n\n"
        "{link}\n\n"
        "The link works for {hours}.\n\n"
        "If you did not ask to reset your password, you can ignore this email. Your password has not changed.\n\n"
        "{service}\n",
    ),
}


@dataclass(frozen=True)
class Message:
    to: str
    kind: str
    subject: str
    body: str
    values: Mapping[str, str]


def compose(kind: str, to: str, values: Mapping[str, str], service: str) -> Message:
    if kind not in TEXTS:
        raise ValueError(f"No email of kind {kind!r}: choose one of {', '.join(TEXTS)}")
    subject, body = TEXTS[kind]
    fields = {**values, "service": service}
    try:
        return Message(to, kind, subject.format_map(fields), body.format_map(fields), dict(values))
    except KeyError as missing:
        raise ValueError(f"The {kind} email needs a value for {missing}") from None


def as_email(message: Message, sender: str) -> EmailMessage:
    email = EmailMessage()
    email["From"] = sender
    email["To"] = message.to
    email["Subject"] = message.subject
    email["Date"] = formatdate(localtime=True)
    # The sender's domain, so make_msgid does not look up this machine's name in DNS.
    email["Message-ID"] = make_msgid(domain=parseaddr(sender)[1].rpartition("@")[2] or None)
    email.set_content(message.body)
    return email
