"""Lesson and exercise questions and how a learner's answer is checked. The expected answers never leave the server."""

import math
import re
from dataclasses import dataclass

KINDS = ("number", "text", "single", "multiple")
_SPACES = re.compile(r"\s+")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
# Control characters other than tab and new lines, and lone surrogates: PostgreSQL refuses a null character
# outright, and none of them belongs in anything a person types. Forms use the same test.
_HIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")
HIDDEN_CHARACTERS = "must not contain hidden characters – type it in again rather than pasting it"
MAX_ANSWER = 500  # characters, as ExerciseAttempt.answer stores


def has_hidden_characters(text: str) -> bool:
    return _HIDDEN.search(text) is not None


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
    after: str = ""  # lessons only: the id of the ## section it follows; "" puts it at the end


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
    try:
        value = float(cleaned)
    except ValueError as error:  # \d also matches digits of other scripts; float() reads most, not all
        raise AnswerFormatError("Enter a number, like 12 or 3.5") from error
    if not math.isfinite(value):
        raise AnswerFormatError("Enter a number, like 12 or 3.5")
    return value


def check_answer(question: Question, answer: str | list[str]) -> Verdict:
    if question.kind == "number":
        typed = _typed(answer)
        value = parse_number(typed)
        # A tiny allowance for floating point, so 0.1 + 0.2 matches 0.3 with no tolerance.
        correct = abs(value - float(question.expected)) <= question.tolerance + 1e-9  # type: ignore[arg-type]
        return Verdict(correct, typed.strip())
    if question.kind == "text":
        typed = _typed(answer)
        given = normalise_text(typed)
        if not given:
            raise AnswerFormatError("Enter an answer")
        right = {normalise_text(str(question.expected)), *(normalise_text(a) for a in question.accepted)}
        return Verdict(given in right, typed.strip())
    if question.kind == "single":
        choice = _choice(question, _one(answer))
        return Verdict(choice == question.expected, choice)
    choices = sorted({_choice(question, item) for item in _many(answer)}, key=question.options.index)
    if not choices:
        raise AnswerFormatError("Select at least one answer")
    # Options are short; the cut only keeps an absurdly long list within what the attempt stores.
    recorded = "; ".join(choices)[:MAX_ANSWER]
    return Verdict(set(choices) == set(question.expected), recorded)  # type: ignore[call-overload]


def _typed(answer: str | list[str]) -> str:
    """A typed answer, refused before it is read (and so never stored) if too long or with hidden characters."""
    text = _one(answer)
    if len(text) > MAX_ANSWER:
        raise AnswerFormatError(f"Your answer must be {MAX_ANSWER} characters or fewer")
    if has_hidden_characters(text):
        raise AnswerFormatError(f"Your answer {HIDDEN_CHARACTERS}")
    return text


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
    # Looked up as text: int() would read " 1" or "١", and refuses "²" although "²".isdigit().
    positions = {str(index): option for index, option in enumerate(question.options)}
    if value not in positions:
        raise AnswerFormatError("Select one of the options")
    return positions[value]


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
