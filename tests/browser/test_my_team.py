"""A line manager uses My team: their line, a filter, the chart's table, a report's record, confirming learning,
and a change to learning they confirmed, with its history."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from tests.helpers.browser import browser_sign_in
from tests.helpers.rows import course_items, make_completion, make_outside_learning
from webapp.extensions import db
from webapp.queries.outside_learning import save_entry
from webapp.queries.reviews import review
from webapp.web.years import current_training_year

pytestmark = pytest.mark.browser


@pytest.fixture
def pat(org):
    """Pat manages Alex (who manages Sam) and Mo. Sam has done every lesson; Mo has logged outside learning."""
    for item in course_items():
        make_completion(org["sam"], item)
    make_outside_learning(org["mo"], title="Power BI basics", provider="Campus", minutes=45)
    return org["pat"]


def test_a_manager_sees_their_line_filters_it_and_confirms_learning(page, live_server, axe, foreign_requests, pat):
    browser_sign_in(page, live_server, pat)
    page.get_by_role("link", name="My team").click()
    expect(page.get_by_role("heading", name="My team", level=1)).to_be_visible()
    people = page.get_by_role("table", name="People").locator("tbody")
    expect(people.get_by_role("link")).to_have_text(["Alex Smith", "Mo Khan"])
    axe.check(page)

    page.get_by_label("Everyone in my line, at any level").check()
    page.get_by_role("button", name="Show").click()
    expect(people.get_by_role("link")).to_have_text(["Alex Smith", "Mo Khan", "Sam Jones"])
    chart_table = page.get_by_role("table", name=re.compile("How far people are toward their requirement"))
    none_yet = chart_table.get_by_role("row", name=re.compile("None yet"))
    expect(none_yet.get_by_role("cell")).to_have_text(["1"])  # Alex
    expect(page.get_by_role("img", name="How far people are toward their requirement")).to_be_visible()
    axe.check(page)

    page.get_by_label("Status").select_option(label="In progress")
    page.get_by_role("button", name="Show").click()
    expect(people.get_by_role("link")).to_have_text(["Mo Khan", "Sam Jones"])
    axe.check(page)

    page.goto(f"{live_server}/my-team?scope=line")
    page.get_by_role("link", name="Alex Smith").click()
    expect(page.get_by_role("heading", name="Alex Smith’s training record")).to_be_visible()
    expect(page.locator("#part-time")).to_contain_text("Alex works 60% of full time")
    axe.check(page)

    page.goto(f"{live_server}/my-team")
    page.get_by_role("link", name="1 outside learning entry to confirm").click()
    axe.check(page)
    page.get_by_role("button", name="Confirm Power BI basics for Mo Khan").click()
    expect(page.get_by_text("You confirmed Power BI basics")).to_be_visible()
    expect(page.get_by_text("Nothing is waiting for you to confirm.")).to_be_visible()
    assert foreign_requests == []


def test_a_manager_reviews_a_change_to_confirmed_learning_with_its_history(page, live_server, axe, org):
    """Alex confirmed Sam's hour of learning; Sam changed it to 8 hours. An entry from last year is out of reach."""
    entry = make_outside_learning(org["sam"], title="Stats webinar", minutes=60)
    review(db.session, entry, org["alex"], confirm=True)
    save_entry(
        db.session, entry, {"title": "Stats webinar", "provider": "ONS", "learned_on": entry.learned_on, "minutes": 480}
    )
    db.session.commit()
    old = make_outside_learning(org["sam"], title="Old webinar", on=current_training_year().starts - timedelta(days=1))

    browser_sign_in(page, live_server, org["alex"])
    page.goto(f"{live_server}/my-team/outside-learning")
    expect(page.locator(".app-changes li")).to_have_text(["Time changed from 1 hour to 8 hours"])
    page.get_by_text("History of Stats webinar").click()
    expect(page.locator(".app-history > li")).to_have_count(2)
    axe.check_widths(page)

    page.get_by_role("link", name="Send back Stats webinar for Sam Jones").click()
    expect(page.get_by_role("heading", name="History of this entry")).to_be_visible()
    axe.check_widths(page)

    page.goto(f"{live_server}/my-team/outside-learning/{old.id}/send-back")
    expect(page.get_by_role("heading", name="You cannot review learning from an earlier training year")).to_be_visible()
    axe.check_widths(page)
