"""Whole numbers from addresses and query strings, kept within what the database's integer columns hold.

Past that range the query itself fails (PostgreSQL from 2**31, SQLite from 2**63), so a bigger number is
treated like any other that matches nothing: a 404 in an address, the page's default in a query string.
"""

from flask import Flask
from werkzeug.datastructures import MultiDict
from werkzeug.routing import IntegerConverter

LARGEST = 2**31 - 1  # PostgreSQL's integer, the type of every id column


class DatabaseInt(IntegerConverter):
    """`<int:…>` in every route: 0 to LARGEST, unless the rule sets its own max."""

    def __init__(self, map, *args, **kwargs) -> None:
        kwargs.setdefault("max", LARGEST)
        super().__init__(map, *args, **kwargs)


def int_arg(args: MultiDict[str, str], name: str) -> int | None:
    """?name= as a whole number from 0 to LARGEST; None when it is missing, not a number or out of range."""
    value = args.get(name, type=int)
    return value if value is not None and 0 <= value <= LARGEST else None


def init_app(app: Flask) -> None:
    """Before any blueprint is registered: a rule picks its converter as it is added."""
    app.url_map.converters["int"] = DatabaseInt
