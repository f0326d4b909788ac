"""Links between content files: authors link to files (they work on GitHub too); the app serves URLs.

From a lesson in courses/<course>/: `02-next.md`, `../other/01-intro.md#part`, `course.md`, and
`../../exercises/<slug>/exercise.md`.
"""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from webapp.content.frontmatter import Document
from webapp.content.names import COURSE_FILE, EXERCISE_FILE, LESSON_FILE
from webapp.content.problems import Problem

# [text](target) outside code; good enough for Markdown written by people, and it keeps line numbers.
MARKDOWN_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class Target:
    kind: str  # "course", "lesson" or "exercise"
    slug: str  # the course's or the exercise's
    lesson: str | None
    fragment: str

    @property
    def url(self) -> str:
        path = f"/exercises/{self.slug}" if self.kind == "exercise" else f"/courses/{self.slug}"
        if self.lesson:
            path += f"/{self.lesson}"
        return path + (f"#{self.fragment}" if self.fragment else "")


def is_internal(target: str) -> bool:
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc and not target.startswith(("#", "/", "mailto:"))


def resolve(base: str, target: str) -> Target | None:
    """Where a relative link from a file in `base` (courses/<slug> or exercises/<slug>) points."""
    parts = urlsplit(target)
    resolved: list[str] = []
    for piece in (PurePosixPath(base) / parts.path).parts:
        if piece == "..":
            if not resolved:
                return None
            resolved.pop()
        elif piece != ".":
            resolved.append(piece)
    match resolved:
        case ["courses", course, filename] if filename == COURSE_FILE:
            return Target("course", course, None, parts.fragment)
        case ["courses", course, filename] if lesson := LESSON_FILE.match(filename):
            return Target("lesson", course, lesson[2], parts.fragment)
        case ["exercises", slug, filename] if filename == EXERCISE_FILE:
            return Target("exercise", slug, None, parts.fragment)
    return None


def url_for_target(base: str, target: str) -> str | None:
    found = resolve(base, target)
    return found.url if found else None


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


def broken_links(documents: Iterable[tuple[str, Document]], exists: Callable[[Target], bool]) -> list[Problem]:
    """Each relative link, in (base folder, document) pairs, whose target `exists` does not find."""
    problems = []
    for base, doc in documents:
        for line, target in internal_links(doc.body, doc.body_line):
            found = resolve(base, target)
            if found is None or not exists(found):
                problems.append(Problem(doc.path, line, f"broken link to '{target}': no such lesson or course"))
    return problems
