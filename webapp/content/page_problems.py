"""Which problems belong to a page: those in its own file, or for an exercise, its folder.

Pages use this so an author sees what is wrong with the file they are editing, and a learner is not
shown a file while it has problems.
"""

from pathlib import PurePosixPath

from webapp.content.exercises import Exercise
from webapp.content.library import Course, Lesson, Library
from webapp.content.problems import Problem

Page = Course | Lesson | Exercise


def source_of(page: Page) -> str:
    """The file (course.md, a lesson) or folder (an exercise's) whose problems are the page's, as problems name it."""
    if isinstance(page, Exercise):
        return str(PurePosixPath(page.doc.path).parent)
    return page.doc.path


def problems_for(library: Library, page: Page) -> list[Problem]:
    source = source_of(page)
    return [problem for problem in library.problems if problem.path == source or problem.path.startswith(f"{source}/")]


def pages(library: Library) -> list[Page]:
    return [*library.courses, *(item for course in library.courses for item in course.items), *library.exercises]
