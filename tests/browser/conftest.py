"""Browser tests: the app served on a real port, driven in Debian's Chromium by Playwright.

One browser per session (pytest-playwright's fixture); a fresh context and server per test.
Every page visited is checked with axe-core.
"""

import pytest

from tests.helpers.browser import CHROMIUM, CHROMIUM_ARGS, AccessibilityChecker
from tests.helpers.paths import FIXTURE_COURSES, FIXTURE_EXERCISES, PROJECT_ROOT
from tests.helpers.servers import serving


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def lite_site():
    """The notebook site for the fixture exercises, built once (and kept between runs while unchanged)."""
    from webapp.content.library import load_library
    from webapp.lite.build import ExerciseSource, build_site

    library = load_library(FIXTURE_COURSES, FIXTURE_EXERCISES)
    sources = [ExerciseSource.from_exercise(exercise) for exercise in library.exercises]
    output = PROJECT_ROOT / "build" / "test-lite"
    build_site(sources, output, cache_dir=PROJECT_ROOT / "build" / "cache")
    return output


@pytest.fixture
def settings(settings, lite_site):
    return {**settings, "LITE_DIR": str(lite_site)}


@pytest.fixture
def live_server(app):
    with serving(app) as url:
        yield url


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
