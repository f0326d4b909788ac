"""The course library as read from disk: courses, their lessons and exercises, and every problem found."""

from dataclasses import dataclass, field
from pathlib import Path

from webapp.content.answers import Question
from webapp.content.exercises import Exercise, check_data_sources, load_exercise
from webapp.content.frontmatter import Document, parse_document
from webapp.content.items import FrontMatterItem
from webapp.content.lesson_data import listed_files, listed_sources, unlisted_files
from webapp.content.links import Target, broken_links
from webapp.content.names import COURSE_FILE, FOLDER, LESSON_FILE, PATHWAYS_FILE, PLACEMENT_FOLDER
from webapp.content.pathways import Pathways, load_pathways
from webapp.content.placement import Placement, load_placement
from webapp.content.problems import Problem
from webapp.content.questions import read_questions
from webapp.content.render import render_markdown
from webapp.content.rules import LEVELS, check_course_meta, check_lesson_meta


@dataclass
class Lesson(FrontMatterItem):
    course_slug: str
    slug: str
    number: int
    path: Path
    doc: Document
    questions: list[Question] = field(default_factory=list)  # marked questions: all right completes the lesson
    kind: str = "lesson"

    @property
    def data_sources(self) -> list[dict]:
        return listed_sources(self.doc)

    @property
    def data_files(self) -> list[Path]:
        """The files of its activity: those it lists from its course's data/ folder (see lesson_data)."""
        return listed_files(self.path.parent, self.data_sources)

    def data_file(self, name: str) -> Path | None:
        """A file learners may download from this lesson: one it lists, and in its course's data/ folder."""
        return next((path for path in self.data_files if path.name == name), None)


Item = Lesson | Exercise


@dataclass
class Course:
    slug: str
    path: Path
    doc: Document
    items: list[Item] = field(default_factory=list)  # lessons and exercises, in their numbered order

    @property
    def title(self) -> str:
        return self.doc.text("title", self.slug)

    @property
    def summary(self) -> str:
        return self.doc.text("summary")

    @property
    def level(self) -> int:
        level = self.doc.meta.get("level")
        return level if level in LEVELS else 1

    @property
    def order(self) -> int:
        return self.doc.whole_number("order")

    @property
    def minutes(self) -> int:
        return sum(item.minutes for item in self.items)

    @property
    def lessons(self) -> list[Lesson]:
        return [item for item in self.items if isinstance(item, Lesson)]

    @property
    def lesson_docs(self) -> list[Document]:
        return [lesson.doc for lesson in self.lessons]

    @property
    def base(self) -> str:
        """Where relative links in this course's files start from."""
        return f"courses/{self.slug}"

    def item(self, slug: str) -> Item | None:
        return next((item for item in self.items if item.slug == slug), None)

    def neighbours(self, item: Item) -> tuple[Item | None, Item | None]:
        index = self.items.index(item)
        after = self.items[index + 1] if index + 1 < len(self.items) else None
        return (self.items[index - 1] if index else None), after


@dataclass
class Library:
    root: Path
    courses: list[Course]
    problems: list[Problem]
    exercises: list[Exercise] = field(default_factory=list)
    placement: Placement | None = None  # courses/placement/, if there is one
    pathways: Pathways | None = None  # courses/pathways.md, if there is one

    def course(self, slug: str) -> Course | None:
        return next((course for course in self.courses if course.slug == slug), None)

    def exercise(self, slug: str) -> Exercise | None:
        return next((exercise for exercise in self.exercises if exercise.slug == slug), None)

    def find_item(self, ref: str) -> Item | None:
        """A lesson or exercise named as placement questions and pathways name them: "course/item"."""
        course_slug, _, item_slug = ref.partition("/")
        course = self.course(course_slug)
        return course.item(item_slug) if course is not None and item_slug else None

    def minutes_of(self, ref: str) -> int | None:
        item = self.find_item(ref)
        return None if item is None else item.minutes

    def has(self, target: Target) -> bool:
        """A link's target exists: the course, the lesson in it, or the exercise."""
        if target.kind == "exercise":
            return self.exercise(target.slug) is not None
        course = self.course(target.slug)
        return course is not None and (target.lesson is None or course.item(target.lesson) is not None)

    def documents(self):
        for course in self.courses:
            yield course.doc
            yield from (lesson.doc for lesson in course.lessons)
        yield from (exercise.doc for exercise in self.exercises)


def relative_to(root: Path):
    """Paths in problems are relative to the project (e.g. courses/x/01-y.md), as authors see them."""

    def relative(path: Path) -> str:
        try:
            return str(path.relative_to(root.parent))
        except ValueError:
            return str(path)

    return relative


