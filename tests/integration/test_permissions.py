"""Who may open what: anonymous people are sent to sign in, and each role sees only what it should."""

import re

import pytest

from tests.helpers.accounts import make_user, sign_in
from tests.helpers.downloads import csv_rows
from tests.helpers.html import get_page, parse
from tests.helpers.routes import (
    AUTHOR_ONLY,
    GET_AND_POST,
    NOT_FOUND_EXAMPLES,
    POST_ONLY,
    PRIVATE,
    PRIVATE_GET,
    PRIVATE_POST,
    PUBLIC,
    PUBLIC_FORMS,
    PUBLIC_RULES,
)


def test_every_route_is_listed_here(app):
    """A new route must be added to tests/helpers/routes.py, so it cannot skip the checks below."""
    rules = {rule.rule for rule in app.url_map.iter_rules()}
    assert rules == set(PUBLIC_RULES) | set(PRIVATE)
    for rule in app.url_map.iter_rules():
        methods = rule.methods - {"HEAD", "OPTIONS"}
        if rule.rule in POST_ONLY:
            assert methods == {"POST"}, rule.rule
        elif rule.rule in GET_AND_POST:
            assert methods == {"GET", "POST"}, rule.rule
        elif rule.rule in PUBLIC_FORMS:
            assert methods == {"GET", "POST"}, rule.rule
        else:
            assert methods == {"GET"}, rule.rule


@pytest.mark.parametrize("path", PUBLIC)
def test_public_pages_open_without_signing_in(client, path):
    with client.get(path, follow_redirects=True) as response:  # the favicon is a file: close it
        assert response.status_code == (404 if path in NOT_FOUND_EXAMPLES else 200)


@pytest.mark.parametrize("path", PRIVATE_GET)
def test_anonymous_people_are_sent_to_sign_in(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/sign-in?next=")


@pytest.mark.parametrize("path", PRIVATE_POST)
def test_anonymous_posts_are_refused(app, path):
    app.config["WTF_CSRF_ENABLED"] = False  # prove the sign-in check, not the CSRF check, refuses it
    response = app.test_client().post(path)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/sign-in")


@pytest.mark.parametrize("path", AUTHOR_ONLY)
def test_learners_cannot_open_author_pages(client, path):
    sign_in(client, make_user())
    page = get_page(client, path, status=403)
    assert page.heading() == "You do not have permission to see this page"


@pytest.mark.parametrize("role", ["author", "admin"])
@pytest.mark.parametrize("path", AUTHOR_ONLY)
def test_authors_and_admins_open_author_pages(client, path, role):
    sign_in(client, make_user(**{role: True}))
    assert client.get(path).status_code == 200


def names_on(client, path: str) -> set[str]:
    """The people listed in My team's table (none when there is no table)."""
    page = get_page(client, path)
    return {row[0] for row in page.table_rows("People")} if page.has_table("People") else set()


def csv_names(client, path: str) -> set[str]:
    return {row[0] for row in csv_rows(client.get(path))[1:]}


NAVIGATION = ["Courses", "My training record"]


# Every reporting route x (learner, manager of another line, manager of this line, admin, reporting role).
@pytest.mark.parametrize(
    ("who", "team", "line", "sams_record", "org_page", "navigation"),
    [
        ("sam", set(), set(), 403, 403, []),  # a learner manages no one
        ("kim", {"Lee Park"}, {"Lee Park"}, 403, 403, ["My team"]),  # a manager of another line
        ("alex", {"Sam Jones"}, {"Sam Jones"}, 200, 403, ["My team"]),  # Sam's own manager
        (  # above Sam in the line
            "pat",
            {"Alex Smith", "Mo Khan"},
            {"Alex Smith", "Sam Jones", "Mo Khan"},
            200,
            403,
            ["My team"],
        ),
        # an admin
        ("dana", set(), set(), 200, 200, ["Organisation report", "Import people", "Audit log", "Authoring"]),
        ("rae", set(), set(), 403, 200, ["Organisation report"]),  # the Home Office's reporting role
    ],
)
def test_each_role_sees_only_what_it_should(client, org, who, team, line, sams_record, org_page, navigation):
    sign_in(client, org[who])
    assert csv_names(client, "/my-team/download") == team
    assert csv_names(client, "/my-team/download?scope=line") == line
    assert names_on(client, "/my-team") == team
    assert names_on(client, "/my-team?scope=line") == line
    assert client.get(f"/my-team/people/{org['sam'].id}").status_code == sams_record
    assert client.get("/reports/organisation").status_code == org_page
    assert client.get("/reports/organisation/download").status_code == org_page
    assert client.get("/admin/people/import").status_code == (200 if who == "dana" else 403)
    assert client.get(f"/admin/people/{org['sam'].id}/manager").status_code == (200 if who == "dana" else 403)
    assert client.get("/admin/audit-log").status_code == (200 if who == "dana" else 403)
    assert client.get("/admin/audit-log/download").status_code == (200 if who == "dana" else 403)
    shown = [link.text for link in get_page(client, "/courses").links(".govuk-service-navigation__list")]
    assert shown == NAVIGATION + navigation + ["Your account"]


def test_a_record_outside_the_line_and_a_missing_one_look_the_same(client, org):
    sign_in(client, org["kim"])
    hidden, missing = client.get(f"/my-team/people/{org['sam'].id}"), client.get("/my-team/people/999999")
    assert hidden.status_code == missing.status_code == 403
    assert parse(hidden).heading() == "You do not have permission to see this page"
    without_nonce = [re.sub(r'nonce="[^"]+"', "", r.get_data(as_text=True)) for r in (hidden, missing)]
    assert without_nonce[0] == without_nonce[1]


@pytest.mark.parametrize(
    ("path", "current"),
    [
        ("/courses", "Courses"),
        ("/my-training-record", "My training record"),
        ("/my-team", "My team"),
        ("/my-team/people/{sam}", "My team"),  # a report's record is served by the record pages, read from My team
    ],
)
def test_the_navigation_marks_the_section_the_page_belongs_to(client, org, path, current):
    sign_in(client, org["alex"])
    page = get_page(client, path.format(sam=org["sam"].id))
    assert page.texts(".govuk-service-navigation__item--active") == [current]
