"""The audit log's page context, built from search results and filters without a request."""

from datetime import date, datetime
from types import SimpleNamespace

import pytest

from webapp.admin.audit_pages import (
    CSV_HEADER,
    audit_csv_lines,
    audit_log_page,
    audit_row,
    download_name,
    readable_details,
)
from webapp.queries.audit_log import AuditFilters, AuditResults, uk_midnight_in_utc

JULY = AuditFilters(event="signed_in", person="sam@example.gov.uk", since=date(2025, 7, 1), until=date(2025, 7, 31))


def stored(event="signed_in", at=datetime(2025, 7, 1, 13, 5, 9), **values):
    """A row as search_audit_log returns it (naive UTC times, details as JSON text)."""
    row = {
        "id": 1,
        "at": at,
        "event": event,
        "actor_email": "sam@example.gov.uk",
        "subject_email": "sam@example.gov.uk",
        "address": "203.0.113.9",
        "details": '{"method": "password"}',
    }
    return SimpleNamespace(**(row | values))


def results(entries=(), total=None, page=1, pages=1):
    entries = list(entries)
    return AuditResults(entries, len(entries) if total is None else total, page, pages)


def test_a_row_shows_uk_time_the_event_s_words_and_its_details():
    row = audit_row(stored())
    assert (row.when, row.when_iso) == ("1 July 2025 at 2:05pm", "2025-07-01T14:05:09+01:00")  # summer time
    assert (row.event, row.actor, row.subject, row.address) == (
        "Signed in",
        "sam@example.gov.uk",
        "sam@example.gov.uk",
        "203.0.113.9",
    )
    assert row.details == [("Method", "password")]


def test_a_winter_entry_is_in_greenwich_mean_time():
    assert audit_row(stored(at=datetime(2025, 1, 10, 9, 30))).when == "10 January 2025 at 9:30am"


def test_what_an_entry_leaves_out_reads_as_a_dash():
    row = audit_row(stored("sign_in_failed", actor_email=None, subject_email=None, address=None, details=""))
    assert (row.actor, row.subject, row.address, row.details) == ("–", "–", "–", [])


def test_an_event_no_longer_recorded_shows_its_name():
    assert audit_row(stored("role_renamed")).event == "role_renamed"


@pytest.mark.parametrize(
    ("details", "shown"),
    [
        (
            '{"rows_added": 3, "full": true, "manager": null}',
            [("Rows added", "3"), ("Full", "yes"), ("Manager", "none")],
        ),
        ('{"roles": ["admin", "author"]}', [("Roles", '["admin", "author"]')]),
        ('{"reason": "signed out everywhere"}', [("Reason", "signed out everywhere")]),
        ('["a list"]', [("Details", '["a list"]')]),
        ("not JSON", [("Details", "not JSON")]),
        ("", []),
    ],
)
def test_details_read_as_what_and_value(details, shown):
    assert readable_details(details) == shown


def test_the_download_has_a_row_for_each_entry_with_seconds_in_uk_time():
    entry = stored(details='{"count": 2, "reason": "password changed"}')
    assert list(audit_csv_lines([entry])) == [
        [
            "2025-07-01 14:05:09",
            "Signed in",
            "sam@example.gov.uk",
            "sam@example.gov.uk",
            "203.0.113.9",
            "Count: 2; Reason: password changed",
        ]
    ]
    assert len(CSV_HEADER) == len(audit_row(entry).csv_cells())


def test_the_page_counts_entries_and_names_the_page_in_the_caption():
    page = audit_log_page(results([stored()], total=120, page=2, pages=3), AuditFilters())
    assert (page.entries, page.caption) == ("120 entries", "Audit log entries, newest first, page 2 of 3")
    assert audit_log_page(results([stored()]), AuditFilters()).entries == "1 entry"
    assert not page.filtered


def test_page_links_and_the_download_keep_the_filters_with_dates_as_three_boxes():
    page = audit_log_page(results([stored()], total=120, page=2, pages=3), JULY)
    filters = {
        "event": "signed_in",
        "person": "sam@example.gov.uk",
        "from_date": ["1", "7", "2025"],
        "to_date": ["31", "7", "2025"],
    }
    assert page.download_args == filters
    assert page.pages.previous == filters | {"page": 1}
    assert page.pages.next == filters | {"page": 3}
    assert page.filtered


def test_filters_left_blank_are_left_out_of_links():
    page = audit_log_page(results([stored()], total=120, pages=3), AuditFilters(event="hr_import"))
    assert page.download_args == {"event": "hr_import"}
    assert page.pages.next == {"event": "hr_import", "page": 2}


def test_one_page_has_no_page_links():
    assert audit_log_page(results([stored()]), AuditFilters()).pages is None


def test_the_download_is_named_for_its_filters():
    assert download_name(AuditFilters()) == "data-day-audit-log.csv"
    assert download_name(JULY) == "data-day-audit-log-signed_in-sam@example.gov.uk-from-2025-07-01-to-2025-07-31.csv"


def test_a_uk_day_starts_at_midnight_uk_time_stored_as_utc():
    assert uk_midnight_in_utc(date(2025, 7, 1)) == datetime(2025, 6, 30, 23, 0)
    assert uk_midnight_in_utc(date(2025, 1, 1)) == datetime(2025, 1, 1, 0, 0)
