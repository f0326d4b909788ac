"""Browser tests: the app served on a real port, driven in Debian's Chromium by Playwright.

One browser per session (pytest-playwright's fixture); a fresh context and server per test.
Every page visited is checked with axe-core.
"""

import threading
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from werkzeug.serving import make_server

CHROMIUM = "/usr/bin/chromium"
# Without these, Chromium keeps trying to reach outside hosts, which this network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    # As offline as a learner's locked-down laptop: no name resolves except this machine.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def lite_site():
    """The notebook site for the fixture exercises, built once (and kept between runs while unchanged)."""
    from tests.conftest import FIXTURE_CONTENT, PROJECT_ROOT
    from webapp.content.library import load_library
    from webapp.lite.build import ExerciseSource, build_site

    library = load_library(Path(FIXTURE_CONTENT["CONTENT_DIR"]), Path(FIXTURE_CONTENT["EXERCISES_DIR"]))
    sources = [ExerciseSource.from_exercise(exercise) for exercise in library.exercises]
    output = PROJECT_ROOT / "build" / "test-lite"
    build_site(sources, output, cache_dir=PROJECT_ROOT / "build" / "cache")
    return output


@pytest.fixture
def settings(settings, lite_site):
    return {**settings, "LITE_DIR": str(lite_site)}


@pytest.fixture
def live_server(app):
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)
    server.server_close()


class AccessibilityChecker:
    def __init__(self):
        self.axe = Axe()
        self.checked: list[str] = []

    def check(self, page, exclude: list[str] | None = None) -> None:
        context = {"exclude": [[selector] for selector in exclude]} if exclude else None
        results = self.axe.run(page, context=context, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        self.checked.append(page.url)
        assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"


@pytest.fixture
def axe():
    return AccessibilityChecker()


@pytest.fixture
def foreign_requests(page, live_server):
    """Every request the page makes, to anywhere but the test server."""
    outside: list[str] = []
    # On the context, not the page: the notebook's workers and service worker fetch too.
    page.context.on(
        "request",
        lambda request: (
            None if request.url.startswith((live_server, "data:", "blob:")) else outside.append(request.url)
        ),
    )
    return outside


@pytest.fixture(autouse=True)
def quick_failures(page):
    """Fail in seconds, not the default 30: every page here is served locally."""
    from playwright.sync_api import expect

    page.set_default_timeout(10_000)
    expect.set_options(timeout=10_000)
