"""What the organisation report shows and downloads, built without a request.

The tables on the page and the rows of the CSV come from the same breakdowns and the same figures of each group.
"""

from collections.abc import Iterator
from dataclasses import dataclass

from webapp.models.people import Department
from webapp.org.suppression import SUPPRESSED, Group
from webapp.queries.organisation_report import OrgReport
from webapp.training.years import TrainingYear
from webapp.web.choices import query_args, select_items
from webapp.web.figures import BarChart, FigureTable, bar_chart, numeric_cell, table_head
from webapp.web.years import year_choices

COLUMNS = ("People", "Requirement met", "Percentage met", "Not started")
CSV_HEADER = ["Breakdown", "Group", *COLUMNS]


@dataclass(frozen=True)
class OrganisationPage:
    year: TrainingYear
    department: Department | None  # None: every department
    scope_name: str
    department_items: list[dict]  # empty: no choice of department (the reporting role sees its own)
    year_items: list[dict]
    suppressed: bool  # too few people in scope for any figure
    figures: list[tuple[str, str]]  # the whole scope: (what, how many)
    tables: list[FigureTable]
    trend: list[tuple[str, int]]  # (YYYY-MM, hours); empty when there is none to show
    download_args: dict

    @property
    def trend_chart(self) -> BarChart:
        return bar_chart(self.trend)


def breakdowns(report: OrgReport) -> list[tuple[str, list[Group]]]:
    return [("All", [report.total]), ("Department", report.by_department), ("Grade", report.by_grade)]


def group_figures(group: Group) -> list:
    """A group's figures in COLUMNS' order; each one says it is suppressed when the group is too small."""
    if group.suppressed:
        return [SUPPRESSED] * len(COLUMNS)
    return [group.people, group.met, group.percent_met, group.not_started]


def organisation_page(
    report: OrgReport,
    year: TrainingYear,
    years: list[TrainingYear],
    department: Department | None,
    departments: list[Department],
) -> OrganisationPage:
    total = report.total
    return OrganisationPage(
        year=year,
        department=department,
        scope_name=department.name if department else "All departments",
        department_items=select_items(
            ((choice.id, choice.name) for choice in departments), department and department.id, "All departments"
        )
        if departments
        else [],
        year_items=year_choices(years, year),
        suppressed=total.suppressed,
        figures=[
            ("People", f"{total.people:,}"),
            ("Requirement met", f"{total.percent_met}%"),
            ("Not started", f"{total.not_started:,}"),
        ],
        tables=[
            figure_table(name, groups)
            for name, groups in breakdowns(report)[1:]
            if not (department and name == "Department")  # one department: its total is the figures above
        ],
        trend=[(month, int(round(minutes / 60))) for month, minutes in report.trend or []],
        download_args=query_args({"department": department and department.id, "year": year.label}),
    )


def figure_table(name: str, groups: list[Group]) -> FigureTable:
    return FigureTable(f"By {name.lower()}", table_head(name, *COLUMNS), [_table_row(group) for group in groups])


def _table_row(group: Group) -> list[dict]:
    if group.suppressed:
        return [{"text": group.label}, {"text": SUPPRESSED, "colspan": len(COLUMNS)}]
    people, met, percent_met, not_started = group_figures(group)
    figures = [f"{people:,}", f"{met:,}", f"{percent_met}%", f"{not_started:,}"]
    return [{"text": group.label}] + [numeric_cell(figure) for figure in figures]


def organisation_csv_lines(report: OrgReport) -> Iterator[list]:
    for name, groups in breakdowns(report):
        for group in groups:
            yield [name, group.label, *group_figures(group)]
    for month, minutes in report.trend or []:
        yield ["Minutes logged by month", month, "", "", "", minutes]


def download_name(department: Department | None, year: TrainingYear) -> str:
    scope = department.name if department else "all-departments"
    return f"data-day-organisation-{'-'.join(scope.lower().split())}-{year.label}.csv"
