"""Links between lessons: authors link to files (they work on GitHub too); the app serves URLs."""

import re
from pathlib import PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from webapp.content.problems import Problem

if TYPE_CHECKING:
    from webapp.content.library import Library

# [text](target) outside code; good enough for Markdown written by people, and it keeps line numbers.
MARKDOWN_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
FENCE = re.compile(r"^\s*(```|~~~)")


def is_internal(target: str) -> bool:
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc and not target.startswith(("#", "/", "mailto:"))


def resolve(course_slug: str, target: str) -> tuple[str, str | None, str] | None:
    """Map a relative file link to (course slug, lesson slug or None, fragment); None if it cannot be a lesson."""
    from webapp.content.library import COURSE_FILE, LESSON_FILE

    parts = urlsplit(target)
    path = PurePosixPath(course_slug) / parts.path
    resolved: list[str] = []
    for piece in path.parts:
        if piece == "..":
            if not resolved:
                return None
            resolved.pop()
        elif piece != ".":
            resolved.append(piece)
    if len(resolved) != 2:
        return None
    course, filename = resolved
    if filename == COURSE_FILE:
        return course, None, parts.fragment
    match = LESSON_FILE.match(filename)
    return (course, match[2], parts.fragment) if match else None


def url_for_target(course_slug: str, target: str) -> str | None:
    found = resolve(course_slug, target)
    if not found:
        return None
    course, lesson, fragment = found
    url = f"/courses/{course}" + (f"/{lesson}" if lesson else "")
    return url + (f"#{fragment}" if fragment else "")


def internal_links(body: str, first_line: int):
    """Yield (line number, target) for each relative link outside fenced code."""
    in_fence = False
    for offset, line in enumerate(body.splitlines()):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        for match in MARKDOWN_LINK.finditer(line):
            if is_internal(match[1]):
                yield first_line + offset, match[1]


def check_links(library: "Library") -> list[Problem]:
    problems = []
    for course in library.courses:
        for doc in [course.doc, *(lesson.doc for lesson in course.lessons)]:
            for line, target in internal_links(doc.body, doc.body_line):
                if not _exists(library, course.slug, target):
                    problems.append(Problem(doc.path, line, f"broken link to '{target}': no such lesson or course"))
    return problems


def _exists(library: "Library", course_slug: str, target: str) -> bool:
    found = resolve(course_slug, target)
    if not found:
        return False
    course = library.course(found[0])
    if course is None:
        return False
    return found[1] is None or course.lesson(found[1]) is not None
