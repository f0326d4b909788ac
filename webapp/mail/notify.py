"""Send through GOV.UK Notify: one Notify template per kind, filled in with the message's values."""

from collections.abc import Mapping
from typing import Any

from notifications_python_client.notifications import NotificationsAPIClient

from webapp.mail.messages import Message


def template_id(config: Mapping[str, Any], kind: str) -> str:
    template = config.get("NOTIFY_TEMPLATES", {}).get(kind)
    if not template:
        raise ValueError(f"Set NOTIFY_TEMPLATE_{kind.upper()} to the GOV.UK Notify template id for {kind} emails")
    return str(template)


def send(config: Mapping[str, Any], message: Message) -> None:
    template = template_id(config, message.kind)
    if not config.get("NOTIFY_API_KEY"):
        raise ValueError("Set NOTIFY_API_KEY to a GOV.UK Notify API key when MAIL_BACKEND is notify")
    client = NotificationsAPIClient(config["NOTIFY_API_KEY"], base_url=config["NOTIFY_BASE_URL"])
    try:
        client.send_email_notification(
            email_address=message.to, template_id=template, personalisation=dict(message.values)
        )
    finally:
        client.request_session.close()  # the client opens a requests session and never closes it
