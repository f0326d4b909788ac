"""People: accounts, roles and (for the reporting issue) their place in the organisation."""

from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask_login import UserMixin
from sqlalchemy import ForeignKey, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from webapp.extensions import db
from webapp.models.clock import utcnow

_hasher = PasswordHasher()


class User(UserMixin, db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str | None] = mapped_column(String(255))
    is_admin: Mapped[bool] = mapped_column(default=False)
    is_author: Mapped[bool] = mapped_column(default=False)
    active: Mapped[bool] = mapped_column(default=True)
    # Organisation fields: empty until the HR import fills them.
    staff_number: Mapped[str | None] = mapped_column(String(40), unique=True)
    department: Mapped[str | None] = mapped_column(String(200))
    grade: Mapped[str | None] = mapped_column(String(20))
    manager_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_signed_in_at: Mapped[datetime | None]

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive accounts
        return self.active

    def set_password(self, password: str) -> None:
        self.password_hash = _hasher.hash(password)

    def check_password(self, password: str) -> bool:
        if not self.password_hash:
            return False
        try:
            return _hasher.verify(self.password_hash, password)
        except (VerificationError, InvalidHashError):
            return False

    @property
    def first_name(self) -> str:
        return self.name.split()[0] if self.name.strip() else self.name


def verify_dummy_password(password: str) -> None:
    """Spend the same time as a real check, so response times do not reveal which emails exist."""
    try:
        _hasher.verify(_DUMMY_HASH, password)
    except VerificationError:
        pass


_DUMMY_HASH = _hasher.hash("not-a-real-password")


class AccountExists(ValueError):
    pass


def normalise_email(email: str) -> str:
    return email.strip().lower()


def find_user_by_email(session: Session, email: str) -> User | None:
    return session.scalar(select(User).where(User.email == normalise_email(email)))


def create_user(
    session: Session, email: str, name: str, password: str, *, is_admin: bool = False, is_author: bool = False
) -> User:
    if find_user_by_email(session, email):
        raise AccountExists(f"An account already exists for {normalise_email(email)}")
    user = User(email=normalise_email(email), name=name.strip(), is_admin=is_admin, is_author=is_author)
    user.set_password(password)
    session.add(user)
    session.flush()
    return user
