"""Reminders in a browser: the admin's preview, a person stopping reminders from an email's link, and
choosing reminders on the account page, each checked with axe on a phone and a desktop screen."""

from datetime import date

import pytest
from playwright.sync_api import expect

from tests.helpers.browser import browser_sign_in
from tests.helpers.reminders import latest_to, run_reminders, stop_path
from tests.helpers.rows import make_outside_learning
from webapp.admin import reminders as admin_reminders

pytestmark = pytest.mark.browser


def test_an_admin_previews_the_next_run_and_reads_the_log(
    page, live_server, axe, foreign_requests, app, org, monkeypatch
):
    monkeypatch.setattr(admin_reminders, "uk_today", lambda: date(2027, 12, 2))
    make_outside_learning(org["sam"], minutes=420, on=date(2027, 3, 1))
    run_reminders(app, date(2027, 10, 4))  # "early": something in the log
    browser_sign_in(page, live_server, org["dana"])
    page.goto(f"{live_server}/admin/reminders")
    expect(page.get_by_role("heading", name="Reminders", level=1)).to_be_visible()
    expect(page.get_by_role("table", name="Reminders by rule, on 2 December 2027")).to_be_visible()
    expect(page.get_by_role("heading", name="A sample message")).to_be_visible()
    axe.check_widths(page)
    assert foreign_requests == []


def test_a_person_stops_reminders_from_the_link_without_signing_in(page, live_server, axe, app, org, mailbox):
    run_reminders(app, date(2027, 10, 4))
    link = live_server + stop_path(latest_to(mailbox, "sam@example.gov.uk"))
    page.goto(link)
    expect(page.get_by_role("heading", name="Stop reminders", level=1)).to_be_visible()
    axe.check_widths(page)
    page.get_by_label("Every reminder I can turn off").check()
    page.get_by_role("button", name="Stop these reminders").click()
    expect(page.get_by_role("heading", name="Reminders stopped", level=1)).to_be_visible()
    axe.check_widths(page)
    page.goto(link)  # opened again: it has been used
    expect(page.get_by_role("heading", name="This link has expired or has been used")).to_be_visible()
    axe.check(page)


def test_a_person_chooses_reminders_on_their_account_page(page, live_server, axe, org):
    browser_sign_in(page, live_server, org["sam"])
    page.goto(f"{live_server}/account")
    page.get_by_role("link", name="Choose which reminders you get").click()
    expect(page.get_by_role("heading", name="Email reminders", level=1)).to_be_visible()
    axe.check_widths(page)
    page.get_by_label("Monthly, to people who have not started").uncheck()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Your reminder choices have been saved")).to_be_visible()
    expect(page.get_by_label("Monthly, to people who have not started")).not_to_be_checked()
    axe.check(page)
