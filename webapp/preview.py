"""What each person sees of a content page whose files have problems.

Authors and admins see the files as they are now, with the problems listed on the page (live preview).
Everyone else sees the last version without problems, or a page saying it is not available.
"""

from dataclasses import dataclass
from typing import Generic, TypeVar

from flask import abort, current_app, make_response, render_template
from flask_login import current_user

from webapp.content.library import Course
from webapp.content.preview import Page, problems_for
from webapp.content.problems import Problem
from webapp.context import content_library

P = TypeVar("P", bound=Page)


@dataclass(frozen=True)
class Shown(Generic[P]):
    page: P  # what to render
    problems: list[Problem]  # its files' problems: only ever filled in for authors


def is_author() -> bool:
    return bool(current_user.is_author or current_user.is_admin)


def shown_version(page: P) -> Shown[P]:
    problems = problems_for(content_library(), page)
    if not problems:
        return Shown(page, [])
    if is_author():
        return Shown(page, problems)
    last_good = current_app.extensions["content_library"].last_good(page)
    if last_good is None:
        not_available([])
    return Shown(last_good, [])


def readable_courses() -> list[Course]:
    """The catalogue's courses as this person may see them: a broken course.md is not shown to learners."""
    library = content_library()
    if is_author():
        return library.courses
    cache = current_app.extensions["content_library"]
    shown = (course if not problems_for(library, course) else cache.last_good(course) for course in library.courses)
    return [course for course in shown if course is not None]


def not_available(problems: list[Problem]):
    """Stop the request with a plain page; authors also see why."""
    abort(make_response(render_template("learn/not-available.html", problems=problems), 503))
