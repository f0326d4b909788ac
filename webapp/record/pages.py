"""What the training record says of outside learning, and an entry's history as its owner and manager read it."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from webapp.models.outside_learning import CHANGED, CONFIRMED_EVENT, DELETED, LOGGED, SENT_BACK
from webapp.queries.outside_learning import HistoryEvent
from webapp.queries.training_record import Entry
from webapp.training.requirement import format_minutes
from webapp.web.labels import REVIEW_LABELS, date_time, long_date

CHANGE_WAITING = "Change not yet confirmed"
FIELD_NAMES = {
    "title": "Title",
    "provider": "Provider",
    "learned_on": "Date",
    "minutes": "Time",
    "link": "Link",
    "notes": "Notes",
    "evidence": "Evidence file",
}
ACTIONS = {
    LOGGED: "Logged",
    CHANGED: "Changed",
    CONFIRMED_EVENT: "Confirmed",
    SENT_BACK: "Sent back",
    DELETED: "Deleted",
}


def review_label(entry: Entry) -> str:
    """The manager's review as the record and its download name it ('' for lessons and exercises)."""
    return CHANGE_WAITING if entry.change_waiting else REVIEW_LABELS.get(entry.status or "", "")


@dataclass(frozen=True)
class HistoryItem:
    what: str  # "Changed", "Confirmed: 1 hour"
    by: str
    when: str
    details: list[str]  # each field changed, or the manager's comment


def field_value(field: str, value: Any) -> str:
    if field == "minutes":
        return format_minutes(int(value))
    if field == "learned_on":
        return long_date(date.fromisoformat(str(value)))
    return str(value)


def change_line(field: str, before: Any, after: Any) -> str:
    """'Time changed from 1 hour to 8 hours'; a field left empty is added or removed."""
    name = FIELD_NAMES[field]
    if before == after:  # only a file: a new one under the same name
        return f"{name} replaced: {field_value(field, after)}"
    if before is None:
        return f"{name} added: {field_value(field, after)}"
    if after is None:
        return f"{name} removed (it was {field_value(field, before)})"
    return f"{name} changed from {field_value(field, before)} to {field_value(field, after)}"


def change_lines(changes: dict[str, list]) -> list[str]:
    return [change_line(field, before, after) for field, (before, after) in changes.items()]


def history_item(event: HistoryEvent) -> HistoryItem:
    what = ACTIONS[event.action]
    if event.minutes and event.action in (LOGGED, CONFIRMED_EVENT):
        what += f": {format_minutes(event.minutes)}"
    details = change_lines(event.changes)
    if event.comment:
        details.append(f"Comment: {event.comment}")
    return HistoryItem(what, event.by, date_time(event.at), details)


def history_items(history: list[HistoryEvent]) -> list[HistoryItem]:
    """Newest first, as a timeline reads."""
    return [history_item(event) for event in reversed(history)]
