"""Logging learning done outside Data Day: adding it, mistakes in the form, changing and removing it."""

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from tests.helpers.accounts import make_user, post_form, sign_in
from tests.helpers.forms import date_boxes, outside_learning_form
from tests.helpers.html import get_page, parse
from tests.helpers.rows import make_outside_learning
from webapp.db.clock import uk_today
from webapp.extensions import db
from webapp.models import OutsideLearning
from webapp.training.years import YearStart, year_containing


def log(client, **changes):
    data = outside_learning_form(link="", notes="", **changes)
    return post_form(client, "/outside-learning/new", data, token_from="/outside-learning/new")


def test_logging_outside_learning_adds_to_the_total(client):
    sign_in(client, make_user())
    response = log(client)
    assert response.status_code == 302
    page = get_page(client, "/my-training-record")
    assert page.notification() == "Data ethics workshop added to your training record"
    assert page.text_of("#progress-summary") == "1 hour 30 minutes of 7 hours"
    assert page.element("progress")["value"] == "21"
    [entry] = page.table_rows("Learning recorded")
    assert entry[1:3] == ["Data ethics workshop Outside learning: My department Not yet confirmed", "90"]


def test_a_bad_entry_shows_an_error_summary_and_saves_nothing(client):
    sign_in(client, make_user())
    tomorrow = uk_today() + timedelta(days=1)
    response = log(client, minutes="600", learned_on=date_boxes(tomorrow))
    assert response.status_code == 200
    page = parse(response)
    assert page.title().startswith("Error:")
    assert page.text_of(".govuk-error-summary__title") == "There is a problem"
    assert page.error_summary() == [
        ("The date you did it must be today or in the past", "#learned_on-day"),
        ("How long it took must be between 1 and 480 minutes", "#minutes"),
    ]
    assert page.field_error("minutes") == "How long it took must be between 1 and 480 minutes"
    assert page.field_value("minutes") == "600"  # what they typed stays in the form
    assert db.session.scalar(select(OutsideLearning)) is None


def test_an_entry_can_be_changed_and_removed_by_its_owner(client):
    user = make_user()
    entry = make_outside_learning(user, title="Webinar", minutes=60)
    sign_in(client, user)
    edit = f"/outside-learning/{entry.id}/edit"
    assert get_page(client, edit).field_value("minutes") == "60"
    data = outside_learning_form(title="Longer webinar", provider="ONS", minutes="120")
    assert post_form(client, edit, data, token_from=edit).status_code == 302
    assert get_page(client, "/my-training-record").text_of("#progress-summary") == "2 hours of 7 hours"

    delete = f"/outside-learning/{entry.id}/delete"
    confirm = get_page(client, delete)
    assert confirm.heading() == "Are you sure you want to remove ‘Longer webinar’ from your record?"
    assert post_form(client, delete, token_from=delete).status_code == 302
    db.session.expire_all()
    removed = db.session.get(OutsideLearning, entry.id)  # kept, as every removed entry is, and marked removed
    assert removed.deleted_at is not None and removed.deleted_by_id == user.id
    record = get_page(client, "/my-training-record")
    assert record.text_of("#progress-summary") == "0 minutes of 7 hours"
    assert not record.has_table("Learning recorded")
    assert client.get(edit).status_code == 404


@pytest.mark.parametrize("action", ["edit", "delete"])
def test_nobody_can_see_or_change_someone_elses_entry(client, action):
    entry = make_outside_learning(make_user(), title="Private webinar")
    sign_in(client, make_user())
    path = f"/outside-learning/{entry.id}/{action}"
    assert client.get(path).status_code == 404
    assert (
        post_form(
            client, path, {"title": "Hijacked", "provider": "x", "minutes": "5"}, token_from="/my-training-record"
        ).status_code
        == 404
    )
    db.session.expire_all()
    assert db.session.get(OutsideLearning, entry.id).title == "Private webinar"


def test_entries_from_earlier_years_cannot_be_changed(client):
    user = make_user()
    last_year = year_containing(uk_today(), YearStart(1, 1)).label - 1
    entry = make_outside_learning(user, on=date(last_year, 6, 1))
    sign_in(client, user)
    response = client.get(f"/outside-learning/{entry.id}/edit")
    assert response.status_code == 302 and response.headers["Location"] == "/my-training-record"
