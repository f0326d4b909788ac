"""INSERT ... ON CONFLICT DO UPDATE, which SQLite and PostgreSQL both have, each under its own dialect."""

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Dialect

_INSERTS = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}


def upsert(dialect: Dialect, table: Table, values: dict, keys: list, changes: dict):
    """Insert `values`; if a row with the same `keys` exists, apply `changes` to it instead, atomically."""
    return _INSERTS[dialect.name](table).values(**values).on_conflict_do_update(index_elements=keys, set_=changes)
