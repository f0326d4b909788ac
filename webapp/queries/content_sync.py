"""Copy the library's courses, lessons and exercises into the database: all or nothing."""

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from webapp.content.library import Library
from webapp.content.placement import Placement
from webapp.content.problems import ContentError
from webapp.db.clock import utcnow
from webapp.models.content import Course, CourseItem
from webapp.queries.placement import PLACEMENT_COURSE, PLACEMENT_ITEM


@dataclass
class SyncReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    archived: list[str] = field(default_factory=list)


def sync_library(session: Session, library: Library) -> SyncReport:
    """Refuse content with problems; otherwise upsert everything and archive what disappeared.

    Archived rows stay so that completions already earned keep their title and minutes.
    """
    if library.problems:
        raise ContentError(library.problems)
    report = SyncReport()
    now = utcnow()
    existing = {course.slug: course for course in session.scalars(select(Course))}
    for position, doc in enumerate(library.courses):
        course = existing.pop(doc.slug, None) or _add(session, Course(slug=doc.slug), report, doc.slug)
        _update(course, report, doc.slug, title=doc.title, summary=doc.summary, level=doc.level, position=position)
        _sync_items(session, course, doc, report, now)
    if library.placement is not None:  # without one, its course is archived below like any course gone
        course = existing.pop(PLACEMENT_COURSE, None)
        _sync_placement(session, course, library.placement, report, len(library.courses))
    for course in existing.values():
        _archive(course, report, course.slug, now)
        for item in course.items:
            _archive(item, report, f"{course.slug}/{item.slug}", now)
    session.flush()
    return report


def _sync_items(session: Session, course: Course, doc, report: SyncReport, now) -> None:
    items = {item.slug: item for item in course.items}
    for position, source in enumerate(doc.items):
        name = f"{doc.slug}/{source.slug}"
        item = items.pop(source.slug, None) or _add(session, CourseItem(slug=source.slug, course=course), report, name)
        _update(item, report, name, kind=source.kind, title=source.title, minutes=source.minutes, position=position)
    for item in items.values():
        _archive(item, report, f"{doc.slug}/{item.slug}", now)


def _sync_placement(session: Session, course: Course | None, placement: Placement, report: SyncReport, position: int):
    """The placement check as a course of one item, so its minutes are a completion like any lesson's."""
    course = course or _add(session, Course(slug=PLACEMENT_COURSE), report, PLACEMENT_COURSE)
    _update(course, report, PLACEMENT_COURSE, title=placement.title, summary="", level=1, position=position)
    name = f"{PLACEMENT_COURSE}/{PLACEMENT_ITEM}"
    found = next((item for item in course.items if item.slug == PLACEMENT_ITEM), None)
    item = found or _add(session, CourseItem(slug=PLACEMENT_ITEM, course=course), report, name)
    _update(item, report, name, kind=placement.kind, title=placement.title, minutes=placement.minutes, position=0)


def _add(session: Session, row, report: SyncReport, name: str):
    session.add(row)
    report.added.append(name)
    return row


def _update(row, report: SyncReport, name: str, **values) -> None:
    changed = row.archived_at is not None or any(getattr(row, key) != value for key, value in values.items())
    for key, value in values.items():
        setattr(row, key, value)
    row.archived_at = None
    if changed and name not in report.added:
        report.updated.append(name)


def _archive(row, report: SyncReport, name: str, now) -> None:
    if row.archived_at is None:
        row.archived_at = now
        report.archived.append(name)
