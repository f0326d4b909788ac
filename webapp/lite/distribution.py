"""Find the Pyodide the installed kernel expects: npm's core package, or a full distribution folder."""

import json
import re
import shutil
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from jupyter_core.paths import jupyter_path

from webapp.lite.errors import LiteBuildError

KERNEL_EXTENSION = "@jupyterlite/pyodide-kernel-extension"
# What pyodide.mjs loads besides the lock; everything else in a distribution is a package file.
CORE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
LOCK_FILE = "pyodide-lock.json"


@dataclass(frozen=True)
class Distribution:
    folder: Path
    version: str

    @cached_property
    def lock(self) -> dict[str, Any]:
        return json.loads((self.folder / LOCK_FILE).read_text(encoding="utf-8"))

    @property
    def python(self) -> str:
        """The full Python version inside this Pyodide, e.g. "3.14.2"."""
        return self.lock["info"]["python"]


def kernel_extension_dir() -> Path:
    for root in jupyter_path("labextensions"):
        folder = Path(root) / KERNEL_EXTENSION
        if (folder / "package.json").is_file():
            return folder
    raise LiteBuildError(f"{KERNEL_EXTENSION} is not installed: pip install jupyterlite-pyodide-kernel")


def expected_pyodide_version() -> str:
    """The version in the kernel's default pyodideUrl: the kernel is built and tested against it."""
    schema = kernel_extension_dir() / "static" / "schema" / "kernel.v0.schema.json"
    default_url = json.loads(schema.read_text(encoding="utf-8"))["properties"]["pyodideUrl"]["default"]
    match = re.search(r"/v(\d+\.\d+\.\d+)/", default_url)
    if not match:
        raise LiteBuildError(f"Cannot tell which Pyodide the kernel expects from {default_url!r} in {schema}")
    return match.group(1)


def load_distribution(pyodide_dist: Path | None, node_modules: Path, cache_dir: Path) -> Distribution:
    expected = expected_pyodide_version()
    if pyodide_dist is not None:
        folder = Path(pyodide_dist)
        source = f"pyodide_dist {folder}"
    elif (node_modules / "pyodide" / "package.json").is_file():
        folder = node_modules / "pyodide"
        source = f"{folder} (from package.json; run npm ci after changing it)"
    else:
        folder = _npm_pack(expected, cache_dir)
        source = f"npm pyodide@{expected}"
    missing = [name for name in (*CORE_FILES, LOCK_FILE) if not (folder / name).is_file()]
    if missing:
        raise LiteBuildError(f"{source} is not a Pyodide distribution: it has no {', '.join(missing)}")
    found = _distribution_version(folder)
    if found != expected:
        raise LiteBuildError(f"{source} is Pyodide {found}, but jupyterlite-pyodide-kernel expects {expected}")
    return Distribution(folder=folder, version=found)


def _distribution_version(folder: Path) -> str:
    package_json = folder / "package.json"
    if package_json.is_file():
        package = json.loads(package_json.read_text(encoding="utf-8"))
        if package.get("name") == "pyodide":
            return package["version"]
    # Full distributions ship no package.json; the runtime carries its own version.
    match = re.search(r'API\.version="([^"]+)"', (folder / "pyodide.asm.mjs").read_text(encoding="utf-8"))
    if not match:
        raise LiteBuildError(f"Cannot tell the Pyodide version of {folder}")
    return match.group(1)


def _npm_pack(version: str, cache_dir: Path) -> Path:
    """Unpack npm's pyodide@version into the cache once; later builds reuse it."""
    unpacked = cache_dir / f"pyodide-{version}"
    if (unpacked / "pyodide.mjs").is_file():
        return unpacked
    if shutil.which("npm") is None:
        raise LiteBuildError(f"Pyodide {version} is not in node_modules and npm is not installed to fetch it")
    cache_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache_dir, prefix="npm-") as scratch:
        result = subprocess.run(
            ["npm", "pack", f"pyodide@{version}", "--json", "--pack-destination", scratch],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise LiteBuildError(f"npm pack pyodide@{version} failed:\n{result.stderr.strip()}")
        tarball = Path(scratch) / json.loads(result.stdout)[0]["filename"]
        with tarfile.open(tarball) as archive:
            archive.extractall(scratch, filter="data")
        shutil.rmtree(unpacked, ignore_errors=True)
        (Path(scratch) / "package").rename(unpacked)
    return unpacked
