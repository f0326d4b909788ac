"""Audit entries for the current request (who is signed in, from which address) or command."""

import sys
from typing import Any

from flask import has_request_context, request
from flask_login import current_user

from webapp.extensions import db
from webapp.models.audit_log import AuditEvent
from webapp.models.people import User
from webapp.queries.audit_log import record_event


def audit(event: str, *, actor: User | None = None, subject: User | None = None, **details: Any) -> AuditEvent:
    """Joins the current transaction: commit with the change it records. Outside a request (a `flask`
    command) there is no signed-in person or address: the entry says which command instead."""
    if not has_request_context():
        details.setdefault("command", " ".join(sys.argv[1:3]))
        return record_event(db.session, event, actor=actor, subject=subject, **details)
    if actor is None and current_user.is_authenticated:
        actor = current_user._get_current_object()
    return record_event(db.session, event, actor=actor, subject=subject, address=request.remote_addr, **details)
