"""The few statements SQLite and PostgreSQL both support but spell differently."""

from collections.abc import Callable
from typing import Any

from sqlalchemy import Table, func
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import QueryableAttribute
from sqlalchemy.sql import ColumnElement

_INSERTS: dict[str, Callable[[Any], Any]] = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}


def insert_for(dialect: Dialect, table: Any):
    """The dialect's own INSERT, which takes ON CONFLICT."""
    return _INSERTS[dialect.name](table)


def upsert(dialect: Dialect, table: Table, values: dict, keys: list, changes: dict):
    """Insert `values`; if a row with the same `keys` exists, apply `changes` to it instead, atomically."""
    return insert_for(dialect, table).values(**values).on_conflict_do_update(index_elements=keys, set_=changes)


def month_of(column: ColumnElement | QueryableAttribute, dialect: Dialect) -> ColumnElement[str]:
    """'2026-03' for a date or timestamp."""
    if dialect.name == "postgresql":
        return func.to_char(column, "YYYY-MM")
    return func.strftime("%Y-%m", column)


def greatest(dialect: Dialect):
    """The larger of two values: GREATEST on PostgreSQL, two-argument max() on SQLite."""
    return func.greatest if dialect.name == "postgresql" else func.max
