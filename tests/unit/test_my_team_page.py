"""My team's page context, built from a report and the filters without a request."""

from datetime import date, datetime
from types import SimpleNamespace

import pytest

from webapp.models.people import User
from webapp.queries.my_team import TeamFilters, TeamReport
from webapp.team.pages import CSV_HEADER, my_team_page, person_row
from webapp.training.years import YearStart, training_year
from webapp.web.pagination import pagination

JANUARY = YearStart(1, 1)
YEAR = training_year(2026, JANUARY)
YEARS = [YEAR, training_year(2025, JANUARY)]


def team_row(name="Ada Byron", status="in_progress", **values):
    row = {
        "id": 7,
        "name": name,
        "grade": "SEO",
        "manager_name": "Grace Hopper",
        "minutes": 90,
        "required": 420,
        "status": status,
        "last_completed_at": None,
        "last_outside_on": None,
    }
    return SimpleNamespace(**(row | values))


def report(rows=(), total=None, page=1, pages=1, met=0, in_progress=0, not_started=0):
    by_status = {"met": met, "in_progress": in_progress, "not_started": not_started}
    total = sum(by_status.values()) if total is None else total
    return TeamReport(list(rows), total, by_status, [total, 0, 0, 0, 0, 0], pages, page)


def page_for(filters=None, team_report=None, leads=(), to_review=0):
    filters = filters or TeamFilters()
    team_report = team_report or report([team_row()], in_progress=1)
    return my_team_page(team_report, filters, YEAR, YEARS, list(leads), ["EO", "SEO"], to_review)


def headers_by_label(page):
    return {header.label: header for header in page.headers}


def test_the_sorted_column_is_marked_and_its_link_turns_the_order_round():
    headers = headers_by_label(page_for(TeamFilters(sort="hours")))
    assert headers["Time counted"].aria_sort == "ascending"
    assert headers["Time counted"].args["order"] == "descending"
    assert headers["Time counted"].next_order == "descending"


def test_a_column_sorted_descending_links_back_to_ascending():
    headers = headers_by_label(page_for(TeamFilters(sort="hours", descending=True)))
    assert headers["Time counted"].aria_sort == "descending"
    assert headers["Time counted"].args["order"] == "ascending"


def test_other_columns_are_unsorted_and_sort_ascending_first():
    headers = headers_by_label(page_for(TeamFilters(sort="hours", descending=True)))
    assert headers["Name"].aria_sort == "none"
    assert headers["Name"].args["sort"] == "name"
    assert headers["Name"].args["order"] == "ascending"


def test_only_time_counted_is_a_numeric_column():
    assert [header.label for header in page_for().headers if header.numeric] == ["Time counted"]


def test_sort_links_keep_the_filters_and_year_and_go_back_to_the_first_page():
    filters = TeamFilters(scope="line", status="met", grade="EO", team=4, page=3)
    args = headers_by_label(page_for(filters))["Grade"].args
    assert args == {
        "scope": "line",
        "status": "met",
        "grade": "EO",
        "team": 4,
        "year": 2026,
        "sort": "grade",
        "order": "ascending",
    }


def test_links_leave_out_filters_that_are_not_set():
    page = page_for(TeamFilters())
    assert page.download_args == {"scope": "direct", "year": 2026, "sort": "name"}


def test_the_download_keeps_every_filter_and_the_sort():
    filters = TeamFilters(scope="line", grade="EO", sort="status", descending=True, page=2)
    page = page_for(filters)
    assert page.download_args == {"scope": "line", "grade": "EO", "year": 2026, "sort": "status", "order": "descending"}


def test_the_chosen_filters_are_selected_with_an_any_choice_first():
    page = page_for(TeamFilters(status="met", grade="SEO"))
    assert page.choices.status[0] == {"value": "", "text": "Any status"}
    assert [item["value"] for item in page.choices.status if item.get("selected")] == ["met"]
    assert [item["text"] for item in page.choices.grade] == ["Any grade", "EO", "SEO"]
    assert [item["value"] for item in page.choices.grade if item.get("selected")] == ["SEO"]


def test_the_scope_radios_check_the_chosen_scope():
    page = page_for(TeamFilters(scope="line"))
    assert [item["value"] for item in page.choices.scope if item["checked"]] == ["line"]


def test_teams_are_offered_only_when_there_are_leads():
    lead = User(id=4, name="Alex Morgan")
    assert page_for(TeamFilters(scope="line")).choices.team == []
    items = page_for(TeamFilters(scope="line", team=4), leads=[lead]).choices.team
    assert items == [
        {"value": "", "text": "All teams"},
        {"value": 4, "text": "Alex Morgan’s team", "selected": True},
    ]


