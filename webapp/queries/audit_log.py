"""Appending to the audit log. Nothing here (or anywhere in the app) changes or removes an entry."""

import json
from typing import Any

from sqlalchemy.orm import Session

from webapp.models.audit_log import AuditEvent
from webapp.models.people import User

# Every kind of entry, with the words the audit page shows for it.
EVENTS = {
    "signed_in": "Signed in",
    "sign_in_failed": "Sign-in failed",
    "locked_out": "Too many sign-in attempts",
    "signed_out": "Signed out",
    "registered": "Registered",
    "email_proved": "Email address proved",
    "invited": "Invitation sent",
    "password_set": "Password set",
    "password_reset": "Password reset",
    "password_changed": "Password changed",
    "sso_linked": "Single sign-on linked",
    "sso_refused": "Single sign-on refused",
    "sessions_ended": "Sessions ended",
    "role_granted": "Role granted",
    "role_removed": "Role removed",
    "hr_import": "HR import",
    "line_manager_changed": "Line manager changed",
    "learning_confirmed": "Outside learning confirmed",
    "learning_sent_back": "Outside learning sent back",
}


def record_event(
    session: Session,
    event: str,
    *,
    actor: User | None = None,
    subject: User | None = None,
    subject_email: str | None = None,
    address: str | None = None,
    **details: Any,
) -> AuditEvent:
    """Add an entry to the caller's transaction: it is kept exactly when the change it describes is."""
    if event not in EVENTS:
        raise ValueError(f"unknown audit event {event!r}")
    entry = AuditEvent(
        event=event,
        actor_id=actor.id if actor else None,
        actor_email=actor.email if actor else None,
        subject_id=subject.id if subject else None,
        subject_email=subject.email if subject else subject_email,
        address=(address or "")[:45] or None,
        details=json.dumps(details, sort_keys=True, default=str) if details else "",
    )
    session.add(entry)
    return entry
