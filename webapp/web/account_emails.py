"""Emails about a person's account: make the link, commit it, then send (a send that fails leaves only a link
nobody received, which expires)."""

import logging
from datetime import timedelta
from typing import Any

from flask import current_app

from webapp.db.clock import utcnow
from webapp.extensions import db
from webapp.mail import MailNotSent, send_email
from webapp.models.people import User
from webapp.queries.email_links import create_email_link
from webapp.training.requirement import format_minutes
from webapp.web.audit import audit

log = logging.getLogger(__name__)
# Someone who has not acted on an invitation gets another only after this long.
INVITE_AGAIN_AFTER = timedelta(days=7)

# The kind of message, and the kind of link it carries (None: a link to the sign-in page).
LINK_PURPOSE = {"confirm_email": "activate", "activate_account": "activate", "reset_password": "reset"}


def service_url(config: Any, path: str) -> str:
    # Always the configured address, never the request's Host header: a forged Host would otherwise put an
    # attacker's site in a password reset link (reset-link poisoning).
    return config["SERVICE_URL"].rstrip("/") + path


def link_lifetime(config: Any, purpose: str) -> timedelta:
    if purpose == "reset":
        return timedelta(minutes=config["RESET_LINK_MINUTES"])
    return timedelta(hours=config["EMAIL_LINK_HOURS"])


def send_account_email(user: User, kind: str) -> bool:
    """Send `kind` to the person; False (and logged) if the mail service would not take it."""
    config = current_app.config
    purpose = LINK_PURPOSE.get(kind)
    values = {"name": user.name, "link": service_url(config, "/sign-in"), "hours": ""}
    if purpose:
        lifetime = link_lifetime(config, purpose)
        token = create_email_link(db.session, user, purpose, lifetime=lifetime, now=utcnow())
        minutes = int(lifetime.total_seconds() // 60)
        values |= {"link": service_url(config, f"/set-password/{token}"), "hours": format_minutes(minutes)}
    db.session.commit()
    try:
        send_email(config, user.email, kind, **values)
    except MailNotSent:
        log.error("could not send %s for account %s", kind, user.id)
        return False
    return True


def send_invitation(user: User) -> bool:
    """Email someone HR imported their link to set up their account, and note when."""
    if not send_account_email(user, "activate_account"):
        return False
    user.invited_at = utcnow()
    audit("invited", subject=user)
    db.session.commit()
    return True
