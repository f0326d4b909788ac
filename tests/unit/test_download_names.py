"""Download names built from data (a department's name): any text gives a header every server and browser takes."""

import re

from hypothesis import given
from hypothesis import strategies as st
from werkzeug.http import parse_options_header

from tests.helpers.accounts import sign_in
from tests.helpers.downloads import csv_rows
from webapp.extensions import db
from webapp.models import Department
from webapp.reports.pages import download_name
from webapp.training.years import YearStart, training_year
from webapp.web.csv_export import attachment

# An ASCII name in quotes for old clients, then (for any other name) the name itself, percent-encoded UTF-8.
HEADER = re.compile(r"attachment; filename=\"[A-Za-z0-9._-]+\"(; filename\*=UTF-8''[A-Za-z0-9%._~-]+)?")
HOSTILE = [
    "HM Revenue & Customs",
    "税务局",
    "Département d’été",
    'Home Office"; filename="invoice.exe',
    "Home Office\r\nSet-Cookie: session=stolen",
    "..\\..\\etc/passwd",
    "\u202eexe.csv",  # right-to-left override: shows the name backwards
    "\x00\ud800",
    "",
]


def name_saved_as(header: str) -> str:
    """The file name a browser takes from the header: filename* where given (RFC 6266), else filename."""
    disposition, options = parse_options_header(header)
    assert disposition == "attachment"
    return options["filename"]


@given(st.text())
def test_any_name_gives_an_ascii_header_a_browser_reads_back(filename):
    header = attachment(filename)
    assert HEADER.fullmatch(header), header
    saved = name_saved_as(header)
    assert saved == saved.strip() and saved
    assert not re.search(r'[\x00-\x1f\x7f"\\/]', saved)


@given(st.from_regex(r"[A-Za-z0-9_]+([.-][A-Za-z0-9_]+)*", fullmatch=True))
def test_a_plain_name_is_sent_as_it_is(filename):
    assert attachment(filename) == f'attachment; filename="{filename}"'


def test_a_name_beyond_ascii_keeps_its_letters_and_falls_back_to_ascii():
    header = attachment("data-day-organisation-département-d’été-2025.csv")
    assert header.startswith('attachment; filename="data-day-organisation-departement-dete-2025.csv"; filename*=')
    assert name_saved_as(header) == "data-day-organisation-département-d’été-2025.csv"


def test_a_quote_or_line_break_in_a_name_cannot_add_to_the_header():
    assert name_saved_as(attachment('Home Office"; filename="invoice.exe')) == "Home Office-; filename=-invoice.exe"
    header = attachment("Home Office\r\nSet-Cookie: session=stolen")
    assert "\n" not in header and "\r" not in header
    assert name_saved_as(header) == "Home Office Set-Cookie- session=stolen"


def test_the_organisation_report_is_named_for_any_department():
    year = training_year(2025, YearStart.parse("01-01"))
    for name in HOSTILE:
        header = attachment(download_name(Department(name=name), year))
        assert HEADER.fullmatch(header), header
        assert name_saved_as(header).startswith("data-day-organisation-")


def test_the_organisation_report_downloads_under_a_department_s_own_name(client, org):
    sign_in(client, org["dana"])
    department = db.session.get(Department, org["pat"].department_id)
    for name in HOSTILE[:6]:  # the last few cannot be stored
        department.name = name
        db.session.commit()
        response = client.get(f"/reports/organisation/download?department={department.id}")
        assert csv_rows(response)
        header = response.headers["Content-Disposition"]
        assert HEADER.fullmatch(header), header
        assert header.encode("latin-1")  # what gunicorn sends


def test_the_team_and_training_record_downloads_are_named_for_the_year(client, org):
    sign_in(client, org["pat"])
    record = client.get("/my-training-record/download?year=2025").headers["Content-Disposition"]
    team = client.get("/my-team/download?scope=line&year=2025").headers["Content-Disposition"]
    assert (record, team) == (
        'attachment; filename="data-day-training-record-2025.csv"',
        'attachment; filename="data-day-team-line-2025.csv"',
    )
