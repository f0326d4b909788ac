"""Where things are: the project, and the small course and exercise every test's app reads."""

import shutil
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
FIXTURE_COURSES = PROJECT_ROOT / "tests" / "fixtures" / "courses"
FIXTURE_EXERCISES = PROJECT_ROOT / "tests" / "fixtures" / "exercises"
FIXTURE_CONTENT = {"CONTENT_DIR": str(FIXTURE_COURSES), "EXERCISES_DIR": str(FIXTURE_EXERCISES)}


def copy_fixture_content(folder: Path) -> dict[str, str]:
    """A copy of the fixture content in folder/courses and folder/exercises, for a test to change.

    Returns the settings that point an app at the copy."""
    shutil.copytree(FIXTURE_COURSES, folder / "courses")
    shutil.copytree(FIXTURE_EXERCISES, folder / "exercises")
    return {"CONTENT_DIR": str(folder / "courses"), "EXERCISES_DIR": str(folder / "exercises")}
