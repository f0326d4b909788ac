"""Finding and creating accounts, and who manages anyone."""

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from webapp.identity.emails import normalise_email
from webapp.models.people import User


class AccountExists(ValueError):
    pass


def find_user_by_email(session: Session, email: str) -> User | None:
    return session.scalar(select(User).where(User.email == normalise_email(email)))


def create_user(
    session: Session, email: str, name: str, password: str, *, is_admin: bool = False, is_author: bool = False
) -> User:
    existing = find_user_by_email(session, email)
    if existing and existing.password_hash is None and existing.active and not (is_admin or is_author):
        # HR imported this person; registering with their work email sets their password. Their name stays HR's.
        existing.set_password(password)
        return existing
    if existing:
        raise AccountExists(f"An account already exists for {normalise_email(email)}")
    user = User(email=normalise_email(email), name=name.strip(), is_admin=is_admin, is_author=is_author)
    user.set_password(password)
    session.add(user)
    session.flush()
    user.line_path = f"/{user.id}/"
    return user


def has_reports(session: Session, person_id: int) -> bool:
    """Anyone with an active report is a manager: there is no separate switch."""
    return bool(session.scalar(select(exists().where(User.manager_id == person_id, User.active))))
