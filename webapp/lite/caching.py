"""How long a browser may keep each file of the built site (for the server's Cache-Control)."""

import re

# rspack names its chunks after their contents (build/1031.b91a70b.js, …/remoteEntry.abcac41d5ca77040.js).
CONTENT_HASHED = re.compile(r"^(?:build|extensions)/.*\.[0-9a-f]{7,20}\.js$")
# The build names the Pyodide folder (runtime, wheels, lock) after its contents.
PINNED_PYODIDE = re.compile(r"^static/pyodide-[0-9a-f]{12}/")


def is_immutable(path: str) -> bool:
    """True when a file's URL changes whenever its contents do, so it can be cached for a year.

    `path` is relative to the site's root, e.g. "build/1031.b91a70b.js". Everything else (index.html,
    jupyter-lite.json, service-worker.js, api/, files/, settings schemas) must be revalidated on each use.
    """
    path = path.lstrip("/")
    return bool(CONTENT_HASHED.match(path) or PINNED_PYODIDE.match(path))
