"""The audit log: admins read it newest first, filter it, page through it and download it; no one else sees it,
and nothing, neither a route nor a database login, changes an entry."""

from datetime import date, datetime
from urllib.parse import urlencode

import pytest
from sqlalchemy import event, select, text, update
from sqlalchemy.exc import DBAPIError

from tests.helpers.accounts import csrf_token, make_user, sign_in
from tests.helpers.downloads import csv_rows
from tests.helpers.forms import date_boxes
from tests.helpers.html import get_page
from webapp.extensions import db
from webapp.models.audit_log import AuditEvent
from webapp.queries.audit_log import PER_PAGE, AuditFilters, all_audit_entries, record_event, search_audit_log
from webapp.web.csv_export import attachment

AUDIT_URLS = ["/admin/audit-log", "/admin/audit-log/download"]


def entry(kind: str, at: datetime, **values) -> AuditEvent:
    """An entry recorded as the app records one, then dated `at` (naive UTC) before it is first written."""
    recorded = record_event(db.session, kind, **values)
    recorded.at = at
    db.session.commit()
    return recorded


def entries_on(client, query: dict | None = None) -> list[list[str]]:
    """The table's rows (none when nothing matches), filtered by `query`."""
    page = get_page(client, "/admin/audit-log?" + urlencode(query or {}, doseq=True))
    return page.table_rows("Entries") if page.has_table("Entries") else []


def events_on(client, query: dict | None = None) -> list[str]:
    return [row[1] for row in entries_on(client, query)]


@pytest.fixture
def dana(client, org):
    """An admin, signed in (which itself is an entry: the newest)."""
    sign_in(client, org["dana"])
    return org["dana"]


@pytest.fixture
def history(org):
    """A role granted in winter, a failed sign-in in summer (British Summer Time) and a line change between."""
    entry("role_granted", datetime(2025, 1, 10, 9, 30), actor=org["dana"], subject=org["rae"], role="reporting")
    entry("line_manager_changed", datetime(2025, 3, 3, 15, 0), actor=org["dana"], subject=org["sam"], manager="A1")
    entry("sign_in_failed", datetime(2025, 7, 1, 13, 5), subject_email="Sam@Example.gov.uk", address="203.0.113.9")


def test_an_admin_sees_every_entry_newest_first_in_uk_time(client, dana, history):
    admin, sam, rae = "dana@example.gov.uk", "sam@example.gov.uk", "rae@example.gov.uk"
    rows = entries_on(client)
    assert rows[0][1:] == ["Signed in", admin, admin, "127.0.0.1", "Method: password"]
    assert rows[1:] == [
        ["1 July 2025 at 2:05pm", "Sign-in failed", "–", "Sam@Example.gov.uk", "203.0.113.9", ""],
        ["3 March 2025 at 3:00pm", "Line manager changed", admin, sam, "–", "Manager: A1"],
        ["10 January 2025 at 9:30am", "Role granted", admin, rae, "–", "Role: reporting"],
    ]


def test_the_event_filter_shows_one_kind(client, dana, history):
    assert events_on(client, {"event": "role_granted"}) == ["Role granted"]
    assert events_on(client, {"event": "hr_import"}) == []
    assert get_page(client, "/admin/audit-log?event=hr_import").paragraph("No entries") == (
        "No entries match these choices."
    )


def test_the_person_filter_matches_who_did_it_or_whose_account_in_any_case_but_the_whole_address(client, dana, history):
    assert events_on(client, {"person": "SAM@example.gov.uk"}) == ["Sign-in failed", "Line manager changed"]
    assert events_on(client, {"person": " rae@example.gov.uk "}) == ["Role granted"]
    assert events_on(client, {"person": "dana@example.gov.uk", "event": "role_granted"}) == ["Role granted"]
    assert events_on(client, {"person": "sam"}) == []  # not a prefix search: "sam" is not sam@...
    assert events_on(client, {"person": "%@example.gov.uk"}) == []


def test_a_person_is_found_by_their_address_now_as_well_as_the_one_each_entry_copied(client, dana, org, history):
    org["rae"].email = "rae.data@example.gov.uk"
    db.session.commit()
    rows = entries_on(client, {"person": "rae.data@example.gov.uk"})
    assert [row[3] for row in rows] == ["rae@example.gov.uk"]  # the entry still reads as it was written


