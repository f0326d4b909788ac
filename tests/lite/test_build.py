"""The JupyterLite site build: one real build per module, then checks of what it wrote."""

import base64
import hashlib
import json
import re
from pathlib import Path

import pytest

from tests.helpers.lite import SLUG, build_cache, write_exercise
from webapp.lite.build import BuildResult, build_site
from webapp.lite.distribution import expected_pyodide_version
from webapp.lite.site import KERNEL_PLUGIN

FOREIGN = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)


@pytest.fixture(scope="module")
def cache_dir(request, tmp_path_factory) -> Path:
    return build_cache(request.config, tmp_path_factory)


@pytest.fixture(scope="module")
def built(tmp_path_factory, cache_dir) -> BuildResult:
    exercise = write_exercise(tmp_path_factory.mktemp("exercise"))
    return build_site([exercise], tmp_path_factory.mktemp("out") / "lite", cache_dir=cache_dir)


@pytest.fixture(scope="module")
def site(built) -> Path:
    return built.output_dir


@pytest.fixture(scope="module")
def config(site) -> dict:
    return json.loads((site / "jupyter-lite.json").read_text())["jupyter-config-data"]


@pytest.fixture(scope="module")
def pyodide_folder(site, config) -> Path:
    url = config["litePluginSettings"][KERNEL_PLUGIN]["pyodideUrl"]
    return (site / url).parent


@pytest.fixture(scope="module")
def lock(pyodide_folder) -> dict:
    return json.loads((pyodide_folder / "pyodide-lock.json").read_text())["packages"]


# Every string in a JSON file, keys included, read from its text (not through the build's own walker).
JSON_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')


def test_notebook_is_at_slug_path_with_its_data_file_beside_it(site):
    listing = json.loads((site / "api" / "contents" / SLUG / "all.json").read_text())
    paths = {item["path"] for item in listing["content"]}
    assert paths == {f"{SLUG}/{SLUG}.ipynb", f"{SLUG}/ae-attendances.csv"}
    assert (site / "files" / SLUG / "ae-attendances.csv").read_text().startswith("month,attendances")


def test_notebook_opens_with_the_pyodide_kernel_and_keeps_its_cells(site):
    notebook = json.loads((site / "files" / SLUG / f"{SLUG}.ipynb").read_text())
    assert notebook["metadata"]["kernelspec"]["name"] == "python"
    sources = ["".join(cell["source"]) for cell in notebook["cells"]]
    assert sources[0].startswith("# A&E attendances")
    assert 'open("ae-attendances.csv", newline="")' in sources[1]


def test_kernel_loads_pyodide_from_the_site_and_never_from_pypi(config, pyodide_folder):
    settings = config["litePluginSettings"][KERNEL_PLUGIN]
    assert re.fullmatch(r"\./static/pyodide-[0-9a-f]{12}/pyodide\.mjs", settings["pyodideUrl"])
    assert settings["disablePyPIFallback"] is True
    assert all(url.startswith("./") for url in settings["pipliteUrls"])
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"):
        assert (pyodide_folder / name).is_file()


def test_app_is_exposed_to_the_page_that_embeds_it(config):
    assert config["exposeAppInBrowser"] is True


def test_no_setting_points_at_another_origin(site):
    config_files = [p for p in [*site.glob("jupyter-lite.*"), *site.glob("*/jupyter-lite.*")] if p.suffix != ".gz"]
    assert {path.relative_to(site).as_posix() for path in config_files} >= {
        "jupyter-lite.json",
        "notebooks/jupyter-lite.json",
    }
    for path in config_files:
        foreign = [text for text in JSON_STRING.findall(path.read_text()) if FOREIGN.match(text)]
        assert foreign == [], path


def test_only_the_pyodide_kernel_extension_is_included(config):
    names = [extension["name"] for extension in config["federated_extensions"]]
    assert names == ["@jupyterlite/pyodide-kernel-extension"]


def test_lock_names_exactly_the_files_served_with_their_real_hashes(lock, pyodide_folder):
    for name, entry in lock.items():
        path = pyodide_folder / entry["file_name"]
        assert "/" not in entry["file_name"], name
        assert hashlib.sha256(path.read_bytes()).hexdigest() == entry["sha256"], name
        assert set(entry["depends"]) <= set(lock), name
    assert {path.name for path in pyodide_folder.glob("*.whl")} == {entry["file_name"] for entry in lock.values()}


def test_lock_has_the_kernels_start_up_packages_and_their_dependencies(lock):
    assert {"micropip", "ipython", "jedi", "comm", "parso", "traitlets", "prompt-toolkit"} <= set(lock)
    assert lock["ipython"]["imports"] == ["IPython"]


def test_exercise_packages_are_importable_without_pip(lock):
    """The kernel loads a lock package when a cell imports it: imports must name the module."""
    assert lock["tabulate"]["imports"] == ["tabulate"]
    assert lock["pygal"]["imports"] == ["pygal"]
    assert lock["pygal"]["depends"] == ["importlib-metadata"]
    assert "zipp" in lock["importlib-metadata"]["depends"]


def test_result_lists_pyodide_version_and_every_wheel(built, lock):
    assert built.rebuilt is True
    assert built.pyodide_version == expected_pyodide_version()
    assert {(wheel.name, wheel.version, wheel.file) for wheel in built.wheels} == {
        (name, entry["version"], entry["file_name"]) for name, entry in lock.items()
    }
    assert "tabulate" in built.summary()


def test_result_gives_csp_hashes_for_the_inline_scripts(built, site):
    page = (site / "notebooks" / "index.html").read_text()
    script = re.search(r"<script>(.*?)</script>", page, re.DOTALL).group(1)
    assert any(script_hash.startswith("'sha256-") for script_hash in built.csp_script_hashes)
    digest = hashlib.sha256(script.encode()).digest()
    assert f"'sha256-{base64.b64encode(digest).decode()}'" in built.csp_script_hashes


def test_unchanged_build_is_skipped(built, cache_dir, tmp_path_factory):
    before = (built.output_dir / "jupyter-lite.json").stat().st_mtime_ns
    exercise = write_exercise(tmp_path_factory.mktemp("same-exercise"))
    again = build_site([exercise], built.output_dir, cache_dir=cache_dir)
    assert again.rebuilt is False
    assert again.wheels == built.wheels
    assert (built.output_dir / "jupyter-lite.json").stat().st_mtime_ns == before


def test_force_rebuilds_an_unchanged_site(built, cache_dir, tmp_path_factory):
    exercise = write_exercise(tmp_path_factory.mktemp("forced-exercise"))
    again = build_site([exercise], built.output_dir, cache_dir=cache_dir, force=True)
    assert again.rebuilt is True
    assert (built.output_dir / "files" / SLUG / f"{SLUG}.ipynb").is_file()
    assert not list(built.output_dir.parent.glob(".lite-*")), "scratch folders are cleaned up"
