"""My training record: the rule and the training year, progress toward the requirement, earlier years, and
the record as a spreadsheet."""

from datetime import date, datetime

from tests.helpers.accounts import make_user, post_form, sign_in
from tests.helpers.downloads import csv_rows
from tests.helpers.html import get_page
from tests.helpers.rows import course_item, make_completion, make_department, make_outside_learning, make_person
from webapp.db.clock import uk_today
from webapp.training.requirement import required_minutes
from webapp.training.years import YearStart, year_containing


def current_year():
    return year_containing(uk_today(), YearStart(1, 1))


def test_the_record_states_the_rule_and_when_the_year_ends(client):
    sign_in(client, make_user())
    page = get_page(client, "/my-training-record")
    year = current_year()
    rule = page.paragraph("The rule:")
    assert "do at least 7 hours of data training in each training year" in rule
    assert f"runs from 1 January {year.label} to 31 December {year.label}" in rule
    assert page.text_of("#progress-summary") == "0 minutes of 7 hours"
    assert page.element("progress")["value"] == "0"


def test_the_requirement_and_year_start_follow_the_settings(settings, app):
    app.config["REQUIRED_MINUTES"] = 444
    app.config["YEAR_START"] = YearStart(4, 1)
    client = app.test_client()
    sign_in(client, make_user())
    page = get_page(client, "/my-training-record")
    year = year_containing(uk_today(), YearStart(4, 1))
    assert page.text_of("#progress-summary") == "0 minutes of 7 hours 24 minutes"
    assert f"runs from 1 April {year.label} to 31 March {year.label + 1}" in page.paragraph("The rule:")


def test_a_part_timer_s_requirement_is_pro_rata_and_their_record_says_so(client):
    alex = make_person("Alex Smith", department=make_department(), grade="G7", fte=0.6)
    sign_in(client, alex)
    page = get_page(client, "/my-training-record")
    assert (
        page.text_of("#part-time")
        == "You work 60% of full time, so your requirement is 60% of 7 hours: 4 hours 12 minutes."
    )
    assert page.text_of("#progress-summary") == "0 minutes of 4 hours 12 minutes"
    assert required_minutes(420, 6_000) == 252 and required_minutes(420, 3_333) == 140


def test_earlier_years_are_listed_and_kept_apart(client):
    user = make_user()
    year = current_year()
    make_completion(user, course_item("rows-and-columns"), year=year.label - 1, at=datetime(year.label - 1, 6, 1, 12))
    make_outside_learning(user, minutes=45, on=date(year.label - 2, 6, 1), title="Old webinar")
    make_outside_learning(user, minutes=20)
    sign_in(client, user)
    page = get_page(client, "/my-training-record")
    assert page.text_of("#progress-summary") == "20 minutes of 7 hours"
    assert page.link(f"Training year {year.label - 1}") == f"/my-training-record?year={year.label - 1}"
    assert page.link(f"Training year {year.label - 2}") == f"/my-training-record?year={year.label - 2}"
    earlier = get_page(client, f"/my-training-record?year={year.label - 1}")
    assert earlier.text_of("#progress-summary") == "15 minutes of 7 hours"
    assert "Log learning done elsewhere" not in earlier.main_text()
    assert earlier.link(f"Training year {year.label}") == f"/my-training-record?year={year.label}"
    assert client.get(f"/my-training-record?year={year.label + 1}").status_code == 404


def test_the_record_downloads_as_csv_with_what_the_page_shows(client):
    user = make_user()
    make_outside_learning(user, minutes=50, title='=HYPERLINK("http://evil")')
    sign_in(client, user)
    post_form(client, "/courses/spreadsheet-basics/rows-and-columns/complete", token_from="/courses")
    response = client.get("/my-training-record/download")
    assert f"data-day-training-record-{current_year().label}.csv" in response.headers["Content-Disposition"]
    rows = csv_rows(response)
    assert rows[0] == ["Date", "Type", "Title", "Course or provider", "Minutes", "Manager's review", "Evidence"]
    assert sorted(row[4] for row in rows[1:]) == ["15", "50"]
    assert ["Lesson", "Rows and columns", "Spreadsheet basics"] in [row[1:4] for row in rows]
    assert '\'=HYPERLINK("http://evil")' in [row[2] for row in rows]  # never a live formula
    shown = get_page(client, "/my-training-record").table_rows("Learning recorded")
    assert sorted(row[2] for row in shown) == ["15", "50"]