def test_the_dates_are_uk_days_and_include_both_ends(client, dana, org):
    entry("hr_import", datetime(2025, 6, 30, 23, 30), actor=org["dana"])  # 1 July, 12:30am in the UK
    entry("invited", datetime(2025, 7, 31, 22, 59), actor=org["dana"])  # 31 July, 11:59pm
    entry("registered", datetime(2025, 7, 31, 23, 0), actor=org["dana"])  # 1 August
    july = {"from_date": date_boxes(date(2025, 7, 1)), "to_date": date_boxes(date(2025, 7, 31))}
    assert events_on(client, july) == ["Invitation sent", "HR import"]
    assert events_on(client, {"from_date": date_boxes(date(2025, 8, 1))})[1:] == ["Registered"]  # and the sign-in
    assert events_on(client, {"to_date": date_boxes(date(2025, 6, 30))}) == []
    one_day = {"from_date": date_boxes(date(2025, 7, 1)), "to_date": date_boxes(date(2025, 7, 1))}
    assert events_on(client, one_day) == ["HR import"]
    assert events_on(client, {"to_date": ["31", "12", "9999"]})[1:] == ["Registered", "Invitation sent", "HR import"]


@pytest.mark.parametrize(
    ("query", "error", "target"),
    [
        ({"event": "dropped_tables"}, "Select an event from the list", "#event"),
        ({"from_date": ["31", "2", "2025"]}, "The ‘from’ date must be a real date, like 27 3 ", "#from_date-day"),
        ({"to_date": ["", "2", "2025"]}, "The ‘to’ date must include a day", "#to_date-day"),
        ({"to_date": ["1", "2", "99999999999999999999"]}, "The ‘to’ date must be a real date", "#to_date-day"),
        (
            {"from_date": ["2", "1", "2025"], "to_date": ["1", "1", "2025"]},
            "The ‘to’ date must be the same as or after the ‘from’ date",
            "#to_date-day",
        ),
        ({"person": "a" * 255}, "The email address must be 254 characters or fewer", "#person"),
        ({"person": "sam\x00@example.gov.uk"}, "The email address must not contain hidden characters", "#person"),
    ],
)
def test_filters_that_cannot_be_read_show_an_error_summary_and_no_entries(client, dana, history, query, error, target):
    page = get_page(client, "/admin/audit-log?" + urlencode(query, doseq=True))
    [(message, href)] = page.error_summary()
    assert message.startswith(error) and href == target
    assert page.title().startswith("Error: Audit log")
    assert not page.has_table("Entries")
    assert client.get("/admin/audit-log/download?" + urlencode(query, doseq=True)).status_code == 400


def test_the_entries_come_in_pages_that_keep_the_filters(client, dana, org):
    for minute in range(PER_PAGE + 3):
        record_event(db.session, "hr_import", actor=org["dana"], file=f"file {minute}").at = datetime(
            2025, 5, 1, 9, minute
        )
    db.session.commit()
    first = get_page(client, "/admin/audit-log?event=hr_import")
    assert len(first.table_rows("Entries")) == PER_PAGE
    assert first.table("Entries").caption == "Audit log entries, newest first, page 1 of 2"
    second = get_page(client, first.element(".govuk-pagination__next a")["href"])
    assert [row[5] for row in second.table_rows("Entries")] == ["File: file 2", "File: file 1", "File: file 0"]
    for page_number in ["3", "0", "-1", "2147483648", "99999999999999999999", "two"]:  # past the end: the first page
        rows = entries_on(client, {"event": "hr_import", "page": page_number})
        assert rows == first.table_rows("Entries"), page_number


def test_the_download_has_the_rows_of_the_filtered_page(client, dana, org, history):
    entry("sign_in_failed", datetime(2025, 7, 2, 8, 0), subject_email="rae@example.gov.uk", address="198.51.100.7")
    query = {"event": "sign_in_failed", "from_date": ["1", "7", "2025"], "to_date": ["2", "7", "2025"]}
    page = get_page(client, "/admin/audit-log?" + urlencode(query, doseq=True))
    rows = csv_rows(client.get(page.link("Download as CSV (2 entries)")))
    assert rows == [
        ["Date and time (UK)", "Event", "By", "Account", "IP address", "Details"],
        ["2025-07-02 09:00:00", "Sign-in failed", "–", "rae@example.gov.uk", "198.51.100.7", ""],
        ["2025-07-01 14:05:00", "Sign-in failed", "–", "Sam@Example.gov.uk", "203.0.113.9", ""],
    ]
    assert [row[1:] for row in rows[1:]] == [row[1:] for row in page.table_rows("Entries")]


