"""What an exercise's page shows besides what every course item shows: its questions' fields and, once answers
are marked, the error summary."""

from dataclasses import dataclass

from webapp.content.answers import Marking, Question
from webapp.web.labels import question_label

RIGHT = "Your answer is right."
NOT_RIGHT = "This is not right yet."


@dataclass(frozen=True)
class QuestionField:
    """A question as a GOV.UK text input (number and text) or radios and checkboxes (single and multiple)."""

    question: Question
    name: str  # the field's name and id: "answer-<question id>"
    label: str  # "Question 1: ..."
    error: str | None  # why the answer given is not accepted: unreadable, or not right (with the question's hint)
    hint: str | None
    value: str | None  # an input's answer given, shown again
    options: list[dict]  # radios' and checkboxes' items, the answers given checked; empty for an input

    @property
    def untouched(self) -> bool:
        """Nothing the learner gave shows in it: the same for everyone, so its markup can be kept and reused."""
        return self.error is None and not self.value and not any(option.get("checked") for option in self.options)


def answer_errors(questions: list[Question], marking: Marking | None) -> list[dict]:
    """Error summary items: answers that could not be read, then the ones not right yet, each linking to its box."""
    if marking is None:
        return []
    errors = [{"text": message, "href": f"#answer-{qid}"} for qid, message in marking.unreadable.items()]
    return errors + [
        {"text": f"Question {questions.index(m.question) + 1} is not right yet", "href": f"#answer-{m.question.id}"}
        for m in marking.wrong
    ]


def question_fields(questions: list[Question], marking: Marking | None, answers: dict) -> list[QuestionField]:
    """Each question's field; after marking, an answer not accepted keeps what was given and says why."""
    return [_field(number, question, marking, answers.get(question.id)) for number, question in enumerate(questions, 1)]


def _field(number: int, question: Question, marking: Marking | None, given: str | list[str] | None) -> QuestionField:
    right = _verdict(question, marking)
    unreadable = marking.unreadable.get(question.id) if marking else None
    if unreadable:
        error = unreadable
    elif right is False:
        error = f"{NOT_RIGHT} Hint: {question.hint}" if question.hint else NOT_RIGHT
    else:
        error = None
    hint = RIGHT if right else ("Select all that apply." if question.kind == "multiple" else None)
    chosen = given if isinstance(given, list) else [given]
    return QuestionField(
        question,
        f"answer-{question.id}",
        question_label(number, question.prompt),
        error,
        hint,
        given if isinstance(given, str) else None,
        [
            {"value": str(index), "text": option, "checked": str(index) in chosen}
            for index, option in enumerate(question.options)
        ],
    )


def _verdict(question: Question, marking: Marking | None) -> bool | None:
    """Whether the answer given was right; None before marking, or when it could not be read."""
    if marking is None:
        return None
    return next((m.verdict.correct for m in marking.marked if m.question == question), None)
