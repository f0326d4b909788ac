"""Who may see and do what: the one place access is decided, used by views and templates alike.

Each rule is a plain function of the signed-in person (and what they ask for). A view that refuses
calls `require(...)` or uses `@requires(...)`: the answer is the same 403 whether or not the thing exists.
"""

from collections.abc import Callable
from functools import wraps

from flask import abort, g
from flask_login import current_user

from webapp.extensions import db
from webapp.models.people import User
from webapp.org.hierarchy import is_below
from webapp.queries.people import has_reports


def is_admin(user: User) -> bool:
    return bool(user.is_authenticated and user.is_admin)


def can_author(user: User) -> bool:
    """Course authors and admins: content checks, author pages, and previews of content with problems."""
    return bool(user.is_authenticated and (user.is_author or user.is_admin))


def manages_people(user: User) -> bool:
    """Anyone with an active report is a manager. Asked once a request (every page's navigation asks)."""
    if not user.is_authenticated:
        return False
    cached = g.setdefault("manages_people", {})
    if user.id not in cached:
        cached[user.id] = has_reports(db.session, user.id)
    return cached[user.id]


def can_view_record(user: User, person: User | None) -> bool:
    """Someone's record, read-only: a manager, anyone in their line at any depth; an admin, anyone's.

    Everyone sees their own at /my-training-record, not through this."""
    if person is None or not user.is_authenticated:
        return False
    return user.is_admin or is_below(person.line_path, user.line_path)


def can_open_evidence(user: User, owner: User | None) -> bool:
    """An evidence file attached to outside learning: its owner, and whoever may read their record (managers up
    their line, admins), since the record links to it. Only direct managers confirm learning; a manager above
    them may check what it stands on too."""
    if owner is None or not user.is_authenticated:
        return False
    return user.id == owner.id or can_view_record(user, owner)


def can_see_reports(user: User) -> bool:
    """The organisation report: admins, and people with a department's reporting role."""
    return bool(user.is_authenticated and (user.is_admin or user.is_reporting))


def can_report_on(user: User, department_id: int | None) -> bool:
    """A department's figures (None: every department): admins any; the reporting role only its own."""
    if is_admin(user):
        return True
    return can_see_reports(user) and department_id is not None and department_id == user.reports_on_department_id


def can_see_audit_log(user: User) -> bool:
    """Sign-ins and admin actions across the whole service, with people's addresses: admins only."""
    return is_admin(user)


def require(allowed: bool) -> None:
    if not allowed:
        abort(403)


def requires(rule: Callable[[User], bool]):
    """Refuse the view with 403 unless `rule(current_user)` holds."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            require(rule(current_user))
            return view(*args, **kwargs)

        return wrapped

    return decorator


# What templates ask directly; the navigation asks the rest through webapp.web.navigation.
TEMPLATE_GLOBALS = {"is_admin": is_admin}
