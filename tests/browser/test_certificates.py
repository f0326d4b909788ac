"""A learner who met the requirement downloads their certificate; anyone checks its code; an admin revokes it.
Every page kind is checked with axe on a phone and on a desktop screen."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.helpers.browser import browser_sign_in
from tests.helpers.certificates import make_certificate_holder
from tests.helpers.pdf import pdf_text
from tests.helpers.rows import make_person

pytestmark = pytest.mark.browser

CODE = re.compile(r"[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{2}")


def test_a_certificate_is_downloaded_checked_and_revoked(page, live_server, axe, foreign_requests, app):
    sam = make_certificate_holder(app)
    dana = make_person("Dana Whitfield", admin=True)
    browser_sign_in(page, live_server, sam)
    page.get_by_role("link", name="My training record").click()
    expect(page.get_by_role("heading", name="My training record", level=1)).to_be_visible()
    axe.check_widths(page)

    with page.expect_download() as download:
        page.get_by_role("button", name="Download certificate").click()
    text = pdf_text(Path(download.value.path()).read_bytes())
    assert "This certifies that Sam Okafor" in text
    code = CODE.search(text)[0]
    page.get_by_role("button", name="Sign out").click()

    page.goto(f"{live_server}/verify")
    axe.check_widths(page)
    page.get_by_role("button", name="Check certificate").click()
    expect(page.get_by_role("link", name="Enter the verification code")).to_be_visible()  # the error summary
    axe.check_widths(page)
    page.get_by_label("Verification code").fill(code.lower())
    page.get_by_role("button", name="Check certificate").click()
    expect(page.get_by_role("heading", name="This certificate is genuine")).to_be_visible()
    expect(page.locator(".govuk-summary-list__value")).to_have_text(
        ["Sam Okafor", re.compile(r"\d{4}"), "1 hour 30 minutes"]
    )
    axe.check_widths(page)
    page.goto(f"{live_server}/verify/ABCD-EFGH-JK")
    expect(page.get_by_role("heading", name="No certificate has this code")).to_be_visible()
    axe.check_widths(page)

    browser_sign_in(page, live_server, dana)
    page.goto(f"{live_server}/my-team/people/{sam.id}")
    page.get_by_role("link", name="Sam’s certificates").click()
    axe.check_widths(page)
    page.get_by_role("button", name=re.compile("Revoke the certificate issued")).click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("has been revoked")
    axe.check_widths(page)
    page.goto(f"{live_server}/verify/{code}")
    expect(page.get_by_role("heading", name="This certificate has been withdrawn")).to_be_visible()
    axe.check_widths(page)
    assert foreign_requests == []
