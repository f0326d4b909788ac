"""Scoring the placement check, the level it recommends, the lessons it shows a learner already knows, and when it
may be taken again. Plain Python: the answers come in already marked (content.answers), as question id -> right.

The rule, as the README gives it:
- each level's score is the share of that level's questions answered right;
- a level is shown when at least 80% of its questions are right (MASTERED);
- the recommended level is the lowest one not shown; someone who shows all three is recommended level 3,
  the most advanced pathway (so level 1 unless level 1's questions are mostly right);
- a lesson is tested out when every question naming it was answered right. Tested out is shown on the catalogue,
  never credited as time: only lessons completed count toward the requirement.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from webapp.content.placement import PlacementQuestion
from webapp.content.rules import LEVELS

MASTERED = 0.8


@dataclass(frozen=True)
class Score:
    name: str  # "Level 1" or a topic
    right: int
    out_of: int

    @property
    def share(self) -> float:
        return self.right / self.out_of if self.out_of else 0.0

    @property
    def shown(self) -> bool:
        return self.out_of > 0 and self.share >= MASTERED


@dataclass(frozen=True)
class PlacementScore:
    right: int
    out_of: int
    levels: dict[int, Score]
    topics: list[Score]  # in the order topics first appear in the check
    recommended: int
    tested_out: frozenset[str]  # "course/lesson"


def score_placement(questions: list[PlacementQuestion], right: Mapping[str, bool]) -> PlacementScore:
    """`right`: question id -> answered right. A question with no answer (added since) counts as not right."""
    correct = {q.question.id for q in questions if right.get(q.question.id)}
    levels = {level: _score(f"Level {level}", [q for q in questions if q.level == level], correct) for level in LEVELS}
    topics = list(dict.fromkeys(q.topic for q in questions))
    return PlacementScore(
        len(correct),
        len(questions),
        levels,
        [_score(topic, [q for q in questions if q.topic == topic], correct) for topic in topics],
        recommend_level(levels),
        tested_out(questions, correct),
    )


def recommend_level(levels: Mapping[int, Score]) -> int:
    return next((level for level in sorted(levels) if not levels[level].shown), max(LEVELS))


def tested_out(questions: Iterable[PlacementQuestion], correct: set[str]) -> frozenset[str]:
    named: dict[str, bool] = {}
    for question in questions:
        for lesson in question.lessons:
            named[lesson] = named.get(lesson, True) and question.question.id in correct
    return frozenset(lesson for lesson, all_right in named.items() if all_right)


def _score(name: str, questions: list[PlacementQuestion], correct: set[str]) -> Score:
    return Score(name, sum(1 for q in questions if q.question.id in correct), len(questions))


def next_take_on(taken_this_year: list[date], retake_days: int) -> date | None:
    """The first day the check may be taken (again) this training year; None: now.

    It may be retaken after `retake_days` (PLACEMENT_RETAKE_DAYS): meant for the end of the year, to measure what
    the year's learning changed, not for practising the same questions until they are right."""
    if not taken_this_year:
        return None
    return max(taken_this_year) + timedelta(days=retake_days)


def may_take(taken_this_year: list[date], retake_days: int, today: date) -> bool:
    allowed_from = next_take_on(taken_this_year, retake_days)
    return allowed_from is None or today >= allowed_from
