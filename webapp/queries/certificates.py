"""Certificates issued, found by their verification code, and revoked."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from webapp.certificates.codes import code_for, new_salt
from webapp.identity.tokens import token_digest
from webapp.models.certificates import Certificate
from webapp.models.people import User


@dataclass(frozen=True)
class Issued:
    certificate: Certificate
    code: str


def issue_certificate(session: Session, user_id: int, year_label: int, minutes: int, secret_key: str) -> Issued:
    """The person's certificate for the year, reusing their latest valid code when it states the same total.

    A code printed on an earlier copy stays good while the figures stand, so downloading again never breaks a
    certificate already handed to someone. When the total has changed, the certificate gets a new code: a code
    always vouches for exactly the hours printed beside it. Earlier codes stay valid (they were true when issued)
    until an admin revokes them; a revoked code is never printed again."""
    latest = session.scalar(
        select(Certificate)
        .where(
            Certificate.user_id == user_id, Certificate.training_year == year_label, Certificate.revoked_at.is_(None)
        )
        .order_by(Certificate.issued_at.desc(), Certificate.id.desc())
        .limit(1)
    )
    if latest is not None and latest.minutes == minutes:
        code = code_for(secret_key, latest.code_salt)
        # After SECRET_KEY changes the remade code no longer matches: issue a new one rather than print a dud.
        if token_digest(code) == latest.code_hash:
            return Issued(latest, code)
    return _new_certificate(session, user_id, year_label, minutes, secret_key)


def _new_certificate(session: Session, user_id: int, year_label: int, minutes: int, secret_key: str) -> Issued:
    while True:  # 50-bit codes: a clash is rare, but the unique hash would refuse it, so pick again first
        salt = new_salt()
        code = code_for(secret_key, salt)
        if session.scalar(select(Certificate.id).where(Certificate.code_hash == token_digest(code))) is None:
            break
    certificate = Certificate(
        user_id=user_id, training_year=year_label, minutes=minutes, code_hash=token_digest(code), code_salt=salt
    )
    session.add(certificate)
    session.flush()
    return Issued(certificate, code)


@dataclass(frozen=True)
class Verified:
    name: str
    training_year: int
    minutes: int
    revoked: bool


def verify_code(session: Session, code: str) -> Verified | None:
    """What a verification page may show of a code's certificate; None for a code never issued. An erased
    person's certificates are not found: their name is gone, and so is anything vouching for it."""
    row = session.execute(
        select(Certificate, User.name)
        .join(User, User.id == Certificate.user_id)
        .where(Certificate.code_hash == token_digest(code), User.erased_at.is_(None))
    ).first()
    if row is None:
        return None
    certificate, name = row
    return Verified(name, certificate.training_year, certificate.minutes, certificate.revoked_at is not None)


def certificates_of(session: Session, user_id: int) -> list[Certificate]:
    """Newest first."""
    query = select(Certificate).where(Certificate.user_id == user_id)
    return list(session.scalars(query.order_by(Certificate.issued_at.desc(), Certificate.id.desc())))


def revoke_certificate(session: Session, certificate: Certificate, by: User, now: datetime) -> bool:
    """True if this revoked it; revoking twice keeps the first revocation."""
    if certificate.revoked_at is not None:
        return False
    certificate.revoked_at, certificate.revoked_by_id = now, by.id
    return True
