"""Running reminders on a chosen day, as `flask reminders send --today` does, and reading what they said."""

import re
from datetime import date
from email.message import EmailMessage
from urllib.parse import urlsplit

from flask import Flask

from tests.helpers.smtp import SmtpPeer
from webapp.db.clock import utcnow
from webapp.extensions import db
from webapp.mail import send_email
from webapp.reminders.sending import RunReport, send_due_reminders

STOP_LINK = re.compile(r"https?://\S+/reminders/stop/\S+")


class Outbox:
    """A stand-in sender that keeps (to, kind, values) of every email, for calendars of many days."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, str, dict]] = []

    def __call__(self, config, to: str, kind: str, **values: str) -> None:
        self.sent.append((to, kind, values))


def run_reminders(app: Flask, day: date, send=send_email) -> RunReport:
    return send_due_reminders(db.session, app.config, day, utcnow(), send)


def stop_path(message: EmailMessage) -> str:
    """The path of the "stop these reminders" link in an email."""
    found = STOP_LINK.search(message.get_content())
    assert found, f"no stop link in {message['Subject']!r}"
    return urlsplit(found.group()).path


def latest_to(mailbox: SmtpPeer, address: str) -> EmailMessage:
    received = mailbox.messages_to(address)
    assert received, f"no email to {address}"
    return received[-1]
