"""How the author's course page shows the marked questions in lessons: who answered each lesson's questions and
completed it, then per question how many got it right first time and the wrong answers people most often gave."""

from dataclasses import dataclass

from webapp.content.answers import Question
from webapp.queries.answer_stats import FEWEST_PEOPLE, MOST_WRONG_ANSWERS, LessonAnswering, QuestionStats, WrongAnswer
from webapp.training.years import TrainingYear
from webapp.web.figures import FigureTable, numeric_cell, table_head
from webapp.web.labels import question_label

LESSONS_HEAD = table_head("Lesson", "Started answering", "Completed", "Median tries")
QUESTIONS_HEAD = table_head("Question", "Answers", "People", "Right first time") + [{"text": "Common wrong answers"}]
WRONG_ANSWERS_RULE = (
    f"up to {MOST_WRONG_ANSWERS} wrong answers, those given by the most people first. Answers that differ only in "
    f"capital letters count as one. A wrong answer given by fewer than {FEWEST_PEOPLE} people is never shown, so no "
    "one’s answer can be read back: it is counted only in “Other wrong answers”."
)


@dataclass(frozen=True)
class LessonQuestionRow:
    label: str  # "Question 1: ...", numbered as the lesson's page numbers it
    cells: list[dict]  # its figures, as numeric GOV.UK table cells
    wrong_answers: list[str]  # the commonest first, then how many other wrong answers there were
    none_wrong: str  # what the wrong answers cell says when there are none to list


@dataclass(frozen=True)
class LessonQuestionsTable:
    caption: str
    head: list[dict]
    rows: list[LessonQuestionRow]


@dataclass(frozen=True)
class LessonQuestions:
    """A lesson's questions with how they were answered, as the course report gathers them."""

    title: str
    answering: LessonAnswering | None  # None: nobody answered
    questions: list[tuple[Question, QuestionStats | None, list[WrongAnswer]]]


def lessons_table(lessons: list[LessonQuestions], year: TrainingYear) -> FigureTable:
    return FigureTable(
        f"Lessons with questions in training year {year.name}", LESSONS_HEAD, [lesson_row(lesson) for lesson in lessons]
    )


def lesson_row(lesson: LessonQuestions) -> list[dict]:
    answering = lesson.answering or LessonAnswering(0, 0, None)
    median = answering.median_tries
    return [
        {"text": lesson.title},
        numeric_cell(answering.started),
        numeric_cell(answering.completed),
        numeric_cell("None completed" if median is None else f"{median:g}"),
    ]


def questions_table(lesson: LessonQuestions, year: TrainingYear) -> LessonQuestionsTable:
    return LessonQuestionsTable(
        f"{lesson.title}: answers in training year {year.name}",
        QUESTIONS_HEAD,
        [question_row(number, *answered) for number, answered in enumerate(lesson.questions, 1)],
    )


def question_row(
    number: int, question: Question, stats: QuestionStats | None, wrong: list[WrongAnswer]
) -> LessonQuestionRow:
    """The share right first time is of the people who answered, to the whole per cent."""
    stats = stats or QuestionStats(0, 0, 0, 0)
    first_time = f"{round(stats.first_time_rate * 100)}%" if stats.people else "No answers"
    return LessonQuestionRow(
        question_label(number, question.prompt),
        [numeric_cell(stats.attempts), numeric_cell(stats.people), numeric_cell(first_time)],
        wrong_answer_texts(stats.attempts - stats.right, wrong),
        "None" if stats.attempts == stats.right else f"None given by {FEWEST_PEOPLE} or more people",
    )


def wrong_answer_texts(wrong_total: int, shown: list[WrongAnswer]) -> list[str]:
    texts = [f"“{w.answer}”: {w.people} people, {count_answers(w.answers)}" for w in shown]
    others = wrong_total - sum(w.answers for w in shown)
    if shown and others:
        texts.append(f"Other wrong answers: {others}")
    return texts


def count_answers(count: int) -> str:
    return f"{count} answer{'' if count == 1 else 's'}"
