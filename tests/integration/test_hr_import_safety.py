"""A full HR import cannot lock out the admin running it or the last admin, and deactivating more than a set
share of active people waits until someone confirms the exact number (a truncated export looks like leavers)."""

import io

import pytest
from sqlalchemy import func, select

from tests.helpers.accounts import csrf_token, make_user, sign_in
from tests.helpers.html import parse
from tests.helpers.organisation import PEOPLE, hr_file, hr_row
from webapp.extensions import db
from webapp.models import User
from webapp.org.import_safety import Deactivations, needs_confirmation, refusal
from webapp.queries.hr_import import import_hr_file

EVERYONE = list(PEOPLE)


def active_count() -> int:
    return db.session.scalar(select(func.count()).select_from(User).where(User.active))


def import_everyone() -> None:
    assert import_hr_file(db.session, hr_file(*(hr_row(key) for key in EVERYONE))).ok
    db.session.commit()


def make_admin(key: str) -> User:
    person = db.session.scalar(select(User).where(User.staff_number == PEOPLE[key].staff_number))
    person.is_admin = True
    db.session.commit()
    return person


def upload(client, rows: list[str], **fields):
    data = {"csrf_token": csrf_token(client, "/admin/people/import"), **fields}
    data["file"] = (io.BytesIO(hr_file(*rows)), "hr.csv")
    return client.post("/admin/people/import", data=data, content_type="multipart/form-data")


def test_an_admin_cannot_deactivate_themselves_by_import(client):
    dana = make_user("Dana Admin", email=PEOPLE["dana"].email, admin=True)  # the import adopts this account
    import_everyone()
    sign_in(client, dana)
    page = parse(upload(client, [hr_row(key) for key in EVERYONE if key != "dana"]))
    assert (
        page.text_of("#import-refused")
        == "This file would deactivate your own account. Ask another admin to import it."
    )
    assert db.session.get(User, dana.id).active


def test_an_import_cannot_deactivate_the_last_admin(runner, tmp_path):
    import_everyone()
    make_admin("dana")
    path = tmp_path / "hr.csv"
    path.write_bytes(hr_file(*(hr_row(key) for key in EVERYONE if key != "dana")))
    result = runner.invoke(args=["people", "import", str(path), "--confirm-deactivations", "1"])
    assert result.exit_code == 1
    assert "would deactivate every admin" in result.output
    assert active_count() == len(EVERYONE)


def test_a_big_share_leaving_waits_for_the_exact_number_on_the_command_line(runner, tmp_path):
    import_everyone()
    path = tmp_path / "hr.csv"
    path.write_bytes(hr_file(*(hr_row(key) for key in ["pat", "alex", "sam", "dana"])))  # 4 of 8 leave
    stopped = runner.invoke(args=["people", "import", str(path)])
    assert stopped.exit_code == 1
    assert "would deactivate 4 people" in stopped.output and "--confirm-deactivations 4" in stopped.output
    assert "Kim Lee (B1)" in stopped.output
    assert active_count() == 8
    wrong = runner.invoke(args=["people", "import", str(path), "--confirm-deactivations", "3"])
    assert wrong.exit_code == 1 and active_count() == 8
    done = runner.invoke(args=["people", "import", str(path), "--confirm-deactivations", "4"])
    assert done.exit_code == 0, done.output
    assert active_count() == 4


def test_a_big_share_leaving_asks_for_confirmation_in_the_browser(client):
    admin = make_user(admin=True)  # not in the HR file, so never deactivated by it
    import_everyone()
    sign_in(client, admin)
    rows = [hr_row(key) for key in ["pat", "alex", "sam", "dana"]]
    page = parse(upload(client, rows))
    assert page.text_of(".govuk-notification-banner__heading").endswith("would deactivate 4 people, more than usual")
    assert "Kim Lee (B1)" in page.texts("#leaving li")
    assert page.field_value("deactivations") == "4"
    assert active_count() == 9

    confirmed = parse(upload(client, rows, deactivations="4", confirmed="y"))
    assert confirmed.text_of(".govuk-panel__title") == "People imported"
    assert active_count() == 5


def test_a_confirmation_for_another_number_does_not_carry_over(client):
    admin = make_user(admin=True)
    import_everyone()
    sign_in(client, admin)
    page = parse(upload(client, [hr_row(key) for key in ["pat", "dana"]], deactivations="4", confirmed="y"))
    assert page.field_value("deactivations") == "6"
    assert active_count() == 9


def test_the_share_is_a_setting(app, runner, tmp_path):
    app.config["HR_DEACTIVATION_SHARE"] = 0.6
    import_everyone()
    path = tmp_path / "hr.csv"
    path.write_bytes(hr_file(*(hr_row(key) for key in ["pat", "alex", "sam", "dana"])))
    assert runner.invoke(args=["people", "import", str(path)]).exit_code == 0


@pytest.mark.parametrize(
    ("leaving", "active", "confirmed", "asks"),
    [(1, 10, None, False), (2, 10, None, True), (2, 10, 2, False), (2, 10, 3, True), (0, 0, None, False)],
)
def test_the_confirmation_rule(leaving, active, confirmed, asks):
    plan = Deactivations(leaving=frozenset(range(leaving)), active_people=active, active_admins=frozenset({99}))
    assert needs_confirmation(plan, 0.10, confirmed) is asks
    assert refusal(plan, acting_id=None) is None
