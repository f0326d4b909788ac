"""Exercises: a folder with exercise.md (instructions and questions), the starter notebook, its data
and a model solution. Loaded and checked here; built into the JupyterLite site by webapp.lite."""

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from webapp.content.answers import Question
from webapp.content.frontmatter import Document
from webapp.content.items import DataFolder, FrontMatterItem
from webapp.content.names import DATA_DIR, EXERCISE_FILE, NOTEBOOK_FILE, SOLUTION_FILE
from webapp.content.problems import Problem
from webapp.content.questions import read_questions
from webapp.content.rules import check_exercise_meta

PACKAGE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*(==[A-Za-z0-9.]+)?$")


class HasData(Protocol):
    """Content with a data/ folder of files learners download: an exercise, or the placement check."""

    doc: Document

    @property
    def data_files(self) -> list[Path]: ...

    @property
    def data_sources(self) -> list[dict]: ...


@dataclass
class Exercise(FrontMatterItem, DataFolder):
    slug: str
    path: Path  # the exercise folder
    doc: Document
    questions: list[Question] = field(default_factory=list)
    kind: str = "exercise"

    @property
    def course_slug(self) -> str:
        return self.doc.text("course")

    @property
    def number(self) -> int:
        return self.doc.whole_number("number")

    @property
    def packages(self) -> list[str]:
        return self.doc.text_list("packages")

    @property
    def notebook(self) -> Path:
        return self.path / NOTEBOOK_FILE

    @property
    def solution(self) -> Path:
        return self.path / SOLUTION_FILE


def check_exercise_files(exercise: Exercise, relative) -> list[Problem]:
    """The notebook parses, every data file is present and has its origin stated."""
    import jupytext  # imported here: loading lessons alone should not pay for it

    problems = []
    for required in (exercise.notebook, exercise.solution):
        if not required.is_file():
            problems.append(Problem(relative(required), 1, f"file is missing: every exercise needs {required.name}"))
    if exercise.notebook.is_file():
        try:
            notebook = jupytext.read(exercise.notebook, fmt="py:percent")
            if not notebook.cells:
                problems.append(Problem(relative(exercise.notebook), 1, "the notebook has no cells"))
        except Exception as error:  # jupytext raises many kinds; any means it will not open
            problems.append(Problem(relative(exercise.notebook), 1, f"the notebook does not parse: {error}"))
    problems += check_data_sources(exercise, relative)
    for index, package in enumerate(exercise.packages):
        if not PACKAGE.match(package):
            line = exercise.doc.line_at("packages", index)
            problems.append(Problem(exercise.doc.path, line, f"'{package}' is not a package name (or name==version)"))
    return problems


def check_data_sources(exercise: HasData, relative) -> list[Problem]:
    """Every file in data/ is listed under data: with its source and licence, and every one listed is there."""
    problems = []
    present = {path.name for path in exercise.data_files}
    declared = set()
    for index, source in enumerate(exercise.data_sources):
        name = source.get("file")
        line = exercise.doc.line_at("data", index)
        declared.add(name)
        if name not in present:
            problems.append(Problem(exercise.doc.path, line, f"data file '{name}' is not in {DATA_DIR}/"))
        if not str(source.get("source") or "").strip() or not str(source.get("licence") or "").strip():
            problems.append(Problem(exercise.doc.path, line, f"data file '{name}' needs a source and a licence"))
    for name in sorted(present - declared):
        problems.append(
            Problem(
                exercise.doc.path,
                exercise.doc.line_of("data"),
                f"data file '{name}' is not listed under data: say where it comes from",
            )
        )
    return problems


def load_exercise(folder: Path, read, relative) -> Exercise:
    exercise = Exercise(folder.name, folder, read(folder / EXERCISE_FILE))
    check_exercise_meta(exercise.doc)
    if not exercise.doc.problems:
        exercise.questions = read_questions(exercise.doc)
    exercise.doc.problems.extend(check_exercise_files(exercise, relative))
    return exercise