def test_the_download_is_named_for_its_filters_as_a_safe_file_name(client, dana, history):
    response = client.get("/admin/audit-log/download?" + urlencode({"event": "invited", "person": 'zoë"x@a.uk'}))
    disposition = response.headers["Content-Disposition"]
    assert disposition == attachment('data-day-audit-log-invited-zoë"x@a.uk.csv')
    assert disposition.startswith('attachment; filename="data-day-audit-log-invited-zoe-x-a.uk.csv"; filename*=')
    response.close()


def test_cells_that_a_spreadsheet_would_run_as_formulas_are_neutralised(client, dana):
    entry("sign_in_failed", datetime(2025, 7, 1), subject_email="=HYPERLINK(1)@x.uk", address="@SUM(A1)")
    [row] = csv_rows(client.get("/admin/audit-log/download?event=sign_in_failed"))[1:]
    assert row[3:5] == ["'=HYPERLINK(1)@x.uk", "'@SUM(A1)"]


@pytest.mark.parametrize("who", ["sam", "pat", "rae", "author"], ids=["learner", "manager", "reporting", "author"])
def test_no_one_but_an_admin_may_see_the_audit_log(client, org, history, who):
    sign_in(client, make_user(author=True) if who == "author" else org[who])
    for url in AUDIT_URLS:
        assert client.get(url).status_code == 403, url
    assert "Audit log" not in get_page(client, "/courses").texts(".govuk-service-navigation__item")


def test_admins_reach_the_audit_log_from_the_navigation(client, dana):
    navigation = get_page(client, "/courses").links(".govuk-service-navigation__list")
    assert [link.href for link in navigation if link.text == "Audit log"] == ["/admin/audit-log"]
    page = get_page(client, "/admin/audit-log")
    assert page.texts(".govuk-service-navigation__item--active") == ["Audit log"]


def test_every_audit_address_answers_only_get_and_head(app, client, dana, history):
    before = db.session.execute(select(AuditEvent.id, AuditEvent.event, AuditEvent.details)).all()
    token = csrf_token(client, "/my-training-record")  # a valid token: a refusal is not the CSRF check's
    for url in AUDIT_URLS:
        assert client.head(url).status_code == 200
        for method in ["POST", "PUT", "PATCH", "DELETE"]:
            assert client.open(url, method=method, data={"csrf_token": token}).status_code == 405, (method, url)
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/admin/audit-log"):
            assert rule.methods == {"GET", "HEAD", "OPTIONS"}, rule.rule
    db.session.expire_all()
    after = db.session.execute(select(AuditEvent.id, AuditEvent.event, AuditEvent.details)).all()
    assert after[: len(before)] == before


def test_the_database_refuses_to_change_an_entry(org, history):
    """The trigger from the migrations, on SQLite and PostgreSQL alike: for the app and for anyone with its login.
    (Only erasure's redaction, emptying who was involved, gets through: test_erasure.py.)"""
    [first] = db.session.scalars(select(AuditEvent).where(AuditEvent.event == "role_granted"))
    changes = [
        update(AuditEvent).values(event="signed_out"),
        update(AuditEvent).where(AuditEvent.id == first.id).values(actor_email="someone.else@example.gov.uk"),
        text("UPDATE audit_events SET details = 'edited' WHERE id = :id").bindparams(id=first.id),
    ]
    for change in changes:
        with pytest.raises(DBAPIError, match="the audit log is append-only"):
            db.session.execute(change)
        db.session.rollback()
    first.subject_email = "someone.else@example.gov.uk"
    with pytest.raises(DBAPIError, match="the audit log is append-only"):
        db.session.commit()
    db.session.rollback()
    assert db.session.get(AuditEvent, first.id).subject_email == "rae@example.gov.uk"


def test_the_download_reads_the_entries_a_batch_at_a_time_in_the_page_s_order(org, history):
    streamed = []

    def note(connection, cursor, statement, parameters, context, executemany):
        streamed.append(context.execution_options.get("stream_results", False))

    event.listen(db.engine, "before_cursor_execute", note)
    try:
        entries = [row.id for row in all_audit_entries(db.session, AuditFilters(), batch=2)]
    finally:
        event.remove(db.engine, "before_cursor_execute", note)
    assert streamed == [True]  # fetched in batches (PostgreSQL: a server-side cursor), never all at once
    assert entries == [row.id for row in search_audit_log(db.session, AuditFilters()).entries]
