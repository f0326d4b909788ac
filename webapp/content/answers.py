"""Exercise questions and how a learner's answer is checked. The expected answers never leave the server."""

import math
import re
from dataclasses import dataclass

KINDS = ("number", "text", "single", "multiple")
_SPACES = re.compile(r"\s+")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


class AnswerFormatError(ValueError):
    """The answer cannot be read as the kind asked for (e.g. letters for a number); not a wrong answer."""


@dataclass(frozen=True)
class Question:
    id: str
    prompt: str
    kind: str
    expected: object
    options: tuple[str, ...] = ()
    tolerance: float = 0.0
    hint: str = ""
    accepted: tuple[str, ...] = ()  # text: other spellings that count as right


@dataclass(frozen=True)
class Verdict:
    correct: bool
    recorded: str  # the answer as stored with the attempt


def normalise_text(text: str) -> str:
    """Case, spacing and a closing full stop do not matter: ' North  East. ' == 'north east'."""
    return _SPACES.sub(" ", text).strip().rstrip(".").strip().casefold()


def parse_number(text: str) -> float:
    cleaned = text.strip().replace(",", "").replace("£", "").replace("%", "").replace(" ", "")
    if not _NUMBER.match(cleaned):
        raise AnswerFormatError("Enter a number, like 12 or 3.5")
    value = float(cleaned)
    if not math.isfinite(value):
        raise AnswerFormatError("Enter a number, like 12 or 3.5")
    return value


def check_answer(question: Question, answer: str | list[str]) -> Verdict:
    if question.kind == "number":
        value = parse_number(_one(answer))
        # A tiny allowance for floating point, so 0.1 + 0.2 matches 0.3 with no tolerance.
        correct = abs(value - float(question.expected)) <= question.tolerance + 1e-9  # type: ignore[arg-type]
        return Verdict(correct, _one(answer).strip())
    if question.kind == "text":
        given = normalise_text(_one(answer))
        if not given:
            raise AnswerFormatError("Enter an answer")
        right = {normalise_text(str(question.expected)), *(normalise_text(a) for a in question.accepted)}
        return Verdict(given in right, _one(answer).strip())
    if question.kind == "single":
        choice = _choice(question, _one(answer))
        return Verdict(choice == question.expected, choice)
    choices = sorted({_choice(question, item) for item in _many(answer)}, key=question.options.index)
    if not choices:
        raise AnswerFormatError("Select at least one answer")
    return Verdict(set(choices) == set(question.expected), "; ".join(choices))  # type: ignore[call-overload]


def _one(answer: str | list[str]) -> str:
    if isinstance(answer, list):
        if len(answer) != 1:
            raise AnswerFormatError("Enter one answer")
        return answer[0]
    return answer


def _many(answer: str | list[str]) -> list[str]:
    return answer if isinstance(answer, list) else [answer]


def _choice(question: Question, value: str) -> str:
    """Options are sent as their position, so changing an option's wording keeps old forms valid."""
    if not value.isdigit() or not 0 <= int(value) < len(question.options):
        raise AnswerFormatError("Select one of the options")
    return question.options[int(value)]


@dataclass(frozen=True)
class Marked:
    question: Question
    verdict: Verdict


@dataclass(frozen=True)
class Marking:
    marked: list[Marked]
    unreadable: dict[str, str]  # question id -> what is wrong with the answer's form

    @property
    def all_correct(self) -> bool:
        return not self.unreadable and all(m.verdict.correct for m in self.marked)

    @property
    def wrong(self) -> list[Marked]:
        return [m for m in self.marked if not m.verdict.correct]


def mark_submission(questions: list[Question], answers: dict[str, str | list[str]]) -> Marking:
    """Check every question; an answer in the wrong form (letters for a number) is not marked at all."""
    marked, unreadable = [], {}
    for question in questions:
        try:
            marked.append(Marked(question, check_answer(question, answers.get(question.id, ""))))
        except AnswerFormatError as error:
            unreadable[question.id] = str(error)
    return Marking(marked, unreadable)
