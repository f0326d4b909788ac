"""The account a single sign-on belongs to: by the provider's subject once linked, else by email or staff number."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from webapp.identity.sso_claims import BY_STAFF_NUMBER, Claimant
from webapp.identity.sso_refusals import DEACTIVATED, LINKED_TO_SOMEONE_ELSE, NOT_IN_HR, Refusal
from webapp.models.people import User
from webapp.queries.people import find_user_by_email, register_person


@dataclass(frozen=True)
class SsoAccount:
    user: User
    linked: bool  # the provider's subject was linked to this account just now (its first single sign-on)
    created: bool


def sso_account(
    session: Session, claimant: Claimant, *, identify_by: str, create_people: bool, now: datetime
) -> SsoAccount | Refusal:
    """Changes nothing when it refuses; otherwise the caller commits the link (and any new account)."""
    user = session.scalar(select(User).where(User.sso_subject == claimant.subject))
    linked = user is None
    if user is None:
        user = _by_identifier(session, claimant, identify_by)
        # A different subject already owns this account (a reused email address, a re-created provider account):
        # relinking would hand the account to whoever holds the new one.
        if user is not None and user.sso_subject is not None:
            return LINKED_TO_SOMEONE_ELSE
    if user is not None and not user.active:
        return DEACTIVATED
    created = user is None
    if user is None:
        user = _new_person(session, claimant, now) if create_people else None
        if user is None:
            return NOT_IN_HR
    if linked:
        user.sso_subject = claimant.subject
    if user.email_confirmed_at is None and claimant.verified_email == user.email:
        user.email_confirmed_at = now  # the provider has proved the mailbox, as an emailed link would
    return SsoAccount(user, linked, created)


def _by_identifier(session: Session, claimant: Claimant, identify_by: str) -> User | None:
    if identify_by == BY_STAFF_NUMBER:
        return session.scalar(select(User).where(User.staff_number == claimant.staff_number))
    return find_user_by_email(session, claimant.verified_email) if claimant.verified_email else None


def _new_person(session: Session, claimant: Claimant, now: datetime) -> User | None:
    """Someone HR has not sent us: only with a proved email address in an allowed domain that no account has."""
    email = claimant.verified_email
    if not claimant.may_have_account or email is None or find_user_by_email(session, email) is not None:
        return None
    user = register_person(session, email, claimant.name)
    user.staff_number, user.email_confirmed_at = claimant.staff_number, now
    return user
