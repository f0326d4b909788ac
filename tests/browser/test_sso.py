"""Single sign-on in Chromium: through the real provider's login and consent pages (tests/helpers/oidc.py) and back."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.helpers.accounts import PASSWORD
from tests.helpers.oidc import HR_PERSON, NEWCOMER, email_of
from tests.helpers.rows import make_person

pytestmark = pytest.mark.browser


@pytest.fixture
def settings(settings, oidc_provider):
    return {**settings, **oidc_provider.settings()}


@pytest.fixture(autouse=True)
def local_only(page: Page):
    """The provider's development pages import a web font: refuse anything not on this machine, without waiting."""
    page.context.route(re.compile(r"^https?://(?!127\.0\.0\.1[:/])"), lambda route: route.abort())


def sign_in_at_provider(page: Page, live_server: str, login: str) -> None:
    page.goto(f"{live_server}/sign-in/sso")
    page.locator("input[name=login]").fill(login)
    page.locator("input[name=password]").fill("any password")
    page.get_by_role("button", name="Sign-in").click()
    page.get_by_role("button", name="Continue").click()  # the provider's consent page


def test_an_hr_person_signs_in_through_their_departments_pages(page, live_server, axe):
    make_person("Harriet Rowe", email=email_of(HR_PERSON))

    sign_in_at_provider(page, live_server, HR_PERSON)

    expect(page.get_by_role("heading", name="Courses", level=1)).to_be_visible()
    assert page.url == f"{live_server}/courses"
    axe.check(page)


def test_someone_not_in_hr_gets_a_problem_page_that_works_on_any_screen(page, live_server, axe):
    sign_in_at_provider(page, live_server, NEWCOMER)

    expect(page.get_by_role("heading", name="You cannot sign in with your department account")).to_be_visible()
    expect(page.get_by_text("There is no account for you.")).to_be_visible()
    assert page.url.startswith(f"{live_server}/sign-in/sso/callback?")
    axe.check_widths(page)
    page.get_by_role("link", name="Go to the sign-in page").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Sign in")


def test_with_passwords_off_the_sign_in_page_offers_the_departments_button(page, live_server, axe, app):
    app.config["PASSWORDS_ENABLED"] = False
    person = make_person("Harriet Rowe", email=email_of(HR_PERSON))
    page.goto(f"{live_server}/sign-in")
    expect(page.get_by_role("textbox", name="Password")).to_be_hidden()  # folded away for break-glass admins
    axe.check_widths(page)
    page.get_by_text("Emergency administrator sign-in").click()
    page.get_by_label("Email address").fill(person.email)
    page.get_by_role("textbox", name="Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter a correct email address and password")

    page.get_by_role("button", name="Sign in with your department account").click()
    page.locator("input[name=login]").fill(HR_PERSON)
    page.locator("input[name=password]").fill("any password")
    page.get_by_role("button", name="Sign-in").click()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="Courses", level=1)).to_be_visible()
