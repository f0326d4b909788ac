"""What a lesson's page shows of its marked questions: each after the section it follows (or at the end), in one
form per place, with the learner's tries so far, and the hint once an answer has been wrong."""

from dataclasses import dataclass

from webapp.content.answers import Marking, Question
from webapp.content.sections import split_at_sections
from webapp.exercises.pages import NOT_RIGHT, QuestionField
from webapp.queries.lesson_answers import Progress
from webapp.web.labels import question_label

END = ""  # the place of questions with no `after`, and of those after a section the page cannot put them in


@dataclass(frozen=True)
class LessonQuestion:
    field: QuestionField
    tries: int
    right: bool  # answered right this training year: shown as done, with no field

    @property
    def tries_text(self) -> str:
        return f"{self.tries} {'try' if self.tries == 1 else 'tries'}"


@dataclass(frozen=True)
class QuestionGroup:
    place: str  # the section the questions follow (END: the end), posted back to say which were answered
    questions: list[LessonQuestion]

    @property
    def open(self) -> bool:
        return any(not question.right for question in self.questions)

    @property
    def anchor(self) -> str:
        return group_anchor(self.place)


def group_anchor(place: str) -> str:
    """The id of the questions' form at `place`, to come back to after answering them."""
    return f"questions-{place or 'end'}"


@dataclass(frozen=True)
class LessonPart:
    html: str  # a piece of the rendered lesson, already made safe
    questions: QuestionGroup | None  # the questions that follow it


def places(questions: list[Question], html: str) -> dict[str, str]:
    """Question id -> where it goes: its section, or END if it has none or the section is inside another element."""
    sections = {anchor for anchor, _part in split_at_sections(html)}
    return {q.id: q.after if q.after in sections and q.after else END for q in questions}


def lesson_parts(
    html: str, questions: list[Question], progress: dict[str, Progress], marking: Marking | None, answers: dict
) -> list[LessonPart]:
    placed = places(questions, html)
    shown = [_question(number, q, progress.get(q.id), marking, answers) for number, q in enumerate(questions, 1)]

    def group(place: str) -> QuestionGroup | None:
        members = [shown[i] for i, q in enumerate(questions) if placed[q.id] == place]
        return QuestionGroup(place, members) if members else None

    sections = split_at_sections(html)
    parts = [LessonPart(part, group(anchor) if anchor else None) for anchor, part in sections]
    end = group(END)
    if end is not None:
        parts.append(LessonPart("", end))
    return parts


def _question(
    number: int, question: Question, progress: Progress | None, marking: Marking | None, answers: dict
) -> LessonQuestion:
    tries, right = (progress.tries, progress.right) if progress else (0, False)
    given = answers.get(question.id)
    error = _error(question, marking)
    hint = [f"Tries so far: {tries}."] if tries and not right else []
    if tries and not right and question.hint:
        hint.append(f"Hint: {question.hint}")
    if question.kind == "multiple":
        hint.append("Select all that apply.")
    chosen = given if isinstance(given, list) else [given]
    field = QuestionField(
        question,
        f"answer-{question.id}",
        question_label(number, question.prompt),
        error,
        " ".join(hint) or None,
        given if isinstance(given, str) else None,
        [
            {"value": str(index), "text": option, "checked": str(index) in chosen}
            for index, option in enumerate(question.options)
        ],
    )
    return LessonQuestion(field, tries, right)


def _error(question: Question, marking: Marking | None) -> str | None:
    """Why the answer just given is not accepted: it could not be read, or it is not right."""
    if marking is None:
        return None
    if question.id in marking.unreadable:
        return marking.unreadable[question.id]
    wrong = any(m.question.id == question.id for m in marking.wrong)
    return NOT_RIGHT if wrong else None


def progress_text(questions: list[Question], progress: dict[str, Progress]) -> str:
    right = sum(1 for q in questions if q.id in progress and progress[q.id].right)
    return f"You have answered {right} of {len(questions)} questions correctly."
