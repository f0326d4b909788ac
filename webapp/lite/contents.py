"""Exercises as the site's contents: `<slug>/<slug>.ipynb` with its data files beside it."""

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from webapp.content.names import FOLDER
from webapp.lite.errors import LiteBuildError

if TYPE_CHECKING:
    import nbformat

# The Pyodide kernel's name: a notebook that names it opens without asking which kernel to use.
KERNELSPEC = {"name": "python", "display_name": "Python (Pyodide)", "language": "python"}


@dataclass(frozen=True)
class ExerciseSource:
    slug: str  # e.g. "ae-waiting-times"
    notebook: Path  # jupytext percent-format .py file (the starter notebook)
    data_files: list[Path]  # files the notebook opens, placed beside the notebook in the site
    packages: list[str]  # pure-Python PyPI packages it imports, e.g. ["tabulate"]; "name" or "name==version"

    @classmethod
    def from_exercise(cls, exercise) -> "ExerciseSource":
        """From a loaded exercise (webapp.content.exercises.Exercise, or anything shaped like it)."""
        return cls(exercise.slug, exercise.notebook, exercise.data_files, exercise.packages)

    @property
    def label(self) -> str:
        return f"exercise {self.slug!r}"

    @property
    def notebook_path(self) -> str:
        """Where the notebook is in the site's contents, as the notebooks app's ?path= wants it."""
        return f"{self.slug}/{self.slug}.ipynb"


def check_exercises(exercises: list[ExerciseSource]) -> None:
    slugs = [exercise.slug for exercise in exercises]
    for exercise in exercises:
        if not FOLDER.match(exercise.slug):
            raise LiteBuildError(f"{exercise.label}: a slug is lower-case letters, digits and single hyphens")
        if slugs.count(exercise.slug) > 1:
            raise LiteBuildError(f"{exercise.label} is given more than once")
        for path in (exercise.notebook, *exercise.data_files):
            if not Path(path).is_file():
                raise LiteBuildError(f"{exercise.label}: {path} is not a file")
        names = [Path(path).name for path in exercise.data_files]
        clashes = {name for name in names if names.count(name) > 1 or name == f"{exercise.slug}.ipynb"}
        if clashes:
            raise LiteBuildError(f"{exercise.label}: two files would be called {', '.join(sorted(clashes))}")


def notebook_from_script(script: Path) -> "nbformat.NotebookNode":
    import jupytext  # here, not at the top: the app imports this module to serve the site, and never builds it

    notebook = jupytext.read(script)
    notebook.metadata.pop("jupytext", None)
    notebook.metadata["kernelspec"] = dict(KERNELSPEC)
    notebook.metadata["language_info"] = {"name": "python"}
    return notebook


def stage_contents(exercises: list[ExerciseSource], contents_dir: Path) -> None:
    for exercise in exercises:
        folder = contents_dir / exercise.slug
        folder.mkdir(parents=True)
        import nbformat

        nbformat.write(notebook_from_script(exercise.notebook), folder / f"{exercise.slug}.ipynb")
        for path in exercise.data_files:
            shutil.copyfile(path, folder / Path(path).name)
