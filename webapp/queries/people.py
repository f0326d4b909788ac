"""Finding and creating accounts, and who manages anyone."""

from datetime import datetime, timedelta

from sqlalchemy import exists, func, or_, select
from sqlalchemy.orm import Session

from webapp.db.clock import utcnow
from webapp.identity.emails import normalise_email
from webapp.models.people import User


class AccountExists(ValueError):
    pass


def find_user_by_email(session: Session, email: str) -> User | None:
    return session.scalar(select(User).where(User.email == normalise_email(email)))


def create_user(
    session: Session, email: str, name: str, password: str, *, is_admin: bool = False, is_author: bool = False
) -> User:
    """An account made by an administrator (or the demo), ready to sign in: whoever runs this vouches for it."""
    user = register_person(session, email, name)
    user.is_admin, user.is_author = is_admin, is_author
    user.set_password(password)
    user.email_confirmed_at = user.created_at = utcnow()
    return user


def register_person(session: Session, email: str, name: str) -> User:
    """A new account with no password: it gets one when its owner follows the link emailed to the address."""
    if find_user_by_email(session, email):
        raise AccountExists(f"An account already exists for {normalise_email(email)}")
    user = User(email=normalise_email(email), name=name.strip(), created_at=utcnow())
    session.add(user)
    session.flush()
    user.line_path = f"/{user.id}/"
    return user


def passwords_allowed(user: User, *, passwords_enabled: bool, break_glass_emails: list[str]) -> bool:
    """Passwords are on, or this is an admin's emergency account (single sign-on only otherwise)."""
    return passwords_enabled or (user.is_admin and user.email in break_glass_emails)


def can_use_password(user: User, *, passwords_enabled: bool, break_glass_emails: list[str]) -> bool:
    """Active, with a proved address and a password, and passwords allowed for them."""
    if not (user.active and user.is_activated and user.password_hash):
        return False
    return passwords_allowed(user, passwords_enabled=passwords_enabled, break_glass_emails=break_glass_emails)


def has_reports(session: Session, person_id: int) -> bool:
    """Anyone with an active report is a manager: there is no separate switch."""
    return bool(session.scalar(select(exists().where(User.manager_id == person_id, User.active))))


def not_yet_activated(session: Session) -> int:
    """Active people who have never proved their address (HR imported them, or they did not follow the link)."""
    return session.scalar(select(func.count()).where(User.active, User.email_confirmed_at.is_(None))) or 0


def _invitable(now: datetime, again_after: timedelta):
    # Not yet activated, and not invited within `again_after`: nobody gets the same invitation every day.
    return (
        User.active,
        User.email_confirmed_at.is_(None),
        or_(User.invited_at.is_(None), User.invited_at < now - again_after),
    )


def people_to_invite(session: Session, now: datetime, *, again_after: timedelta, limit: int | None = None) -> list[int]:
    """Their ids: a whole department's worth loads as numbers, then a person at a time."""
    return list(session.scalars(select(User.id).where(*_invitable(now, again_after)).order_by(User.id).limit(limit)))


def count_people_to_invite(session: Session, now: datetime, *, again_after: timedelta) -> int:
    return session.scalar(select(func.count()).where(*_invitable(now, again_after))) or 0


def other_active_admins(session: Session, person_id: int) -> int:
    return session.scalar(select(func.count()).where(User.is_admin, User.active, User.id != person_id)) or 0
