"""What the build accepts, when it rebuilds, and how long browsers may cache each file: all without building."""

import ast
import dataclasses
from pathlib import Path

import pytest

import webapp.lite
from tests.helpers.lite import write_exercise
from webapp.lite.build import fingerprint
from webapp.lite.caching import is_immutable
from webapp.lite.contents import check_exercises
from webapp.lite.distribution import load_distribution
from webapp.lite.errors import LiteBuildError
from webapp.lite.packages import parse_requirement


@pytest.fixture
def exercise(tmp_path):
    return write_exercise(tmp_path / "exercise")


@pytest.fixture(scope="module")
def dist(tmp_path_factory):
    return load_distribution(None, Path(webapp.lite.__file__).parents[2] / "node_modules", tmp_path_factory.mktemp("c"))


@pytest.mark.parametrize("slug", ["AE-waiting", "ae_waiting", "ae--waiting", "-ae", "ae/../x", ""])
def test_slug_must_be_lower_case_words_joined_by_hyphens(exercise, slug):
    with pytest.raises(LiteBuildError, match="a slug is lower-case letters"):
        check_exercises([dataclasses.replace(exercise, slug=slug)])


def test_same_slug_twice_is_refused(exercise):
    with pytest.raises(LiteBuildError, match="given more than once"):
        check_exercises([exercise, exercise])


def test_missing_data_file_is_refused(exercise, tmp_path):
    missing = tmp_path / "nowhere.csv"
    with pytest.raises(LiteBuildError, match="nowhere.csv is not a file"):
        check_exercises([dataclasses.replace(exercise, data_files=[missing])])


def test_data_file_named_like_the_notebook_is_refused(exercise, tmp_path):
    clash = tmp_path / f"{exercise.slug}.ipynb"
    clash.write_text("{}")
    with pytest.raises(LiteBuildError, match="two files would be called"):
        check_exercises([dataclasses.replace(exercise, data_files=[clash])])


@pytest.mark.parametrize("text", ["tabulate @ https://example.org/t.whl", "tabulate; sys_platform == 'linux'", "=="])
def test_package_must_be_a_name_and_optional_version(text):
    with pytest.raises(LiteBuildError, match="exercise 'x'"):
        parse_requirement(text, "exercise 'x'")


def test_fingerprint_ignores_order_but_sees_every_input(exercise, dist, tmp_path):
    other = write_exercise(tmp_path / "other")
    other = dataclasses.replace(other, slug="other-exercise")
    same = fingerprint([exercise, other], dist, None)
    assert fingerprint([other, exercise], dist, None) == same
    assert fingerprint([exercise, dataclasses.replace(other, packages=["tabulate==0.9.0"])], dist, None) != same
    other.data_files[0].write_text("month,attendances\nApril,1\n")
    assert fingerprint([exercise, other], dist, None) != same


@pytest.mark.parametrize(
    ("path", "immutable"),
    [
        ("build/1031.b91a70b.js", True),
        ("build/jlab_core.a86436d.js", True),
        ("extensions/@jupyterlite/pyodide-kernel-extension/static/remoteEntry.abcac41d5ca77040.js", True),
        ("static/pyodide-482c3e30c5df/pyodide.asm.wasm", True),
        ("static/pyodide-482c3e30c5df/pyodide-lock.json", True),
        ("index.html", False),
        ("notebooks/index.html", False),
        ("jupyter-lite.json", False),
        ("notebooks/jupyter-lite.json", False),
        ("service-worker.js", False),
        ("bootstrap.js", False),
        ("notebooks/build/bootstrap.js", False),
        ("api/contents/all.json", False),
        ("files/ae-waiting-times/ae-waiting-times.ipynb", False),
        ("build/schemas/all_federated.json", False),
        ("extensions/@jupyterlite/pyodide-kernel-extension/static/pypi/all.json", False),
    ],
)
def test_only_files_named_after_their_contents_are_immutable(path, immutable):
    assert is_immutable(path) is immutable


def test_site_builder_does_not_import_flask():
    """The CLI and the tests build the site without an app; only the parent package brings Flask in."""
    for module in Path(webapp.lite.__file__).parent.glob("*.py"):
        tree = ast.parse(module.read_text())
        imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
        imported |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
        assert not {name for name in imported if name.split(".")[0] in {"flask", "werkzeug"}}, module.name
