"""Pure-Python wheels from PyPI, kept in a cache so a repeat build downloads nothing."""

import subprocess
import sys
import zipfile
from dataclasses import dataclass
from email.parser import HeaderParser
from pathlib import Path

from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import NormalizedName, canonicalize_name, parse_wheel_filename
from packaging.version import Version

from webapp.lite.errors import LiteBuildError


@dataclass(frozen=True)
class Wheel:
    path: Path
    name: NormalizedName
    version: Version
    requires: tuple[Requirement, ...]
    requires_python: SpecifierSet
    imports: tuple[str, ...]


def is_pure_wheel(filename: str) -> bool:
    """A wheel any Python 3 can install: no compiled code, so it runs in Pyodide as it is."""
    if not filename.endswith(".whl"):
        return False
    tags = parse_wheel_filename(filename)[3]
    return all(tag.abi == "none" and tag.platform == "any" and tag.interpreter.startswith("py") for tag in tags)


def read_wheel(path: Path) -> Wheel:
    name, version, _build, _tags = parse_wheel_filename(path.name)
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        info_dir = next(n.split("/")[0] for n in names if n.split("/")[0].endswith(".dist-info"))
        metadata = HeaderParser().parsestr(archive.read(f"{info_dir}/METADATA").decode("utf-8"))
        top_level = f"{info_dir}/top_level.txt"
        imports = archive.read(top_level).decode("utf-8").split() if top_level in names else _top_level(names)
    return Wheel(
        path=path,
        name=name,
        version=version,
        requires=tuple(Requirement(line) for line in metadata.get_all("Requires-Dist") or []),
        requires_python=SpecifierSet(metadata.get("Requires-Python") or ""),
        imports=tuple(sorted(set(imports))),
    )


def _top_level(names: list[str]) -> list[str]:
    """Importable top-level names, for wheels built without top_level.txt (hatch, flit, uv)."""
    found = set()
    for name in names:
        first, _, rest = name.partition("/")
        if first.endswith((".dist-info", ".data")) or first == "__pycache__":
            continue
        if rest.endswith(".py"):
            found.add(first)
        elif not rest and first.endswith(".py"):
            found.add(first.removesuffix(".py"))
    return sorted(found)


def pyodide_environment(python: str, extra: str = "") -> dict[str, str]:
    """PEP 508 marker values inside Pyodide, so dependencies are chosen for the browser, not this machine."""
    return {
        "python_version": ".".join(python.split(".")[:2]),
        "python_full_version": python,
        "implementation_version": python,
        "implementation_name": "cpython",
        "platform_python_implementation": "CPython",
        "sys_platform": "emscripten",
        "platform_system": "Emscripten",
        "platform_machine": "wasm32",
        "platform_release": "",
        "platform_version": "",
        "os_name": "posix",
        "extra": extra,
    }


def dependencies(wheel: Wheel, extras: set[str], python: str) -> list[Requirement]:
    wanted = []
    for requirement in wheel.requires:
        marker = requirement.marker
        if marker is None or any(marker.evaluate(pyodide_environment(python, extra)) for extra in {"", *extras}):
            wanted.append(requirement)
    return wanted


def cached_wheel(cache: Path, requirement: Requirement, python: str) -> Wheel | None:
    """The newest cached pure wheel that meets the requirement, so unpinned packages stay put once fetched."""
    name = canonicalize_name(requirement.name)
    candidates = []
    for path in cache.glob("*.whl") if cache.is_dir() else []:
        if not is_pure_wheel(path.name) or parse_wheel_filename(path.name)[0] != name:
            continue
        wheel = read_wheel(path)
        if requirement.specifier.contains(wheel.version, prereleases=True) and wheel.requires_python.contains(python):
            candidates.append(wheel)
    return max(candidates, key=lambda wheel: wheel.version, default=None)


def download(requirements: list[str], cache: Path, python: str) -> None:
    """Fetch pure wheels (never sdists, never compiled wheels) for Pyodide's Python with pip."""
    cache.mkdir(parents=True, exist_ok=True)
    command = [
        *(sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:"),
        *("--platform", "any", "--implementation", "py", "--abi", "none"),
        *("--python-version", ".".join(python.split(".")[:2])),
        *("--disable-pip-version-check", "--no-input", "--quiet", "--dest", str(cache)),
        *requirements,
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        raise LiteBuildError("\n".join(lines[-3:]) or f"pip download {' '.join(requirements)} failed")
