"""Timestamps are stored as naive UTC; 'today' for training years is the UK's date."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

UK = ZoneInfo("Europe/London")


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def uk_today() -> date:
    return datetime.now(UK).date()


def uk_time(utc_naive: datetime) -> datetime:
    """A stored (naive UTC) time as the UK's clock showed it."""
    return utc_naive.replace(tzinfo=UTC).astimezone(UK)


def uk_date(utc_naive: datetime) -> date:
    return uk_time(utc_naive).date()
