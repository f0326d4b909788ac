"""For development: each message becomes an .eml file, and its link is printed so it can be followed offline."""

import secrets
import sys
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from webapp.mail.messages import Message, as_email


def send(config: Mapping[str, Any], message: Message) -> None:
    folder = Path(config["MAIL_FOLDER"])
    folder.mkdir(parents=True, exist_ok=True)
    # Named to sort by time; the random part keeps two messages in one second apart.
    name = f"{datetime.now():%Y%m%d-%H%M%S}-{message.kind}-{secrets.token_hex(4)}.eml"
    (folder / name).write_bytes(as_email(message, config["MAIL_FROM"]).as_bytes())
    print(f'Email to {message.to}: "{message.subject}" — open {message.values["link"]}', file=sys.stderr, flush=True)
