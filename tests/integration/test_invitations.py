"""People HR imported are invited to set up their accounts (by an admin, or `flask people invite`), admins see
and end a person's sessions, and a deactivating import signs people out at once."""

from datetime import timedelta

from sqlalchemy import select

from tests.helpers.accounts import choose_password, link_path, make_user, post_form, sign_in
from tests.helpers.html import get_page
from tests.helpers.organisation import hr_file, hr_row
from webapp.db.clock import utcnow
from webapp.extensions import db
from webapp.models import AuditEvent, SignInSession, User
from webapp.queries.hr_import import Safeguards, import_hr_file
from webapp.queries.people import find_user_by_email

IMPORTED = ["pat", "alex", "sam"]


def import_people(*keys: str, leaving: int | None = None) -> None:
    result = import_hr_file(
        db.session, hr_file(*(hr_row(key) for key in keys)), safeguards=Safeguards(confirmed=leaving)
    )
    assert result.ok, result
    db.session.commit()


def events(name: str) -> list[AuditEvent]:
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.event == name)))


def test_flask_people_invite_all_emails_everyone_not_yet_set_up_and_not_twice_in_a_week(runner, mailbox):
    import_people(*IMPORTED)
    result = runner.invoke(args=["people", "invite", "--all"])
    assert result.exit_code == 0, result.output
    assert "Invitations sent: 3" in result.output
    assert sorted(m["To"] for m in mailbox.messages) == [
        "alex@example.gov.uk",
        "pat@example.gov.uk",
        "sam@example.gov.uk",
    ]
    assert {m["Subject"] for m in mailbox.messages} == {"Set up your Data Day account"}
    assert len(events("invited")) == 3

    mailbox.clear()
    assert "Invitations sent: 0" in runner.invoke(args=["people", "invite", "--all"]).output
    assert mailbox.messages == []


def test_an_invited_person_follows_their_link_and_is_set_up(runner, client, mailbox):
    import_people(*IMPORTED)
    runner.invoke(args=["people", "invite", "alex@example.gov.uk"])
    assert [m["To"] for m in mailbox.messages] == ["alex@example.gov.uk"]
    choose_password(client, link_path(mailbox, "alex@example.gov.uk"), "quiet river lantern basket")
    alex = find_user_by_email(db.session, "alex@example.gov.uk")
    assert alex.is_activated and alex.name == "Alex Smith"
    mailbox.clear()
    runner.invoke(args=["people", "invite", "--all"])
    assert "alex@example.gov.uk" not in [m["To"] for m in mailbox.messages]


def test_invite_needs_people_or_all_and_names_unknown_addresses(runner):
    assert runner.invoke(args=["people", "invite"]).exit_code == 2
    unknown = runner.invoke(args=["people", "invite", "nobody@example.gov.uk"])
    assert unknown.exit_code == 1 and "no active account for nobody@example.gov.uk" in unknown.output


def test_a_failed_send_is_reported_and_the_person_stays_to_be_invited(runner, mailbox, app):
    import_people("pat")
    mailbox.refuse_next(app.config["MAIL_SEND_ATTEMPTS"])  # every attempt at the first send
    result = runner.invoke(args=["people", "invite", "--all"])
    assert result.exit_code == 1 and "could not send 1" in result.output
    assert find_user_by_email(db.session, "pat@example.gov.uk").invited_at is None
    assert runner.invoke(args=["people", "invite", "--all"]).exit_code == 0
    assert [m["To"] for m in mailbox.messages] == ["pat@example.gov.uk"]


def test_the_hr_import_page_says_how_many_have_not_set_up_their_account(client, mailbox):
    sign_in(client, make_user(admin=True))
    import_people(*IMPORTED)
    page = get_page(client, "/admin/people/invitations")
    assert page.paragraph("3 people have not yet set up") and page.buttons() == ["Send invitations"]
    post_form(client, "/admin/people/invitations", token_from="/admin/people/invitations")
    assert len(mailbox.messages) == 3
    assert get_page(client, "/admin/people/invitations").paragraph("There is no one to invite now")


def test_an_admin_invites_one_person_and_ends_their_sessions(client, app, mailbox):
    admin = make_user(admin=True)
    person = make_user(email="jo@example.gov.uk")
    laptop = app.test_client()
    sign_in(laptop, person)
    sign_in(client, admin)
    page = get_page(client, f"/admin/people/{person.id}/account")
    assert page.summary_list()["Signed in now on"] == "1 device"
    post_form(client, f"/admin/people/{person.id}/end-sessions", token_from=f"/admin/people/{person.id}/account")
    assert laptop.get("/my-training-record").status_code == 302
    [ended] = events("sessions_ended")
    assert ended.actor_id == admin.id and ended.subject_id == person.id

    person.email_confirmed_at = None
    db.session.commit()
    post_form(client, f"/admin/people/{person.id}/invite", token_from=f"/admin/people/{person.id}/account")
    assert [m["To"] for m in mailbox.messages] == ["jo@example.gov.uk"]


def test_only_admins_see_accounts_or_send_invitations(client, mailbox):
    person = make_user()
    sign_in(client, make_user())
    assert client.get(f"/admin/people/{person.id}/account").status_code == 403
    assert client.get("/admin/people/invitations").status_code == 403
    response = post_form(client, f"/admin/people/{person.id}/invite")
    assert response.status_code == 403 and mailbox.messages == []


def test_a_full_import_that_deactivates_someone_signs_them_out_at_once(client):
    import_people(*IMPORTED)
    sam = find_user_by_email(db.session, "sam@example.gov.uk")
    sam.set_password("quiet river lantern basket")
    sam.email_confirmed_at = utcnow()
    db.session.commit()
    sign_in(client, sam, password="quiet river lantern basket")
    assert client.get("/my-training-record").status_code == 200
    import_people("pat", "alex", leaving=1)
    assert client.get("/my-training-record").status_code == 302
    assert db.session.scalars(select(SignInSession.ended_at)).one() is not None


def test_imports_and_line_manager_changes_are_audited(client, runner, tmp_path):
    admin = make_user(admin=True)
    path = tmp_path / "hr.csv"
    path.write_bytes(hr_file(*(hr_row(key) for key in IMPORTED)))
    assert runner.invoke(args=["people", "import", str(path)]).exit_code == 0
    [imported] = events("hr_import")
    assert '"created": 3' in imported.details and "file_sha256" in imported.details

    sign_in(client, admin)
    sam = find_user_by_email(db.session, "sam@example.gov.uk")
    post_form(
        client, f"/admin/people/{sam.id}/manager", {"manager": "A1"}, token_from=f"/admin/people/{sam.id}/manager"
    )
    [changed] = events("line_manager_changed")
    assert changed.actor_id == admin.id and changed.subject_id == sam.id
    assert '"after": "pat@example.gov.uk"' in changed.details and '"before": "alex@example.gov.uk"' in changed.details


def test_nobody_is_invited_again_within_a_week(runner, mailbox):
    import_people("pat")
    pat = find_user_by_email(db.session, "pat@example.gov.uk")
    pat.invited_at = utcnow() - timedelta(days=6)
    db.session.commit()
    runner.invoke(args=["people", "invite", "--all"])
    assert mailbox.messages == []
    pat = db.session.get(User, pat.id)
    pat.invited_at = utcnow() - timedelta(days=8)
    db.session.commit()
    runner.invoke(args=["people", "invite", "--all"])
    assert [m["To"] for m in mailbox.messages] == ["pat@example.gov.uk"]
