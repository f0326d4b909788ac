"""Run `jupyter lite build` on a staged folder and check the result points at nothing but itself."""

import base64
import hashlib
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from webapp.lite.distribution import kernel_extension_dir
from webapp.lite.errors import LiteBuildError
from webapp.lite.lock import sha256_of

KERNEL_PLUGIN = "@jupyterlite/pyodide-kernel-extension:kernel"
PYODIDE_URL = re.compile(r"\./static/(pyodide-[0-9a-f]{12})/pyodide\.mjs")
INLINE_SCRIPT = re.compile(r"<script(?P<attributes>[^>]*)>(?P<body>.*?)</script>", re.DOTALL)
CONFIG_NAMES = ("jupyter-lite.json", "jupyter-lite.ipynb")
# "https://…", "ftp://…" or protocol-relative "//host/…": anything that could leave the site's origin.
FOREIGN_URL = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)


def write_build_config(lite_dir: Path, output_dir: Path) -> None:
    """Only the notebooks app and the Pyodide kernel: no source maps, and no other labextension from the venv."""
    build_config = {
        "LiteBuildConfig": {
            "apps": ["notebooks"],
            "contents": ["contents"],
            "output_dir": str(output_dir),
            "no_sourcemaps": True,
            "no_unused_shared_packages": True,
            "ignore_sys_prefix": ["federated_extensions"],
            "federated_extensions": [str(kernel_extension_dir())],
        }
    }
    site_config = {
        "jupyter-lite-schema-version": 0,
        "jupyter-config-data": {
            # Lets the page that embeds the notebook read its state through frame.contentWindow.jupyterapp.
            "exposeAppInBrowser": True,
            "litePluginSettings": {KERNEL_PLUGIN: {"disablePyPIFallback": True}},
        },
    }
    (lite_dir / "jupyter_lite_config.json").write_text(json.dumps(build_config, indent=2), encoding="utf-8")
    (lite_dir / "jupyter-lite.json").write_text(json.dumps(site_config, indent=2), encoding="utf-8")


def run_jupyter_lite(lite_dir: Path) -> None:
    command = [sys.executable, "-m", "jupyterlite_core", "build", "--lite-dir", str(lite_dir)]
    # JUPYTERLITE_PYODIDE_URL and friends would override the staged files (and could name a CDN).
    env = {name: value for name, value in os.environ.items() if not name.startswith("JUPYTERLITE_")}
    result = subprocess.run(command, cwd=lite_dir, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        output = (result.stdout + result.stderr).strip().splitlines()
        raise LiteBuildError("jupyter lite build failed:\n" + "\n".join(output[-20:]))


def pin_pyodide_folder(output_dir: Path) -> None:
    """Name static/pyodide after its contents, so browsers may keep its megabytes for a year."""
    folder = output_dir / "static" / "pyodide"
    digest = hashlib.sha256()
    for path in sorted(folder.iterdir()):
        digest.update(f"{path.name} {sha256_of(path)}\n".encode())
    pinned = folder.rename(folder.with_name(f"pyodide-{digest.hexdigest()[:12]}"))
    config_path = output_dir / "jupyter-lite.json"
    config = json.loads(config_path.read_text(encoding="utf-8"))
    settings = config["jupyter-config-data"]["litePluginSettings"][KERNEL_PLUGIN]
    settings["pyodideUrl"] = f"./static/{pinned.name}/pyodide.mjs"
    config_path.write_text(json.dumps(config, indent=2, sort_keys=True), encoding="utf-8")


def check_site(output_dir: Path) -> None:
    """Fail the build, not the learner's browser, when the kernel would look anywhere but this site."""
    settings = kernel_settings(output_dir)
    pyodide_url = PYODIDE_URL.fullmatch(settings.get("pyodideUrl", ""))
    if not pyodide_url or not (output_dir / "static" / pyodide_url.group(1) / "pyodide.mjs").is_file():
        raise LiteBuildError(f"the kernel's pyodideUrl {settings.get('pyodideUrl')!r} is not this site's Pyodide")
    if settings.get("disablePyPIFallback") is not True:
        raise LiteBuildError("disablePyPIFallback is not set: the kernel could fetch packages from PyPI")
    for path in config_files(output_dir):
        for value in _strings(json.loads(path.read_text(encoding="utf-8"))):
            if FOREIGN_URL.match(value):
                raise LiteBuildError(f"{path.relative_to(output_dir)} points outside the site: {value}")


def kernel_settings(output_dir: Path) -> dict[str, Any]:
    config = json.loads((output_dir / "jupyter-lite.json").read_text(encoding="utf-8"))
    return config["jupyter-config-data"]["litePluginSettings"][KERNEL_PLUGIN]


def config_files(output_dir: Path) -> list[Path]:
    """The site's settings and each app's (e.g. notebooks/): JupyterLite merges them in that order."""
    paths = (path for name in CONFIG_NAMES for path in (output_dir / name, *output_dir.glob(f"*/{name}")))
    return sorted(path for path in paths if path.is_file())


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def inline_script_hashes(output_dir: Path) -> list[str]:
    """CSP sources for the scripts inside the site's HTML pages, which `script-src 'self'` alone would block."""
    hashes = set()
    for page in output_dir.rglob("*.html"):
        for script in INLINE_SCRIPT.finditer(page.read_text(encoding="utf-8")):
            script_type = re.search(r'type="([^"]*)"', script["attributes"])
            if "src=" in script["attributes"] or (script_type and script_type[1] not in ("module", "text/javascript")):
                continue
            digest = base64.b64encode(hashlib.sha256(script["body"].encode()).digest()).decode()
            hashes.add(f"'sha256-{digest}'")
    return sorted(hashes)


def compress_site(output_dir: Path) -> None:
    """Write .gz beside each text and WebAssembly file; the server sends them to browsers that accept gzip.

    The Pyodide runtime drops from 9.6 MB to 3.5 MB this way.
    """
    from whitenoise.compress import Compressor

    skip = [*Compressor.SKIP_COMPRESS_EXTENSIONS, "whl"]  # wheels are zip files already
    compressor = Compressor(extensions=skip, use_brotli=False, quiet=True)
    for path in [p for p in output_dir.rglob("*") if p.is_file()]:
        if compressor.should_compress(str(path)):
            for _ in compressor.compress(str(path)):
                pass
