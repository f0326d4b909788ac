"""The organisation report's page context and its download, built from a report without a request."""

from webapp.models.people import Department
from webapp.org.suppression import SUPPRESSED, Group
from webapp.queries.organisation_report import OrgReport
from webapp.reports.pages import CSV_HEADER, download_name, organisation_csv_lines, organisation_page
from webapp.training.years import YearStart, training_year

JANUARY = YearStart(1, 1)
YEAR = training_year(2026, JANUARY)
YEARS = [YEAR, training_year(2025, JANUARY)]
HOME_OFFICE = Department(id=3, name="Home Office")
CABINET_OFFICE = Department(id=2, name="Cabinet Office")


def org_report(trend=(("2026-01", 90), ("2026-02", 150))):
    return OrgReport(
        total=Group("All", 1240, 310, 400),
        by_department=[Group("Cabinet Office", 1236, 310, 398), Group("Home Office", 4, 0, 2, suppressed=True)],
        by_grade=[Group("EO", 1000, 300, 300), Group("SEO", 240, 10, 100)],
        trend=list(trend) if trend is not None else None,
    )


def page_for(report=None, department=None, departments=()):
    return organisation_page(report or org_report(), YEAR, YEARS, department, list(departments))


def test_all_departments_shows_a_table_by_department_and_by_grade():
    assert [table.caption for table in page_for().tables] == ["By department", "By grade"]


def test_one_department_shows_only_its_grades():
    page = page_for(department=HOME_OFFICE)
    assert page.scope_name == "Home Office"
    assert [table.caption for table in page.tables] == ["By grade"]


def test_a_table_heads_its_groups_then_the_figures():
    head = page_for().tables[1].head
    assert [cell["text"] for cell in head] == ["Grade", "People", "Requirement met", "Percentage met", "Not started"]
    assert [cell.get("format") for cell in head] == [None, "numeric", "numeric", "numeric", "numeric"]


def test_a_group_shows_its_figures_with_thousands_and_a_percentage():
    row = page_for().tables[0].rows[0]
    assert [cell["text"] for cell in row] == ["Cabinet Office", "1,236", "310", "25.1%", "398"]


def test_a_suppressed_group_shows_one_cell_saying_so_across_the_figures():
    row = page_for().tables[0].rows[1]
    assert row == [{"text": "Home Office"}, {"text": SUPPRESSED, "colspan": 4}]


def test_the_figures_sum_up_the_whole_scope():
    assert page_for().figures == [("People", "1,240"), ("Requirement met", "25.0%"), ("Not started", "400")]


def test_the_trend_is_in_whole_hours_and_absent_when_too_few_people():
    assert page_for().trend == [("2026-01", 2), ("2026-02", 2)]
    assert page_for(org_report(trend=None)).trend == []


def test_only_admins_get_a_department_choice_with_theirs_selected():
    assert page_for().department_items == []
    items = page_for(department=HOME_OFFICE, departments=[CABINET_OFFICE, HOME_OFFICE]).department_items
    assert items[0] == {"value": "", "text": "All departments"}
    assert [item["text"] for item in items if item.get("selected")] == ["Home Office"]


def test_the_year_choice_selects_the_year_shown():
    assert [item["value"] for item in page_for().year_items if item["selected"]] == [2026]


def test_the_download_link_keeps_the_department_and_year():
    assert page_for().download_args == {"year": 2026}
    assert page_for(department=HOME_OFFICE).download_args == {"department": 3, "year": 2026}


def test_the_download_has_every_breakdown_then_the_trend():
    lines = list(organisation_csv_lines(org_report()))
    assert CSV_HEADER == ["Breakdown", "Group", "People", "Requirement met", "Percentage met", "Not started"]
    assert lines == [
        ["All", "All", 1240, 310, 25.0, 400],
        ["Department", "Cabinet Office", 1236, 310, 25.1, 398],
        ["Department", "Home Office", SUPPRESSED, SUPPRESSED, SUPPRESSED, SUPPRESSED],
        ["Grade", "EO", 1000, 300, 30.0, 300],
        ["Grade", "SEO", 240, 10, 4.2, 100],
        ["Minutes logged by month", "2026-01", "", "", "", 90],
        ["Minutes logged by month", "2026-02", "", "", "", 150],
    ]


def test_the_download_is_named_for_its_scope_and_year():
    assert download_name(None, YEAR) == "data-day-organisation-all-departments-2026.csv"
    assert download_name(HOME_OFFICE, YEAR) == "data-day-organisation-home-office-2026.csv"
