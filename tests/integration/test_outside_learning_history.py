"""Never a lost or silently changed record: outside learning a manager confirmed keeps counting only what they
confirmed until they review a change, stays (marked deleted) when its owner removes it, keeps its history, and
is reviewed only in its own training year, each review in the audit log.

Sam Jones logs learning; Alex Smith, their line manager, reviews it (tests/helpers/organisation.py)."""

import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from tests.helpers.accounts import post_form, sign_in
from tests.helpers.downloads import csv_rows
from tests.helpers.forms import outside_learning_form
from tests.helpers.html import get_page, parse
from tests.helpers.rows import make_outside_learning
from webapp.db.clock import uk_today
from webapp.extensions import db
from webapp.models import AuditEvent, Department, OutsideLearning
from webapp.models.outside_learning import OutsideLearningEvent
from webapp.queries.organisation_report import monthly_minutes
from webapp.web.labels import long_date
from webapp.web.years import current_training_year

REVIEWS = "/my-team/outside-learning"


@pytest.fixture
def sam(client, org):
    """Sam's browser, signed in."""
    sign_in(client, org["sam"])
    return client


@pytest.fixture
def alex(app, org):
    """Alex's browser, signed in."""
    manager = app.test_client()
    sign_in(manager, org["alex"])
    return manager


def log(client, **changes) -> OutsideLearning:
    post_form(client, "/outside-learning/new", outside_learning_form(**changes), token_from="/outside-learning/new")
    return db.session.scalars(select(OutsideLearning).order_by(OutsideLearning.id.desc())).first()


def change(client, entry: OutsideLearning, **changes):
    edit = f"/outside-learning/{entry.id}/edit"
    form = outside_learning_form(
        **{"title": entry.title, "provider": entry.provider, "minutes": entry.minutes, **changes}
    )
    return post_form(client, edit, form, token_from=edit)


def confirm(client, entry: OutsideLearning, **data):
    return post_form(client, f"{REVIEWS}/{entry.id}/confirm", data, token_from=REVIEWS)


def send_back(client, entry: OutsideLearning, comment: str = "Not data training", **data):
    path = f"{REVIEWS}/{entry.id}/send-back"
    return post_form(client, path, {"comment": comment, **data}, token_from=REVIEWS)


def counted(client) -> str:
    return get_page(client, "/my-training-record").text_of("#progress-summary")


def team_time(client, name: str = "Sam Jones") -> str:
    """What My team says counted for someone (the Time counted column)."""
    rows = get_page(client, "/my-team").table_rows("People")
    [row] = [row for row in rows if row[0] == name]
    return row[3]


def confirmed_learning(sam, alex, minutes: int = 60) -> OutsideLearning:
    entry = log(sam, title="Stats webinar", provider="ONS", minutes=str(minutes))
    assert confirm(alex, entry).status_code == 302
    db.session.refresh(entry)
    assert entry.status == "confirmed"
    return entry


@pytest.mark.parametrize("counts_unconfirmed", [True, False])
def test_raised_minutes_count_only_what_the_manager_confirmed_until_they_confirm_the_change(
    sam, alex, org, counts_unconfirmed
):
    department = db.session.get(Department, org["sam"].department_id)
    department.count_unconfirmed = counts_unconfirmed
    db.session.commit()
    entry = confirmed_learning(sam, alex, minutes=60)
    assert counted(sam) == "1 hour of 7 hours"

    assert change(sam, entry, minutes="480").status_code == 302
    assert counted(sam) == "1 hour of 7 hours"
    assert team_time(alex) == "1 hour of 7 hours"
    record = get_page(sam, "/my-training-record")
    [row] = record.table_rows("Learning recorded")
    assert row[1:3] == [
        "Stats webinar Outside learning: ONS Change not yet confirmed "
        "1 hour counts until your manager reviews the change",
        "480",
    ]
    assert record.summary_list()["Outside learning, confirmed by a manager"] == "1 hour"

    assert confirm(alex, entry).status_code == 302
    assert counted(sam) == "8 hours of 7 hours"
    assert team_time(alex) == "8 hours of 7 hours"


def test_a_change_sent_back_counts_nothing(sam, alex):
    entry = confirmed_learning(sam, alex, minutes=60)
    change(sam, entry, minutes="480")
    assert send_back(alex, entry).status_code == 302
    assert counted(sam) == "0 minutes of 7 hours"
    assert team_time(alex) == "0 minutes of 7 hours"


