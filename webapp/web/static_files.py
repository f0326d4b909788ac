"""Files served without Flask views: GOV.UK Frontend and our own assets at /assets, the JupyterLite
site at /lite. WhiteNoise serves them (compressed, cached); the headers here say for how long."""

from pathlib import Path

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix
from whitenoise import WhiteNoise

from webapp.lite.build import read_build
from webapp.lite.caching import is_immutable

LITE_PREFIX = "/lite/"
# Only the notebook site may compile WebAssembly and start workers: Pyodide needs both. JupyterLite
# also evaluates its settings schemas and has a few inline scripts (allowed by their hashes) and styles.
LITE_CSP = [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval'{hashes}",
    "worker-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'self'",
    "object-src 'none'",
    "base-uri 'self'",
]
MIME_TYPES = {".wasm": "application/wasm", ".mjs": "text/javascript", ".ipynb": "application/x-ipynb+json"}


def lite_header_function(lite_dir: Path):
    build = read_build(lite_dir) if lite_dir.is_dir() else None
    hashes = "".join(f" {value}" for value in (build.csp_script_hashes if build else ()))  # already quoted
    policy = "; ".join(LITE_CSP).format(hashes=hashes)

    def add_headers(headers, path: str, url: str) -> None:
        if not url.startswith(LITE_PREFIX):
            return
        headers["Content-Security-Policy"] = policy
        headers["X-Content-Type-Options"] = "nosniff"
        headers["X-Frame-Options"] = "SAMEORIGIN"
        headers["Referrer-Policy"] = "same-origin"
        if not is_hashed(path, url):
            # Settings, contents and page shells change with each build: always revalidate them.
            headers["Cache-Control"] = "no-cache"

    return add_headers


def is_hashed(path: str, url: str) -> bool:
    return url.startswith(LITE_PREFIX) and is_immutable(url.removeprefix(LITE_PREFIX))


def init_app(app: Flask) -> None:
    if app.config["PROXY_FIX_X_FOR"]:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=app.config["PROXY_FIX_X_FOR"], x_proto=1)
    served = WhiteNoise(
        app.wsgi_app,
        max_age=3600,
        autorefresh=app.debug,
        index_file=True,
        mimetypes=MIME_TYPES,
        add_headers_function=lite_header_function(Path(app.config["LITE_DIR"])),
        immutable_file_test=is_hashed,
    )
    served.add_files(str(Path(__file__).parent.parent / "static"), prefix="assets/")
    served.add_files(app.config["ASSETS_DIR"], prefix="assets/")
    if Path(app.config["LITE_DIR"]).is_dir():
        served.add_files(app.config["LITE_DIR"], prefix="lite/")
    app.wsgi_app = served
