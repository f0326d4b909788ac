"""New courses, lessons and exercises, made from the starters in `starters/` so they pass the check as they are."""

import json
import re
import subprocess
import sys
from pathlib import Path
from string import Template

import yaml

from webapp.content.frontmatter import parse_document
from webapp.content.names import COURSE_FILE, DATA_DIR, EXERCISE_FILE, FOLDER, LESSON_FILE
from webapp.content.rules import LEVEL_CHOICES, LEVELS, MAX_MINUTES

STARTERS = Path(__file__).parent / "starters"
MAX_NUMBER = 99  # lesson files have 2-digit numbers, and exercises are checked against the same range


class ScaffoldError(ValueError):
    """What was asked for cannot be made; the message says what is wrong, for the command line."""


def new_course(courses: Path, slug: str, title: str, level: int = 1) -> list[Path]:
    """A course folder with course.md and a first lesson (a course needs one to pass the check)."""
    _check_slug(slug, "course")
    _check_folder(courses, "courses")
    if level not in LEVELS:
        raise ScaffoldError(f"level must be {LEVEL_CHOICES}, not {level}")
    folder = courses / slug
    if folder.exists():
        raise ScaffoldError(f"{folder} already exists: choose another slug, or edit the course that is there")
    values = {"title": _yaml_text(title), "level": level, "order": _next_order(courses, level)}
    folder.mkdir()
    course = _write(folder / COURSE_FILE, "course.md", values)
    return [course, _write(folder / "01-introduction.md", "lesson.md", {"title": "Introduction", "minutes": 10})]


def new_lesson(
    courses: Path, exercises: Path, course: str, title: str, minutes: int = 10, slug: str | None = None
) -> list[Path]:
    """The next lesson in a course: numbered after the last lesson or exercise in it."""
    folder = _course_folder(courses, course)
    slug = slug or slugify(title)
    _check_slug(slug, "lesson")
    _check_minutes(minutes)
    taken = _taken(folder, exercises)
    if slug in taken.values():
        raise ScaffoldError(
            f"the course '{course}' already has a lesson or exercise called '{slug}': choose another slug"
        )
    path = folder / f"{_next_number(taken):02d}-{slug}.md"
    return [_write(path, "lesson.md", {"title": _yaml_text(title), "minutes": minutes})]


def new_exercise(courses: Path, exercises: Path, slug: str, course: str, title: str, minutes: int = 20) -> list[Path]:
    """An exercise folder whose example question, notebook, model solution and data all agree."""
    _check_slug(slug, "exercise")
    _check_folder(exercises, "exercises")
    _check_minutes(minutes)
    course_folder = _course_folder(courses, course)
    folder = exercises / slug
    if folder.exists():
        raise ScaffoldError(f"{folder} already exists: choose another slug, or edit the exercise that is there")
    taken = _taken(course_folder, exercises)
    if slug in taken.values():
        raise ScaffoldError(f"the course '{course}' already has a lesson called '{slug}': choose another slug")
    level = parse_document(COURSE_FILE, (course_folder / COURSE_FILE).read_text(encoding="utf-8")).meta.get("level")
    values = {
        "title": _yaml_text(title),
        "minutes": minutes,
        "level": level if level in LEVELS else 1,
        "course": course,
        "number": _next_number(taken),
        "data_file": f"{slug}.csv",
    }
    folder.mkdir()
    # The notebook's heading is Markdown: the title goes in as written, not as YAML.
    notebook = {**values, "title": " ".join(title.split())}
    paths = [
        _write(folder / name, f"exercise/{name}", notebook if name == "notebook.py" else values)
        for name in ("exercise.md", "notebook.py", "solution.py", "make_data.py")
    ]
    # The data is whatever the script makes, so the test that reruns it finds the same bytes.
    subprocess.run([sys.executable, "make_data.py"], cwd=folder, check=True, capture_output=True)
    return paths + sorted((folder / DATA_DIR).iterdir())


def slugify(title: str) -> str:
    """'What's in a table?' -> 'whats-in-a-table'."""
    return re.sub(r"[^a-z0-9]+", "-", re.sub(r"['’]", "", title.lower())).strip("-")


def _check_slug(slug: str, kind: str) -> None:
    if not FOLDER.match(slug or ""):
        rule = "use lowercase letters, numbers and single hyphens, like data-quality"
        raise ScaffoldError(f"'{slug}' is not a valid slug for the {kind}: {rule}")


def _check_folder(folder: Path, name: str) -> None:
    if not folder.is_dir():
        raise ScaffoldError(f"the {name} folder {folder} does not exist")


def _check_minutes(minutes: int) -> None:
    if not 1 <= minutes <= MAX_MINUTES:
        raise ScaffoldError(f"minutes must be from 1 to {MAX_MINUTES}, not {minutes}")


def _course_folder(courses: Path, course: str) -> Path:
    _check_folder(courses, "courses")
    folder = courses / course
    if not FOLDER.match(course) or not (folder / COURSE_FILE).is_file():
        known = sorted(p.parent.name for p in courses.glob(f"*/{COURSE_FILE}"))
        raise ScaffoldError(f"there is no course '{course}' in {courses} (courses: {', '.join(known) or 'none yet'})")
    return folder


def _taken(course_folder: Path, exercises: Path) -> dict[int, str]:
    """Number -> slug of every lesson file in the course and every exercise that places itself in it."""
    taken = {int(m[1]): m[2] for p in course_folder.glob("*.md") if (m := LESSON_FILE.match(p.name))}
    for path in sorted(exercises.glob(f"*/{EXERCISE_FILE}")) if exercises.is_dir() else []:
        meta = parse_document(str(path), path.read_text(encoding="utf-8", errors="replace")).meta
        if meta.get("course") == course_folder.name and isinstance(meta.get("number"), int):
            taken[meta["number"]] = path.parent.name
    return taken


def _next_number(taken: dict[int, str]) -> int:
    """After the last item, not in a gap: a new item goes at the end of the course until the author moves it."""
    number = max(taken, default=0) + 1
    if number > MAX_NUMBER:
        raise ScaffoldError(f"the course already uses number {MAX_NUMBER}: renumber its files to make room")
    return number


def _next_order(courses: Path, level: int) -> int:
    orders = [
        meta.get("order")
        for path in courses.glob(f"*/{COURSE_FILE}")
        if (meta := parse_document(str(path), path.read_text(encoding="utf-8", errors="replace")).meta)
        and meta.get("level") == level
    ]
    return max((order for order in orders if isinstance(order, int)), default=0) + 1


def _yaml_text(text: str) -> str:
    """The title as a YAML value: bare when YAML reads it back unchanged, else in double quotes."""
    text = " ".join(text.split())
    if not text:
        raise ScaffoldError("the title is empty: give one with --title")
    try:
        plain = yaml.safe_load(text) == text
    except yaml.YAMLError:
        plain = False
    return text if plain else json.dumps(text, ensure_ascii=False)


def _write(path: Path, starter: str, values: dict) -> Path:
    text = Template((STARTERS / starter).read_text(encoding="utf-8")).substitute(values)
    with path.open("x", encoding="utf-8") as file:  # "x": never overwrite an author's file
        file.write(text)
    return path
