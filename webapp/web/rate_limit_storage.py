"""A `limits` storage in the app's own database, so every app process counts sign-in attempts together.

Selected with RATELIMIT_STORAGE_URI=database:// (the default). Each hit is one upsert, so two processes
incrementing the same counter at once both count: the database serialises them on the primary key.
"""

import random
from datetime import UTC, timedelta

from limits.storage import Storage
from sqlalchemy import case, delete, select
from sqlalchemy.exc import SQLAlchemyError

from webapp.db.clock import utcnow
from webapp.db.dialects import upsert
from webapp.db.results import changed_rows
from webapp.extensions import db
from webapp.models.rate_limits import RateLimitCounter

_counters = RateLimitCounter.__table__


class DatabaseStorage(Storage):
    STORAGE_SCHEME = ["database"]

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, **options) -> None:
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)

    @property
    def base_exceptions(self) -> type[Exception]:
        return SQLAlchemyError

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        now = utcnow()
        expires = now + timedelta(seconds=expiry)
        expired = _counters.c.expires_at <= now
        statement = upsert(
            db.engine.dialect,
            _counters,
            {"key": key, "count": amount, "expires_at": expires},
            [_counters.c.key],
            {
                "count": case((expired, amount), else_=_counters.c.count + amount),
                "expires_at": case((expired, expires), else_=_counters.c.expires_at),
            },
        ).returning(_counters.c.count)
        with db.engine.begin() as connection:
            count = connection.scalar(statement)
            if random.random() < 0.01:  # now and then, forget windows that have ended
                connection.execute(delete(_counters).where(_counters.c.expires_at <= now))
        return int(count)

    def _row(self, key: str):
        with db.engine.connect() as connection:
            query = select(_counters.c.count, _counters.c.expires_at).where(
                _counters.c.key == key, _counters.c.expires_at > utcnow()
            )
            return connection.execute(query).first()

    def get(self, key: str) -> int:
        row = self._row(key)
        return int(row.count) if row else 0

    def get_expiry(self, key: str) -> float:
        """When the window ends, in seconds since the epoch."""
        row = self._row(key)
        return (row.expires_at if row else utcnow()).replace(tzinfo=UTC).timestamp()

    def check(self) -> bool:
        try:
            with db.engine.connect() as connection:
                connection.execute(select(1))
        except SQLAlchemyError:
            return False
        return True

    def reset(self) -> int | None:
        with db.engine.begin() as connection:
            return changed_rows(connection.execute(delete(_counters)))

    def clear(self, key: str) -> None:
        with db.engine.begin() as connection:
            connection.execute(delete(_counters).where(_counters.c.key == key))
