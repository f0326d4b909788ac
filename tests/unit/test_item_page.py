"""What a lesson's and an exercise's pages share, built from the course without a request."""

import pytest

from tests.helpers.paths import FIXTURE_COURSES, FIXTURE_EXERCISES
from webapp.content.library import load_library
from webapp.content.problems import Problem
from webapp.web.content_pages import Link, Shown, item_link, item_page

# Spreadsheet basics: three lessons, then the exercise count-the-regions.
COURSE = load_library(FIXTURE_COURSES, FIXTURE_EXERCISES).course("spreadsheet-basics")
FIRST, SECOND, LAST_LESSON, EXERCISE = COURSE.items


def page_of(item, done=False, can_complete=True, problems=()):
    return item_page(COURSE, item, Shown(item, list(problems)), done, can_complete)


def test_the_caption_says_where_the_item_sits_in_its_course():
    assert page_of(SECOND).caption == "Spreadsheet basics: 2 of 4"


def test_an_exercises_caption_says_it_is_in_python():
    assert page_of(EXERCISE).caption == "Spreadsheet basics: 4 of 4, an exercise in Python"


def test_the_title_names_the_item_then_its_course():
    assert page_of(FIRST).title == "Rows and columns – Spreadsheet basics"


def test_the_first_item_has_no_previous_and_leads_to_the_second():
    page = page_of(FIRST)
    assert page.previous is None
    assert page.next == Link(
        "Types of value", "learn.lesson", {"course_slug": "spreadsheet-basics", "lesson_slug": "types-of-value"}
    )


def test_a_lesson_before_an_exercise_links_to_the_exercises_own_address():
    assert page_of(LAST_LESSON).next == Link("Count the regions", "exercises.exercise", {"slug": "count-the-regions"})


def test_after_the_last_item_the_way_on_is_back_to_the_course():
    page = page_of(EXERCISE)
    assert page.previous == Link(
        "Checking totals", "learn.lesson", {"course_slug": "spreadsheet-basics", "lesson_slug": "checking-totals"}
    )
    assert page.next == Link("Back to Spreadsheet basics", "learn.course", {"course_slug": "spreadsheet-basics"})


@pytest.mark.parametrize(("done", "can_complete"), [(False, True), (True, True), (False, False)])
def test_done_and_can_complete_are_passed_on(done, can_complete):
    page = page_of(SECOND, done=done, can_complete=can_complete)
    assert (page.done, page.can_complete) == (done, can_complete)


def test_the_page_shows_the_version_given_with_its_problems_but_keeps_the_items_place():
    problem = Problem("courses/spreadsheet-basics/02-types-of-value.md", 3, "minutes must be a whole number")
    page = item_page(COURSE, SECOND, Shown(FIRST, [problem]), False, True)
    assert (page.item, page.problems) == (FIRST, [problem])
    assert page.caption == "Spreadsheet basics: 2 of 4"
    assert page.previous.text == "Rows and columns"


def test_item_links_send_lessons_under_their_course_and_exercises_to_their_own_address():
    assert item_link(FIRST) == (
        "learn.lesson",
        {"course_slug": "spreadsheet-basics", "lesson_slug": "rows-and-columns"},
    )
    assert item_link(EXERCISE) == ("exercises.exercise", {"slug": "count-the-regions"})
