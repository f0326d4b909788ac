"""Emails to people: one call, send_email, whichever way the service is set up to send them. No Flask.

MAIL_BACKEND picks how: "folder" (development), "smtp" or "notify" (GOV.UK Notify).
"""

import logging
import time
from collections.abc import Callable, Mapping
from typing import Any

from webapp.mail import folder, notify, smtp
from webapp.mail.messages import TEXTS, Message, compose

__all__ = ["KINDS", "MailNotSent", "send_email"]

KINDS = tuple(TEXTS)
BACKENDS: dict[str, Callable[[Mapping[str, Any], Message], None]] = {
    "folder": folder.send,
    "notify": notify.send,
    "smtp": smtp.send,
}
logger = logging.getLogger(__name__)


class MailNotSent(RuntimeError):
    """Every attempt to send failed; the cause is the last attempt's error."""


def send_email(config: Mapping[str, Any], to: str, kind: str, **values: str) -> None:
    message = compose(kind, to, values, config["SERVICE_NAME"])
    deliver = _backend(config)
    attempts = max(1, int(config["MAIL_SEND_ATTEMPTS"]))
    domain = to.rpartition("@")[2]
    failure: Exception | None = None
    for attempt in range(1, attempts + 1):
        if failure is not None:
            time.sleep(float(config["MAIL_RETRY_SECONDS"]) * 2 ** (attempt - 2))
        try:
            deliver(config, message)
            return
        except ValueError:
            raise  # a setting or the address is wrong: another attempt would fail the same way
        except Exception as error:
            failure = error
            reason = _reason(error)
            logger.warning(
                "Email %s to an address at %s not sent (attempt %d of %d): %s", kind, domain, attempt, attempts, reason
            )
    raise MailNotSent(f"Email {kind} to an address at {domain} not sent after {attempts} attempts") from failure


def _backend(config: Mapping[str, Any]) -> Callable[[Mapping[str, Any], Message], None]:
    name = config["MAIL_BACKEND"]
    if name not in BACKENDS:
        raise ValueError(f"MAIL_BACKEND must be one of {', '.join(BACKENDS)}, not {name!r}")
    return BACKENDS[name]


def _reason(error: Exception) -> str:
    """The error's type and status code only: its text might quote the address or the message."""
    code = getattr(error, "smtp_code", None) or getattr(error, "status_code", None)
    return f"{type(error).__name__} {code}" if code else type(error).__name__
