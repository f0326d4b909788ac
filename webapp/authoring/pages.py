"""What the author pages show: each course's problems and how learners do, built without a request."""

from collections import Counter
from dataclasses import dataclass

from sqlalchemy.orm import Session

from webapp.authoring.lesson_figures import (
    WRONG_ANSWERS_RULE,
    LessonQuestions,
    LessonQuestionsTable,
    lessons_table,
    questions_table,
)
from webapp.content.answers import Question
from webapp.content.library import Course, Item, Library
from webapp.content.page_problems import problems_for
from webapp.content.problems import Problem
from webapp.models.lesson_answers import LessonAnswer
from webapp.queries.answer_stats import QuestionStats, common_wrong_answers, lesson_answering, question_stats
from webapp.queries.content_stats import ItemStats, completions_by_item, item_stats
from webapp.training.requirement import format_minutes
from webapp.training.years import TrainingYear, YearStart, training_year
from webapp.web.figures import FigureTable, numeric_cell, table_head
from webapp.web.labels import question_label

COURSES_HEAD = table_head("Course", "Level", "Lessons and exercises", "Problems", "Completions")
ITEMS_HEAD = table_head("Lesson or exercise", "Opened", "Completed", "Median time", "Timed")
QUESTIONS_HEAD = table_head("Question", "Answers", "People", "Right")
NOT_SYNCED = "Not synced"


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
    lesson_questions: LessonQuestions | None = None  # lessons with marked questions only

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
    """A few queries for the whole course, however many lessons, exercises and questions it has."""
    synced: dict[str, int] = {
        item.slug: item_ids[(course.slug, item.slug)] for item in course.items if (course.slug, item.slug) in item_ids
    }
    lessons = [synced[item.slug] for item in course.items if item.kind == "lesson" and item.slug in synced]
    exercises = [item_id for item_id in synced.values() if item_id not in lessons]
    stats = item_stats(session, list(synced.values()), year)
    answers = question_stats(session, exercises, year)
    lesson_answers = question_stats(session, lessons, year, LessonAnswer)
    wrong = common_wrong_answers(session, lessons, year, LessonAnswer)
    answering = lesson_answering(session, lessons, year)

    def report(item: Item, item_id: int | None) -> ItemReport:
        if item.kind == "exercise":
            return ItemReport(item, stats.get(item_id), [(q, answers.get((item_id, q.id))) for q in item.questions])
        if not item.questions:
            return ItemReport(item, stats.get(item_id), [])
        questions = [(q, lesson_answers.get((item_id, q.id)), wrong.get((item_id, q.id), [])) for q in item.questions]
        return ItemReport(item, stats.get(item_id), [], LessonQuestions(item.title, answering.get(item_id), questions))

    return [report(item, synced.get(item.slug)) for item in course.items]


@dataclass(frozen=True)
class CourseRow:
    title: str
    args: dict  # the course's author page, in the same year
    level: int
    item_count: int  # lessons and exercises
    problems: str | None  # "2 problems", linking to them; None: no problems
    completions: int


@dataclass(frozen=True)
class OverviewPage:
    year: TrainingYear
    problem_count: int  # in every file, including exercises in no course
    caption: str
    head: list[dict]
    rows: list[CourseRow]


@dataclass(frozen=True)
class CoursePage:
    course: Course
    year: TrainingYear
    years: list[TrainingYear]  # for links to the others
    problems: list[Problem]
    problem_count: str  # "1 problem", "2 problems"
    items_table: FigureTable  # how learners did on each lesson and exercise
    question_tables: list[FigureTable]  # one for each exercise
    lessons_table: FigureTable | None  # who answered each lesson's marked questions; None: no lesson has any
    lesson_question_tables: list[LessonQuestionsTable]  # one for each lesson with marked questions
    wrong_answers_rule: str = WRONG_ANSWERS_RULE  # which wrong answers the lesson question tables list


@dataclass(frozen=True)
class CourseFiles:
    title: str
    caption: str  # "Level 1, 4 lessons and exercises, 2 hours"
    rows: list[dict]  # GOV.UK summary list rows: each item's file, then its title, time and state


@dataclass(frozen=True)
class ContentChecksPage:
    problems: list[Problem]  # sorted, so each file's are together
    found: str  # "2 problems found"
    courses: list[CourseFiles]


def count_problems(count: int) -> str:
    return f"{count} problem{'' if count == 1 else 's'}"


def overview_page(library: Library, summaries: list[CourseSummary], year: TrainingYear) -> OverviewPage:
    return OverviewPage(
        year,
        len(library.problems),
        f"Courses in training year {year.name}",
        COURSES_HEAD,
        [
            CourseRow(
                summary.course.title,
                {"course_slug": summary.course.slug, "year": year.label},
                summary.course.level,
                len(summary.course.items),
                count_problems(len(summary.problems)) if summary.problems else None,
                summary.completions,
            )
            for summary in summaries
        ],
    )


def course_page(
    course: Course, year: TrainingYear, years: list[TrainingYear], problems: list[Problem], reports: list[ItemReport]
) -> CoursePage:
    lessons = [report.lesson_questions for report in reports if report.lesson_questions]
    return CoursePage(
        course,
        year,
        years,
        problems,
        count_problems(len(problems)),
        FigureTable(f"Lessons and exercises in training year {year.name}", ITEMS_HEAD, [item_row(r) for r in reports]),
        [
            FigureTable(
                f"{report.item.title}: answers in training year {year.name}",
                QUESTIONS_HEAD,
                [question_row(number, *answered) for number, answered in enumerate(report.questions, 1)],
            )
            for report in reports
            if report.item.kind == "exercise"
        ],
        lessons_table(lessons, year) if lessons else None,
        [questions_table(lesson, year) for lesson in lessons],
    )


def item_row(report: ItemReport) -> list[dict]:
    """An item not yet synced has no opening or completion to count, and none timed."""
    stats, exercise = report.stats, report.item.kind == "exercise"
    return [
        {"text": report.item.title + (" (exercise)" if exercise else "")},
        numeric_cell(stats.started if stats else NOT_SYNCED),
        numeric_cell(stats.completed if stats else NOT_SYNCED),
        numeric_cell(report.median_time),
        numeric_cell(stats.timed if stats else 0),
    ]


def question_row(number: int, question: Question, answers: QuestionStats | None) -> list[dict]:
    """The share of answers that were right, to the whole per cent."""
    return [
        {"text": question_label(number, question.prompt)},
        numeric_cell(answers.attempts if answers else 0),
        numeric_cell(answers.people if answers else 0),
        numeric_cell(f"{round(answers.success_rate * 100)}%" if answers else "No answers"),
    ]


def content_checks_page(library: Library) -> ContentChecksPage:
    per_file = Counter(problem.path for problem in library.problems)
    return ContentChecksPage(
        library.problems,
        f"{count_problems(len(library.problems))} found",
        [
            CourseFiles(
                course.title,
                f"Level {course.level}, {len(course.items)} lessons and exercises, {format_minutes(course.minutes)}",
                [_file_row(item, per_file[item.doc.path]) for item in course.items],
            )
            for course in library.courses
        ],
    )


def _file_row(item: Item, problems: int) -> dict:
    state = count_problems(problems) if problems else "OK"
    return {
        "key": {"text": item.doc.path},
        "value": {"text": f"{item.title} – {format_minutes(item.minutes)} – {state}"},
    }
