"""Stopping optional reminders from an email's link without signing in (GET asks, only POST acts), with
wrong, expired, replayed and other-purpose tokens refused; required reminders stay on; choices on the account page."""

import time
from datetime import date

import pytest
from itsdangerous import URLSafeTimedSerializer
from sqlalchemy import select

from tests.helpers.accounts import csrf_token, link_path, make_imported_person, post_form, sign_in
from tests.helpers.html import get_page, parse
from tests.helpers.reminders import Outbox, latest_to, run_reminders, stop_path
from tests.helpers.rows import make_outside_learning
from webapp.extensions import db
from webapp.models import ReminderOptOut, ReminderSent
from webapp.reminders.links import PERSON, SALT, StopLink, stop_token

OPTIONAL_DAY, REQUIRED_DAY = date(2027, 10, 4), date(2027, 12, 25)  # "early" (optional), "week-left" (required)


@pytest.fixture
def sams_email(app, org, mailbox):
    run_reminders(app, OPTIONAL_DAY)
    return latest_to(mailbox, "sam@example.gov.uk")


def opt_outs(person) -> set[str]:
    return set(db.session.scalars(select(ReminderOptOut.rule).where(ReminderOptOut.user_id == person.id)))


def stop(client, path: str, scope: str = "this"):
    return client.post(path, data={"scope": scope, "csrf_token": csrf_token(client, path)})


def test_opening_the_link_only_asks_and_the_button_turns_the_reminder_off(app, client, org, sams_email):
    path = stop_path(sams_email)
    page = get_page(client, path)
    assert page.heading() == "Stop reminders"
    assert opt_outs(org["sam"]) == set()  # a mail scanner opening the link changes nothing
    done = parse(stop(client, path))
    assert done.heading() == "Reminders stopped"
    assert opt_outs(org["sam"]) == {"early"}
    outbox = Outbox()
    run_reminders(app, date(2028, 10, 4), outbox)  # "early" in the next year
    assert "sam@example.gov.uk" not in {to for to, _, _ in outbox.sent}


def test_the_link_can_stop_every_optional_reminder_and_required_ones_still_come(app, client, org, sams_email):
    stop(client, stop_path(sams_email), scope="all")
    assert opt_outs(org["sam"]) == {"*"}
    outbox = Outbox()
    run_reminders(app, date(2027, 11, 1), outbox)  # "not-started": optional
    run_reminders(app, REQUIRED_DAY, outbox)
    assert [kind for to, kind, _ in outbox.sent if to == "sam@example.gov.uk"] == ["reminder_before_end"]


def test_a_used_link_is_refused(client, org, sams_email):
    path = stop_path(sams_email)
    stop(client, path)
    replay = client.post(path, data={"scope": "all", "csrf_token": csrf_token(client, "/sign-in")})
    assert replay.status_code == 410
    assert parse(replay).heading() == "This link has expired or has been used"
    assert opt_outs(org["sam"]) == {"early"}
    assert get_page(client, path, status=410).heading() == "This link has expired or has been used"


def test_an_expired_link_is_refused(app, client, org, sams_email, monkeypatch):
    row = db.session.scalars(
        select(ReminderSent).where(ReminderSent.user_id == org["sam"].id, ReminderSent.rule == "early")
    ).one()
    signed_at = time.time() - (app.config["REMINDER_LINK_DAYS"] + 1) * 86_400
    with monkeypatch.context() as past:
        past.setattr(time, "time", lambda: signed_at)
        token = stop_token(app.config["SECRET_KEY"], StopLink(org["sam"].id, "early", PERSON, row.id))
    response = client.post(f"/reminders/stop/{token}", data={"scope": "this", "csrf_token": csrf_token(client)})
    assert response.status_code == 410
    assert opt_outs(org["sam"]) == set()


@pytest.mark.parametrize(
    "change",
    [
        lambda token: token[:-2] + ("AA" if not token.endswith("AA") else "BB"),  # a changed signature
        lambda token: "made-up-token",
    ],
)
def test_a_wrong_link_is_refused(client, org, sams_email, change):
    path = stop_path(sams_email)
    wrong = "/reminders/stop/" + change(path.rpartition("/")[2])
    response = client.post(wrong, data={"scope": "this", "csrf_token": csrf_token(client)})
    assert response.status_code == 404
    assert parse(response).heading() == "This link does not work"
    assert opt_outs(org["sam"]) == set()


