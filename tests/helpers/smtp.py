"""A real SMTP server for the tests (aiosmtpd, on 127.0.0.1), keeping what it receives in memory.

Sending is synchronous: the server has stored a message before smtplib's send returns, so tests
read `messages` straight after the app sends, with no waiting.
"""

import re
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import getaddresses
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

from tests.helpers.peers import HOST, free_port

LINK = re.compile(r"https?://\S+")


class _Handler:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.refusals = 0

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        if self.refusals:
            self.refusals -= 1
            return "451 4.3.0 Try again later"
        # Lines travel ending CRLF; kept as Python writes them (\n), so a test compares text as it wrote it.
        raw = (envelope.original_content or b"").replace(b"\r\n", b"\n")
        message = message_from_bytes(raw, policy=policy.default)
        self.messages.append(message)  # type: ignore[arg-type]  # policy.default makes EmailMessage
        return "250 OK"


class SmtpPeer:
    def __init__(self) -> None:
        self._handler = _Handler()
        # Not port 0: aiosmtpd 1.4's Controller connects to its own port to check it started.
        self._controller = Controller(self._handler, hostname=HOST, port=free_port())

    def start(self) -> None:
        self._controller.start()

    def stop(self) -> None:
        self._controller.stop()

    @property
    def port(self) -> int:
        return self._controller.port

    @property
    def settings(self) -> dict[str, Any]:
        """The settings that make an app send here."""
        return {"SMTP_HOST": HOST, "SMTP_PORT": self.port}

    @property
    def messages(self) -> list[EmailMessage]:
        return self._handler.messages

    def clear(self) -> None:
        """Forget every message, and stop refusing."""
        self._handler.messages.clear()
        self._handler.refusals = 0

    def refuse_next(self, count: int) -> None:
        """Answer the next `count` messages with a temporary failure (451), as a busy relay does."""
        self._handler.refusals = count

    def messages_to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if address.lower() in (a.lower() for _, a in getaddresses([m["To"]]))]

    def last_link_to(self, address: str) -> str:
        """The first web address in the latest message to `address`."""
        received = self.messages_to(address)
        if not received:
            raise LookupError(f"No email to {address}; emails went to {[m['To'] for m in self.messages]}")
        link = LINK.search(received[-1].get_content())
        if link is None:
            raise LookupError(f"The latest email to {address} has no link")
        return link.group()


def mail_config(**overrides: Any) -> dict[str, Any]:
    """The test app's settings as a plain mapping, as send_email takes them, with some changed."""
    from webapp.config import TestConfig

    return {**vars(TestConfig()), **overrides}
