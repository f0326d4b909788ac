"""An author reads how learners answered a course's lesson questions, from the authoring overview to the course
page with its commonest wrong answers. Checked with axe on a desktop and a phone."""

import pytest
from playwright.sync_api import expect

from tests.helpers.accounts import make_user
from tests.helpers.browser import PHONE, browser_sign_in
from tests.helpers.paths import QUESTIONS_CONTENT
from tests.helpers.rows import course_item, make_lesson_answer

pytestmark = pytest.mark.browser


@pytest.fixture
def settings(settings):
    return {**settings, **QUESTIONS_CONTENT}


def test_an_author_sees_each_lesson_questions_figures_and_common_wrong_answers(page, live_server, axe, app):
    lesson = course_item("bar-charts")
    for _ in range(3):
        learner = make_user()
        make_lesson_answer(learner, lesson, "share", "30", correct=False)
        make_lesson_answer(learner, lesson, "share", "37.5", correct=True)
    browser_sign_in(page, live_server, make_user("Ada Author", author=True))
    page.goto(f"{live_server}/authoring")
    axe.check_widths(page)

    page.get_by_role("link", name="Reading charts").click()
    expect(page.get_by_role("heading", name="Questions in lessons", level=2)).to_be_visible()
    answers = page.get_by_role("table", name="Bar charts: answers in training year", exact=False)
    share = answers.get_by_role("row", name="Question 1: Out of 80 people", exact=False)
    expect(share.get_by_role("cell")).to_have_text(["6", "3", "0%", "“30”: 3 people, 3 answers"])
    axe.check_widths(page)
    # The tables scroll sideways in their own regions: the page itself still fits the phone.
    page.set_viewport_size(PHONE)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.get_by_role("region", name="Bar charts: answers in training year", exact=False).focus()
    expect(page.get_by_role("region", name="Bar charts: answers in training year", exact=False)).to_be_focused()
