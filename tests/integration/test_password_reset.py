"""Forgotten passwords and new links: sent only to the account's own mailbox, each link used once and for a
limited time, the same answer whether or not an address has an account."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from tests.helpers.accounts import (
    PASSWORD,
    choose_password,
    csrf_token,
    link_path,
    make_imported_person,
    make_user,
    sign_in,
)
from tests.helpers.html import get_page, parse
from webapp.extensions import db
from webapp.models import AuditEvent, EmailLink

NEW_PASSWORD = "lantern orchard velvet compass"


def ask_for_link(client, email: str, page: str = "/forgot-password"):
    return client.post(page, data={"email": email, "csrf_token": csrf_token(client, page)})


def test_a_forgotten_password_is_reset_through_the_emailed_link(client, mailbox):
    user = make_user(email="ravi.shah@example.gov.uk")
    assert ask_for_link(client, user.email).headers["Location"] == "/check-your-email"
    [email] = mailbox.messages_to(user.email)
    assert email["Subject"] == "Reset your Data Day password"
    path = link_path(mailbox, user.email)
    assert get_page(client, path).heading() == "Choose a new password"

    assert choose_password(client, path, NEW_PASSWORD).headers["Location"] == "/courses"
    db.session.refresh(user)
    assert user.check_password(NEW_PASSWORD) and not user.check_password(PASSWORD)
    events = db.session.scalars(select(AuditEvent.event).where(AuditEvent.subject_id == user.id)).all()
    assert "password_reset" in events


def test_a_link_works_once(client, mailbox):
    user = make_user(email="ravi.shah@example.gov.uk")
    ask_for_link(client, user.email)
    path = link_path(mailbox, user.email)
    choose_password(client, path, NEW_PASSWORD)
    replay = choose_password(client, path, "another strong passphrase here")
    assert replay.status_code == 404
    db.session.refresh(user)
    assert user.check_password(NEW_PASSWORD)


def test_opening_a_link_does_not_use_it_up(client, mailbox):
    """Mail scanners open links before people do: only saving the password uses the link."""
    user = make_user(email="ravi.shah@example.gov.uk")
    ask_for_link(client, user.email)
    path = link_path(mailbox, user.email)
    for _ in range(3):
        assert client.get(path).status_code == 200
    assert choose_password(client, path, NEW_PASSWORD).status_code == 302


def test_a_link_stops_working_when_it_expires(client, mailbox):
    user = make_user(email="ravi.shah@example.gov.uk")
    ask_for_link(client, user.email)
    path = link_path(mailbox, user.email)
    link = db.session.scalars(select(EmailLink)).one()
    link.expires_at = link.created_at - timedelta(seconds=1)
    db.session.commit()
    page = get_page(client, path, status=404)
    assert page.heading() == "This link has expired or has been used"
    assert page.link("Get a new link") == "/resend-link"


def test_a_new_link_replaces_the_one_before(client, mailbox):
    user = make_user(email="ravi.shah@example.gov.uk")
    ask_for_link(client, user.email)
    first = link_path(mailbox, user.email)
    ask_for_link(client, user.email)
    second = link_path(mailbox, user.email)
    assert first != second
    assert client.get(first).status_code == 404
    assert client.get(second).status_code == 200


def test_reset_links_last_an_hour_and_first_password_links_a_day(client, mailbox):
    make_user(email="ravi.shah@example.gov.uk")
    make_imported_person(email="new.starter@example.gov.uk")
    ask_for_link(client, "ravi.shah@example.gov.uk")
    ask_for_link(client, "new.starter@example.gov.uk", "/resend-link")
    lifetimes = {
        link.purpose: link.expires_at - link.created_at for link in db.session.scalars(select(EmailLink)).all()
    }
    assert lifetimes == {"reset": timedelta(hours=1), "activate": timedelta(hours=24)}
    assert "1 hour" in mailbox.messages_to("ravi.shah@example.gov.uk")[0].get_content()
    assert "24 hours" in mailbox.messages_to("new.starter@example.gov.uk")[0].get_content()


@pytest.mark.parametrize("page", ["/forgot-password", "/resend-link"])
def test_the_answer_is_the_same_whether_or_not_an_address_has_an_account(client, mailbox, page):
    make_user(email="ravi.shah@example.gov.uk")
    known = ask_for_link(client, "ravi.shah@example.gov.uk", page)
    known_page = get_page(client, "/check-your-email").main_text().replace("ravi.shah@example.gov.uk", "X")
    unknown = ask_for_link(client, "nobody.here@example.gov.uk", page)
    unknown_page = get_page(client, "/check-your-email").main_text().replace("nobody.here@example.gov.uk", "X")
    assert known.status_code == unknown.status_code == 302
    assert known_page == unknown_page
    assert mailbox.messages_to("nobody.here@example.gov.uk") == []


def test_someone_hr_imported_gets_a_first_password_link_not_a_reset(client, mailbox):
    person = make_imported_person(email="new.starter@example.gov.uk")
    ask_for_link(client, person.email, "/resend-link")
    path = link_path(mailbox, person.email)
    assert get_page(client, path).heading() == "Choose your password"
    choose_password(client, path, NEW_PASSWORD)
    db.session.refresh(person)
    assert person.is_activated and person.check_password(NEW_PASSWORD)


def test_a_deactivated_account_gets_no_link(client, mailbox):
    user = make_user(email="gone@example.gov.uk")
    user.active = False
    db.session.commit()
    ask_for_link(client, user.email)
    assert mailbox.messages_to(user.email) == []


def test_a_forged_host_header_cannot_put_another_site_in_the_link(client, mailbox, app):
    """Reset-link poisoning: links are built from SERVICE_URL, never from the request's Host."""
    user = make_user(email="ravi.shah@example.gov.uk")
    forged = {"Host": "evil.example"}
    token = parse(client.get("/forgot-password", headers=forged)).field_value("csrf_token")
    client.post("/forgot-password", data={"email": user.email, "csrf_token": token}, headers=forged)
    link = mailbox.last_link_to(user.email)
    assert link.startswith(app.config["SERVICE_URL"] + "/set-password/")


