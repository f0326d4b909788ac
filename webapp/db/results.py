"""How many rows an UPDATE or DELETE changed (SQLAlchemy types Session.execute's result as a plain Result)."""

from typing import Any, cast

from sqlalchemy import CursorResult, Result


def changed_rows(result: Result[Any]) -> int:
    return cast(CursorResult[Any], result).rowcount
