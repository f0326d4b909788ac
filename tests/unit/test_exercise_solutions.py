"""Each shipped exercise's model solution, run in CPython, gives the answers its questions accept."""

import importlib.util
from pathlib import Path

import pytest

from tests.helpers.paths import PROJECT_ROOT
from webapp.content.answers import Question, check_answer
from webapp.content.library import load_library

LIBRARY = load_library(PROJECT_ROOT / "courses", PROJECT_ROOT / "exercises")


def as_submitted(question: Question, answer) -> str | list[str]:
    """What the form would send for this answer: choices go by their position."""
    if question.kind == "multiple":
        return [str(question.options.index(option)) for option in answer]
    if question.kind == "single":
        return str(question.options.index(answer))
    return str(answer)


def solution_answers(exercise, data_dir: Path) -> dict:
    spec = importlib.util.spec_from_file_location(f"solution_{exercise.slug.replace('-', '_')}", exercise.solution)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.answers(data_dir)


@pytest.mark.parametrize("exercise", LIBRARY.exercises, ids=lambda exercise: exercise.slug)
def test_the_model_solution_is_accepted(exercise):
    answers = solution_answers(exercise, exercise.path / "data")
    assert set(answers) == {question.id for question in exercise.questions}
    for question in exercise.questions:
        assert check_answer(question, as_submitted(question, answers[question.id])).correct, question.id


def test_there_are_exercises_to_check():
    assert len(LIBRARY.exercises) >= 5


@pytest.mark.parametrize(
    "exercise", [e for e in LIBRARY.exercises if (e.path / "make_data.py").is_file()], ids=lambda e: e.slug
)
def test_synthetic_data_is_exactly_what_its_script_makes(exercise, tmp_path):
    """The data's stated origin is true: its script, run afresh, writes the same bytes."""
    import shutil
    import subprocess
    import sys

    copy = tmp_path / exercise.slug
    shutil.copytree(exercise.path, copy)
    for path in (copy / "data").iterdir():
        path.unlink()
    subprocess.run([sys.executable, "make_data.py"], cwd=copy, check=True, capture_output=True)
    for original in exercise.data_files:
        assert (copy / "data" / original.name).read_bytes() == original.read_bytes(), original.name
