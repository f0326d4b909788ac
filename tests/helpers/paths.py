"""Where things are: the project, and the small course and exercise every test's app reads."""

import shutil
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
FIXTURE_COURSES = PROJECT_ROOT / "tests" / "fixtures" / "courses"
FIXTURE_EXERCISES = PROJECT_ROOT / "tests" / "fixtures" / "exercises"
FIXTURE_CONTENT = {"CONTENT_DIR": str(FIXTURE_COURSES), "EXERCISES_DIR": str(FIXTURE_EXERCISES)}
# A level 2 course whose lessons have marked questions, with no exercises: point an app at it with these settings.
QUESTIONS_CONTENT = {
    "CONTENT_DIR": str(PROJECT_ROOT / "tests" / "fixtures" / "lesson-questions" / "courses"),
    "EXERCISES_DIR": str(PROJECT_ROOT / "tests" / "fixtures" / "lesson-questions" / "exercises"),
    "ASSESSED_LEVELS": (1, 2, 3),
}

# A level 1 course with the placement check (courses/placement/) and pathways (courses/pathways.md) over it.
PLACEMENT_CONTENT = {
    "CONTENT_DIR": str(PROJECT_ROOT / "tests" / "fixtures" / "placement" / "courses"),
    "EXERCISES_DIR": str(PROJECT_ROOT / "tests" / "fixtures" / "placement" / "exercises"),
}

# 2 level 2 courses whose lessons list data files in their course's data/ folder.
LESSON_DATA_CONTENT = {
    "CONTENT_DIR": str(PROJECT_ROOT / "tests" / "fixtures" / "lesson-data" / "courses"),
    "EXERCISES_DIR": str(PROJECT_ROOT / "tests" / "fixtures" / "lesson-data" / "exercises"),
}
# The shipped course whose lessons' activities have data files, made by its make_data.py.
WORKING_WITH_DATA = PROJECT_ROOT / "courses" / "working-with-data"


def copy_fixture_content(folder: Path) -> dict[str, str]:
    """A copy of the fixture content in folder/courses and folder/exercises, for a test to change.

    Returns the settings that point an app at the copy."""
    shutil.copytree(FIXTURE_COURSES, folder / "courses")
    shutil.copytree(FIXTURE_EXERCISES, folder / "exercises")
    return {"CONTENT_DIR": str(folder / "courses"), "EXERCISES_DIR": str(folder / "exercises")}


def copy_questions_content(folder: Path) -> dict:
    """A copy of the lesson-questions fixture in folder/courses, for a test to change; the settings to read it."""
    shutil.copytree(Path(QUESTIONS_CONTENT["CONTENT_DIR"]), folder / "courses")
    return {**QUESTIONS_CONTENT, "CONTENT_DIR": str(folder / "courses")}


def copy_placement_content(folder: Path) -> dict:
    """A copy of the placement fixture in folder/courses, for a test to change; the settings to read it."""
    shutil.copytree(Path(PLACEMENT_CONTENT["CONTENT_DIR"]), folder / "courses")
    return {**PLACEMENT_CONTENT, "CONTENT_DIR": str(folder / "courses")}


def copy_lesson_data_content(folder: Path) -> dict:
    """A copy of the lesson-data fixture in folder/courses, for a test to change; the settings to read it."""
    shutil.copytree(Path(LESSON_DATA_CONTENT["CONTENT_DIR"]), folder / "courses")
    return {**LESSON_DATA_CONTENT, "CONTENT_DIR": str(folder / "courses")}
