"""Content pages as each person may see them: the library, and what to show of a page whose files have problems.

Authors and admins see the files as they are now, with the problems listed on the page (live preview).
Everyone else sees the last version without problems, or a page saying it is not available.
"""

from dataclasses import dataclass
from typing import Generic, TypeVar

from flask import abort, current_app, make_response, render_template
from flask_login import current_user

from webapp.content.library import Course, Library
from webapp.content.page_problems import Page, problems_for
from webapp.content.problems import Problem
from webapp.extensions import db
from webapp.models.content import CourseItem
from webapp.queries.catalogue import find_live_item
from webapp.queries.completions import completed_item_ids
from webapp.web.permissions import can_author
from webapp.web.years import current_training_year

P = TypeVar("P", bound=Page)


@dataclass(frozen=True)
class Shown(Generic[P]):
    page: P  # what to render
    problems: list[Problem]  # its files' problems: only ever filled in for authors


def content_library() -> Library:
    return current_app.extensions["content_library"].get()


def shown_version(page: P) -> Shown[P]:
    problems = problems_for(content_library(), page)
    if not problems:
        return Shown(page, [])
    if can_author(current_user):
        return Shown(page, problems)
    last_good = current_app.extensions["content_library"].last_good(page)
    if last_good is None:
        not_available([])
    return Shown(last_good, [])


def readable_courses() -> list[Course]:
    """The catalogue's courses as this person may see them: a broken course.md is not shown to learners."""
    library = content_library()
    if can_author(current_user):
        return library.courses
    cache = current_app.extensions["content_library"]
    shown = (course if not problems_for(library, course) else cache.last_good(course) for course in library.courses)
    return [course for course in shown if course is not None]


def not_available(problems: list[Problem]):
    """Stop the request with a plain page; authors also see why."""
    abort(make_response(render_template("learn/not-available.html", problems=problems), 503))


def live_item_and_done(course_slug: str, item_slug: str) -> tuple[CourseItem | None, bool]:
    """The item's database row (None until synced) and whether the signed-in person completed it this year."""
    item = find_live_item(db.session, course_slug, item_slug)
    done = item is not None and item.id in completed_item_ids(db.session, current_user.id, current_training_year())
    return item, done
