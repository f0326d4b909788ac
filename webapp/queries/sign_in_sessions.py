"""Sign-in sessions on the server: started at sign-in, looked up on each request, ended at sign-out."""

from datetime import datetime, timedelta

from sqlalchemy import bindparam, exists, select, update
from sqlalchemy.orm import Session, aliased

from webapp.db.results import changed_rows
from webapp.identity.tokens import new_token, token_digest
from webapp.models.people import User
from webapp.models.sign_in_sessions import SignInSession

# Writing "last seen" on every request would make every page a write; once in a while is enough.
LAST_SEEN_EVERY = timedelta(minutes=5)


def start_sign_in_session(
    session: Session,
    user: User,
    *,
    method: str,
    lifetime: timedelta,
    now: datetime,
    remember: bool = False,
    user_agent: str | None = None,
) -> str:
    """The token goes in the browser's cookies; only its digest is stored."""
    token = new_token()
    session.add(
        SignInSession(
            user_id=user.id,
            token_hash=token_digest(token),
            method=method,
            remember=remember,
            created_at=now,
            last_seen_at=now,
            expires_at=now + lifetime,
            user_agent=(user_agent or "")[:200] or None,
        )
    )
    return token


def _signed_in_statement():
    report = aliased(User)
    manages = exists().where(report.manager_id == User.id, report.active).label("manages")
    return (
        select(SignInSession, User, manages)
        .join(User, User.id == SignInSession.user_id)
        .where(SignInSession.token_hash == bindparam("token_hash"))
    )


# Every request runs it: built once, as building it (the alias above all) cost more than running it.
SIGNED_IN = _signed_in_statement()


def signed_in_user(session: Session, token: str, now: datetime) -> tuple[User, bool] | None:
    """The person a token belongs to, if its session is still open and their account active, and whether they
    manage anyone (every page's navigation asks): one round trip."""
    found = session.execute(SIGNED_IN, {"token_hash": token_digest(token)}).first()
    if found is None:
        return None
    row, user, has_reports = found
    if row.ended_at is not None or row.expires_at <= now or not user.active:
        return None

    if now - row.last_seen_at > LAST_SEEN_EVERY:
        row.last_seen_at = now  # the caller commits
    return user, bool(has_reports)


def end_sign_in_session(session: Session, token: str, now: datetime) -> None:
    session.execute(
        update(SignInSession)
        .where(SignInSession.token_hash == token_digest(token), SignInSession.ended_at.is_(None))
        .values(ended_at=now)
    )


def end_all_sign_in_sessions(session: Session, user_id: int, now: datetime, *, keep_token: str | None = None) -> int:
    """Every open session of this person, except (optionally) the one they are using; how many were ended."""
    statement = update(SignInSession).where(SignInSession.user_id == user_id, SignInSession.ended_at.is_(None))
    if keep_token:
        statement = statement.where(SignInSession.token_hash != token_digest(keep_token))
    return changed_rows(session.execute(statement.values(ended_at=now)))


def open_sign_in_sessions(session: Session, user_id: int, now: datetime) -> list[SignInSession]:
    return list(
        session.scalars(
            select(SignInSession)
            .where(SignInSession.user_id == user_id, SignInSession.ended_at.is_(None), SignInSession.expires_at > now)
            .order_by(SignInSession.last_seen_at.desc())
        )
    )
