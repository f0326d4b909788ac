"""Checks across lessons that `flask content check` runs beside each file's own: enough marked questions at the
assessed levels, and a declared time that matches what reading the lesson takes.

They do not stop a page being shown or synced: a lesson being given its questions stays readable meanwhile.
"""

import html
import re

from webapp.content.library import Lesson, Library
from webapp.content.problems import Problem
from webapp.content.render import render_markdown

WORDS_PER_MINUTE = 200
QUESTION_MINUTES = 1  # reading a marked question, working it out and answering
TASK_MINUTES = 5  # a "## Try this" section: something to do, not only to read
TOO_SHORT = 0.7  # declared minutes under this share of the estimate: the lesson claims less time than it needs
TOO_LONG = 2.0  # over this many times the estimate (and 10 minutes more): it claims much more
TASK_HEADING = re.compile(r"^try this\b", re.IGNORECASE)
_TAGS = re.compile(r"<[^>]+>")


def too_few_questions(library: Library, levels: tuple[int, ...], minimum: int) -> list[Problem]:
    """Lessons at the assessed levels with fewer marked questions than the minimum, at their questions' line."""
    return [
        Problem(
            lesson.doc.path,
            lesson.doc.line_of("questions"),
            f"a level {course.level} lesson needs at least {minimum} marked questions under questions:, "
            f"not {len(lesson.questions)}",
        )
        for course in library.courses
        if course.level in levels
        for lesson in course.lessons
        if not lesson.doc.problems and len(lesson.questions) < minimum
    ]


def reading_time_warnings(library: Library) -> list[Problem]:
    """Lessons whose minutes are under 70% of the estimate, or much more than it, at their minutes line."""
    warnings = []
    for course in library.courses:
        for lesson in course.lessons:
            if lesson.doc.problems:
                continue
            estimate = ReadingTime.of(lesson, course.base)
            message = estimate.mismatch(lesson.minutes)
            if message:
                warnings.append(Problem(lesson.doc.path, lesson.doc.line_of("minutes"), message))
    return warnings


class ReadingTime:
    """Words at 200 a minute, plus a minute a question and five a task ("## Try this" sections)."""

    def __init__(self, words: int, questions: int, tasks: int):
        self.words, self.questions, self.tasks = words, questions, tasks

    @classmethod
    def of(cls, lesson: Lesson, base: str) -> "ReadingTime":
        rendered = render_markdown(lesson.doc.body, base)
        words = len(html.unescape(_TAGS.sub(" ", rendered.html)).split())
        tasks = sum(1 for _anchor, heading in rendered.contents if TASK_HEADING.match(heading.strip()))
        return cls(words, len(lesson.questions), tasks)

    @property
    def minutes(self) -> float:
        return self.words / WORDS_PER_MINUTE + self.questions * QUESTION_MINUTES + self.tasks * TASK_MINUTES

    def mismatch(self, declared: int) -> str | None:
        estimate = self.minutes
        if declared < TOO_SHORT * estimate:
            claim = "less time than it needs"
        elif declared > max(TOO_LONG * estimate, estimate + 10):
            claim = "much more time than it needs"
        else:
            return None
        return f"minutes is {declared} but the lesson takes about {round(estimate)} ({self}): it claims {claim}"

    def __str__(self) -> str:
        return (
            f"{_count(self.words, 'word')} at {WORDS_PER_MINUTE} a minute, {_count(self.questions, 'question')} "
            f"at {QUESTION_MINUTES} minute each, {_count(self.tasks, 'task')} at {TASK_MINUTES} minutes each"
        )


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"
