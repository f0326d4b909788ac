"""A learner answers a lesson's marked questions: a wrong answer shows the error, the tries and the hint; once every
answer is right the lesson is complete and on their record. Checked with axe on a desktop and a phone."""

import re

import pytest
from playwright.sync_api import expect

from tests.helpers.accounts import make_user
from tests.helpers.browser import browser_sign_in
from tests.helpers.paths import QUESTIONS_CONTENT

pytestmark = pytest.mark.browser
LESSON = "/courses/reading-charts/bar-charts"


@pytest.fixture
def settings(settings):
    return {**settings, **QUESTIONS_CONTENT}


def test_a_lesson_answered_wrong_then_right_is_completed_and_recorded(page, live_server, axe, foreign_requests):
    browser_sign_in(page, live_server, make_user("Sam Reader"))
    page.goto(f"{live_server}{LESSON}")
    expect(page.get_by_role("heading", name="Bar charts", level=1)).to_be_visible()
    expect(page.get_by_role("button", name="Mark as complete")).to_have_count(0)
    axe.check_widths(page)

    share = page.get_by_label("Question 1: Out of 80 people, 30 said yes. What percentage is that?")
    share.fill("30")
    page.locator("#questions-axes").get_by_role("button", name="Check my answers").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link", name="Question 1 is not right yet")).to_be_visible()
    expect(page.locator("#answer-share-error")).to_contain_text("This is not right yet.")
    expect(page.locator("#answer-share-hint")).to_have_text(
        "Tries so far: 1. Hint: Divide the people who said yes by everyone asked, then multiply by 100."
    )
    assert page.title().startswith("Error:")
    axe.check_widths(page)

    summary.get_by_role("link", name="Question 1 is not right yet").click()
    expect(share).to_be_focused()
    share.fill("37.5")
    page.locator("#questions-axes").get_by_role("button", name="Check my answers").click()
    expect(page.locator("#answer-share")).to_contain_text("Answered correctly, in 2 tries.")

    end = page.locator("#questions-end")
    end.get_by_role("textbox", name=re.compile("^Question 2:")).fill("Line chart")
    end.get_by_label("At zero").check()
    end.get_by_label("An axis that starts above zero").check()
    end.get_by_label("Bars of unequal width").check()
    end.get_by_role("button", name="Check my answers").click()
    expect(page.get_by_text("Lesson complete: 10 minutes added to your training record")).to_be_visible()
    expect(page.locator("#questions-end button")).to_have_count(0)
    axe.check_widths(page)

    page.get_by_role("link", name="My training record").click()
    expect(page.locator("#progress-summary")).to_have_text("10 minutes of 7 hours")
    expect(page.get_by_role("cell", name=re.compile("Bar charts"))).to_be_visible()
    axe.check_widths(page)
    assert foreign_requests == []
