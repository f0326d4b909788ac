import csv
import io
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from tests.helpers import make_user, post_form, sign_in
from webapp.db.clock import uk_today
from webapp.extensions import db
from webapp.models import Completion, CourseItem, OutsideLearning
from webapp.queries.completions import refresh_totals
from webapp.training.years import YearStart, year_containing


def current_year():
    return year_containing(uk_today(), YearStart(1, 1))


def log(client, day=None, **changes):
    today = uk_today()
    data = {
        "title": "Data ethics workshop",
        "provider": "My department",
        "minutes": "90",
        "link": "",
        "notes": "",
        "learned_on": list(day or (str(today.day), str(today.month), str(today.year))),
        **changes,
    }
    return post_form(client, "/outside-learning/new", data, token_from="/outside-learning/new")


def add_outside(user, minutes=60, on=None, title="Webinar"):
    entry = OutsideLearning(user_id=user.id, title=title, provider="ONS", learned_on=on or uk_today(), minutes=minutes)
    db.session.add(entry)
    db.session.commit()
    return entry


def add_completion(user, year_label, minutes=15):
    """A completion from another year, written directly; its year's totals are rebuilt as a bulk load would."""
    item = db.session.scalars(select(CourseItem)).first()
    db.session.add(Completion(user_id=user.id, item_id=item.id, training_year=year_label, minutes=minutes))
    refresh_totals(db.session, year_label)
    db.session.commit()


def test_the_record_states_the_rule_and_when_the_year_ends(client):
    sign_in(client, make_user())
    page = client.get("/my-training-record").get_data(as_text=True)
    year = current_year()
    assert "do at least 7 hours of data training in each training year" in page
    assert f"runs from 1 January {year.label} to 31 December {year.label}" in page
    assert "0 minutes of 7 hours" in page and 'value="0"' in page


def test_the_requirement_and_year_start_follow_the_settings(settings, app):
    app.config["REQUIRED_MINUTES"] = 444
    app.config["YEAR_START"] = YearStart(4, 1)
    client = app.test_client()
    sign_in(client, make_user())
    page = client.get("/my-training-record").get_data(as_text=True)
    year = year_containing(uk_today(), YearStart(4, 1))
    assert "7 hours 24 minutes" in page
    assert f"runs from 1 April {year.label} to 31 March {year.label + 1}" in page


def test_logging_outside_learning_adds_to_the_total(client):
    sign_in(client, make_user())
    response = log(client)
    assert response.status_code == 302
    page = client.get("/my-training-record").get_data(as_text=True)
    assert "Data ethics workshop added to your training record" in page
    assert "1 hour 30 minutes of 7 hours" in page and 'value="21"' in page
    assert "Outside learning: My department" in page


def test_a_bad_entry_shows_an_error_summary_and_saves_nothing(client):
    sign_in(client, make_user())
    tomorrow = uk_today() + timedelta(days=1)
    page = log(client, minutes="600", day=(str(tomorrow.day), str(tomorrow.month), str(tomorrow.year)))
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "There is a problem" in text and "<title>Error:" in text
    assert 'href="#minutes"' in text and "between 1 and 480 minutes" in text
    assert 'href="#learned_on-day"' in text and "must be today or in the past" in text
    assert db.session.scalar(select(OutsideLearning)) is None


def test_an_entry_can_be_changed_and_removed_by_its_owner(client):
    user = make_user()
    entry = add_outside(user, minutes=60)
    sign_in(client, user)
    edit = f"/outside-learning/{entry.id}/edit"
    assert 'value="60"' in client.get(edit).get_data(as_text=True)
    today = uk_today()
    data = {
        "title": "Longer webinar",
        "provider": "ONS",
        "minutes": "120",
        "learned_on": [str(today.day), str(today.month), str(today.year)],
    }
    assert post_form(client, edit, data, token_from=edit).status_code == 302
    assert "2 hours of 7 hours" in client.get("/my-training-record").get_data(as_text=True)

    delete = f"/outside-learning/{entry.id}/delete"
    assert "Are you sure you want to remove" in client.get(delete).get_data(as_text=True)
    assert post_form(client, delete, token_from=delete).status_code == 302
    assert db.session.get(OutsideLearning, entry.id) is None
    assert "0 minutes of 7 hours" in client.get("/my-training-record").get_data(as_text=True)


@pytest.mark.parametrize("action", ["edit", "delete"])
def test_nobody_can_see_or_change_someone_elses_entry(client, action):
    entry = add_outside(make_user(), title="Private webinar")
    sign_in(client, make_user())
    path = f"/outside-learning/{entry.id}/{action}"
    assert client.get(path).status_code == 404
    assert (
        post_form(
            client, path, {"title": "Hijacked", "provider": "x", "minutes": "5"}, token_from="/my-training-record"
        ).status_code
        == 404
    )
    assert db.session.get(OutsideLearning, entry.id).title == "Private webinar"


def test_earlier_years_are_listed_and_kept_apart(client):
    user = make_user()
    year = current_year()
    add_completion(user, year.label - 1, minutes=30)
    add_outside(user, minutes=45, on=date(year.label - 2, 6, 1), title="Old webinar")
    add_outside(user, minutes=20)
    sign_in(client, user)
    page = client.get("/my-training-record").get_data(as_text=True)
    assert "20 minutes of 7 hours" in page
    assert f"?year={year.label - 1}" in page and f"?year={year.label - 2}" in page
    earlier = client.get(f"/my-training-record?year={year.label - 1}").get_data(as_text=True)
    assert "30 minutes of 7 hours" in earlier and "Log learning done elsewhere" not in earlier
    assert client.get(f"/my-training-record?year={year.label + 1}").status_code == 404


def test_entries_from_earlier_years_cannot_be_changed(client):
    user = make_user()
    entry = add_outside(user, on=date(current_year().label - 1, 6, 1))
    sign_in(client, user)
    response = client.get(f"/outside-learning/{entry.id}/edit")
    assert response.status_code == 302 and response.headers["Location"] == "/my-training-record"


def test_the_record_downloads_as_csv_with_what_the_page_shows(client):
    user = make_user()
    add_outside(user, minutes=50, title='=HYPERLINK("http://evil")')
    sign_in(client, user)
    post_form(client, "/courses/spreadsheet-basics/rows-and-columns/complete", token_from="/courses")
    response = client.get("/my-training-record/download")
    assert response.mimetype == "text/csv"
    assert f"data-day-training-record-{current_year().label}.csv" in response.headers["Content-Disposition"]
    text = response.get_data(as_text=True)
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0] == ["Date", "Type", "Title", "Course or provider", "Minutes", "Manager's review"]
    assert sorted(row[4] for row in rows[1:]) == ["15", "50"]
    assert ["Lesson", "Rows and columns", "Spreadsheet basics"] in [row[1:4] for row in rows]
    assert '\'=HYPERLINK("http://evil")' in [row[2] for row in rows]  # never a live formula
