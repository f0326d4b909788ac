"""For Playwright tests: Debian's Chromium kept offline, the axe-core check, and signing in through the page.

(The Flask test client signs in with tests.helpers.accounts.sign_in.)
"""

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.helpers.accounts import PASSWORD
from webapp.models import User

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
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 320, "height": 640}  # the narrowest WCAG 2.2's reflow criterion asks for
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


class AccessibilityChecker:
    """axe-core over the page as it is now; records each address checked."""

    def __init__(self) -> None:
        self.axe = Axe()
        self.checked: list[str] = []

    def check(self, page: Page, exclude: list[str] | None = None) -> None:
        context = {"exclude": [[selector] for selector in exclude]} if exclude else None
        # Only violations: axe then skips detailing every pass, which is most of its time on a long lesson.
        options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
        results = self.axe.run(page, context=context, options=options)
        self.checked.append(page.url)
        assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"

    def check_widths(self, page: Page) -> None:
        """On a phone and on a desktop screen (where it leaves the page)."""
        for size in (PHONE, DESKTOP):
            page.set_viewport_size(size)
            self.check(page)


def browser_sign_in(page: Page, live_server: str, user: User, axe: AccessibilityChecker | None = None) -> None:
    """Sign in through the sign-in page, as a person would, and wait for the courses."""
    page.goto(f"{live_server}/sign-in")
    if axe:
        axe.check(page)
    page.get_by_label("Email address").fill(user.email)
    page.get_by_role("textbox", name="Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Courses", level=1)).to_be_visible()
