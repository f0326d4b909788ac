"""Build the JupyterLite site for the exercises, or leave it alone when none of its inputs changed."""

import hashlib
import json
import logging
import shutil
import tempfile
from dataclasses import asdict, dataclass
from importlib.metadata import version
from pathlib import Path

from webapp.lite.contents import ExerciseSource, check_exercises, stage_contents
from webapp.lite.distribution import LOCK_FILE, Distribution, load_distribution
from webapp.lite.errors import LiteBuildError
from webapp.lite.lock import write_pyodide_folder
from webapp.lite.packages import KERNEL, KERNEL_PACKAGES, LockedPackage, parse_requirement, resolve
from webapp.lite.site import (
    check_site,
    compress_site,
    inline_script_hashes,
    pin_pyodide_folder,
    run_jupyter_lite,
    write_build_config,
)

__all__ = ["BuildResult", "ExerciseSource", "LiteBuildError", "LockedWheel", "build_site"]

log = logging.getLogger(__name__)
DEFAULT_NODE_MODULES = Path(__file__).resolve().parents[2] / "node_modules"
# Written into the site: what it was built from, so an unchanged build is skipped.
STAMP = "data-day-build.json"


@dataclass(frozen=True)
class LockedWheel:
    name: str
    version: str
    file: str


@dataclass(frozen=True)
class BuildResult:
    rebuilt: bool
    output_dir: Path
    pyodide_version: str
    wheels: tuple[LockedWheel, ...]
    # For a Content-Security-Policy on the site: script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval' + these.
    csp_script_hashes: tuple[str, ...] = ()

    def summary(self) -> str:
        action = "Built" if self.rebuilt else "Up to date:"
        lines = [f"{action} {self.output_dir} with Pyodide {self.pyodide_version} and {len(self.wheels)} packages"]
        return "\n".join(lines + [f"  {wheel.name} {wheel.version}  {wheel.file}" for wheel in self.wheels])


def build_site(
    exercises: list[ExerciseSource],
    output_dir: Path,
    *,
    cache_dir: Path,
    pyodide_dist: Path | None = None,
    force: bool = False,
    node_modules: Path = DEFAULT_NODE_MODULES,
) -> BuildResult:
    """Build (or skip when nothing changed) the JupyterLite site into output_dir.

    Pyodide comes from pyodide_dist when given, else node_modules/pyodide, else `npm pack` into cache_dir.
    """
    output_dir, cache_dir = Path(output_dir).resolve(), Path(cache_dir).resolve()
    check_exercises(exercises)
    roots = [(parse_requirement(name, KERNEL), KERNEL) for name in KERNEL_PACKAGES]
    roots += [(parse_requirement(text, ex.label), ex.label) for ex in exercises for text in ex.packages]
    dist = load_distribution(pyodide_dist, Path(node_modules), cache_dir)
    digest = fingerprint(exercises, dist, pyodide_dist)
    previous = _read_stamp(output_dir)
    if not force and previous and previous["fingerprint"] == digest:
        return _result(False, output_dir, previous)

    packages = resolve(roots, dist, cache_dir / "wheels")
    log.info("Building %s with Pyodide %s and %d packages", output_dir, dist.version, len(packages))
    output_dir.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=output_dir.parent, prefix=f".{output_dir.name}-") as scratch:
        site = _make_site(exercises, dist, packages, Path(scratch))
        stamp = {
            "fingerprint": digest,
            "pyodide_version": dist.version,
            "wheels": _wheels(packages),
            "csp_script_hashes": inline_script_hashes(site),
        }
        (site / STAMP).write_text(json.dumps(stamp, indent=2), encoding="utf-8")
        _replace(output_dir, site, Path(scratch) / "old")
    return _result(True, output_dir, stamp)


def _make_site(
    exercises: list[ExerciseSource], dist: Distribution, packages: list[LockedPackage], scratch: Path
) -> Path:
    lite_dir, site = scratch / "lite", scratch / "site"
    write_pyodide_folder(dist, packages, lite_dir / "static" / "pyodide")
    stage_contents(exercises, lite_dir / "contents")
    write_build_config(lite_dir, site)
    run_jupyter_lite(lite_dir)
    pin_pyodide_folder(site)
    check_site(site)
    compress_site(site)
    return site


def _wheels(packages: list[LockedPackage]) -> list[dict[str, str]]:
    return [asdict(LockedWheel(package.name, package.version, package.path.name)) for package in packages]


def _result(rebuilt: bool, output_dir: Path, stamp: dict) -> BuildResult:
    wheels = tuple(LockedWheel(**wheel) for wheel in stamp["wheels"])
    hashes = tuple(stamp.get("csp_script_hashes", ()))
    return BuildResult(rebuilt, output_dir, stamp["pyodide_version"], wheels, hashes)


def _replace(output_dir: Path, site: Path, old: Path) -> None:
    """Swap the new site in with renames, so a server never sees half a site."""
    if output_dir.exists():
        output_dir.rename(old)
    site.rename(output_dir)
    shutil.rmtree(old, ignore_errors=True)


def read_build(output_dir: Path) -> BuildResult | None:
    """What the last build in output_dir made (e.g. the CSP hashes its pages need); None if there is none."""
    stamp = _read_stamp(Path(output_dir))
    return _result(False, Path(output_dir), stamp) if stamp else None


def _read_stamp(output_dir: Path) -> dict | None:
    try:
        return json.loads((output_dir / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def fingerprint(exercises: list[ExerciseSource], dist: Distribution, pyodide_dist: Path | None) -> str:
    """A digest of everything the site is made from; unpinned packages count by name, not by what PyPI has now."""
    inputs = {
        # The builder's own code: changing how the site is made rebuilds it.
        "builder": sorted((path.name, _digest(path)) for path in Path(__file__).parent.glob("*.py")),
        "jupyterlite-core": version("jupyterlite-core"),
        "jupyterlite-pyodide-kernel": version("jupyterlite-pyodide-kernel"),
        "pyodide": dist.version,
        "pyodide_dist": str(Path(pyodide_dist).resolve()) if pyodide_dist else None,
        "pyodide_lock": _digest(dist.folder / LOCK_FILE),
        "exercises": [
            {
                "slug": exercise.slug,
                "notebook": _digest(exercise.notebook),
                "data_files": [(Path(path).name, _digest(path)) for path in exercise.data_files],
                "packages": sorted(exercise.packages),
            }
            for exercise in sorted(exercises, key=lambda exercise: exercise.slug)
        ],
    }
    return hashlib.sha256(json.dumps(inputs, sort_keys=True).encode()).hexdigest()


def _digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()
