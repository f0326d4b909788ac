"""People: accounts, roles and their place in the organisation (department, grade, line manager)."""

from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from webapp.db.clock import utcnow
from webapp.extensions import db
from webapp.identity.passwords import hash_password, password_matches
from webapp.training.requirement import FTE_SCALE

# Line paths are compared as bytes ('/' sorts just before '0'), so PostgreSQL must not use a locale collation.
LinePath = String(400).with_variant(String(400, collation="C"), "postgresql")


class Department(db.Model):
    __tablename__ = "departments"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    # The department's choice: do hours its people log outside Data Day count before a manager confirms them?
    count_unconfirmed: Mapped[bool] = mapped_column(default=True)


class User(UserMixin, db.Model):
    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint(f"fte BETWEEN 1 AND {FTE_SCALE}", name="fte_in_range"),
        Index("ix_users_department_active", "department_id", "active"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str | None] = mapped_column(String(255))
    is_admin: Mapped[bool] = mapped_column(default=False)
    is_author: Mapped[bool] = mapped_column(default=False)
    active: Mapped[bool] = mapped_column(default=True)
    # Organisation fields: empty until the HR import fills them.
    staff_number: Mapped[str | None] = mapped_column(String(40), unique=True)
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    grade: Mapped[str | None] = mapped_column(String(10))
    fte: Mapped[int] = mapped_column(default=FTE_SCALE)
    manager_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    # "/top/.../manager/self/": everyone in a person's line has a path starting with theirs (an indexed range scan).
    line_path: Mapped[str] = mapped_column(LinePath, default="", index=True)
    # The "reporting" role: sees the department-wide report for this department.
    reports_on_department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_signed_in_at: Mapped[datetime | None]
    # Set when the person follows an emailed link or signs in through single sign-on: until then no password works.
    email_confirmed_at: Mapped[datetime | None]
    invited_at: Mapped[datetime | None]
    # When HR deactivated them (the retention period runs from here), and when their personal data was erased.
    deactivated_at: Mapped[datetime | None]
    erased_at: Mapped[datetime | None]
    # The identity provider's "sub" for this person, once they have signed in through it.
    sso_subject: Mapped[str | None] = mapped_column(String(255), unique=True)

    department: Mapped[Department | None] = relationship(foreign_keys=[department_id])
    manager: Mapped["User | None"] = relationship(remote_side=[id], foreign_keys=[manager_id])

    # The token of the sign-in session this request belongs to (not stored): Flask-Login keeps it in the
    # session and "remember me" cookies instead of the account id, so ending the session ends those cookies.
    session_token = None

    def get_id(self) -> str | None:
        return self.session_token

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive accounts
        return self.active

    def set_password(self, password: str) -> None:
        self.password_hash = hash_password(password)

    @property
    def is_activated(self) -> bool:
        return self.email_confirmed_at is not None

    def check_password(self, password: str) -> bool:
        return password_matches(self.password_hash, password)

    @property
    def is_reporting(self) -> bool:
        return self.reports_on_department_id is not None

    @property
    def fte_decimal(self) -> float:
        return self.fte / FTE_SCALE

    @property
    def first_name(self) -> str:
        return self.name.split()[0] if self.name.strip() else self.name
