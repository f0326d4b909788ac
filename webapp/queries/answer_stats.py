"""How the answers to marked questions went in a training year, for course authors: the same figures from an
exercise's answers (ExerciseAttempt) and a lesson's (LessonAnswer), which are stored alike.

Each function is one query over a list of items, however many questions they have. "First" means lowest id: ids
rise as answers are stored, and two answers can share a timestamp.
"""

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from webapp.models.completions import Completion, ExerciseAttempt
from webapp.models.lesson_answers import LessonAnswer

AnswerTable = type[ExerciseAttempt] | type[LessonAnswer]
# A wrong answer is shown only once this many people have given it, so no one person's answer can be read back.
FEWEST_PEOPLE = 3
MOST_WRONG_ANSWERS = 5  # shown for each question, the commonest first


@dataclass(frozen=True)
class QuestionStats:
    attempts: int  # answers submitted, right or wrong
    people: int  # people who answered it
    right: int  # answers that were right
    right_first_time: int  # people whose first answer in the year was right

    @property
    def success_rate(self) -> float:
        return self.right / self.attempts if self.attempts else 0.0

    @property
    def first_time_rate(self) -> float:
        return self.right_first_time / self.people if self.people else 0.0


@dataclass(frozen=True)
class WrongAnswer:
    answer: str  # as one of the people gave it: answers differing only in case are counted together
    people: int
    answers: int


@dataclass(frozen=True)
class LessonAnswering:
    started: int  # people who answered at least one of the lesson's questions in the year
    completed: int  # of those, people who completed the lesson in the year
    median_tries: float | None  # answers given by each of those who completed; None: nobody did


def question_stats(
    session: Session, item_ids: list[int], year: int, table: AnswerTable = ExerciseAttempt
) -> dict[tuple[int, str], QuestionStats]:
    """(item id, question id) -> how its answers went in the year."""
    person = (
        select(
            table.item_id,
            table.question_id,
            func.count().label("tries"),
            func.sum(case((table.correct, 1), else_=0)).label("right"),
            # The first answer was right when it is also the first right answer.
            case((func.min(table.id) == func.min(case((table.correct, table.id))), 1), else_=0).label("first"),
        )
        .where(table.item_id.in_(item_ids), table.training_year == year)
        .group_by(table.item_id, table.question_id, table.user_id)
        .subquery()
    )
    rows = session.execute(
        select(
            person.c.item_id,
            person.c.question_id,
            func.sum(person.c.tries),
            func.count(),
            func.sum(person.c.right),
            func.sum(person.c.first),
        ).group_by(person.c.item_id, person.c.question_id)
    )
    return {
        (item, qid): QuestionStats(int(attempts), people, int(right), int(first))
        for item, qid, attempts, people, right, first in rows
    }


def common_wrong_answers(
    session: Session, item_ids: list[int], year: int, table: AnswerTable
) -> dict[tuple[int, str], list[WrongAnswer]]:
    """(item id, question id) -> its commonest wrong answers given by at least FEWEST_PEOPLE people, most people first.

    Questions with none to show are absent."""
    key = func.lower(table.answer)
    people = func.count(table.user_id.distinct())
    grouped = (
        select(
            table.item_id,
            table.question_id,
            func.min(table.answer).label("answer"),
            people.label("people"),
            func.count().label("answers"),
            func.row_number()
            .over(partition_by=(table.item_id, table.question_id), order_by=(people.desc(), func.count().desc(), key))
            .label("rank"),
        )
        .where(table.item_id.in_(item_ids), table.training_year == year, ~table.correct)
        .group_by(table.item_id, table.question_id, key)
        .having(people >= FEWEST_PEOPLE)
        .subquery()
    )
    rows = session.execute(
        select(grouped.c.item_id, grouped.c.question_id, grouped.c.answer, grouped.c.people, grouped.c.answers)
        .where(grouped.c.rank <= MOST_WRONG_ANSWERS)
        .order_by(grouped.c.item_id, grouped.c.question_id, grouped.c.rank)
    )
    wrong: dict[tuple[int, str], list[WrongAnswer]] = defaultdict(list)
    for item, qid, answer, count_people, answers in rows:
        wrong[(item, qid)].append(WrongAnswer(answer, count_people, answers))
    return dict(wrong)


def lesson_answering(session: Session, item_ids: list[int], year: int) -> dict[int, LessonAnswering]:
    """Lesson id -> who started answering its questions in the year and who completed it; lessons nobody answered
    are absent. The database counts how many people gave each number of answers, so few rows come back."""
    same_completion = (
        (Completion.user_id == LessonAnswer.user_id)
        & (Completion.item_id == LessonAnswer.item_id)
        & (Completion.training_year == LessonAnswer.training_year)
    )
    person = (
        select(
            LessonAnswer.item_id,
            func.count().label("tries"),
            func.max(case((Completion.id.is_not(None), 1), else_=0)).label("completed"),
        )
        .outerjoin(Completion, same_completion)
        .where(LessonAnswer.item_id.in_(item_ids), LessonAnswer.training_year == year)
        .group_by(LessonAnswer.item_id, LessonAnswer.user_id)
        .subquery()
    )
    rows = session.execute(
        select(person.c.item_id, person.c.tries, person.c.completed, func.count()).group_by(
            person.c.item_id, person.c.tries, person.c.completed
        )
    )
    started: dict[int, int] = defaultdict(int)
    completers: dict[int, dict[int, int]] = defaultdict(dict)  # lesson -> tries -> people who completed with them
    for item, tries, completed, count_people in rows:
        started[item] += count_people
        if completed:
            completers[item][tries] = count_people
    return {
        item: LessonAnswering(people, sum(completers[item].values()), median_of_counts(completers[item]))
        for item, people in started.items()
    }


def median_of_counts(counts: dict[int, int]) -> float | None:
    """The median of values given as value -> how many times it occurs."""
    total = sum(counts.values())
    if not total:
        return None
    middle = ((total - 1) // 2, total // 2)  # positions of the middle value, or the two middle values
    found, seen = [], 0
    for value in sorted(counts):
        seen += counts[value]
        found += [value for position in middle if seen - counts[value] <= position < seen]
    return sum(found) / 2
