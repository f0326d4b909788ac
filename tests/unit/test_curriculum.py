"""The shipped curriculum fills a training day at every level: what issue 6 promises learners."""

from tests.helpers.paths import PROJECT_ROOT
from webapp.config import Config
from webapp.content.library import load_library

LIBRARY = load_library(PROJECT_ROOT / "courses", PROJECT_ROOT / "exercises")
REQUIRED = Config().REQUIRED_MINUTES


def minutes_up_to(level: int) -> int:
    return sum(course.minutes for course in LIBRARY.courses if course.level <= level)


def test_there_are_three_levels_with_at_least_eight_hours_between_them():
    assert sorted({course.level for course in LIBRARY.courses}) == [1, 2, 3]
    assert minutes_up_to(3) >= 8 * 60
    assert sum(len(course.lessons) for course in LIBRARY.courses) >= 20
    assert len(LIBRARY.exercises) >= 8


def test_someone_who_does_not_code_can_meet_the_requirement_from_levels_1_and_2_alone():
    assert minutes_up_to(2) >= REQUIRED


def test_every_lesson_states_objectives_and_is_assessed_by_marked_questions():
    """Evidence, not theatre: a lesson completes on questions answered right, not on a self-check showing its answer."""
    for course in LIBRARY.courses:
        for lesson in course.lessons:
            assert lesson.objectives, lesson.path
            assert len(lesson.questions) >= Config().MIN_QUESTIONS, lesson.path
            assert "??? question" not in lesson.path.read_text(encoding="utf-8"), lesson.path