def test_a_reset_signs_out_every_other_device(client, mailbox, app):
    user = make_user(email="ravi.shah@example.gov.uk")
    elsewhere = app.test_client()
    sign_in(elsewhere, user)
    assert elsewhere.get("/my-training-record").status_code == 200
    ask_for_link(client, user.email)
    choose_password(client, link_path(mailbox, user.email), NEW_PASSWORD)
    assert elsewhere.get("/my-training-record").status_code == 302


def test_a_guessable_password_is_refused_with_a_reason(client, mailbox):
    user = make_user(name="Ravi Shah", email="ravi.shah@example.gov.uk")
    ask_for_link(client, user.email)
    path = link_path(mailbox, user.email)
    for weak, message in [
        ("short", "Password must be 12 characters or more"),
        ("password1234", "Password is too easy to guess. Use 3 or more unrelated words, like 'kettle orbit meadow'"),
        ("RaviShah2026!", "Password is too easy to guess: do not base it on your name or email address"),
    ]:
        page = parse(choose_password(client, path, weak))
        assert page.error_summary() == [(message, "#password")]
    db.session.refresh(user)
    assert user.check_password(PASSWORD)


def test_link_pages_are_rate_limited_per_email_address(app, mailbox):
    app.config["EMAIL_LIMIT_PER_EMAIL"] = "2 per hour"
    client = app.test_client()
    make_user(email="ravi.shah@example.gov.uk")
    statuses = [ask_for_link(client, "ravi.shah@example.gov.uk").status_code for _ in range(3)]
    assert statuses == [302, 302, 429]
    assert len(mailbox.messages_to("ravi.shah@example.gov.uk")) == 2
