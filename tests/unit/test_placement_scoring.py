"""The placement check's score, the level it recommends, the lessons it tests a learner out of, and when it may be
taken again: from fixed sets of answers, as the README states the rule."""

from datetime import date

import pytest

from webapp.content.answers import Question
from webapp.content.placement import PlacementQuestion
from webapp.training.placement import may_take, next_take_on, recommend_level, score_placement


def question(qid: str, level: int, topic: str = "Percentages", lessons: tuple[str, ...] = ("c/a",)):
    return PlacementQuestion(Question(qid, "?", "number", 1), level, topic, lessons)


# 5 questions at level 1, 5 at level 2 and 5 at level 3: 80% of a level is 4 of its 5.
QUESTIONS = [question(f"l{level}-{n}", level) for level in (1, 2, 3) for n in range(5)]


def right(*levels_and_counts: tuple[int, int]) -> dict[str, bool]:
    """The first `count` questions of each `level` right, the rest wrong."""
    counts = dict(levels_and_counts)
    return {f"l{level}-{n}": n < counts.get(level, 0) for level in (1, 2, 3) for n in range(5)}


@pytest.mark.parametrize(
    ("answers", "level"),
    [
        (right(), 1),  # nothing right
        (right((1, 3), (2, 5), (3, 5)), 1),  # level 1 not mostly right: level 1, whatever else is right
        (right((1, 4)), 2),  # level 1 shown (80%), level 2 not
        (right((1, 5), (2, 3), (3, 5)), 2),
        (right((1, 4), (2, 4)), 3),  # levels 1 and 2 shown: on to code
        (right((1, 5), (2, 5), (3, 5)), 3),  # everything shown: the most advanced pathway
    ],
)
def test_the_recommended_level_is_the_lowest_not_yet_mostly_right(answers, level):
    assert score_placement(QUESTIONS, answers).recommended == level


def test_scores_are_counted_by_level_and_by_topic_in_the_order_topics_come():
    questions = [
        question("a", 1, "Percentages"),
        question("b", 1, "Charts"),
        question("c", 2, "Percentages"),
        question("d", 3, "Reading Python"),
    ]
    score = score_placement(questions, {"a": True, "b": False, "c": True, "d": True})
    assert (score.right, score.out_of) == (3, 4)
    assert [(s.name, s.right, s.out_of) for s in score.levels.values()] == [
        ("Level 1", 1, 2),
        ("Level 2", 1, 1),
        ("Level 3", 1, 1),
    ]
    assert [(s.name, s.right, s.out_of) for s in score.topics] == [
        ("Percentages", 2, 2),
        ("Charts", 0, 1),
        ("Reading Python", 1, 1),
    ]


def test_a_question_with_no_answer_counts_as_not_right():
    score = score_placement([question("a", 1), question("b", 1)], {"a": True})
    assert (score.right, score.out_of) == (1, 2)


def test_a_lesson_is_tested_out_only_when_every_question_naming_it_is_right():
    questions = [
        question("a", 1, lessons=("essentials/percentages",)),
        question("b", 1, lessons=("essentials/percentages", "essentials/charts")),
        question("c", 2, lessons=("essentials/charts",)),
        question("d", 2, lessons=("working/pivoting",)),
    ]
    score = score_placement(questions, {"a": True, "b": True, "c": False, "d": True})
    assert score.tested_out == {"essentials/percentages", "working/pivoting"}


def test_a_level_with_no_questions_is_not_shown_so_it_is_recommended():
    levels = score_placement([question("a", 1)], {"a": True}).levels
    assert recommend_level(levels) == 2


def test_the_first_check_of_a_year_may_be_taken_at_once():
    assert next_take_on([], 30) is None
    assert may_take([], 30, date(2026, 4, 1))


def test_a_retake_waits_the_set_number_of_days_after_the_latest():
    taken = [date(2026, 4, 1), date(2026, 6, 1)]
    assert next_take_on(taken, 30) == date(2026, 7, 1)
    assert not may_take(taken, 30, date(2026, 6, 30))
    assert may_take(taken, 30, date(2026, 7, 1))


def test_no_gap_allows_a_retake_the_same_day():
    assert may_take([date(2026, 4, 1)], 0, date(2026, 4, 1))
