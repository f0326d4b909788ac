"""What the author pages show: each course's problems and how learners do, built outside the views."""

from dataclasses import dataclass

from sqlalchemy.orm import Session

from webapp.content.answers import Question
from webapp.content.library import Course, Item, Library
from webapp.content.page_problems import problems_for
from webapp.content.problems import Problem
from webapp.queries.content_stats import ItemStats, QuestionStats, completions_by_item, item_stats, question_stats
from webapp.training.requirement import format_minutes
from webapp.training.years import TrainingYear, YearStart, training_year


@dataclass(frozen=True)
class CourseSummary:
    course: Course
    problems: list[Problem]
    completions: int  # of all its lessons and exercises, in the year


@dataclass(frozen=True)
class ItemReport:
    item: Item
    stats: ItemStats | None  # None until `flask content sync` puts the item in the database
    questions: list[tuple[Question, QuestionStats | None]]  # exercises only; None: nobody answered it

    @property
    def median_time(self) -> str:
        minutes = self.stats.median_minutes if self.stats else None
        if minutes is None:
            return "None timed"
        return "Under 1 minute" if minutes < 1 else format_minutes(round(minutes))


def course_years(used: set[int], current: TrainingYear, start: YearStart) -> list[TrainingYear]:
    """The years a course page offers: those anyone used its items in, and this one, newest first."""
    return [training_year(label, start) for label in sorted(used | {current.label}, reverse=True)]


def course_problems(library: Library, course: Course) -> list[Problem]:
    """The problems in course.md and in each of its lessons' and exercises' files."""
    return sorted({problem for page in [course, *course.items] for problem in problems_for(library, page)})


def course_summaries(session: Session, library: Library, item_ids: dict, year: int) -> list[CourseSummary]:
    completions = completions_by_item(session, list(item_ids.values()), year)
    return [
        CourseSummary(
            course,
            course_problems(library, course),
            sum(completions.get(item_ids.get((course.slug, item.slug)), 0) for item in course.items),
        )
        for course in library.courses
    ]


def course_report(session: Session, course: Course, item_ids: dict, year: int) -> list[ItemReport]:
    ids = {item.slug: item_ids.get((course.slug, item.slug)) for item in course.items}
    synced = [item_id for item_id in ids.values() if item_id is not None]
    stats = item_stats(session, synced, year)
    answers = question_stats(session, synced, year)
    return [
        ItemReport(
            item,
            stats.get(ids[item.slug]),
            [(question, answers.get((ids[item.slug], question.id))) for question in getattr(item, "questions", [])],
        )
        for item in course.items
    ]
