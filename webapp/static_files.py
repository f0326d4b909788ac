"""Files served without Flask views: GOV.UK Frontend and our own assets at /assets, the JupyterLite
site at /lite. WhiteNoise serves them (compressed, cached); the headers here say for how long."""

import re
from pathlib import Path

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix
from whitenoise import WhiteNoise

LITE_PREFIX = "/lite/"
# JupyterLite's bundles carry a content hash in their names (e.g. 816.4a1e9c2b.js): safe to keep for a year.
HASHED_NAME = re.compile(r"[.-][0-9a-f]{8,}\.(js|css|wasm|woff2?|svg|png)$")
# Only the notebook site may compile WebAssembly and start workers: Pyodide needs both.
LITE_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval'",
        "worker-src 'self' blob:",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self' blob: data:",
        "frame-ancestors 'self'",
        "object-src 'none'",
        "base-uri 'self'",
    ]
)
MIME_TYPES = {".wasm": "application/wasm", ".mjs": "text/javascript", ".ipynb": "application/x-ipynb+json"}


def lite_headers(headers, path: str, url: str) -> None:
    if not url.startswith(LITE_PREFIX):
        return
    headers["Content-Security-Policy"] = LITE_CSP
    headers["X-Content-Type-Options"] = "nosniff"
    headers["X-Frame-Options"] = "SAMEORIGIN"
    headers["Referrer-Policy"] = "same-origin"
    if not HASHED_NAME.search(url):
        # Settings, contents and page shells change with each build: always revalidate them.
        headers["Cache-Control"] = "no-cache"


def is_hashed(path: str, url: str) -> bool:
    return url.startswith(LITE_PREFIX) and bool(HASHED_NAME.search(url))


def init_app(app: Flask) -> None:
    if app.config["PROXY_FIX_X_FOR"]:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=app.config["PROXY_FIX_X_FOR"], x_proto=1)
    served = WhiteNoise(
        app.wsgi_app,
        max_age=3600,
        autorefresh=app.debug,
        index_file=True,
        mimetypes=MIME_TYPES,
        add_headers_function=lite_headers,
        immutable_file_test=is_hashed,
    )
    served.add_files(str(Path(__file__).parent / "static"), prefix="assets/")
    served.add_files(app.config["ASSETS_DIR"], prefix="assets/")
    if Path(app.config["LITE_DIR"]).is_dir():
        served.add_files(app.config["LITE_DIR"], prefix="lite/")
    app.wsgi_app = served
