"""Signing a person in and out of this browser, with a session row on the server behind the cookie."""

from flask import current_app, g, request, session
from flask_login import current_user, login_user, logout_user

from webapp.db.clock import utcnow
from webapp.extensions import db, login_manager
from webapp.models.people import User
from webapp.queries.sign_in_sessions import end_sign_in_session, signed_in_user, start_sign_in_session
from webapp.web.audit import audit


def start_session(user: User, *, method: str, remember: bool = False) -> None:
    """Sign in: a new server-side session every time (no fixation), lasting as long as its cookie, audited."""
    config = current_app.config
    lifetime = config["REMEMBER_COOKIE_DURATION"] if remember else config["PERMANENT_SESSION_LIFETIME"]
    now = utcnow()
    user.session_token = start_sign_in_session(
        db.session,
        user,
        method=method,
        lifetime=lifetime,
        now=now,
        remember=remember,
        user_agent=request.headers.get("User-Agent"),
    )
    user.last_signed_in_at = now
    session.permanent = True
    login_user(user, remember=remember)
    audit("signed_in", actor=user, subject=user, method=method)
    db.session.commit()


def end_session() -> None:
    """Sign out here: the server forgets the session, so a copy of either cookie signs nobody in."""
    if current_user.is_authenticated and current_user.session_token:
        end_sign_in_session(db.session, current_user.session_token, utcnow())
        audit("signed_out", subject=current_user)
        db.session.commit()
    logout_user()


@login_manager.user_loader
def load_user(token: str) -> User | None:
    found = signed_in_user(db.session, token, utcnow())
    user = None
    if found is not None:
        user, manages = found
        user.session_token = token
        g.setdefault("manages_people", {})[user.id] = manages  # what web.permissions.manages_people asks
    if db.session.dirty:
        db.session.commit()
    return user