def load_library(root: Path, exercises_root: Path | None = None) -> Library:
    root = Path(root)
    relative = relative_to(root)
    if not root.is_dir():
        return Library(root, [], [Problem(str(root), 1, "content folder does not exist")])
    problems: list[Problem] = []
    read = _reader(relative)
    courses = [
        course
        for folder in _folders(root)
        if folder.name != PLACEMENT_FOLDER and (course := _load_course(folder, read, relative, problems)) is not None
    ]
    courses.sort(key=lambda c: (c.level, c.order, c.title))
    library = Library(root, courses, problems)
    if exercises_root is not None and Path(exercises_root).is_dir():
        library.exercises = [_load_exercise(f, read, relative, problems) for f in _folders(Path(exercises_root))]
        _place_exercises(library)
    _load_placement_and_pathways(library, read, relative)
    linked = [
        *((course.base, doc) for course in courses for doc in [course.doc, *course.lesson_docs]),
        *((f"exercises/{exercise.slug}", exercise.doc) for exercise in library.exercises),
    ]
    problems.extend(broken_links(linked, library.has))
    for doc in library.documents():
        problems.extend(doc.problems)
    for extra in (library.placement, library.pathways):
        problems.extend(extra.doc.problems if extra else [])
    problems.sort()
    return library


def _folders(root: Path) -> list[Path]:
    return sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))


def _load_placement_and_pathways(library: Library, read, relative) -> None:
    """After the courses and exercises: both name their lessons and exercises, which must exist."""
    folder = library.root / PLACEMENT_FOLDER
    if folder.is_dir():
        library.placement = load_placement(folder, read, relative, lambda ref: library.find_item(ref) is not None)
    if (library.root / PATHWAYS_FILE).is_file():
        library.pathways = load_pathways(read(library.root / PATHWAYS_FILE), library.minutes_of)


def _reader(relative):
    def read(path: Path) -> Document:
        name = relative(path)
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as error:
            doc = Document(name, {}, "", 1)
            doc.problem(f"file is not UTF-8 text ({error.reason} at byte {error.start})")
            return doc
        except FileNotFoundError:
            doc = Document(name, {}, "", 1)
            doc.problem("file is missing")
            return doc
        return parse_document(name, text)

    return read


def _load_course(folder: Path, read, relative, problems: list[Problem]) -> Course | None:
    course_file = folder / COURSE_FILE
    if not FOLDER.match(folder.name):
        problems.append(Problem(relative(folder), 1, "course folder name must be lowercase-words-with-hyphens"))
        return None
    if not course_file.is_file():
        problems.append(Problem(relative(course_file), 1, "file is missing: every course folder needs a course.md"))
        return None
    course = Course(folder.name, course_file, read(course_file))
    check_course_meta(course.doc)
    seen: dict[str, str] = {}
    numbers: dict[int, str] = {}
    for path in sorted(folder.glob("*.md")):
        if path.name == COURSE_FILE:
            continue
        name = relative(path)
        match = LESSON_FILE.match(path.name)
        if not match:
            problems.append(Problem(name, 1, "lesson file name must look like 01-lesson-slug.md"))
            continue
        number, slug = int(match[1]), match[2]
        if slug in seen:
            problems.append(Problem(name, 1, f"duplicate slug '{slug}': {seen[slug]} uses it too"))
            continue
        if number in numbers:
            problems.append(Problem(name, 1, f"duplicate number {match[1]}: {numbers[number]} uses it too"))
        seen[slug], numbers[number] = name, name
        course.items.append(_load_lesson(course, Lesson(course.slug, slug, number, path, read(path)), relative))
    course.doc.problems.extend(unlisted_files(folder, course.doc, course.lesson_docs))
    if not course.items:
        course.doc.problem("course has no lessons: add a file such as 01-introduction.md beside course.md")
    return course


def _load_lesson(course: Course, lesson: Lesson, relative) -> Lesson:
    check_lesson_meta(lesson.doc)
    if not lesson.doc.problems and "questions" in lesson.doc.meta:
        lesson.questions = read_questions(lesson.doc, section_ids(lesson.doc, course.base))
    if not lesson.doc.problems:
        lesson.doc.problems.extend(check_data_sources(lesson, relative))
    return lesson


def section_ids(doc: Document, base: str) -> list[str]:
    """The anchors of a lesson's ## headings, as its page makes them: where its questions may be placed."""
    return [anchor for anchor, _heading in render_markdown(doc.body, base).contents]


def _load_exercise(folder: Path, read, relative, problems: list[Problem]) -> Exercise:
    if not FOLDER.match(folder.name):
        problems.append(Problem(relative(folder), 1, "exercise folder name must be lowercase-words-with-hyphens"))
    return load_exercise(folder, read, relative)


def _place_exercises(library: Library) -> None:
    """Put each exercise at its numbered place in its course, between that course's lessons."""
    for exercise in library.exercises:
        doc = exercise.doc
        if not exercise.course_slug:
            continue
        course = library.course(exercise.course_slug)
        if course is None:
            doc.problem(f"course '{exercise.course_slug}' does not exist in courses/", key="course")
            continue
        clash = next((item for item in course.items if item.number == exercise.number), None)
        if clash is not None:
            doc.problem(f"number {exercise.number} is taken by {clash.doc.path}", key="number")
        elif course.item(exercise.slug) is not None:
            doc.problem(f"a lesson in {course.slug} already uses the slug '{exercise.slug}'")
        else:
            course.items.append(exercise)
            course.items.sort(key=lambda item: item.number)
