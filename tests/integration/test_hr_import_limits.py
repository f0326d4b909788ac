"""HR files the database or the csv module would choke on: each is a row-numbered problem, and nothing changes."""

import csv
import io

import pytest
from sqlalchemy import text

from tests.helpers.accounts import make_user, post_form, sign_in
from tests.helpers.html import parse
from tests.helpers.organisation import hr_file, hr_row
from webapp.extensions import db
from webapp.queries.hr_import import import_hr_file

FOUR = [hr_row("pat"), hr_row("alex"), hr_row("sam"), hr_row("kim")]
TOO_LONG = "x" * (csv.field_size_limit() + 1)  # the csv module refuses a field this long


def snapshot() -> list:
    return [list(db.session.execute(text(f"SELECT * FROM {name} ORDER BY id"))) for name in ("users", "departments")]


def import_by_command(runner, tmp_path, data: bytes) -> list[str]:
    """The problems `flask people import` prints, without the file name in front."""
    path = tmp_path / "hr.csv"
    path.write_bytes(data)
    result = runner.invoke(args=["people", "import", str(path)])
    assert result.exit_code == 1, result.output
    assert "Nothing was imported" in result.output
    return [line.removeprefix(f"{path}: ") for line in result.output.splitlines() if line.startswith(str(path))]


def import_by_upload(client, data: bytes) -> list[list[str]]:
    """The problems the admin upload page lists: row, column, problem."""
    form = {"file": (io.BytesIO(data), "hr.csv")}
    page = parse(post_form(client, "/admin/people/import", form, token_from="/admin/people/import"))
    assert page.text_of(".govuk-error-summary__title").startswith("Nothing was imported")
    return page.table("Problems to fix").rows


@pytest.fixture
def imported(app):
    """The four people already in Data Day, and an account someone made before HR sent their record."""
    import_hr_file(db.session, hr_file(*FOUR))
    make_user("Early Bird", email="early@example.gov.uk")
    db.session.commit()


def test_a_value_too_long_for_the_csv_reader_is_a_problem_on_its_row_by_command(runner, tmp_path, imported):
    before = snapshot()
    data = hr_file(*FOUR[:2], hr_row("sam", name=TOO_LONG), FOUR[3])
    [problem] = import_by_command(runner, tmp_path, data)
    assert problem.startswith("row 4: has a value longer than 131072 characters")
    db.session.rollback()
    assert snapshot() == before


def test_a_value_too_long_for_the_csv_reader_is_a_problem_on_its_row_by_upload(client, imported):
    sign_in(client, make_user(admin=True))
    before = snapshot()
    [problem] = import_by_upload(client, hr_file(*FOUR[:2], hr_row("sam", name=TOO_LONG), FOUR[3]))
    assert problem[:2] == ["4", "–"] and problem[2].startswith("has a value longer than 131072 characters")
    assert snapshot() == before


def test_a_header_too_long_for_the_csv_reader_is_a_problem_on_row_1(runner, tmp_path, imported):
    assert import_by_command(runner, tmp_path, hr_file(header=TOO_LONG))[0].startswith("row 1: has a value longer")


def test_an_email_of_another_account_for_a_known_staff_number_is_refused_by_command(runner, tmp_path, imported):
    before = snapshot()
    data = hr_file(*FOUR[:2], hr_row("sam", email="early@example.gov.uk"), FOUR[3])
    problems = import_by_command(runner, tmp_path, data)
    assert problems == ["row 4, column email: 'early@example.gov.uk' belongs to another account in Data Day"]
    db.session.rollback()
    assert snapshot() == before


def test_an_email_of_another_account_for_a_known_staff_number_is_refused_by_upload(client, imported):
    sign_in(client, make_user(admin=True))
    before = snapshot()
    data = hr_file(*FOUR[:2], hr_row("sam", email="early@example.gov.uk"), FOUR[3])
    assert import_by_upload(client, data) == [
        ["4", "email", "'early@example.gov.uk' belongs to another account in Data Day"]
    ]
    assert snapshot() == before


def test_two_people_in_the_file_can_swap_emails(imported):
    swapped = [FOUR[0], hr_row("alex", email="sam@example.gov.uk"), hr_row("sam", email="alex@example.gov.uk"), FOUR[3]]
    result = import_hr_file(db.session, hr_file(*swapped))
    db.session.commit()
    assert result.ok and result.updated == 2
    emails = {row.staff_number: row.email for row in db.session.execute(text("SELECT staff_number, email FROM users"))}
    assert (emails["A2"], emails["A3"]) == ("sam@example.gov.uk", "alex@example.gov.uk")


def test_a_new_person_can_take_the_email_of_someone_changing_theirs(imported):
    moved = [*FOUR[:2], hr_row("sam", email="sam.jones@example.gov.uk"), FOUR[3]]
    newcomer = "A5,sam@example.gov.uk,Sam Other,Home Office,EO,A1,1,true"
    result = import_hr_file(db.session, hr_file(*moved, newcomer))
    db.session.commit()
    assert result.ok and (result.created, result.updated) == (1, 1)