def test_a_link_for_someone_else_s_message_is_refused(app, client, org, sams_email):
    """A genuine token whose person does not match the message it names (as if ids were swapped)."""
    row = db.session.scalars(
        select(ReminderSent).where(ReminderSent.user_id == org["sam"].id, ReminderSent.rule == "early")
    ).one()
    token = stop_token(app.config["SECRET_KEY"], StopLink(org["alex"].id, "early", PERSON, row.id))
    assert client.get(f"/reminders/stop/{token}").status_code == 404


def test_tokens_signed_for_another_purpose_are_refused(app, client, org, sams_email, mailbox):
    row = db.session.scalars(
        select(ReminderSent).where(ReminderSent.user_id == org["sam"].id, ReminderSent.rule == "early")
    ).one()
    payload = [org["sam"].id, "early", PERSON, row.id]
    for salt in ("cookie-session", "itsdangerous"):  # Flask's session cookie's salt; the library's default
        other = URLSafeTimedSerializer(app.config["SECRET_KEY"], salt=salt).dumps(payload)
        assert client.get(f"/reminders/stop/{other}").status_code == 404
    # A password reset link's token, sent to Sam, is no use here either.
    client.post("/forgot-password", data={"email": "sam@example.gov.uk", "csrf_token": csrf_token(client)})
    reset_token = link_path(mailbox, "sam@example.gov.uk").rpartition("/")[2]
    assert client.get(f"/reminders/stop/{reset_token}").status_code == 404
    assert opt_outs(org["sam"]) == set()
    assert SALT not in ("cookie-session", "itsdangerous")


def test_the_form_needs_its_csrf_token(client, org, sams_email):
    response = client.post(stop_path(sams_email), data={"scope": "all"})
    assert response.status_code == 400
    assert opt_outs(org["sam"]) == set()


def test_a_required_reminder_cannot_be_turned_off(app, client, org):
    run_reminders(app, REQUIRED_DAY)
    row = db.session.scalars(select(ReminderSent).where(ReminderSent.user_id == org["sam"].id)).one()
    assert row.rule == "week-left"
    # Its email carries no link; a signed one made anyway is still refused.
    token = stop_token(app.config["SECRET_KEY"], StopLink(org["sam"].id, "week-left", PERSON, row.id))
    page = get_page(client, f"/reminders/stop/{token}", status=400)
    assert page.heading() == "This reminder cannot be turned off"
    response = client.post(f"/reminders/stop/{token}", data={"scope": "this", "csrf_token": csrf_token(client)})
    assert response.status_code == 400
    assert opt_outs(org["sam"]) == set()


def test_people_choose_their_optional_reminders_on_their_account_page(client, org):
    sign_in(client, org["sam"])
    page = get_page(client, "/account/reminders")
    assert page.heading() == "Email reminders"
    assert page.checked("wanted") == ["early", "month-left", "not-started"]
    post_form(client, "/account/reminders", {"wanted": ["month-left"]}, token_from="/account/reminders")
    assert opt_outs(org["sam"]) == {"early", "not-started"}
    # The required ones are listed, and cannot be chosen.
    assert get_page(client, "/account/reminders").checked("wanted") == ["month-left"]
    post_form(client, "/account/reminders", {"wanted": ["month-left", "week-left"]}, token_from="/account/reminders")
    assert "week-left" not in opt_outs(org["sam"])


def test_turning_everything_back_on_clears_a_stop_from_a_link(client, org):
    db.session.add(ReminderOptOut(user_id=org["sam"].id, rule="*"))
    db.session.commit()
    sign_in(client, org["sam"])
    assert get_page(client, "/account/reminders").checked("wanted") == []
    post_form(client, "/account/reminders", {"wanted": ["early", "month-left", "not-started"]}, "/account/reminders")
    assert opt_outs(org["sam"]) == set()


def test_someone_who_has_not_set_up_their_account_can_still_stop_reminders(app, client, mailbox):
    person = make_imported_person()
    make_outside_learning(person, minutes=30, on=date(2027, 2, 1))
    run_reminders(app, OPTIONAL_DAY)
    stop(client, stop_path(latest_to(mailbox, person.email)))
    assert opt_outs(person) == {"early"}
