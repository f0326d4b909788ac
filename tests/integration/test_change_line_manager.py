"""An admin corrects someone's line manager before the next HR file: their whole line moves with them,
and a change that would make a circle is refused with the chain it would close."""

import pytest
from sqlalchemy import select

from tests.helpers.accounts import post_form, sign_in
from tests.helpers.downloads import csv_rows
from tests.helpers.html import get_page, parse
from webapp.extensions import db
from webapp.models import User


def change_manager_of(client, person, staff_number: str):
    path = f"/admin/people/{person.id}/manager"
    return post_form(client, path, {"manager": staff_number}, token_from=path)


def test_an_admin_moves_a_person_and_their_line_to_another_manager(client, org):
    sign_in(client, org["dana"])
    response = change_manager_of(client, org["alex"], "B1")  # Alex, and Sam below, move to Kim
    assert response.status_code == 302
    db.session.expire_all()
    kim, alex, sam = (db.session.get(User, org[name].id) for name in ("kim", "alex", "sam"))
    assert alex.manager_id == kim.id
    assert sam.line_path == f"{kim.line_path}{alex.id}/{sam.id}/"
    sign_in(client, org["pat"])
    team = get_page(client, "/my-team?scope=line").table_rows("People")
    assert [row[0] for row in team] == ["Mo Khan"]
    assert [row[0] for row in csv_rows(client.get("/my-team/download?scope=line"))[1:]] == ["Mo Khan"]
    assert client.get(f"/my-team/people/{sam.id}").status_code == 403


@pytest.mark.parametrize(
    ("staff_number", "message"),
    [
        (
            "A3",
            "Sam Jones is in Pat Boss’s line, so the management would go round in a circle: "
            "Sam Jones → Alex Smith → Pat Boss → Sam Jones",
        ),
        ("A1", "Pat Boss cannot manage themselves"),
        ("NOPE", "No one has the staff number NOPE"),
    ],
)
def test_a_change_that_would_make_a_circle_is_refused_with_the_chain(client, org, staff_number, message):
    sign_in(client, org["dana"])
    before = {user.id: user.line_path for user in db.session.scalars(select(User))}
    page = parse(change_manager_of(client, org["pat"], staff_number))
    assert page.error_summary() == [(message, "#manager")]
    assert page.field_error("manager") == message
    db.session.expire_all()
    assert {user.id: user.line_path for user in db.session.scalars(select(User))} == before
