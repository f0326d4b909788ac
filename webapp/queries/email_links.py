"""Emailed links: made for one person and purpose, used once, then never again."""

from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from webapp.db.results import changed_rows
from webapp.identity.tokens import new_token, token_digest
from webapp.models.email_links import EmailLink
from webapp.models.people import User

# "activate": prove the address and choose a first password; "reset": choose a new one.
PURPOSES = ("activate", "reset")


def create_email_link(session: Session, user: User, purpose: str, *, lifetime: timedelta, now: datetime) -> str:
    """The token for the link; only its digest is stored. It replaces any earlier link the person has not used."""
    if purpose not in PURPOSES:
        raise ValueError(f"unknown link purpose {purpose!r}")
    close_open_links(session, user.id, now)
    token = new_token()
    session.add(
        EmailLink(
            user_id=user.id, purpose=purpose, token_hash=token_digest(token), created_at=now, expires_at=now + lifetime
        )
    )
    return token


def usable_email_link(session: Session, token: str, now: datetime) -> EmailLink | None:
    link = session.scalar(select(EmailLink).where(EmailLink.token_hash == token_digest(token)))
    if link is None or link.used_at is not None or link.expires_at <= now:
        return None
    user = session.get(User, link.user_id)
    return link if user is not None and user.active else None


def use_email_link(session: Session, link: EmailLink, now: datetime) -> bool:
    """Mark this link, and any other open link of the person's, used. False if another request got there
    first: the UPDATE only matches an unused link, so a link works once even when sent twice at the same time."""
    claimed = changed_rows(
        session.execute(
            update(EmailLink).where(EmailLink.id == link.id, EmailLink.used_at.is_(None)).values(used_at=now)
        )
    )
    close_open_links(session, link.user_id, now)
    return claimed == 1


def close_open_links(session: Session, user_id: int, now: datetime) -> None:
    session.execute(
        update(EmailLink).where(EmailLink.user_id == user_id, EmailLink.used_at.is_(None)).values(used_at=now)
    )