def test_lowering_then_raising_confirmed_minutes_never_counts_more_than_was_confirmed(sam, alex):
    entry = confirmed_learning(sam, alex, minutes=60)
    change(sam, entry, minutes="30")
    assert counted(sam) == "30 minutes of 7 hours"  # no more than the learner now says, either
    change(sam, entry, minutes="480")
    assert counted(sam) == "1 hour of 7 hours"


def test_saving_confirmed_learning_unchanged_keeps_its_review(sam, alex):
    entry = confirmed_learning(sam, alex)
    assert change(sam, entry).status_code == 302
    db.session.refresh(entry)
    assert entry.status == "confirmed"
    actions = db.session.scalars(select(OutsideLearningEvent.action).where(OutsideLearningEvent.entry_id == entry.id))
    assert list(actions) == ["logged", "confirmed"]


def test_deleting_confirmed_learning_keeps_it_stops_it_counting_and_shows_the_manager(sam, alex):
    entry = confirmed_learning(sam, alex, minutes=60)
    assert monthly_minutes(db.session, current_training_year(), None) == [(f"{uk_today():%Y-%m}", 60)]
    delete = f"/outside-learning/{entry.id}/delete"
    warning = get_page(sam, delete)
    assert warning.text_of("#manager-sees").startswith(
        "Your manager confirmed it, so they will see that you removed it."
    )
    assert post_form(sam, delete, token_from=delete).status_code == 302

    db.session.expire_all()
    kept = db.session.get(OutsideLearning, entry.id)
    assert kept.deleted_at is not None and kept.minutes == 60 and kept.confirmed_minutes == 60
    assert counted(sam) == "0 minutes of 7 hours"
    assert team_time(alex) == "0 minutes of 7 hours"
    assert monthly_minutes(db.session, current_training_year(), None) == []

    page = get_page(alex, REVIEWS)
    [row] = page.table_rows("Confirmed learning your reports deleted")
    assert row[0] == "Sam Jones" and row[3] == "1 hour"
    assert row[4].startswith(f"Deleted {long_date(uk_today())} at")
    assert [what for what, _, _ in history(page)] == ["Deleted", "Confirmed: 1 hour", "Logged: 1 hour"]


def test_the_history_says_who_changed_what_and_when(sam, alex):
    entry = confirmed_learning(sam, alex, minutes=60)
    change(sam, entry, title="Stats webinar, full day", minutes="480", notes="All day in the end")
    today = long_date(uk_today())

    edit = get_page(sam, f"/outside-learning/{entry.id}/edit")
    assert edit.text_of("#confirmed-note").startswith("Your manager confirmed 1 hour for this.")
    changed, confirmed, logged = history(edit)
    assert [changed[0], confirmed[0], logged[0]] == ["Changed", "Confirmed: 1 hour", "Logged: 1 hour"]
    assert changed[1].startswith(f"By Sam Jones, {today} at ")
    assert confirmed[1].startswith(f"By Alex Smith, {today} at ")
    assert logged[1].startswith(f"By Sam Jones, {today} at ")
    assert changed[2] == [
        "Title changed from Stats webinar to Stats webinar, full day",
        "Time changed from 1 hour to 8 hours",
        "Notes added: All day in the end",
    ]

    # The manager sees what changed since they confirmed it, and the whole history, when reviewing.
    review = get_page(alex, REVIEWS)
    [row] = review.table_rows("Waiting for you to confirm")
    assert row[3] == "8 hours"
    assert review.texts(".app-changes li") == [
        "Title changed from Stats webinar to Stats webinar, full day",
        "Time changed from 1 hour to 8 hours",
        "Notes added: All day in the end",
    ]
    assert review.text_of(".govuk-details__summary-text") == "History of Stats webinar, full day"
    assert len(review.elements(".app-history > li")) == 3

    send_back(alex, entry, comment="A full day of this was not data training")
    what, by, details = history(get_page(sam, f"/outside-learning/{entry.id}/edit"))[0]
    assert (what, details) == ("Sent back", ["Comment: A full day of this was not data training"])
    assert by.startswith(f"By Alex Smith, {today} at ")


