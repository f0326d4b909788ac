"""The HR import, through `flask people import` and the admin upload page: all or nothing, and idempotent."""

import io

from sqlalchemy import func, select, text

from tests.helpers.accounts import choose_password, link_path, make_user, post_form, sign_in
from tests.helpers.html import parse
from tests.helpers.organisation import hr_file, hr_row
from tests.helpers.rows import course_item, make_completion
from webapp.extensions import db
from webapp.models import Completion, Department, User
from webapp.queries.hr_import import import_hr_file

# Pat manages Alex, who manages Sam; Kim is in another department. (Row 1 of the file is its header.)
FOUR = [hr_row("pat"), hr_row("alex"), hr_row("sam"), hr_row("kim")]


def snapshot() -> list:
    """Every row that an import could touch, to prove nothing changed."""
    tables = ("users", "departments")
    return [list(db.session.execute(text(f"SELECT * FROM {name} ORDER BY id"))) for name in tables]


def write(path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


def by_staff() -> dict[str, User]:
    return {user.staff_number: user for user in db.session.scalars(select(User).where(User.staff_number.is_not(None)))}


def test_the_command_imports_a_file_and_builds_the_lines(runner, tmp_path):
    result = runner.invoke(args=["people", "import", write(tmp_path / "hr.csv", hr_file(*FOUR))])
    assert result.exit_code == 0, result.output
    assert "Imported: 4 created, 0 updated, 0 unchanged, 0 deactivated" in result.output
    people = by_staff()
    assert people["A3"].manager_id == people["A2"].id and people["A2"].manager_id == people["A1"].id
    assert people["A3"].line_path == f"/{people['A1'].id}/{people['A2'].id}/{people['A3'].id}/"
    assert people["A2"].fte == 6_000 and people["A3"].fte == 10_000  # Sam's FTE is blank: full time
    assert people["B1"].department.name == "HM Treasury"
    assert people["A1"].password_hash is None  # they set one when they first register


def test_a_bad_row_at_the_end_leaves_the_database_exactly_as_it_was(runner, tmp_path):
    runner.invoke(args=["people", "import", write(tmp_path / "first.csv", hr_file(*FOUR))])
    before = snapshot()
    changed = [row.replace("Alex Smith", "Alex Smith-Jones") for row in FOUR] + [
        "C1,new@example.gov.uk,New Person,Cabinet Office,EO,A1,1,true",
        "C2,broken@example.gov.uk,Broken,Cabinet Office,Grade 99,A1,1,true",
    ]
    result = runner.invoke(args=["people", "import", write(tmp_path / "bad.csv", hr_file(*changed))])
    assert result.exit_code == 1
    assert "row 7, column grade: 'Grade 99' is not a civil service grade" in result.output
    assert "Nothing was imported" in result.output
    db.session.rollback()
    assert snapshot() == before


def test_importing_the_same_file_again_changes_nothing(runner, tmp_path):
    path = write(tmp_path / "hr.csv", hr_file(*FOUR))
    runner.invoke(args=["people", "import", path])
    before = snapshot()
    again = runner.invoke(args=["people", "import", path])
    assert "Imported: 0 created, 0 updated, 4 unchanged, 0 deactivated" in again.output
    db.session.rollback()
    assert snapshot() == before


def test_people_missing_from_a_full_import_are_deactivated_and_keep_their_records(runner, tmp_path):
    runner.invoke(args=["people", "import", write(tmp_path / "first.csv", hr_file(*FOUR))])
    sam = by_staff()["A3"]
    make_completion(sam, course_item("rows-and-columns"))
    without_sam = hr_file(hr_row("pat"), hr_row("alex"), hr_row("kim"))
    # 1 of 4 is more than the usual share leaving: the import asks for the number (test_hr_import_safety.py).
    second = write(tmp_path / "second.csv", without_sam)
    result = runner.invoke(args=["people", "import", second, "--confirm-deactivations", "1"])
    assert "0 created, 0 updated, 3 unchanged, 1 deactivated" in result.output
    db.session.expire_all()
    sam = db.session.get(User, sam.id)
    assert sam.active is False
    assert db.session.scalar(select(func.count()).select_from(Completion).where(Completion.user_id == sam.id)) == 1


def test_a_partial_import_deactivates_no_one(runner, tmp_path):
    runner.invoke(args=["people", "import", write(tmp_path / "first.csv", hr_file(*FOUR))])
    moved = hr_row("sam", grade="SEO", manager_staff_number="A1")
    result = runner.invoke(args=["people", "import", "--partial", write(tmp_path / "part.csv", hr_file(moved))])
    assert "0 created, 1 updated, 0 unchanged, 0 deactivated" in result.output
    people = by_staff()
    assert all(person.active for person in people.values())
    assert people["A3"].grade == "SEO" and people["A3"].manager_id == people["A1"].id


def test_a_new_manager_moves_the_whole_line_below_them(runner, tmp_path):
    deeper = [*FOUR, "A5,jo@example.gov.uk,Jo Bloggs,Home Office,EO,A3,1,true"]
    runner.invoke(args=["people", "import", write(tmp_path / "first.csv", hr_file(*deeper))])
    moved = [hr_row("pat"), hr_row("alex", manager_staff_number="B1"), *deeper[2:]]  # Alex (so Sam and Jo) to Kim
    runner.invoke(args=["people", "import", write(tmp_path / "moved.csv", hr_file(*moved))])
    people = by_staff()
    assert people["A2"].manager_id == people["B1"].id
    assert people["A5"].line_path.startswith(people["B1"].line_path)
    assert not people["A5"].line_path.startswith(people["A1"].line_path)


def test_an_account_made_before_the_hr_file_is_matched_by_email(app):
    early = make_user("Alex", email="alex@example.gov.uk")
    result = import_hr_file(db.session, hr_file(*FOUR))
    db.session.commit()
    assert result.ok and (result.created, result.updated) == (3, 1)
    adopted = db.session.get(User, early.id)
    assert adopted.staff_number == "A2" and adopted.name == "Alex Smith" and adopted.password_hash


def test_an_email_held_by_another_staff_number_is_refused(app):
    import_hr_file(db.session, hr_file(*FOUR))
    db.session.commit()
    clash = "Z9,alex@example.gov.uk,Someone Else,Home Office,EO,A1,1,true"
    result = import_hr_file(db.session, hr_file(clash), full=False)  # A2 keeps alex@ in Data Day
    assert [(p.row, p.column) for p in result.problems] == [(2, "email")]
    assert "belongs to staff number A2" in result.problems[0].message


def test_cycles_are_refused_with_the_chain(runner, tmp_path):
    runner.invoke(args=["people", "import", write(tmp_path / "first.csv", hr_file(*FOUR))])
    looped = [hr_row("pat", manager_staff_number="A3"), *FOUR[1:]]  # Pat under Sam, who is under Pat
    result = runner.invoke(args=["people", "import", write(tmp_path / "loop.csv", hr_file(*looped))])
    assert result.exit_code == 1
    assert (
        "row 2, column manager_staff_number: the line management goes round in a circle: A1 (row 2) →" in result.output
    )


def upload(client, data: bytes, filename: str = "hr.csv", partial: bool = False):
    form = {"file": (io.BytesIO(data), filename)}
    if partial:
        form["partial"] = "y"
    return post_form(client, "/admin/people/import", form, token_from="/admin/people/import")


def test_an_admin_uploads_a_file_with_errors_then_the_fixed_file(client):
    sign_in(client, make_user(admin=True))
    bad = hr_file(*FOUR[:3], hr_row("kim", grade="G9"), "B2,x@example.gov.uk,X,HM Treasury,EO,Q7,1,")
    page = parse(upload(client, bad))
    assert page.text_of(".govuk-error-summary__title") == "Nothing was imported: 2 problems in hr.csv"
    problems = page.table("Problems to fix")
    assert problems.head == ["Row", "Column", "Problem"]
    assert [row[:2] for row in problems.rows] == [["5", "grade"], ["6", "manager_staff_number"]]
    assert problems.rows[0][2].startswith("'G9' is not a civil service grade")
    assert problems.rows[1][2] == "no one has staff number 'Q7'"
    assert db.session.scalar(select(func.count()).select_from(Department)) == 0

    page = parse(upload(client, hr_file(*FOUR)))
    assert page.text_of(".govuk-panel__title") == "People imported"
    assert page.summary_list() == {
        "Created": "4",
        "Updated": "0",
        "Unchanged": "0",
        "Deactivated (not in the file)": "0",
        "Not yet set up their account": "4",
    }
    assert len(by_staff()) == 4
    page = parse(upload(client, hr_file(*FOUR[:3]), partial=True))
    assert page.summary_list()["Unchanged"] == "3" and page.summary_list()["Deactivated (not in the file)"] == "0"


def test_the_upload_page_asks_for_a_csv(client):
    sign_in(client, make_user(admin=True))
    page = parse(upload(client, b"not a spreadsheet", filename="hr.xlsx"))
    assert page.error_summary() == [("The file must be a CSV", "#file")]
    assert page.field_error("file") == "The file must be a CSV"


def test_an_imported_person_registers_and_sets_their_password_from_their_own_mailbox(client, mailbox):
    import_hr_file(db.session, hr_file(*FOUR))
    db.session.commit()
    form = {"name": "Alex S", "email": "alex@example.gov.uk"}
    assert post_form(client, "/register", form, token_from="/register").headers["Location"] == "/check-your-email"
    assert by_staff()["A2"].password_hash is None
    choose_password(client, link_path(mailbox, "alex@example.gov.uk"), "a new long password for alex")
    alex = by_staff()["A2"]
    assert alex.check_password("a new long password for alex") and alex.name == "Alex Smith" and alex.is_activated


def test_the_reporting_role_is_given_for_a_department_and_taken_away(runner):
    import_hr_file(db.session, hr_file(*FOUR))
    db.session.commit()
    result = runner.invoke(args=["people", "reporting", "kim@example.gov.uk", "--department", "HM Treasury"])
    assert result.exit_code == 0, result.output
    kim = by_staff()["B1"]
    assert kim.is_reporting and kim.reports_on_department_id == kim.department_id
    wrong = runner.invoke(args=["people", "reporting", "kim@example.gov.uk", "--department", "No Such Office"])
    assert wrong.exit_code != 0 and "no department is called 'No Such Office'" in wrong.output
    runner.invoke(args=["people", "reporting", "kim@example.gov.uk", "--remove"])
    db.session.expire_all()
    assert not by_staff()["B1"].is_reporting
