"""What page contexts hand templates for choices and links: GOV.UK select items, and query args for url_for."""

from collections.abc import Iterable


def select_items(options: Iterable[tuple[object, str]], selected: object, blank: str | None = None) -> list[dict]:
    """govukSelect items for (value, text) pairs; `blank` names a first choice with no value ("Any grade")."""
    items = [{"value": "", "text": blank}] if blank else []
    return items + [{"value": value, "text": text, "selected": value == selected} for value, text in options]


def query_args(args: dict, **changes: object) -> dict:
    """`args` with `changes` made, leaving out what is None: url_for(endpoint, **query_args(...)) links to it."""
    return {name: value for name, value in {**args, **changes}.items() if value is not None}