def test_the_manager_sees_the_history_on_the_send_back_page(sam, alex):
    entry = confirmed_learning(sam, alex, minutes=60)
    change(sam, entry, minutes="480")
    page = get_page(alex, f"{REVIEWS}/{entry.id}/send-back")
    assert page.texts(".app-changes li") == ["Time changed from 1 hour to 8 hours"]
    assert [what for what, _, _ in history(page)] == ["Changed", "Confirmed: 1 hour", "Logged: 1 hour"]


def test_the_download_says_a_change_is_not_yet_confirmed(sam, alex):
    entry = confirmed_learning(sam, alex, minutes=60)
    change(sam, entry, minutes="480")
    [row] = csv_rows(sam.get("/my-training-record/download"))[1:]
    assert row[4:6] == ["480", "Change not yet confirmed"]


def history(page) -> list[tuple[str, str, list[str]]]:
    """The page's history of an entry, newest first: what happened, by whom and when, and the details."""
    items = [parse(str(item)) for item in page.elements(".app-history > li")]
    return [(*item.texts("p")[:2], item.texts("ul li")) for item in items]


def last_years_entry(person) -> OutsideLearning:
    return make_outside_learning(person, title="Old webinar", on=current_training_year().starts - timedelta(days=1))


def test_learning_from_an_earlier_training_year_is_not_listed_for_review(alex, org):
    last_years_entry(org["sam"])
    make_outside_learning(org["sam"], title="This year's webinar")
    [row] = get_page(alex, REVIEWS).table_rows("Waiting for you to confirm")
    assert row[2] == "This year's webinar ONS"


@pytest.mark.parametrize("action", ["confirm", "send back", "open send back"])
def test_learning_from_an_earlier_training_year_cannot_be_reviewed(alex, org, action):
    entry = last_years_entry(org["sam"])
    if action == "confirm":
        response = confirm(alex, entry)
    elif action == "send back":
        response = send_back(alex, entry)
    else:
        response = alex.get(f"{REVIEWS}/{entry.id}/send-back")
    assert response.status_code == 409
    page = parse(response)
    assert page.heading() == "You cannot review learning from an earlier training year"
    assert page.text_of("#refusal").endswith("That year has closed, so its training record does not change.")
    db.session.refresh(entry)
    assert entry.status == "unconfirmed" and entry.reviewed_by_id is None
    assert db.session.scalar(select(OutsideLearningEvent)) is None
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.event.like("learning_%"))) is None


def test_deleted_or_already_reviewed_learning_cannot_be_reviewed(sam, alex):
    entry = confirmed_learning(sam, alex)
    again = confirm(alex, entry)
    assert again.status_code == 409
    assert parse(again).heading() == "This learning has already been reviewed"

    other = log(sam, title="Another webinar")
    delete = f"/outside-learning/{other.id}/delete"
    post_form(sam, delete, token_from=delete)
    gone = send_back(alex, other)
    assert gone.status_code == 409
    assert parse(gone).heading() == "Sam Jones deleted this learning"


def test_a_manager_confirms_only_what_they_saw(sam, alex):
    entry = log(sam, minutes="60")
    seen = get_page(alex, REVIEWS).element("input[name=seen]")["value"]
    change(sam, entry, minutes="480")
    response = confirm(alex, entry, seen=seen)
    assert response.status_code == 409
    assert parse(response).heading() == "This learning changed after you opened the page"
    db.session.refresh(entry)
    assert entry.status == "unconfirmed"
    seen = get_page(alex, REVIEWS).element("input[name=seen]")["value"]
    assert confirm(alex, entry, seen=seen).status_code == 302


def test_confirming_and_sending_back_are_audited(sam, alex, org):
    entry = confirmed_learning(sam, alex, minutes=60)
    change(sam, entry, minutes="90")
    send_back(alex, entry)
    events = db.session.scalars(select(AuditEvent).where(AuditEvent.event.like("learning_%")).order_by(AuditEvent.id))
    assert [(event.event, event.actor_id, event.subject_id, json.loads(event.details)) for event in events] == [
        ("learning_confirmed", org["alex"].id, org["sam"].id, {"entry": entry.id, "minutes": 60}),
        ("learning_sent_back", org["alex"].id, org["sam"].id, {"entry": entry.id, "minutes": 90}),
    ]
