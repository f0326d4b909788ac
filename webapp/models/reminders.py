"""Reminders: a row per person (or manager's digest), rule and occasion, claimed before it is sent, so no run
sends one twice; and the optional reminders each person turned off."""

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from webapp.db.clock import utcnow
from webapp.extensions import db


class _Sending:
    """Claimed by one run (its `claim`), then sent or failed. A failed one is claimed again by a later run;
    one claimed and never finished (the run stopped mid-send) is not: it may have gone."""

    rule: Mapped[str] = mapped_column(String(40))
    training_year: Mapped[int]
    due_on: Mapped[date]  # the occasion: a monthly rule is due several times a year
    claim: Mapped[str] = mapped_column(String(32), index=True)
    claimed_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None]
    failed_at: Mapped[datetime | None]
    attempts: Mapped[int] = mapped_column(default=0)
    error: Mapped[str | None] = mapped_column(String(200))
    # When the message's "stop these reminders" link was used: it works once.
    link_used_at: Mapped[datetime | None]


class ReminderSent(_Sending, db.Model):
    __tablename__ = "reminders_sent"
    __table_args__ = (
        UniqueConstraint("user_id", "rule", "training_year", "due_on", name="uq_reminders_sent_once"),
        Index("ix_reminders_sent_occasion", "rule", "training_year", "due_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))


class ManagerDigest(_Sending, db.Model):
    __tablename__ = "manager_digests"
    __table_args__ = (
        UniqueConstraint("manager_id", "rule", "training_year", "due_on", name="uq_manager_digests_once"),
        Index("ix_manager_digests_occasion", "rule", "training_year", "due_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    manager_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    people: Mapped[int] = mapped_column(default=0)  # how many people the digest listed


class ReminderOptOut(db.Model):
    """An optional reminder a person turned off; rule "*" turns off every optional one."""

    __tablename__ = "reminder_opt_outs"
    __table_args__ = (UniqueConstraint("user_id", "rule", name="uq_reminder_opt_outs_rule"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    rule: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
