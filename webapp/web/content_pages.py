"""Content pages as each person may see them: the library, and what to show of a page whose files have problems.

Authors and admins see the files as they are now, with the problems listed on the page (live preview).
Everyone else sees the last version without problems, or a page saying it is not available.
"""

from dataclasses import dataclass, replace
from typing import Generic, TypeVar

from flask import abort, current_app, g, has_request_context, make_response, render_template
from flask_login import current_user

from webapp.content.library import Course, Item, Library
from webapp.content.page_problems import Page, problems_for
from webapp.content.problems import Problem
from webapp.extensions import db
from webapp.models.content import CourseItem
from webapp.queries.completions import record_start
from webapp.queries.opened_items import opened_item
from webapp.web.permissions import can_author
from webapp.web.years import current_training_year

P = TypeVar("P", bound=Page)


@dataclass(frozen=True)
class Shown(Generic[P]):
    page: P  # what to render
    problems: list[Problem]  # its files' problems: only ever filled in for authors


def content_library() -> Library:
    """The library, its files checked for changes at most once a request and as often as CONTENT_RELOAD allows."""
    if not has_request_context():
        return _checked_library()
    if "_content_library" not in g:
        g._content_library = _checked_library()
    return g._content_library


def _checked_library() -> Library:
    return current_app.extensions["content_library"].get(recheck_after=current_app.config["CONTENT_RELOAD"])


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


@dataclass(frozen=True)
class Link:
    text: str
    endpoint: str
    args: dict


@dataclass(frozen=True)
class ItemPage(Generic[P]):
    """What a lesson's and an exercise's page share: where it sits in its course, and whether it is done."""

    course: Course
    item: P  # the version to show (see shown_version)
    problems: list[Problem]
    caption: str  # "Course title: 2 of 6"
    done: bool  # completed by the signed-in person this training year
    can_complete: bool  # in the database, so completions can be recorded against it
    previous: Link | None
    next: Link  # the next item, or back to the course after the last
    row: CourseItem | None = None  # its database row, once opened (opened_item_page): none until synced

    @property
    def title(self) -> str:
        return f"{self.item.title} – {self.course.title}"


def item_link(item: Item) -> tuple[str, dict]:
    """Where a course item lives: lessons under their course, exercises at /exercises/<slug>."""
    if item.kind == "exercise":
        return "exercises.exercise", {"slug": item.slug}
    return "learn.lesson", {"course_slug": item.course_slug, "lesson_slug": item.slug}


def item_page(course: Course, placed: Item, shown: Shown[P], done: bool, can_complete: bool) -> ItemPage[P]:
    """`placed` is the item in the course now (its place); `shown` is what this person may read of it."""
    previous, following = course.neighbours(placed)
    caption = f"{course.title}: {course.items.index(placed) + 1} of {len(course.items)}"
    if placed.kind == "exercise":
        caption += ", an exercise in Python"
    return ItemPage(
        course,
        shown.page,
        shown.problems,
        caption,
        done,
        can_complete,
        Link(previous.title, *item_link(previous)) if previous else None,
        Link(following.title, *item_link(following))
        if following
        else Link(f"Back to {course.title}", "learn.course", {"course_slug": course.slug}),
    )


def opened_item_page(course: Course, placed: Item, shown: Shown[P]) -> ItemPage[P]:
    """The page for the signed-in person, noting that they opened it this training year (for authors' timings)."""
    year = current_training_year()
    found = opened_item(db.session, course.slug, placed.slug, current_user.id, year)
    if found is None:  # not synced yet: nothing to note or complete
        return item_page(course, placed, shown, False, False)
    if not found.started and record_start(db.session, current_user.id, found.row, year):
        db.session.commit()
    return replace(item_page(course, placed, shown, found.done, True), row=found.row)
