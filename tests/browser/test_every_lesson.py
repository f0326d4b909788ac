"""Every shipped course and lesson page passes axe, not only those a journey visits.

Every page is checked at phone width: what depends on a lesson's content (its tables, code and images, headings,
links and contrast) either does not change with the width or is at its worst on a phone, where wide tables and
code must scroll inside named regions a keyboard can reach (WCAG 2.1.1 and 1.4.10). At desktop width one course
and one lesson are checked here, and every page kind in the journeys' tests: that is the layout, the same for all.
"""

import pytest
from playwright.sync_api import expect

from tests.helpers.accounts import make_user
from tests.helpers.browser import DESKTOP, PHONE, browser_sign_in
from tests.helpers.paths import PROJECT_ROOT
from webapp.web.content_pages import content_library

pytestmark = pytest.mark.browser


@pytest.fixture
def settings(settings):
    shipped = {"CONTENT_DIR": str(PROJECT_ROOT / "courses"), "EXERCISES_DIR": str(PROJECT_ROOT / "exercises")}
    return {**settings, **shipped, "CONTENT_RELOAD": None}  # read once: nothing changes while it runs


def test_every_course_and_lesson_page_passes_axe(page, live_server, axe):
    library = content_library()
    assert not library.problems, library.problems
    paths = []
    for course in library.courses:
        paths.append(f"/courses/{course.slug}")
        paths.extend(f"/courses/{course.slug}/{lesson.slug}" for lesson in course.lessons)
    assert len(paths) > 20  # the shipped curriculum, not the test fixtures
    browser_sign_in(page, live_server, make_user())
    for size, checked in ((PHONE, paths), (DESKTOP, paths[:2])):  # paths[:2]: a course and its first lesson
        page.set_viewport_size(size)
        for path in checked:
            page.goto(live_server + path)
            expect(page.locator("h1")).to_be_visible()
            axe.check(page)
    assert len(axe.checked) == len(paths) + 2


def test_a_wide_table_on_a_phone_scrolls_inside_its_region_and_takes_keyboard_focus(page, live_server):
    library = content_library()
    course = library.course("working-with-data")
    assert course is not None
    browser_sign_in(page, live_server, make_user())
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server}/courses/{course.slug}/{course.lessons[0].slug}")
    region = page.locator(".app-table-scroll").first
    assert region.evaluate("el => el.scrollWidth > el.clientWidth")  # it is wider than the screen
    region.focus()
    expect(region).to_be_focused()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("el => el.scrollLeft > 0", arg=region.element_handle())
    # The page itself does not scroll sideways: only the region does.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
