"""Accounts in a real browser: register, follow the emailed link (read from the real SMTP server), choose a
password, manage where you are signed in; the admin's account pages. Each page checked with axe on a phone
and on a desktop screen."""

import pytest
from playwright.sync_api import expect

from tests.helpers.accounts import link_path, make_user
from tests.helpers.browser import browser_sign_in

pytestmark = pytest.mark.browser


def test_a_newcomer_registers_follows_the_emailed_link_and_chooses_a_password(
    page, live_server, axe, mailbox, foreign_requests
):
    page.goto(f"{live_server}/sign-in")
    page.get_by_role("link", name="Create an account").click()
    axe.check_widths(page)
    page.get_by_label("Full name").fill("Sam Okafor")
    page.get_by_label("Work email address").fill("sam.okafor@example.gov.uk")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="Check your email", level=1)).to_be_visible()
    axe.check_widths(page)

    page.goto(live_server + link_path(mailbox, "sam.okafor@example.gov.uk"))
    expect(page.get_by_role("heading", name="Choose your password", level=1)).to_be_visible()
    axe.check_widths(page)
    page.get_by_label("Create a password").fill("password1234")
    page.get_by_label("Confirm your password").fill("password1234")
    page.get_by_role("button", name="Save password").click()
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Password is too easy to guess")
    axe.check_widths(page)

    page.get_by_label("Create a password").fill("marble tandem orchid lantern")
    page.get_by_label("Confirm your password").fill("marble tandem orchid lantern")
    page.get_by_role("button", name="Save password").click()
    expect(page.get_by_role("heading", name="Courses", level=1)).to_be_visible()
    expect(page.get_by_text("Your password has been saved")).to_be_visible()

    page.get_by_role("link", name="Your account").click()
    expect(page.get_by_role("heading", name="Your account", level=1)).to_be_visible()
    expect(page.get_by_role("cell", name="This device")).to_be_visible()
    axe.check_widths(page)
    page.get_by_role("link", name="Change your password").click()
    axe.check_widths(page)
    page.get_by_role("link", name="Your account").click()
    page.get_by_role("button", name="Sign out on every device").click()
    expect(page.get_by_text("You have signed out on every device")).to_be_visible()
    assert foreign_requests == []


def test_the_pages_for_a_forgotten_password_and_a_used_link(page, live_server, axe, mailbox):
    user = make_user(email="ravi.shah@example.gov.uk")
    page.goto(f"{live_server}/sign-in")
    page.get_by_role("link", name="Forgot your password?").click()
    axe.check_widths(page)
    page.get_by_label("Work email address").fill(user.email)
    page.get_by_role("button", name="Send the link").click()
    expect(page.get_by_role("heading", name="Check your email", level=1)).to_be_visible()
    link = live_server + link_path(mailbox, user.email)
    page.goto(link)
    expect(page.get_by_role("heading", name="Choose a new password", level=1)).to_be_visible()
    page.get_by_label("Create a password").fill("copper meadow violin harbour")
    page.get_by_label("Confirm your password").fill("copper meadow violin harbour")
    page.get_by_role("button", name="Save password").click()
    expect(page.get_by_role("heading", name="Courses", level=1)).to_be_visible()
    page.goto(link)
    expect(page.get_by_role("heading", name="This link has expired or has been used", level=1)).to_be_visible()
    axe.check_widths(page)
    page.get_by_role("link", name="Get a new link").click()
    axe.check_widths(page)


def test_an_admin_sees_a_persons_account_and_the_invitations_page(page, live_server, axe, org):
    browser_sign_in(page, live_server, org["dana"])
    page.goto(f"{live_server}/my-team/people/{org['sam'].id}")
    page.get_by_role("link", name="Sam’s account and sign-ins").click()
    expect(page.get_by_role("heading", name="Account", level=1)).to_be_visible()
    axe.check_widths(page)
    page.goto(f"{live_server}/admin/people/invitations")
    expect(page.get_by_role("heading", name="Invite people to set up their accounts")).to_be_visible()
    axe.check_widths(page)
