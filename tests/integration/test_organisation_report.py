"""The organisation report: figures by department and grade, small groups hidden, and the reporting role
limited to its own department."""

from tests.helpers.accounts import post_form, sign_in
from tests.helpers.html import get_page


def test_the_report_shows_each_department_and_hides_groups_under_five(client, org):
    sign_in(client, org["dana"])
    page = get_page(client, "/reports/organisation")
    assert page.heading() == "Organisation report: All departments"
    assert page.table_rows("By department") == [
        ["Cabinet Office", "fewer than 5"],
        ["HM Treasury", "fewer than 5"],
        ["Home Office", "5", "0", "0.0%", "5"],
    ]


def test_the_reporting_role_sees_only_its_own_department(client, org):
    sign_in(client, org["rae"])
    page = get_page(client, "/reports/organisation")
    assert page.heading() == "Organisation report: Home Office"
    assert not page.has_table("By department")
    treasury = org["kim"].department_id
    assert client.get(f"/reports/organisation?department={treasury}").status_code == 403
    assert client.get(f"/reports/organisation/download?department={treasury}").status_code == 403
    assert (
        post_form(
            client,
            f"/reports/departments/{treasury}/settings",
            {"count_unconfirmed": "no"},
            token_from="/reports/organisation",
        ).status_code
        == 403
    )
