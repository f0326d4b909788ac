"""The admin page: what the next run would send (counts by rule, a sample message) and what was sent."""

from datetime import date

import pytest

from tests.helpers.accounts import sign_in
from tests.helpers.html import get_page
from tests.helpers.reminders import run_reminders
from tests.helpers.rows import make_outside_learning
from webapp.admin import reminders as admin_reminders

DAY = date(2027, 12, 2)  # "month-left" is due; "not-started" (1 December) is still being caught up


@pytest.fixture
def on_the_day(monkeypatch, org):
    monkeypatch.setattr(admin_reminders, "uk_today", lambda: DAY)
    make_outside_learning(org["sam"], minutes=420, on=date(2027, 3, 1))
    return org


@pytest.mark.parametrize("who", ["sam", "pat", "rae"])
def test_only_admins_see_the_reminders_page(client, org, who):
    sign_in(client, org[who])
    assert get_page(client, "/admin/reminders", status=403).heading() == "You do not have permission to see this page"


def test_the_page_counts_what_the_next_run_would_send_by_rule(client, on_the_day):
    sign_in(client, on_the_day["dana"])
    page = get_page(client, "/admin/reminders")
    rows = {row[0]: row[1:] for row in page.table_rows("Reminders by rule, on 2 December 2027")}
    assert rows["month-left"][1:] == ["Today", "7", "2"]
    assert rows["not-started"][1:] == ["Today", "7", "None"]
    assert rows["week-left"][1:] == ["25 December 2027", "7", "2"]
    assert rows["week-left"][0] == "7 days before the year ends, to people who have not met the requirement (required)"
    sample = page.texts(".app-email-sample p")
    assert sample[0] == "You have not started your data training for 2027"  # the soonest due
    assert sample[1] == "Hello Alex Smith,"  # the first on the list, by name
    assert "No reminders have been sent yet." in page.main_text()


def test_the_page_shows_what_was_sent_and_what_failed(app, client, on_the_day, mailbox):
    mailbox.refuse_next(app.config["MAIL_SEND_ATTEMPTS"])
    run_reminders(app, DAY)
    sign_in(client, on_the_day["dana"])
    page = get_page(client, "/admin/reminders")
    results = [row[-1] for row in page.table_rows("Latest reminders sent")]
    assert results.count("Sent") == len(results) - 1
    assert "Failed MailNotSent" in results or "Failed SMTPDataError" in results
    assert page.paragraph("1 could not be sent")
    rows = {row[0]: row[1:] for row in page.table_rows("Reminders by rule, on 2 December 2027")}
    # Sent ones are not counted again; the failed one is, as the next run tries it again.
    assert sum(int(rows[name][2]) for name in ("month-left", "not-started")) == 1


def test_an_admin_finds_the_reminders_page_from_the_admin_pages(client, org):
    sign_in(client, org["dana"])
    links = get_page(client, "/admin/people/import").links("#admin-pages")
    assert [link.href for link in links] == ["/admin/people/invitations", "/admin/reminders"]
