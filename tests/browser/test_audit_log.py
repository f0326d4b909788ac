"""An admin reads the audit log, filters it and mistypes a date, on a desktop screen and on a phone."""

from datetime import datetime

import pytest
from playwright.sync_api import expect

from tests.helpers.browser import DESKTOP, PHONE, browser_sign_in
from webapp.extensions import db
from webapp.queries.audit_log import record_event

pytestmark = pytest.mark.browser


@pytest.fixture
def dana(org):
    """An admin, with a role granted in winter and a failed sign-in in summer already in the log."""
    record_event(db.session, "role_granted", actor=org["dana"], subject=org["rae"], role="reporting").at = datetime(
        2025, 1, 10, 9, 30
    )
    record_event(db.session, "sign_in_failed", subject_email="sam@example.gov.uk", address="203.0.113.9").at = datetime(
        2025, 7, 1, 13, 5
    )
    db.session.commit()
    return org["dana"]


def test_an_admin_filters_the_audit_log(page, live_server, axe, foreign_requests, dana):
    page.set_viewport_size(DESKTOP)
    browser_sign_in(page, live_server, dana)
    page.get_by_role("link", name="Audit log").click()
    expect(page.get_by_role("heading", name="Audit log", level=1)).to_be_visible()
    entries = page.get_by_role("table", name="Entries").locator("tbody tr")
    expect(entries.locator("td:nth-child(2)")).to_have_text(["Signed in", "Sign-in failed", "Role granted"])
    axe.check(page)

    page.get_by_label("Event").select_option(label="Sign-in failed")
    page.get_by_label("Email address").fill("SAM@example.gov.uk")
    page.get_by_role("group", name="From").get_by_label("Year").fill("2025")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_role("alert")).to_contain_text("The ‘from’ date must include a day and a month")
    axe.check(page)

    page.get_by_role("group", name="From").get_by_label("Day").fill("1")
    page.get_by_role("group", name="From").get_by_label("Month").fill("7")
    page.get_by_role("button", name="Show").click()
    expect(entries).to_have_count(1)
    expect(entries.first.locator("td").first).to_have_text("1 July 2025 at 2:05pm")
    expect(page.get_by_role("link", name="Download as CSV (1 entry)")).to_be_visible()
    axe.check(page)
    assert foreign_requests == []


def test_the_audit_log_reads_on_a_phone(page, live_server, axe, dana):
    browser_sign_in(page, live_server, dana)
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server}/admin/audit-log")
    expect(page.get_by_role("table", name="Entries").locator("tbody tr")).to_have_count(3)
    axe.check(page)
    # Reflow: everything but the table fits the screen. WCAG 1.4.10 lets a data table scroll sideways, as its
    # columns only make sense side by side.
    wider = page.evaluate(
        "[...document.querySelectorAll('main *')]"
        ".filter(e => !e.closest('table') && e.getBoundingClientRect().right > window.innerWidth)"
        ".map(e => e.tagName + (e.id ? '#' + e.id : ''))"
    )
    assert wider == []
