"""An admin uploads an HR file, sees its problems in a table, and uploads the fixed file."""

import re

import pytest
from playwright.sync_api import expect

from tests.helpers.accounts import make_user
from tests.helpers.browser import browser_sign_in
from tests.helpers.organisation import HR_HEADER, hr_row

pytestmark = pytest.mark.browser


def test_an_admin_fixes_an_hr_file_after_seeing_its_problems(page, live_server, axe, tmp_path):
    admin = make_user("Dana Whitfield", email="dana@example.gov.uk", admin=True)
    browser_sign_in(page, live_server, admin)
    page.get_by_role("link", name="Import people").click()
    axe.check(page)
    rows = [hr_row(key) for key in ("pat", "alex", "sam", "mo", "kim")]
    bad = tmp_path / "hr.csv"
    bad.write_text(
        "\n".join([HR_HEADER, *rows[:3], hr_row("mo", grade="E0"), hr_row("kim", manager_staff_number="A7")])
    )
    page.get_by_label("Upload the HR file").set_input_files(str(bad))
    page.get_by_role("button", name="Check and import").click()
    expect(page.get_by_text("Nothing was imported: 2 problems in hr.csv")).to_be_visible()
    problems = page.get_by_role("table", name="Problems to fix")
    expect(problems.get_by_role("row")).to_have_count(3)
    expect(problems.get_by_role("row").nth(1).get_by_role("cell")).to_have_text(
        ["5", "grade", re.compile("^'E0' is not a civil service grade")]
    )
    expect(problems.get_by_role("row").nth(2).get_by_role("cell")).to_have_text(
        ["6", "manager_staff_number", "no one has staff number 'A7'"]
    )
    axe.check(page)
    good = tmp_path / "fixed.csv"
    good.write_text("\ufeff" + "\r\n".join([HR_HEADER, *rows]) + "\r\n", encoding="utf-8")  # as Excel saves it
    page.get_by_label("Upload the HR file").set_input_files(str(good))
    page.get_by_role("button", name="Check and import").click()
    expect(page.get_by_role("heading", name="People imported")).to_be_visible()
    created = page.locator(".govuk-summary-list__row").filter(has=page.get_by_text("Created", exact=True))
    expect(created.locator("dd")).to_have_text("5")
    axe.check(page)
