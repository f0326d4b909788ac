"""Numbers too big for the database, in an address or a query: a 404 or the page's default, never a 500.

PostgreSQL's integer ends at 2**31 - 1 and SQLite's at 2**63 - 1; past them the query itself fails.
"""

import re

import pytest

from tests.helpers.accounts import post_form, sign_in
from tests.helpers.downloads import csv_rows
from tests.helpers.html import get_page
from tests.helpers.routes import POST_ONLY, PRIVATE

TOO_BIG = ["2147483648", "9223372036854775808", "99999999999999999999"]
ID_ROUTES = [rule for rule in PRIVATE if "<int:" in rule]


@pytest.mark.parametrize("rule", ID_ROUTES)
def test_an_id_too_big_for_the_database_is_not_found(client, org, rule):
    sign_in(client, org["dana"])  # an admin: every route would look the id up
    for number in TOO_BIG:
        path = re.sub(r"<int:\w+>", number, rule)
        if rule in POST_ONLY:
            response = post_form(client, path, token_from="/reports/organisation")
        else:
            response = client.get(path)
        assert response.status_code == 404, path


def test_the_largest_id_the_database_holds_is_looked_up_as_usual(client, org):
    sign_in(client, org["dana"])
    assert client.get(f"/admin/people/{2**31 - 1}/manager").status_code == 404
    assert client.get(f"/admin/people/{org['sam'].id}/manager").status_code == 200


def test_a_team_page_or_team_too_big_for_the_database_shows_the_first_page_of_everyone(client, org):
    sign_in(client, org["pat"])
    # A page past the last shows the first, whatever its size; a team too big for the database is no team.
    queries = [f"page={number}&team={number}" for number in TOO_BIG] + [f"page={2**31 - 1}"]
    for query in queries:
        page = get_page(client, f"/my-team?scope=line&{query}")
        assert [row[0] for row in page.table_rows("People")] == ["Alex Smith", "Mo Khan", "Sam Jones"]
        rows = csv_rows(client.get(f"/my-team/download?scope=line&{query}"))
        assert [row[0] for row in rows[1:]] == ["Alex Smith", "Mo Khan", "Sam Jones"]


def test_a_department_too_big_for_the_database_reports_on_the_default_scope(client, org):
    sign_in(client, org["dana"])
    for number in TOO_BIG:
        page = get_page(client, f"/reports/organisation?department={number}")
        assert page.heading() == "Organisation report: All departments"
        assert csv_rows(client.get(f"/reports/organisation/download?department={number}"))[0]
    sign_in(client, org["rae"])  # the reporting role gets their own department, as for anything not a department
    for number in TOO_BIG:
        assert (
            get_page(client, f"/reports/organisation?department={number}").heading()
            == "Organisation report: Home Office"
        )


def test_a_year_too_big_for_the_database_is_not_found(client, org):
    sign_in(client, org["dana"])
    for path in ("/my-training-record", "/my-training-record/download", "/my-team", "/reports/organisation"):
        for number in TOO_BIG:
            assert client.get(f"{path}?year={number}").status_code == 404, path
