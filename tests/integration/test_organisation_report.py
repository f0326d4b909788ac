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


def test_changing_a_department_setting_is_audited(client, org):
    from sqlalchemy import select

    from webapp.extensions import db
    from webapp.models import AuditEvent

    sign_in(client, org["rae"])
    home_office = org["rae"].reports_on_department_id
    post_form(
        client,
        f"/reports/departments/{home_office}/settings",
        {"count_unconfirmed": "no"},
        token_from="/reports/organisation",
    )
    [entry] = db.session.scalars(select(AuditEvent).where(AuditEvent.event == "department_setting_changed"))
    assert entry.actor_id == org["rae"].id
    assert '"after": false' in entry.details and '"before": true' in entry.details
