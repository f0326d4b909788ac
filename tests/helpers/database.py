"""The database the tests run on: SQLite, or PostgreSQL with TEST_DATABASE=postgresql."""

import os

from sqlalchemy import create_engine, text

from webapp.extensions import db

ON_POSTGRES = os.environ.get("TEST_DATABASE") == "postgresql"


def empty_all_tables(url: str) -> None:
    """Children before parents, so no foreign key objects."""
    engine = create_engine(url)
    with engine.begin() as connection:
        for table in reversed(db.metadata.sorted_tables):
            connection.execute(text(f"DELETE FROM {table.name}"))
    engine.dispose()
