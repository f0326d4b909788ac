"""Choose every package file the site serves: the kernel's start-up packages and each exercise's imports.

A package comes from the Pyodide distribution when its file is there, else from PyPI as a pure-Python
wheel (at the lock's version when the lock names it). Anything else is an error, never a CDN fallback.
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name

from webapp.lite import wheels
from webapp.lite.distribution import Distribution
from webapp.lite.errors import LiteBuildError

# micropip is loaded by the kernel's initPackageManager; ipython, jedi and comm by piplite in initKernel.
# ipykernel, pyodide-kernel and piplite come with the kernel extension itself.
KERNEL_PACKAGES = ("micropip", "ipython", "jedi", "comm")
KERNEL = "the Pyodide kernel"

Origin = tuple[str, ...]  # who asked: the kernel or an exercise, then the packages that led here
Needs = list[tuple[Requirement, Origin]]


@dataclass(frozen=True)
class LockedPackage:
    name: str
    version: str
    path: Path
    imports: tuple[str, ...]
    depends: tuple[str, ...]
    package_type: str = "package"
    install_dir: str = "site"


@dataclass
class _Plan:
    requirement: Requirement
    origin: Origin
    lock_entry: dict[str, Any] | None = None
    extras: set[str] = field(default_factory=set)


def parse_requirement(text: str, origin: str) -> Requirement:
    try:
        requirement = Requirement(text)
    except InvalidRequirement as error:
        raise LiteBuildError(f"{origin}: {text!r} is not a package name or 'name==version' ({error})") from None
    if requirement.url or requirement.marker:
        raise LiteBuildError(f"{origin}: give {text!r} as a name and optional version, without a URL or marker")
    return requirement


def resolve(roots: list[tuple[Requirement, str]], dist: Distribution, wheel_cache: Path) -> list[LockedPackage]:
    """Every package the roots need, with their dependencies as Pyodide sees them."""
    return _Resolver(dist, wheel_cache).run([(requirement, (who,)) for requirement, who in roots])


def _describe(origin: Origin) -> str:
    return origin[0] + (f" (through {' → '.join(origin[1:])})" if len(origin) > 1 else "")


class _Resolver:
    def __init__(self, dist: Distribution, wheel_cache: Path):
        self.dist = dist
        self.cache = wheel_cache
        self.base = {canonicalize_name(name): entry for name, entry in dist.lock["packages"].items()}
        self.chosen: dict[str, tuple[LockedPackage, Origin]] = {}

    def run(self, pending: list[tuple[Requirement, Origin]]) -> list[LockedPackage]:
        while pending:
            planned: dict[str, _Plan] = {}
            following: Needs = []
            for requirement, origin in pending:
                following += self._take(requirement, origin, planned)
            self._fetch(planned)
            for name, plan in planned.items():
                following += self._choose_wheel(name, plan)
            pending = following
        return sorted((package for package, _origin in self.chosen.values()), key=lambda package: package.name)

    def _take(self, requirement: Requirement, origin: Origin, planned: dict[str, _Plan]) -> Needs:
        """Settle a requirement from the distribution, or plan a download; return what it needs next."""
        name = canonicalize_name(requirement.name)
        if name in self.chosen:
            package, chosen_by = self.chosen[name]
            self._check_agrees(requirement, origin, package.version, _describe(chosen_by))
            return []
        if name in planned:
            plan = planned[name]
            if plan.lock_entry:
                self._check_agrees(requirement, origin, plan.lock_entry["version"], "the Pyodide lock")
            plan.requirement = Requirement(f"{name}{plan.requirement.specifier & requirement.specifier}")
            plan.extras |= requirement.extras
            return []
        entry = self.base.get(name)
        if entry and requirement.specifier.contains(entry["version"], prereleases=True):
            if self._in_distribution(entry):
                return self._choose_from_distribution(name, entry, origin)
            if not wheels.is_pure_wheel(entry["file_name"]):
                raise self._compiled_error(name, origin)
            planned[name] = _Plan(Requirement(f"{name}=={entry['version']}"), origin, entry)
            return []
        planned[name] = _Plan(requirement, origin, extras=set(requirement.extras))
        return []

    @staticmethod
    def _check_agrees(requirement: Requirement, origin: Origin, version: str, holder: str) -> None:
        if not requirement.specifier.contains(version, prereleases=True):
            name = canonicalize_name(requirement.name)
            raise LiteBuildError(f"{_describe(origin)} needs {requirement}, but {holder} needs {name} {version}")

    def _in_distribution(self, entry: dict[str, Any]) -> bool:
        return "://" not in entry["file_name"] and (self.dist.folder / entry["file_name"]).is_file()

    def _choose_from_distribution(self, name: str, entry: dict[str, Any], origin: Origin) -> Needs:
        package = LockedPackage(
            name=name,
            version=entry["version"],
            path=self.dist.folder / entry["file_name"],
            imports=tuple(entry.get("imports", [])),
            depends=tuple(canonicalize_name(dep) for dep in entry.get("depends", [])),
            package_type=entry.get("package_type", "package"),
            install_dir=entry.get("install_dir", "site"),
        )
        self.chosen[name] = (package, origin)
        return [(Requirement(dep), (*origin, name)) for dep in package.depends]

    def _compiled_error(self, name: str, origin: Origin) -> LiteBuildError:
        return LiteBuildError(
            f"{_describe(origin)} needs {name!r}, a compiled (WebAssembly) package that the Pyodide distribution"
            f" in {self.dist.folder} does not include, and PyPI has no pure-Python wheel of it. Build with a full"
            " Pyodide distribution that includes it (pyodide_dist), or use a pure-Python package instead."
        )

    def _fetch(self, planned: dict[str, _Plan]) -> None:
        """One pip run for everything not cached; on failure, retry one by one to name the culprit."""
        python = self.dist.python
        missing = [plan for plan in planned.values() if not wheels.cached_wheel(self.cache, plan.requirement, python)]
        if not missing:
            return
        try:
            wheels.download([str(plan.requirement) for plan in missing], self.cache, python)
        except LiteBuildError:
            for plan in missing:
                try:
                    wheels.download([str(plan.requirement)], self.cache, python)
                except LiteBuildError as error:
                    name = canonicalize_name(plan.requirement.name)
                    if name in self.base and not wheels.is_pure_wheel(self.base[name]["file_name"]):
                        raise self._compiled_error(name, plan.origin) from None
                    raise LiteBuildError(
                        f"{_describe(plan.origin)} needs {plan.requirement}, which has no pure-Python wheel on PyPI"
                        f" for Python {python} (packages that need compiled code cannot run in Pyodide"
                        f" unless the Pyodide distribution includes them):\n{error}"
                    ) from None

    def _choose_wheel(self, name: str, plan: _Plan) -> Needs:
        wheel = wheels.cached_wheel(self.cache, plan.requirement, self.dist.python)
        if wheel is None:
            raise LiteBuildError(f"pip reported no error but no wheel for {plan.requirement} is in {self.cache}")
        if plan.lock_entry is not None:
            # Pyodide built this package: keep its imports and dependencies.
            imports = tuple(plan.lock_entry.get("imports", []))
            needs = [Requirement(dep) for dep in plan.lock_entry.get("depends", [])]
        else:
            imports = wheel.imports
            needs = wheels.dependencies(wheel, plan.extras, self.dist.python)
        package = LockedPackage(
            name=name,
            version=str(wheel.version),
            path=wheel.path,
            imports=imports,
            depends=tuple(sorted({canonicalize_name(need.name) for need in needs})),
        )
        self.chosen[name] = (package, plan.origin)
        return [(need, (*plan.origin, name)) for need in needs]
