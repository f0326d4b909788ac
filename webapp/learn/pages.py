"""What the learner's pages show, built outside the views so tests can call it directly."""

from dataclasses import dataclass

from webapp.content.library import Course
from webapp.content.rules import LEVELS


@dataclass(frozen=True)
class CourseProgress:
    course: Course
    done: int
    minutes_done: int

    @property
    def total(self) -> int:
        return len(self.course.items)

    @property
    def status(self) -> str:
        if self.done == 0:
            return "Not started"
        return "Completed" if self.done == self.total else "In progress"


def course_progress(course: Course, item_ids: dict, completed: set[int]) -> CourseProgress:
    done = [item for item in course.items if item_ids.get((course.slug, item.slug)) in completed]
    return CourseProgress(course, len(done), sum(item.minutes for item in done))


def catalogue_by_level(
    courses: list[Course], item_ids: dict, completed: set[int]
) -> list[tuple[str, list[CourseProgress]]]:
    levels = []
    for level, label in LEVELS.items():
        in_level = [course_progress(c, item_ids, completed) for c in courses if c.level == level]
        if in_level:
            levels.append((label, in_level))
    return levels
