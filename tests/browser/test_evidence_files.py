"""Evidence on outside learning in the browser: a learner attaches a file (after a wrong one is refused), their
record shows it, and their line manager opens it while confirming the learning. axe at phone and desktop widths."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.helpers.browser import browser_sign_in
from tests.helpers.evidence import HTML, PDF
from webapp.db.clock import uk_today
from webapp.web.labels import long_date

pytestmark = pytest.mark.browser


@pytest.fixture
def settings(settings, tmp_path):
    return {**settings, "EVIDENCE_DIR": str(tmp_path / "evidence")}


def fill_in_learning(page, evidence: Path) -> None:
    today = uk_today()
    page.get_by_label("What did you do?").fill("Data ethics workshop")
    page.get_by_label("Who provided it?").fill("Analysis Function")
    page.get_by_label("Day").fill(str(today.day))
    page.get_by_label("Month").fill(str(today.month))
    page.get_by_label("Year").fill(str(today.year))
    page.get_by_label("How long did it take, in minutes?").fill("90")
    page.get_by_label("Evidence (optional)").set_input_files(evidence)


def test_a_learner_attaches_evidence_and_their_manager_opens_it_when_confirming(
    page, live_server, axe, foreign_requests, org, tmp_path
):
    disguised, certificate = tmp_path / "certificate.pdf", tmp_path / "attendance.pdf"
    disguised.write_bytes(HTML)
    certificate.write_bytes(PDF)

    browser_sign_in(page, live_server, org["sam"])
    page.get_by_role("link", name="My training record").click()
    page.get_by_role("button", name="Log learning done elsewhere").click()
    expect(page.get_by_role("heading", name="Log learning done elsewhere")).to_be_visible()
    axe.check_widths(page)

    fill_in_learning(page, disguised)
    page.get_by_role("button", name="Save").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary.get_by_role("link")).to_have_text(["The selected file must be a PDF, PNG or JPEG"])
    axe.check_widths(page)

    page.get_by_label("Evidence (optional)").set_input_files(certificate)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Data ethics workshop added to your training record")).to_be_visible()
    row = page.get_by_role("row", name="Data ethics workshop")
    expect(row.get_by_role("cell").nth(3)).to_contain_text("Evidence file attached")
    expect(row.get_by_role("link", name="attendance.pdf (evidence for Data ethics workshop)")).to_be_visible()
    axe.check_widths(page)

    row.get_by_role("link", name="Change Data ethics workshop").click()
    expect(page.locator("#evidence-attached")).to_contain_text("attendance.pdf")
    expect(page.get_by_label("Replace it with another file (optional)")).to_be_visible()
    expect(page.get_by_label("Remove the evidence file")).not_to_be_checked()
    axe.check_widths(page)
    page.get_by_role("button", name="Sign out").click()

    browser_sign_in(page, live_server, org["alex"])
    page.goto(f"{live_server}/my-team/outside-learning")
    evidence = page.get_by_role("link", name="attendance.pdf (evidence for Data ethics workshop)")
    expect(evidence).to_be_visible()
    axe.check_widths(page)
    with page.expect_download() as download:
        evidence.click()
    assert download.value.suggested_filename == "attendance.pdf"
    assert Path(download.value.path()).read_bytes() == PDF

    page.get_by_role("button", name="Confirm Data ethics workshop for Sam Jones").click()
    expect(page.get_by_text("You confirmed Data ethics workshop")).to_be_visible()
    page.goto(f"{live_server}/my-team/people/{org['sam'].id}")
    row = page.get_by_role("row", name="Data ethics workshop")
    expect(row.get_by_role("cell").nth(3)).to_contain_text(
        f"Confirmed by their manager, Alex Smith, on {long_date(uk_today())}. Evidence file attached"
    )
    axe.check_widths(page)
    assert foreign_requests == []
