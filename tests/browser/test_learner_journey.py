"""A learner signs in, completes a lesson, logs outside learning, and sees their record change; a change to
learning their manager confirmed waits for the manager, and the entry keeps its history."""

import re

import pytest
from playwright.sync_api import expect

from tests.helpers.accounts import make_user
from tests.helpers.browser import browser_sign_in
from tests.helpers.rows import make_outside_learning
from webapp.extensions import db
from webapp.queries.reviews import review

pytestmark = pytest.mark.browser


def test_completing_a_lesson_moves_the_record_forward(page, live_server, axe, foreign_requests):
    user = make_user("Alex Morgan")
    page.goto(live_server)
    axe.check(page)
    browser_sign_in(page, live_server, user, axe)
    axe.check(page)

    page.get_by_role("link", name="My training record").click()
    expect(page.locator("#progress-summary")).to_have_text("0 minutes of 7 hours")
    expect(page.locator("progress")).to_have_attribute("value", "0")
    axe.check(page)

    page.get_by_role("link", name="Courses").first.click()
    page.get_by_role("link", name="Spreadsheet basics").click()
    axe.check(page)
    page.get_by_role("link", name="Checking totals").click()
    expect(page.get_by_role("heading", name="Checking totals", level=1)).to_be_visible()
    axe.check(page)
    page.get_by_role("button", name="Mark as complete").click()
    expect(page.get_by_text("Lesson complete: 25 minutes added to your training record")).to_be_visible()
    expect(page.get_by_role("button", name="Mark as complete")).to_have_count(0)
    axe.check(page)

    page.get_by_role("link", name="My training record").click()
    expect(page.locator("#progress-summary")).to_have_text("25 minutes of 7 hours")
    expect(page.locator("progress")).to_have_attribute("value", "5")
    expect(page.get_by_role("cell", name=re.compile("Checking totals"))).to_be_visible()
    axe.check(page)
    assert foreign_requests == []


def test_logging_outside_learning_with_a_mistake_then_fixing_it(page, live_server, axe, foreign_requests):
    browser_sign_in(page, live_server, make_user())
    page.goto(f"{live_server}/my-training-record")
    page.get_by_role("button", name="Log learning done elsewhere").click()
    axe.check(page)
    page.get_by_label("What did you do?").fill("Data visualisation webinar")
    page.get_by_label("Who provided it?").fill("Analysis Function")
    page.get_by_label("Day").fill("1")
    page.get_by_label("Month").fill("1")
    page.get_by_label("Year").fill("2999")
    page.get_by_label("How long did it take, in minutes?").fill("600")
    page.get_by_role("button", name="Save").click()

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()  # GOV.UK Frontend moves focus to the summary
    expect(summary.get_by_role("link", name="How long it took must be between 1 and 480 minutes")).to_be_visible()
    expect(summary.get_by_role("link", name="The date you did it must be today or in the past")).to_be_visible()
    assert page.title().startswith("Error:")
    axe.check(page)

    summary.get_by_role("link", name=re.compile("between 1 and 480")).click()
    expect(page.get_by_label("How long did it take, in minutes?")).to_be_focused()
    page.get_by_label("How long did it take, in minutes?").fill("90")
    today = page.evaluate("() => { const d = new Date(); return [d.getDate(), d.getMonth() + 1, d.getFullYear()]; }")
    for label, value in zip(("Day", "Month", "Year"), today, strict=True):
        page.get_by_label(label).fill(str(value))
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_text("Data visualisation webinar added to your training record")).to_be_visible()
    expect(page.locator("#progress-summary")).to_have_text("1 hour 30 minutes of 7 hours")
    axe.check(page)

    page.get_by_role("link", name=re.compile("Remove")).click()
    axe.check(page)
    page.get_by_role("button", name="Yes, remove it").click()
    expect(page.locator("#progress-summary")).to_have_text("0 minutes of 7 hours")
    assert foreign_requests == []


def test_other_pages_pass_accessibility_checks(page, live_server, axe):
    page.goto(f"{live_server}/register")
    axe.check(page)
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    axe.check(page)
    page.goto(f"{live_server}/accessibility")
    axe.check(page)
    browser_sign_in(page, live_server, make_user(author=True))
    page.goto(f"{live_server}/content-checks")
    expect(page.get_by_text("No problems found")).to_be_visible()
    axe.check(page)
    page.get_by_role("link", name="Authoring").first.click()
    expect(page.get_by_role("heading", name="Authoring", level=1)).to_be_visible()
    axe.check(page)
    page.get_by_role("link", name="Spreadsheet basics").click()
    expect(page.get_by_role("heading", name="Spreadsheet basics", level=1)).to_be_visible()
    axe.check(page)
    page.goto(f"{live_server}/no-such-page")
    expect(page.get_by_role("heading", name="Page not found")).to_be_visible()
    axe.check(page)


def test_a_change_to_confirmed_learning_waits_for_the_manager_and_is_kept_in_its_history(
    page, live_server, axe, foreign_requests
):
    learner, manager = make_user("Sam Jones"), make_user("Alex Smith")
    entry = make_outside_learning(learner, title="Stats webinar", minutes=60)
    review(db.session, entry, manager, confirm=True)
    db.session.commit()
    browser_sign_in(page, live_server, learner)
    page.goto(f"{live_server}/my-training-record")
    page.get_by_role("link", name="Change Stats webinar").click()
    expect(page.locator("#confirmed-note")).to_contain_text("Your manager confirmed 1 hour for this.")
    page.get_by_label("How long did it take, in minutes?").fill("480")
    page.get_by_role("button", name="Save").click()

    expect(page.locator("#progress-summary")).to_have_text("1 hour of 7 hours")
    expect(page.get_by_text("1 hour counts until your manager reviews the change")).to_be_visible()
    axe.check(page)
    page.get_by_role("link", name="Change Stats webinar").click()
    expect(page.locator(".app-history > li")).to_have_count(2)
    expect(page.locator(".app-history > li").first).to_contain_text("Time changed from 1 hour to 8 hours")
    axe.check_widths(page)
    assert foreign_requests == []
