"""Send through an SMTP relay with the standard library."""

import smtplib
import ssl
from collections.abc import Mapping
from typing import Any

from webapp.mail.messages import Message, as_email


def send(config: Mapping[str, Any], message: Message) -> None:
    email = as_email(message, config["MAIL_FROM"])
    timeout = float(config["SMTP_TIMEOUT"])
    with smtplib.SMTP(config["SMTP_HOST"], int(config["SMTP_PORT"]), timeout=timeout) as relay:
        if config["SMTP_STARTTLS"]:
            relay.starttls(context=ssl.create_default_context())
        if config.get("SMTP_USERNAME"):
            relay.login(config["SMTP_USERNAME"], config.get("SMTP_PASSWORD") or "")
        relay.send_message(email)
