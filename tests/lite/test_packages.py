"""Choosing package files, on a small made-up Pyodide distribution: no network, no jupyter build."""

import json
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from tests.helpers.lite import write_exercise
from webapp.lite import wheels
from webapp.lite.build import build_site
from webapp.lite.distribution import CORE_FILES, expected_pyodide_version, load_distribution
from webapp.lite.errors import LiteBuildError
from webapp.lite.packages import resolve
from webapp.lite.wheels import is_pure_wheel, read_wheel

EXERCISE = "exercise 'ae-waiting-times'"


def make_wheel(folder: Path, name: str, version: str, requires: list[str] = (), tag: str = "py3-none-any") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}-{version}-{tag}.whl"
    metadata = [f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\nRequires-Python: >=3.10\n"]
    metadata += [f"Requires-Dist: {requirement}\n" for requirement in requires]
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(f"{name}/__init__.py", "")
        archive.writestr(f"{name}_extra.py", "")
        archive.writestr(f"{name}-{version}.dist-info/METADATA", "".join(metadata))
    return path


def lock_entry(name: str, version: str, file_name: str, depends: list[str] = ()) -> dict:
    return {
        "name": name,
        "version": version,
        "file_name": file_name,
        "install_dir": "site",
        "sha256": "0" * 64,
        "package_type": "package",
        "imports": [name],
        "depends": list(depends),
        "unvendored_tests": False,
    }


@pytest.fixture
def dist_folder(tmp_path) -> Path:
    """A 'full' distribution: no package.json, so its version comes from the runtime itself."""
    folder = tmp_path / "dist"
    folder.mkdir()
    for name in CORE_FILES:
        (folder / name).write_text("")
    (folder / "pyodide.asm.mjs").write_text(f'API.version="{expected_pyodide_version()}";')
    compiled = "fastsums-1.0-cp314-cp314-pyemscripten_2026_0_wasm32.whl"
    (folder / compiled).write_bytes(b"wasm wheel")
    make_wheel(folder, "helper", "2.0")
    packages = {
        "fastsums": lock_entry("fastsums", "1.0", compiled, ["helper"]),
        "helper": lock_entry("helper", "2.0", "helper-2.0-py3-none-any.whl"),
        "absent-compiled": lock_entry("absent-compiled", "3.0", "absent_compiled-3.0-cp314-cp314-wasm32.whl"),
        "wrapper": lock_entry("wrapper", "1.0", "wrapper-1.0-py3-none-any.whl", ["absent_compiled"]),
    }
    make_wheel(folder, "wrapper", "1.0")
    lock = {"info": {"python": "3.14.2", "arch": "wasm32", "platform": "emscripten_5_0_3"}, "packages": packages}
    (folder / "pyodide-lock.json").write_text(json.dumps(lock))
    return folder


@pytest.fixture
def no_downloads(monkeypatch):
    """Fail like pip does when PyPI has nothing that fits."""

    def refuse(requirements, cache, python):
        raise LiteBuildError(f"ERROR: No matching distribution found for {requirements[0]}")

    monkeypatch.setattr(wheels, "download", refuse)


def resolve_for_exercise(dist_folder: Path, cache: Path, *names: str) -> dict:
    dist = load_distribution(dist_folder, Path("/nonexistent"), cache)
    packages = resolve([(Requirement(name), EXERCISE) for name in names], dist, cache / "wheels")
    return {package.name: package for package in packages}


def test_compiled_package_comes_from_a_full_distribution_with_its_dependencies(dist_folder, tmp_path, no_downloads):
    chosen = resolve_for_exercise(dist_folder, tmp_path / "cache", "fastsums")
    assert set(chosen) == {"fastsums", "helper"}
    assert chosen["fastsums"].path.parent == dist_folder
    assert chosen["fastsums"].depends == ("helper",)


def test_compiled_package_missing_from_the_distribution_is_refused_by_name(dist_folder, tmp_path, no_downloads):
    expected = r"exercise 'ae-waiting-times' \(through wrapper\) needs 'absent-compiled'"
    with pytest.raises(LiteBuildError, match=expected):
        resolve_for_exercise(dist_folder, tmp_path / "cache", "wrapper")


def test_package_with_no_pure_wheel_on_pypi_is_refused_by_name(dist_folder, tmp_path, no_downloads):
    with pytest.raises(LiteBuildError, match=r"exercise 'ae-waiting-times' needs no-such-thing") as raised:
        resolve_for_exercise(dist_folder, tmp_path / "cache", "no-such-thing")
    assert "No matching distribution" in str(raised.value)


def test_cached_wheel_is_used_with_dependencies_as_pyodide_sees_them(dist_folder, tmp_path, no_downloads):
    requires = ["fastsums>=1", "desktop-only; sys_platform == 'linux'", "docs-only; extra == 'docs'"]
    make_wheel(tmp_path / "cache" / "wheels", "charts", "0.5", requires)
    chosen = resolve_for_exercise(dist_folder, tmp_path / "cache", "charts")
    assert set(chosen) == {"charts", "fastsums", "helper"}
    assert chosen["charts"].depends == ("fastsums",)
    assert chosen["charts"].imports == ("charts", "charts_extra")


def test_conflicting_versions_are_refused(dist_folder, tmp_path, no_downloads):
    make_wheel(tmp_path / "cache" / "wheels", "charts", "0.5", ["helper>=2"])
    make_wheel(tmp_path / "cache" / "wheels", "helper", "1.5")
    expected = rf"{EXERCISE} \(through charts\) needs helper>=2, but {EXERCISE} needs helper 1.5"
    with pytest.raises(LiteBuildError, match=expected):
        resolve_for_exercise(dist_folder, tmp_path / "cache", "charts", "helper==1.5")


def test_pandas_is_refused_with_npm_core_pyodide(tmp_path):
    exercise = write_exercise(tmp_path / "exercise", packages=["tabulate", "pandas"])
    with pytest.raises(LiteBuildError, match=r"exercise 'ae-waiting-times' needs 'pandas'.*pyodide_dist"):
        build_site([exercise], tmp_path / "out", cache_dir=tmp_path / "cache")
    assert not (tmp_path / "out").exists()


def test_pyodide_of_another_version_is_refused(tmp_path):
    package = tmp_path / "node_modules" / "pyodide"
    package.mkdir(parents=True)
    for name in (*CORE_FILES, "pyodide-lock.json"):
        (package / name).write_text("")
    (package / "package.json").write_text(json.dumps({"name": "pyodide", "version": "0.27.7"}))
    with pytest.raises(LiteBuildError, match="is Pyodide 0.27.7, but jupyterlite-pyodide-kernel expects"):
        load_distribution(None, tmp_path / "node_modules", tmp_path / "cache")


def test_folder_without_the_runtime_is_refused(dist_folder, tmp_path):
    (dist_folder / "pyodide.asm.wasm").unlink()
    with pytest.raises(LiteBuildError, match="has no pyodide.asm.wasm"):
        load_distribution(dist_folder, tmp_path / "node_modules", tmp_path / "cache")


@pytest.mark.parametrize(
    ("filename", "pure"),
    [
        ("tabulate-0.10.0-py3-none-any.whl", True),
        ("six-1.17.0-py2.py3-none-any.whl", True),
        ("numpy-2.2.0-cp314-cp314-pyemscripten_2026_0_wasm32.whl", False),
        ("cffi-1.17.0-cp314-abi3-manylinux_2_17_x86_64.whl", False),
        ("libopenblas-0.3.31.zip", False),
    ],
)
def test_only_wheels_without_compiled_code_count_as_pure(filename, pure):
    assert is_pure_wheel(filename) is pure


def test_wheel_without_top_level_txt_reports_its_modules(tmp_path):
    wheel = read_wheel(make_wheel(tmp_path, "leaflet", "1.0", ["zipp"]))
    assert wheel.imports == ("leaflet", "leaflet_extra")
    assert [str(requirement) for requirement in wheel.requires] == ["zipp"]
