"""The emails Data Day sends: a subject and plain-English body for each kind, in GOV.UK Notify's style.

With GOV.UK Notify each kind is a template kept in Notify: copy the text there, writing ((name)) for {name}.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr
from string import Formatter

# kind: (subject, body). Every account email gets name, link and hours (how long the link works, in words);
# reminders get the values webapp/reminders/messages.py makes. compose() refuses a kind missing one.
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
    # Reminders (webapp/reminders/messages.py fills them in). {stop} is how to turn the reminder off: a link
    # in an optional reminder, a sentence saying it cannot be in a required one.
    "reminder_before_end": (
        "{days_left} left to finish your data training",
        "Hello {name},\n\n"
        "Your data training year {year} ends on {ends}, in {days_left}.\n\n"
        "So far you have recorded {done} of the {required} you need. You have {left} left to do.\n\n"
        "Take a course, or add learning you did elsewhere, from your training record:\n\n"
        "{link}\n\n"
        "{stop}\n\n"
        "{service}\n",
    ),
    "reminder_not_started": (
        "You have not started your data training for {year}",
        "Hello {name},\n\n"
        "You need to do {required} of data training in the training year {year}, which ends on {ends}. "
        "You have not recorded any yet.\n\n"
        "Start a course, or add learning you did elsewhere, from your training record:\n\n"
        "{link}\n\n"
        "{stop}\n\n"
        "{service}\n",
    ),
    "reminder_year_missed": (
        "You did not finish your data training for {year}",
        "Hello {name},\n\n"
        "The training year {year} ended on {ends}. You recorded {done} of the {required} of data training "
        "you needed.\n\n"
        "If you did data training that is not in your record, you can still add it:\n\n"
        "{link}\n\n"
        "{stop}\n\n"
        "{service}\n",
    ),
    "reminder_manager_digest": (
        "Data training for {year}: who has not finished",
        "Hello {name},\n\n"
        "The data training year {year} {year_end}.\n\n"
        "People {scope} who have not finished their data training: {count}\n\n"
        "{not_started}\n\n"
        "{in_progress}\n\n"
        "See everyone’s progress:\n\n"
        "{link}\n\n"
        "{stop}\n\n"
        "{service}\n",
    ),
}


REMINDER_KINDS = tuple(kind for kind in TEXTS if kind.startswith("reminder_"))


def placeholders(kind: str) -> set[str]:
    """The values a kind's subject and body use: a GOV.UK Notify template for it needs the same ((names))."""
    fields = {name for text in TEXTS[kind] for _, name, _, _ in Formatter().parse(text) if name}
    return fields - {"service"}


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
