"""A line manager uses My team: their line, a filter, the chart's table, a report's record, confirming learning.
An admin uploads an HR file with errors, then the fixed file."""

import re

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from tests.browser.test_learner_journey import sign_in
from tests.helpers import PASSWORD
from webapp.db.clock import uk_today
from webapp.extensions import db
from webapp.models import CourseItem, OutsideLearning, User
from webapp.org.hr_file import COLUMNS
from webapp.queries.completions import record_completion
from webapp.queries.hr_import import import_hr_file
from webapp.queries.people import create_user
from webapp.web.years import current_training_year

pytestmark = pytest.mark.browser
HEADER = ",".join(COLUMNS)
ORG = [
    "A1,priya@example.gov.uk,Priya Shah,Home Office,G6,,1,true",
    "A2,alex@example.gov.uk,Alex Morgan,Home Office,G7,A1,0.8,true",
    "A3,sam@example.gov.uk,Sam Okafor,Home Office,SEO,A1,1,true",
    "A4,morgan@example.gov.uk,Morgan Reid,Home Office,EO,A2,0.6,true",
    "A5,taylor@example.gov.uk,Taylor Brooks,Home Office,EO,A2,1,true",
]


@pytest.fixture
def priya(app):
    create_user(db.session, "priya@example.gov.uk", "Priya Shah", PASSWORD)
    assert import_hr_file(db.session, ("\n".join([HEADER, *ORG]) + "\n").encode()).ok
    people = {user.name: user for user in db.session.scalars(select(User))}
    year = current_training_year()
    for item in db.session.scalars(select(CourseItem)):
        record_completion(db.session, people["Morgan Reid"].id, item, year)
    db.session.add(
        OutsideLearning(
            user_id=people["Sam Okafor"].id,
            title="Power BI basics",
            provider="Campus",
            learned_on=uk_today(),
            minutes=45,
        )
    )
    db.session.commit()
    return people["Priya Shah"]


def test_a_manager_sees_their_line_filters_it_and_confirms_learning(page, live_server, axe, foreign_requests, priya):
    sign_in(page, live_server, priya)
    page.get_by_role("link", name="My team").click()
    expect(page.get_by_role("heading", name="My team", level=1)).to_be_visible()
    people = page.get_by_role("table", name="People").locator("tbody")
    expect(people.get_by_role("link")).to_have_text(["Alex Morgan", "Sam Okafor"])
    axe.check(page)

    page.get_by_label("Everyone in my line, at any level").check()
    page.get_by_role("button", name="Show").click()
    expect(people.get_by_role("link")).to_have_count(4)
    chart_table = page.get_by_role("table", name=re.compile("How far people are toward their requirement"))
    expect(chart_table.get_by_role("row", name=re.compile("None yet"))).to_contain_text("2")  # Alex and Taylor
    expect(page.get_by_role("img", name="How far people are toward their requirement")).to_be_visible()
    axe.check(page)

    page.get_by_label("Status").select_option(label="In progress")
    page.get_by_role("button", name="Show").click()
    expect(people.get_by_role("link")).to_have_text(["Morgan Reid", "Sam Okafor"])
    axe.check(page)

    page.get_by_role("link", name="Morgan Reid").click()
    expect(page.get_by_role("heading", name="Morgan Reid’s training record")).to_be_visible()
    expect(page.locator("#part-time")).to_contain_text("Morgan works 60% of full time")
    axe.check(page)

    page.goto(f"{live_server}/my-team")
    page.get_by_role("link", name="1 outside learning entry to confirm").click()
    axe.check(page)
    page.get_by_role("button", name="Confirm Power BI basics for Sam Okafor").click()
    expect(page.get_by_text("You confirmed Power BI basics")).to_be_visible()
    expect(page.get_by_text("Nothing is waiting for you to confirm.")).to_be_visible()
    assert foreign_requests == []


def test_an_admin_fixes_an_hr_file_after_seeing_its_problems(page, live_server, axe, tmp_path):
    admin = create_user(db.session, "dana@example.gov.uk", "Dana Whitfield", PASSWORD, is_admin=True)
    db.session.commit()
    sign_in(page, live_server, admin)
    page.get_by_role("link", name="Import people").click()
    axe.check(page)
    bad = tmp_path / "hr.csv"
    bad.write_text("\n".join([HEADER, *ORG[:3], ORG[3].replace(",EO,", ",E0,"), ORG[4].replace(",A2,", ",A7,")]) + "\n")
    page.get_by_label("Upload the HR file").set_input_files(str(bad))
    page.get_by_role("button", name="Check and import").click()
    expect(page.get_by_text("Nothing was imported: 2 problems in hr.csv")).to_be_visible()
    problems = page.get_by_role("table", name="Problems to fix")
    expect(problems.get_by_role("row")).to_have_count(3)
    expect(problems.get_by_role("row").nth(1)).to_contain_text("5")
    expect(problems.get_by_role("row").nth(1)).to_contain_text("grade")
    expect(problems.get_by_role("row").nth(2)).to_contain_text("no one has staff number 'A7'")
    axe.check(page)
    good = tmp_path / "fixed.csv"
    good.write_text("\ufeff" + "\r\n".join([HEADER, *ORG]) + "\r\n", encoding="utf-8")
    page.get_by_label("Upload the HR file").set_input_files(str(good))
    page.get_by_role("button", name="Check and import").click()
    expect(page.get_by_role("heading", name="People imported")).to_be_visible()
    expect(page.get_by_text("Created", exact=True).locator("..")).to_contain_text("5")
    axe.check(page)
