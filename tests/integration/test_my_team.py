"""My team: a manager's direct reports or whole line, filtered, sorted and paged, and each report's record."""

from tests.helpers.accounts import sign_in
from tests.helpers.html import get_page
from tests.helpers.rows import course_items, make_completion, make_outside_learning
from webapp.extensions import db
from webapp.queries.my_team import TeamFilters, team_report
from webapp.web.years import current_training_year


def names_on(client, path: str) -> list[str]:
    """The people listed in the page's table, in order (none when no one matches)."""
    page = get_page(client, path)
    return [row[0] for row in page.table_rows("People")] if page.has_table("People") else []


def test_a_manager_reads_a_report_s_record_but_cannot_change_it(client, org):
    make_outside_learning(org["sam"])
    sign_in(client, org["pat"])
    page = get_page(client, f"/my-team/people/{org['sam'].id}")
    assert page.heading() == "Sam Jones’s training record"
    [learning] = [row[1] for row in page.table_rows("Learning recorded")]
    assert learning.startswith("Stats webinar Outside learning: ONS")
    assert not [link for link in page.links() if link.href.startswith("/outside-learning/")]
    assert "Log learning done elsewhere" not in page.main_text()


def test_the_team_page_filters_sorts_and_pages(client, org):
    year = current_training_year()
    for item in course_items():
        make_completion(org["sam"], item)
    sign_in(client, org["pat"])
    assert names_on(client, "/my-team?scope=line&status=in_progress") == ["Sam Jones"]
    assert names_on(client, "/my-team?scope=line&grade=G7") == ["Alex Smith"]
    assert names_on(client, f"/my-team?scope=line&team={org['alex'].id}") == ["Alex Smith", "Sam Jones"]
    assert names_on(client, f"/my-team?scope=line&team={org['lee'].id}") == []  # not one of Pat's teams
    assert names_on(client, "/my-team?scope=line") == ["Alex Smith", "Mo Khan", "Sam Jones"]
    assert names_on(client, "/my-team?scope=line&sort=hours&order=descending")[0] == "Sam Jones"
    assert names_on(client, "/my-team?scope=line&sort=hours")[-1] == "Sam Jones"
    first = team_report(db.session, org["pat"], year, 420, TeamFilters(scope="line"), page_size=2)
    assert (first.total, first.pages, first.page, [row.name for row in first.rows]) == (
        3,
        2,
        1,
        ["Alex Smith", "Mo Khan"],
    )
    second = team_report(db.session, org["pat"], year, 420, TeamFilters(scope="line", page=2), page_size=2)
    assert (second.page, [row.name for row in second.rows], second.by_status) == (2, ["Sam Jones"], first.by_status)
    beyond = team_report(db.session, org["pat"], year, 420, TeamFilters(scope="line", page=9), page_size=2)
    assert beyond.page == 1 and [row.name for row in beyond.rows] == ["Alex Smith", "Mo Khan"]
