"""The layers stay apart: domain packages run without Flask, queries without the web layer, views without each other."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

WEBAPP = Path(__file__).resolve().parents[2] / "webapp"
DOMAIN_PACKAGES = ["content", "org", "training", "lite", "identity", "db", "mail", "xapi", "certificates", "evidence"]
BLUEPRINTS = [
    *("admin", "auth", "authoring", "exercises", "health", "learn"),
    *("placement", "record", "reports", "sso", "team"),
]
WEB_FRAMEWORK = ("flask", "flask_login", "flask_wtf", "flask_limiter", "flask_talisman", "werkzeug", "wtforms")


def modules_in(package: str) -> list[str]:
    root = WEBAPP / package
    return sorted(
        "webapp." + ".".join(path.relative_to(WEBAPP).with_suffix("").parts).removesuffix(".__init__")
        for path in root.rglob("*.py")
        if "starters" not in path.parts  # templates for new content, not code the app imports
    )


def imports_of(module: str) -> set[str]:
    """Every module name this module's source imports, at any depth of the file."""
    path = WEBAPP.parent / (module.replace(".", "/") + ".py")
    if not path.exists():
        path = WEBAPP.parent / module.replace(".", "/") / "__init__.py"
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("package", DOMAIN_PACKAGES)
def test_a_domain_package_loads_without_any_web_framework(package):
    """Imported in a fresh interpreter, so nothing another test loaded can hide an import."""
    modules = modules_in(package)
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        f"print(sorted(name for name in sys.modules if name.split('.')[0] in {WEB_FRAMEWORK!r}))\n"
    )
    loaded = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]", f"webapp.{package} pulls in {loaded.strip()}"


@pytest.mark.parametrize("module", modules_in("queries") + modules_in("models"))
def test_queries_and_tables_use_no_request_and_no_page(module):
    """They take a Session and return data: no Flask request, no wording or helpers from the web layer."""
    web = ("webapp.web", *(f"webapp.{blueprint}" for blueprint in BLUEPRINTS))
    # Tables get their base class from Flask-SQLAlchemy (webapp.extensions) and User its login mixin; nothing more.
    framework = ("flask",) if module.startswith("webapp.models") else WEB_FRAMEWORK
    found = {name for name in imports_of(module) if name.startswith(web) or name.split(".")[0] in framework}
    assert not found, f"{module} imports {sorted(found)}"


def test_tables_do_not_import_queries():
    found = {m: sorted(n for n in imports_of(m) if n.startswith("webapp.queries")) for m in modules_in("models")}
    assert not any(found.values()), found


@pytest.mark.parametrize("blueprint", BLUEPRINTS)
def test_no_module_imports_another_blueprints_views(blueprint):
    """A blueprint shares through webapp.web or the queries, so changing one page cannot break another."""
    outside = [m for package in ["web", "cli", *BLUEPRINTS] if package != blueprint for m in modules_in(package)]
    found = {m for m in outside if any(n.startswith(f"webapp.{blueprint}.views") for n in imports_of(m))}
    assert not found, f"{sorted(found)} import webapp.{blueprint}.views"
