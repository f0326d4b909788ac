"""For the notebook-site tests: a small exercise, and a wheel cache kept between runs."""

from pathlib import Path

import pytest

from webapp.lite.build import ExerciseSource

SLUG = "ae-waiting-times"
NOTEBOOK = """# %% [markdown]
# # A&E attendances
#
# Read the monthly figures, show them as a table and draw them as a chart.

# %%
import csv

with open("ae-attendances.csv", newline="") as file:
    rows = list(csv.DictReader(file))
print(len(rows), "months read")

# %%
from tabulate import tabulate

print(tabulate(rows, headers="keys"))

# %%
tabulate(rows, headers="keys", tablefmt="html")

# %%
import pygal
from IPython.display import SVG

chart = pygal.Bar(title="Attendances by month", js=[], range=(0, 160))
chart.x_labels = [row["month"] for row in rows]
chart.add("Attendances", [int(row["attendances"]) for row in rows])
SVG(chart.render())
"""
CSV = "month,attendances\nJanuary,120\nFebruary,95\nMarch,143\n"


def write_exercise(folder: Path, packages: list[str] | None = None) -> ExerciseSource:
    folder.mkdir(parents=True, exist_ok=True)
    notebook = folder / f"{SLUG}.py"
    notebook.write_text(NOTEBOOK, encoding="utf-8")
    data = folder / "ae-attendances.csv"
    data.write_text(CSV, encoding="utf-8")
    return ExerciseSource(SLUG, notebook, [data], ["tabulate", "pygal"] if packages is None else packages)


def build_cache(config: pytest.Config, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """pytest's own cache folder, so wheels are downloaded once, not on every run."""
    cache = getattr(config, "cache", None)
    return cache.mkdir("lite-build-cache") if cache else tmp_path_factory.mktemp("lite-cache")
