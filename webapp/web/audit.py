"""Audit entries for the current request: who is signed in, and from which address."""

from typing import Any

from flask import request
from flask_login import current_user

from webapp.extensions import db
from webapp.models.audit_log import AuditEvent
from webapp.models.people import User
from webapp.queries.audit_log import record_event


def audit(event: str, *, actor: User | None = None, subject: User | None = None, **details: Any) -> AuditEvent:
    """Joins the request's transaction: commit with the change it records."""
    if actor is None and current_user.is_authenticated:
        actor = current_user._get_current_object()
    return record_event(db.session, event, actor=actor, subject=subject, address=request.remote_addr, **details)
