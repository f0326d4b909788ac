"""Rate-limit counters in the app's database, so every app process shares them (`RATELIMIT_STORAGE_URI=database://`)."""

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from webapp.extensions import db


class RateLimitCounter(db.Model):
    __tablename__ = "rate_limit_counters"

    key: Mapped[str] = mapped_column(String(400), primary_key=True)
    count: Mapped[int]
    expires_at: Mapped[datetime]
