"""What My team shows, built without a request: filter choices, sortable headers, rows, pages, figures.

The page and its CSV download read each person's row through `person_row`, so they agree on every value.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from webapp.models.people import User
from webapp.queries.my_team import TeamFilters, TeamReport
from webapp.training.requirement import IN_PROGRESS, MET, NOT_STARTED, format_minutes
from webapp.training.years import TrainingYear
from webapp.web.choices import query_args, select_items
from webapp.web.figures import BarChart, bar_chart
from webapp.web.labels import BAND_LABELS, STATUS_LABELS, STATUS_TAGS, long_date
from webapp.web.pagination import Pagination, pagination
from webapp.web.years import year_choices

# (sort key, heading, numeric)
COLUMNS = [
    ("name", "Name", False),
    ("grade", "Grade", False),
    ("manager", "Line manager", False),
    ("hours", "Time counted", True),
    ("status", "Status", False),
]
CSV_HEADER = ["Name", "Grade", "Line manager", "Minutes counted", "Minutes required", "Status", "Last activity"]


@dataclass(frozen=True)
class SortHeader:
    label: str
    args: dict  # the link that sorts by this column, in `next_order`
    next_order: str
    aria_sort: str  # "ascending", "descending" or "none"
    numeric: bool


@dataclass(frozen=True)
class PersonRow:
    person_id: int
    name: str
    grade: str | None
    manager: str | None
    minutes: int
    required: int
    status: str
    last_activity: date | None  # their latest completion or outside learning in the year
    year_label: int

    @property
    def record_args(self) -> dict:
        return {"person_id": self.person_id, "year": self.year_label}

    @property
    def time(self) -> str:
        return f"{format_minutes(self.minutes)} of {format_minutes(self.required)}"

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def status_tag(self) -> str:
        return STATUS_TAGS[self.status]

    @property
    def last_activity_text(self) -> str:
        return long_date(self.last_activity) if self.last_activity else "None"

    def csv_cells(self) -> list:
        return [
            self.name,
            self.grade or "",
            self.manager or "",
            self.minutes,
            self.required,
            self.status_label,
            self.last_activity or "",
        ]


@dataclass(frozen=True)
class FilterChoices:
    """GOV.UK radio and select items, the current filters chosen."""

    scope: list[dict]
    status: list[dict]
    grade: list[dict]
    team: list[dict]  # empty: no team filter (direct reports only, or no one below manages people)
    year: list[dict]


@dataclass(frozen=True)
class MyTeamPage:
    year: TrainingYear
    filters: TeamFilters
    choices: FilterChoices
    total: int
    figures: list[tuple[str, str]]  # summary: (what, how many)
    bands: list[tuple[str, int]]  # the chart: people in each band of progress
    headers: list[SortHeader]
    rows: list[PersonRow]
    caption: str
    pages: Pagination | None
    download_args: dict
    people: str  # "1 person", "1,234 people"
    to_review: str | None  # the link to outside learning waiting for this manager

    @property
    def line(self) -> bool:
        return self.filters.scope == "line"

    @property
    def filtered(self) -> bool:
        return bool(self.filters.status or self.filters.grade or self.filters.team)

    @property
    def progress_chart(self) -> BarChart:
        return bar_chart(self.bands)


def last_activity(row) -> date | None:
    days = [day for day in (row.last_completed_at and row.last_completed_at.date(), row.last_outside_on) if day]
    return max(days) if days else None


def person_row(row, year: TrainingYear) -> PersonRow:
    """A row of team_report or all_team_rows as the page and the download show it."""
    return PersonRow(
        row.id,
        row.name,
        row.grade,
        row.manager_name,
        row.minutes,
        row.required,
        row.status,
        last_activity(row),
        year.label,
    )


def team_csv_lines(rows: Iterable, year: TrainingYear) -> Iterator[list]:
    return (person_row(row, year).csv_cells() for row in rows)


def my_team_page(
    report: TeamReport,
    filters: TeamFilters,
    year: TrainingYear,
    years: list[TrainingYear],
    leads: list[User],
    grades: Iterable[str],
    to_review: int,
) -> MyTeamPage:
    args = _filter_args(filters, year)
    return MyTeamPage(
        year=year,
        filters=filters,
        choices=filter_choices(filters, year, years, leads, grades),
        total=report.total,
        figures=_figures(report),
        bands=list(zip(BAND_LABELS, report.bands, strict=True)),
        headers=sort_headers(filters, args),
        rows=[person_row(row, year) for row in report.rows],
        caption=f"People shown, page {report.page} of {report.pages}",
        pages=pagination(report.page, report.pages, args),
        download_args=query_args(args),
        people=f"{report.total:,} {'person' if report.total == 1 else 'people'}",
        to_review=f"{to_review} outside learning {'entry' if to_review == 1 else 'entries'} to confirm"
        if to_review
        else None,
    )


def filter_choices(
    filters: TeamFilters, year: TrainingYear, years: list[TrainingYear], leads: list[User], grades: Iterable[str]
) -> FilterChoices:
    teams = ((lead.id, f"{lead.name}’s team") for lead in leads)
    return FilterChoices(
        scope=[
            {"value": "direct", "text": "My direct reports", "checked": filters.scope != "line"},
            {"value": "line", "text": "Everyone in my line, at any level", "checked": filters.scope == "line"},
        ],
        status=select_items(STATUS_LABELS.items(), filters.status, "Any status"),
        grade=select_items(((grade, grade) for grade in grades), filters.grade, "Any grade"),
        team=select_items(teams, filters.team, "All teams") if leads else [],
        year=year_choices(years, year),
    )


def _filter_args(filters: TeamFilters, year: TrainingYear) -> dict:
    """What every link on the page keeps: the filters, the year and the sort (None: left out of the link)."""
    return {
        "scope": filters.scope,
        "status": filters.status,
        "grade": filters.grade,
        "team": filters.team,
        "year": year.label,
        "sort": filters.sort,
        "order": "descending" if filters.descending else None,
    }


def sort_headers(filters: TeamFilters, args: dict) -> list[SortHeader]:
    """Each column sorts ascending first; the sorted column's link turns its order round and goes to page 1."""
    headers = []
    for key, label, numeric in COLUMNS:
        current = filters.sort == key
        next_order = "descending" if current and not filters.descending else "ascending"
        order = ("descending" if filters.descending else "ascending") if current else "none"
        headers.append(
            SortHeader(label, query_args(args, sort=key, order=next_order, page=None), next_order, order, numeric)
        )
    return headers


def _figures(report: TeamReport) -> list[tuple[str, str]]:
    if not report.total:
        return []
    met = report.by_status[MET]
    return [
        ("People", f"{report.total:,}"),
        ("Requirement met", f"{met:,} ({round(met * 100 / report.total, 1)}%)"),
        ("In progress", f"{report.by_status[IN_PROGRESS]:,}"),
        ("Not started", f"{report.by_status[NOT_STARTED]:,}"),
    ]