def test_the_year_choice_selects_the_year_shown():
    assert page_for().choices.year == [
        {"value": 2026, "text": "2026", "selected": True},
        {"value": 2025, "text": "2025", "selected": False},
    ]


@pytest.mark.parametrize(
    ("status", "label", "tag"),
    [
        ("met", "Requirement met", "govuk-tag--green"),
        ("in_progress", "In progress", "govuk-tag--blue"),
        ("not_started", "Not started", "govuk-tag--grey"),
    ],
)
def test_each_row_carries_its_status_label_and_tag(status, label, tag):
    row = page_for(team_report=report([team_row(status=status)], met=1)).rows[0]
    assert (row.status_label, row.status_tag) == (label, tag)


def test_a_row_links_to_the_persons_record_for_the_year_and_shows_their_time():
    row = page_for().rows[0]
    assert row.record_args == {"person_id": 7, "year": 2026}
    assert row.time == "1 hour 30 minutes of 7 hours"


def test_last_activity_is_the_later_of_a_completion_and_outside_learning():
    row = person_row(team_row(last_completed_at=datetime(2026, 3, 2, 9), last_outside_on=date(2026, 2, 1)), YEAR)
    assert row.last_activity == date(2026, 3, 2)
    assert row.last_activity_text == "2 March 2026"
    assert person_row(team_row(), YEAR).last_activity_text == "None"


def test_the_download_writes_the_same_row_with_raw_figures():
    row = person_row(team_row(grade=None, last_outside_on=date(2026, 2, 1)), YEAR)
    assert dict(zip(CSV_HEADER, row.csv_cells(), strict=True)) == {
        "Name": "Ada Byron",
        "Grade": "",
        "Line manager": "Grace Hopper",
        "Minutes counted": 90,
        "Minutes required": 420,
        "Status": "In progress",
        "Last activity": date(2026, 2, 1),
    }


def test_the_summary_counts_people_and_the_share_that_met_the_requirement():
    page = page_for(team_report=report([team_row()], met=1, in_progress=1, not_started=1001))
    assert page.figures == [
        ("People", "1,003"),
        ("Requirement met", "1 (0.1%)"),
        ("In progress", "1"),
        ("Not started", "1,001"),
    ]
    assert page.people == "1,003 people"


def test_one_person_is_a_person():
    assert page_for(team_report=report([team_row()], met=1)).people == "1 person"


def test_the_chart_labels_each_band_of_progress():
    bands = page_for(team_report=report([team_row()], in_progress=3)).bands
    assert bands[0] == ("None yet", 3)
    assert bands[-1] == ("Requirement met", 0)


def test_outside_learning_to_confirm_is_counted_in_words():
    assert page_for(to_review=0).to_review is None
    assert page_for(to_review=1).to_review == "1 outside learning entry to confirm"
    assert page_for(to_review=3).to_review == "3 outside learning entries to confirm"


def test_filtered_says_whether_any_filter_narrows_the_people():
    assert not page_for(TeamFilters(scope="line", sort="grade")).filtered
    assert page_for(TeamFilters(team=4)).filtered


def test_the_table_caption_names_the_page():
    assert page_for(team_report=report([team_row()], in_progress=120, page=2, pages=3)).caption == (
        "People shown, page 2 of 3"
    )


def test_one_page_needs_no_pagination():
    assert page_for().pages is None


def numbers(pages):
    return [link.number or "…" for link in pages.items]


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        (1, [1, 2, 3, "…", 10]),
        (4, [1, 2, 3, 4, 5, 6, "…", 10]),
        (5, [1, "…", 3, 4, 5, 6, 7, "…", 10]),
        (10, [1, "…", 8, 9, 10]),
    ],
)
def test_pagination_shows_the_first_the_last_and_two_either_side_with_ellipses_between(page, expected):
    assert numbers(pagination(page, 10, {})) == expected


def test_pagination_marks_the_current_page_and_links_to_its_neighbours():
    pages = pagination(2, 3, {"sort": "name"})
    assert [link.number for link in pages.items if link.current] == [2]
    assert pages.previous == {"sort": "name", "page": 1}
    assert pages.next == {"sort": "name", "page": 3}


def test_the_first_page_has_no_previous_and_the_last_no_next():
    assert pagination(1, 3, {}).previous is None
    assert pagination(3, 3, {}).next is None


def test_page_links_keep_the_filters_and_sort():
    filters = TeamFilters(scope="line", status="not_started", sort="hours", descending=True)
    pages = page_for(filters, report([team_row()], not_started=150, pages=3)).pages
    assert pages.items[1].args == {
        "scope": "line",
        "status": "not_started",
        "year": 2026,
        "sort": "hours",
        "order": "descending",
        "page": 2,
    }
