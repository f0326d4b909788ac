"""What the audit log page and its download show, built without a request.

The page and the CSV read each entry through `audit_row`, so they agree on every value.
"""

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime

from webapp.db.clock import uk_time
from webapp.queries.audit_log import EVENTS, AuditFilters, AuditResults
from webapp.web.choices import query_args
from webapp.web.labels import date_time
from webapp.web.pagination import Pagination, pagination

CSV_HEADER = ["Date and time (UK)", "Event", "By", "Account", "IP address", "Details"]
NOBODY = "–"  # no one signed in (a failed sign-in), or no account concerned


@dataclass(frozen=True)
class AuditRow:
    at: datetime  # as stored: naive UTC
    event: str  # the words EVENTS gives it
    actor: str
    subject: str
    address: str
    details: list[tuple[str, str]]  # (what, value), as the entry recorded them

    @property
    def when(self) -> str:
        """As every page writes a time: '5 March 2026 at 2:07pm' (the download keeps the seconds)."""
        return date_time(self.at)

    @property
    def uk_time(self) -> datetime:
        return uk_time(self.at)

    @property
    def when_iso(self) -> str:
        return self.uk_time.isoformat(timespec="seconds")

    @property
    def details_text(self) -> str:
        return "; ".join(f"{what}: {value}" for what, value in self.details)

    def csv_cells(self) -> list[str]:
        when = f"{self.uk_time:%Y-%m-%d %H:%M:%S}"
        return [when, self.event, self.actor, self.subject, self.address, self.details_text]


@dataclass(frozen=True)
class AuditLogPage:
    rows: list[AuditRow]
    total: int
    entries: str  # "1 entry", "1,234 entries"
    caption: str
    pages: Pagination | None
    download_args: dict
    filtered: bool


def audit_row(entry) -> AuditRow:
    """An entry of search_audit_log or all_audit_entries as the page and the download show it."""
    return AuditRow(
        at=entry.at,
        event=EVENTS.get(entry.event, entry.event),  # an entry outlives a kind no longer recorded
        actor=entry.actor_email or NOBODY,
        subject=entry.subject_email or NOBODY,
        address=entry.address or NOBODY,
        details=readable_details(entry.details),
    )


def readable_details(details: str) -> list[tuple[str, str]]:
    """The entry's JSON as (what, value) pairs: {"rows_added": 3} reads "Rows added", "3"."""
    if not details:
        return []
    try:
        values = json.loads(details)
    except ValueError:
        return [("Details", details)]
    if not isinstance(values, dict):
        return [("Details", _value(values))]
    return [(str(key).replace("_", " ").capitalize(), _value(value)) for key, value in values.items()]


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if value is None:
        return "none"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def audit_log_page(results: AuditResults, filters: AuditFilters) -> AuditLogPage:
    args = filter_args(filters)
    return AuditLogPage(
        rows=[audit_row(entry) for entry in results.entries],
        total=results.total,
        entries=f"{results.total:,} {'entry' if results.total == 1 else 'entries'}",
        caption=f"Audit log entries, newest first, page {results.page} of {results.pages}",
        pages=pagination(results.page, results.pages, args),
        download_args=query_args(args),
        filtered=filters != AuditFilters(),
    )


def filter_args(filters: AuditFilters) -> dict:
    """What every link on the page keeps: the filters, dates as the form's three boxes (None: left out)."""
    return {
        "event": filters.event,
        "person": filters.person,
        "from_date": _date_boxes(filters.since),
        "to_date": _date_boxes(filters.until),
    }


def _date_boxes(day: date | None) -> list[str] | None:
    return [str(day.day), str(day.month), str(day.year)] if day else None


def audit_csv_lines(entries: Iterable) -> Iterator[list[str]]:
    return (audit_row(entry).csv_cells() for entry in entries)


def download_name(filters: AuditFilters) -> str:
    """Named for its filters; csv_export.attachment makes whatever was typed safe as a file name."""
    parts = ["data-day-audit-log", filters.event, filters.person]
    parts += [f"from-{filters.since}" if filters.since else None, f"to-{filters.until}" if filters.until else None]
    return "-".join(part for part in parts if part) + ".csv"
