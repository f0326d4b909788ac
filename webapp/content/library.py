"""The course library as read from disk: courses, their lessons, and every problem found."""

import re
from dataclasses import dataclass, field
from pathlib import Path

from webapp.content.frontmatter import Document, parse_document
from webapp.content.problems import Problem
from webapp.content.rules import check_course_meta, check_lesson_meta

SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
LESSON_FILE = re.compile(rf"^(\d{{2}})-({SLUG})\.md$")
COURSE_DIR = re.compile(rf"^{SLUG}$")
COURSE_FILE = "course.md"

LEVELS = {
    1: "Level 1: for everyone",
    2: "Level 2: for people who work with spreadsheets",
    3: "Level 3: for analysts who write code",
}


@dataclass
class Lesson:
    course_slug: str
    slug: str
    number: int
    path: Path
    doc: Document

    @property
    def title(self) -> str:
        return str(self.doc.meta.get("title") or self.slug)

    @property
    def minutes(self) -> int:
        value = self.doc.meta.get("minutes")
        return value if isinstance(value, int) and not isinstance(value, bool) else 0

    @property
    def objectives(self) -> list[str]:
        value = self.doc.meta.get("objectives")
        return [str(item) for item in value] if isinstance(value, list) else []


@dataclass
class Course:
    slug: str
    path: Path
    doc: Document
    lessons: list[Lesson] = field(default_factory=list)

    @property
    def title(self) -> str:
        return str(self.doc.meta.get("title") or self.slug)

    @property
    def summary(self) -> str:
        return str(self.doc.meta.get("summary") or "")

    @property
    def level(self) -> int:
        level = self.doc.meta.get("level")
        return level if level in LEVELS else 1

    @property
    def order(self) -> int:
        order = self.doc.meta.get("order")
        return order if isinstance(order, int) else 0

    @property
    def minutes(self) -> int:
        return sum(lesson.minutes for lesson in self.lessons)

    def lesson(self, slug: str) -> Lesson | None:
        return next((lesson for lesson in self.lessons if lesson.slug == slug), None)


@dataclass
class Library:
    root: Path
    courses: list[Course]
    problems: list[Problem]

    def course(self, slug: str) -> Course | None:
        return next((course for course in self.courses if course.slug == slug), None)


def relative(path: Path, root: Path) -> str:
    """Paths in problems are relative to the project (e.g. courses/x/01-y.md), as authors see them."""
    try:
        return str(path.relative_to(root.parent))
    except ValueError:
        return str(path)


def load_library(root: Path) -> Library:
    from webapp.content.links import check_links  # links need the whole library

    root = Path(root)
    courses: list[Course] = []
    problems: list[Problem] = []
    if not root.is_dir():
        return Library(root, [], [Problem(str(root), 1, "content folder does not exist")])
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
        course = _load_course(folder, root, problems)
        if course:
            courses.append(course)
    courses.sort(key=lambda c: (c.level, c.order, c.title))
    library = Library(root, courses, problems)
    problems.extend(check_links(library))
    for course in courses:
        problems.extend(course.doc.problems)
        for lesson in course.lessons:
            problems.extend(lesson.doc.problems)
    problems.sort()
    return library


def _read(path: Path, root: Path) -> Document:
    name = relative(path, root)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        doc = Document(name, {}, "", 1)
        doc.problem(f"file is not UTF-8 text ({error.reason} at byte {error.start})")
        return doc
    return parse_document(name, text)


def _load_course(folder: Path, root: Path, problems: list[Problem]) -> Course | None:
    course_file = folder / COURSE_FILE
    name = relative(course_file, root)
    if not COURSE_DIR.match(folder.name):
        problems.append(Problem(relative(folder, root), 1, "course folder name must be lowercase-words-with-hyphens"))
        return None
    if not course_file.is_file():
        problems.append(Problem(name, 1, "file is missing: every course folder needs a course.md"))
        return None
    course = Course(folder.name, course_file, _read(course_file, root))
    check_course_meta(course.doc)
    seen: dict[str, str] = {}
    numbers: dict[int, str] = {}
    for path in sorted(folder.glob("*.md")):
        if path.name == COURSE_FILE:
            continue
        lesson_name = relative(path, root)
        match = LESSON_FILE.match(path.name)
        if not match:
            problems.append(Problem(lesson_name, 1, "lesson file name must look like 01-lesson-slug.md"))
            continue
        number, slug = int(match[1]), match[2]
        if slug in seen:
            problems.append(Problem(lesson_name, 1, f"duplicate slug '{slug}': {seen[slug]} uses it too"))
            continue
        if number in numbers:
            problems.append(Problem(lesson_name, 1, f"duplicate number {match[1]}: {numbers[number]} uses it too"))
        seen[slug], numbers[number] = lesson_name, lesson_name
        lesson = Lesson(course.slug, slug, number, path, _read(path, root))
        check_lesson_meta(lesson.doc)
        course.lessons.append(lesson)
    if not course.lessons:
        course.doc.problem("course has no lessons: add a file such as 01-introduction.md beside course.md")
    return course
