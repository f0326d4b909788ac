"""Write the site's Pyodide folder: the core runtime, the chosen package files, and a lock naming only those.

The kernel calls pyodide.loadPackagesFromImports on every cell, so a package in this lock is imported
without %pip; a name missing from it fails with ModuleNotFoundError instead of a request elsewhere.
"""

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

from webapp.lite.distribution import CORE_FILES, LOCK_FILE, Distribution
from webapp.lite.packages import LockedPackage


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def lock_entry(package: LockedPackage) -> dict[str, Any]:
    return {
        "name": package.name,
        "version": package.version,
        "file_name": package.path.name,
        "install_dir": package.install_dir,
        # Pyodide checks this (subresource integrity) before installing: it must match the file served.
        "sha256": sha256_of(package.path),
        "package_type": package.package_type,
        "imports": list(package.imports),
        "depends": list(package.depends),
        "unvendored_tests": False,
    }


def write_pyodide_folder(dist: Distribution, packages: list[LockedPackage], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name in CORE_FILES:
        shutil.copyfile(dist.folder / name, folder / name)
    for package in packages:
        shutil.copyfile(package.path, folder / package.path.name)
    lock = {"info": dist.lock["info"], "packages": {package.name: lock_entry(package) for package in packages}}
    (folder / LOCK_FILE).write_text(json.dumps(lock, indent=1, sort_keys=True), encoding="utf-8")
