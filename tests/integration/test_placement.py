"""Where should I start? The placement check marked on the server, its result and recommended pathway, lessons
tested out (shown, never credited), its own minutes counted once a year, retakes after a gap with the before and
after on the record, the data download, and choosing a pathway that the catalogue then shows first."""

import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from tests.helpers.accounts import make_user, post_form, sign_in
from tests.helpers.html import get_page, parse
from tests.helpers.paths import PLACEMENT_CONTENT, copy_placement_content
from tests.helpers.placement import ALL_RIGHT, CHECK, MOSTLY_WRONG, take_placement
from tests.helpers.rows import course_item, make_completion
from webapp.content.cache import LibraryCache
from webapp.content.library import load_library
from webapp.db.clock import utcnow
from webapp.extensions import db
from webapp.models import Completion, PlacementAnswer, PlacementResult, TrainingTotal
from webapp.queries.content_sync import sync_library
from webapp.queries.erasure import erase_person
from webapp.queries.my_team import TeamFilters, team_report
from webapp.queries.placement import placement_item
from webapp.queries.training_record import year_progress
from webapp.web.years import current_training_year

# What must never reach the browser: the expected answers, and the words that would carry them.
SECRETS = ("18.25", "3001", "1368", "ababab", "expected", "tolerance", "accepted")


@pytest.fixture
def settings(settings):
    return {**settings, **PLACEMENT_CONTENT, "PLACEMENT_RETAKE_DAYS": 30}


def results() -> list[PlacementResult]:
    return list(db.session.scalars(select(PlacementResult).order_by(PlacementResult.id)))


def taken_earlier(days: int) -> None:
    """Every result so far taken that many days earlier (still in this training year, as tests run mid-year)."""
    for result in results():
        result.taken_at -= timedelta(days=days)
    db.session.commit()


def minutes_credited(person) -> int:
    return year_progress(db.session, person, current_training_year(), 420).learning


def test_the_catalogue_sends_someone_who_has_not_taken_it_to_the_check(client):
    sign_in(client, make_user())
    page = get_page(client, "/courses")
    assert page.text_of(".app-start-here h2") == "Where should I start?"
    assert [link.href for link in page.links(".app-start-here")] == ["/where-should-i-start"]
    start = get_page(client, "/where-should-i-start")
    assert start.heading() == "Where should I start?"
    assert start.text_of(".govuk-caption-l") == "Placement check, about 20 minutes"
    assert start.paragraph("This is not a test you pass or fail.")
    assert start.link("Start the placement check") == CHECK


def test_the_check_asks_every_question_in_one_form_with_its_data_file(client):
    sign_in(client, make_user())
    page = get_page(client, CHECK)
    labels = page.texts("form .govuk-label--s, form .govuk-fieldset__legend")
    assert labels[0] == "Question 1: A rate rose from 43% to 61.25%. By how many percentage points did it rise?"
    assert len(labels) == 5
    assert page.link("calls.csv (CSV)") == "/where-should-i-start/download/calls.csv"
    assert page.buttons() == ["See my result"]


def test_the_data_file_downloads_as_an_attachment_and_nothing_else_does(client):
    sign_in(client, make_user())
    response = client.get("/where-should-i-start/download/calls.csv")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == "attachment; filename=calls.csv"
    assert response.get_data(as_text=True).splitlines()[0] == "team,calls"
    response.close()
    for other in ("placement.md", "../pathways.md", "data/calls.csv", "..%2Fplacement.md"):
        assert client.get(f"/where-should-i-start/download/{other}").status_code == 404


def test_the_result_scores_by_level_and_topic_and_recommends_a_pathway(client):
    sign_in(client, make_user())
    response = take_placement(client, MOSTLY_WRONG)
    assert response.headers["Location"] == "/where-should-i-start/result"
    page = get_page(client, "/where-should-i-start/result")
    assert page.notification() == "Placement check done: 20 minutes added to your training record"
    assert page.text_of(".govuk-panel__title") == "4 of 5 right"
    assert page.text_of(".govuk-panel__body") == "We recommend level 1"
    assert page.table_rows("Your score by level") == [
        ["Level 1: for everyone", "2 of 3"],
        ["Level 2: for people who work with spreadsheets", "1 of 1"],
        ["Level 3: for analysts who write code", "1 of 1"],
    ]
    assert page.table_rows("Your score by topic")[2] == ["Charts", "0 of 1"]
    assert page.text_of("h3#pathway-1") == "Level 1: first steps"
    assert page.texts("#tested-out li") == ["Averages"]
    assert "Choose this pathway" in page.buttons()


def test_expected_answers_are_in_no_response(client):
    sign_in(client, make_user())
    wrong = {"answer-points": "3", "answer-median": "5", "answer-axis": "0", "answer-text-sum": "nope"}
    pages = [
        get_page(client, "/where-should-i-start").html,
        get_page(client, CHECK).html,
        parse(take_placement(client, {**wrong, "answer-calls-total": "lots"})).html,  # unreadable: shown again
    ]
    take_placement(client, wrong)
    pages += [get_page(client, path).html for path in ("/where-should-i-start/result", "/pathways", "/courses")]
    for html in pages:
        for secret in SECRETS:
            assert secret not in html, secret
    assert not parse(pages[1]).elements("input[checked]")


def test_an_unreadable_answer_is_shown_again_without_saying_what_is_right(client):
    sign_in(client, make_user())
    page = parse(take_placement(client, {**MOSTLY_WRONG, "answer-calls-total": "lots"}))
    assert page.error_summary() == [("Enter a number, like 12 or 3.5", "#answer-calls-total")]
    assert page.field_error("answer-axis") is None  # wrong, but nothing is said of right or wrong
    assert page.field_value("answer-points") == "18.25"
    assert results() == []


def test_blank_answers_count_as_not_right_and_are_no_error(client):
    sign_in(client, make_user())
    assert take_placement(client, {}).status_code == 302
    [result] = results()
    assert (result.score, result.out_of, result.recommended_level) == (0, 5, 1)
    assert db.session.scalar(select(func.count()).select_from(PlacementAnswer)) == 5


def test_tested_out_lessons_are_shown_but_not_credited(client):
    person = make_user()
    sign_in(client, person)
    take_placement(client, ALL_RIGHT)
    course = get_page(client, "/courses/first-steps")
    assert course.task_list() == {"Percentages": "Tested out", "Averages": "Tested out", "Charts": "Tested out"}
    assert minutes_credited(person) == 20  # the check's own minutes; none for the 3 lessons tested out
    assert get_page(client, "/my-training-record").table_rows("Learning recorded")[0][2] == "20"
    make_completion(person, course_item("averages"))
    course = get_page(client, "/courses/first-steps")
    assert course.task_list()["Averages"] == "Completed"  # completed wins, and now counts
    assert minutes_credited(person) == 35


def test_the_check_s_minutes_count_once_a_training_year(client):
    person = make_user()
    sign_in(client, person)
    take_placement(client, MOSTLY_WRONG)
    taken_earlier(days=31)
    take_placement(client, ALL_RIGHT)
    assert len(results()) == 2
    assert db.session.scalar(select(func.count()).select_from(Completion)) == 1
    assert minutes_credited(person) == 20
    assert get_page(client, "/where-should-i-start/result").notification() is None


def test_a_retake_waits_for_the_gap_and_the_record_shows_before_and_after(client):
    person = make_user()
    sign_in(client, person)
    take_placement(client, {})
    again = client.get(CHECK)
    assert again.headers["Location"] == "/where-should-i-start/result"
    assert take_placement(client, ALL_RIGHT).status_code == 302
    assert len(results()) == 1  # refused: too soon
    start = get_page(client, "/where-should-i-start")
    assert start.text_of(".govuk-inset-text").startswith("You can take the placement check again from ")
    taken_earlier(days=30)
    assert get_page(client, "/where-should-i-start").link("Take it again") == CHECK
    take_placement(client, ALL_RIGHT)
    assert [r.score for r in results()] == [0, 5]
    row = get_page(client, "/my-training-record").summary_list()["Placement check"]
    assert row.startswith("First: 0 of 5 on ") and ". Latest: 5 of 5 on " in row


def test_a_manager_sees_their_report_s_scores_and_no_one_else_s(client, org):
    sign_in(client, org["sam"])
    take_placement(client, ALL_RIGHT)
    sign_in(client, org["pat"])  # Sam is in Pat's line
    record = get_page(client, f"/my-team/people/{org['sam'].id}")
    assert record.summary_list()["Placement check"].startswith("5 of 5 on ")
    sign_in(client, org["kim"])  # HM Treasury: not Sam's line
    assert client.get(f"/my-team/people/{org['sam'].id}").status_code == 403


def test_the_record_team_report_and_totals_agree_on_the_check_s_minutes(client, org):
    sign_in(client, org["sam"])
    take_placement(client, MOSTLY_WRONG)
    make_completion(org["sam"], course_item("percentages"))
    year = current_training_year()
    total = db.session.get(TrainingTotal, (org["sam"].id, year.label))
    team = team_report(db.session, org["pat"], year, 420, TeamFilters(scope="line"))
    [sam] = [row for row in team.rows if row.name == "Sam Jones"]
    assert total.minutes == minutes_credited(org["sam"]) == sam.minutes == 30
    entries = get_page(client, "/my-training-record").table_rows("Learning recorded")
    assert sorted(row[1] for row in entries) == [
        "Percentages Lesson: First steps",
        "Where should I start? Placement check Placement check: Where should I start? Placement check",
    ]


def test_choosing_a_pathway_puts_it_first_in_the_catalogue_with_progress(client):
    person = make_user()
    sign_in(client, person)
    take_placement(client, MOSTLY_WRONG)
    catalogue = get_page(client, "/courses")
    assert catalogue.text_of("#your-pathway") == "Your recommended pathway"
    response = post_form(client, "/pathways/choose", {"level": "2"}, token_from="/pathways")
    assert response.headers["Location"] == "/courses"
    make_completion(person, course_item("charts"))
    catalogue = get_page(client, "/courses")
    assert catalogue.notification() == "Your pathway is now Level 2: charts and averages"
    assert catalogue.text_of("#your-pathway") == "Your pathway"
    assert catalogue.text_of("#pathway-progress") == "12 minutes done of 27 minutes"
    assert catalogue.task_list() == {"Averages": "Tested out", "Charts": "Completed"}
    assert catalogue.link("Change your pathway") == "/pathways"
    assert get_page(client, "/pathways").text_of(".app-card .govuk-tag--green") == "Your pathway"


@pytest.mark.parametrize("level", ["4", "", "one", "1 OR 1=1"])
def test_a_pathway_that_does_not_exist_cannot_be_chosen(client, level):
    sign_in(client, make_user())
    response = post_form(client, "/pathways/choose", {"level": level}, token_from="/pathways")
    assert response.headers["Location"] == "/pathways"
    assert get_page(client, "/pathways").notification() == "Choose one of the pathways below"


def test_choosing_a_pathway_needs_the_form_s_token(client):
    sign_in(client, make_user())
    assert client.post("/pathways/choose", data={"level": "1"}).status_code == 400


@hypothesis_settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(typed=st.text(max_size=600), choices=st.lists(st.text(max_size=5), max_size=4))
def test_hostile_answers_never_break_the_check(client, typed, choices):
    if not getattr(client, "_signed_in", False):
        sign_in(client, make_user())
        client._signed_in = True
    taken_earlier(days=31)
    data = {"answer-points": typed, "answer-median": typed, "answer-text-sum": typed, "answer-axis": choices}
    response = take_placement(client, data)
    assert response.status_code in (200, 302)
    assert all(len(answer) <= 500 for answer in db.session.scalars(select(PlacementAnswer.answer)))


def test_the_check_is_synced_as_an_item_with_its_minutes_and_archived_when_removed(app, tmp_path):
    item = placement_item(db.session)
    assert (item.kind, item.title, item.minutes) == ("placement", "Where should I start? Placement check", 20)
    copied = Path(copy_placement_content(tmp_path)["CONTENT_DIR"])
    shutil.rmtree(copied / "placement")
    report = sync_library(db.session, load_library(copied))
    assert report.archived == ["placement", "placement/check"]
    assert placement_item(db.session) is None


def test_erasing_a_person_blanks_their_answers_and_keeps_their_score(client):
    person = make_user()
    sign_in(client, person)
    take_placement(client, {**ALL_RIGHT, "answer-text-sum": "my own words"})
    erase_person(db.session, person, utcnow(), reason="test")
    db.session.commit()
    assert set(db.session.scalars(select(PlacementAnswer.answer))) == {""}
    assert [r.score for r in results()] == [4]


def test_content_check_warns_of_pathway_minutes_and_fails_on_a_missing_item(runner, app, tmp_path):
    result = runner.invoke(args=["content", "check"])
    assert result.exit_code == 0
    assert (
        "courses/pathways.md:4: warning: the level 1 pathway is 25 minutes: make it a day of learning, 420 to 480"
    ) in result.output.splitlines()
    copied = Path(copy_placement_content(tmp_path)["CONTENT_DIR"])
    pathways = copied / "pathways.md"
    pathways.write_text(pathways.read_text().replace("first-steps/charts]", "first-steps/graphs]", 1))
    app.config["CONTENT_DIR"] = str(copied)
    app.extensions["content_library"] = LibraryCache(copied)
    result = runner.invoke(args=["content", "check"])
    assert result.exit_code == 1
    assert (
        "courses/pathways.md:10: pathway 2: 'first-steps/graphs' is not a lesson or exercise: write it as "
        "course/item, e.g. data-essentials/data-quality"
    ) in result.output.splitlines()


def test_the_record_shows_the_score_that_earned_the_check_s_minutes_as_its_evidence(client):
    """The first taking in the year earned the minutes, so its score is the evidence, not a later retake's."""
    sign_in(client, make_user())
    take_placement(client, MOSTLY_WRONG)
    taken_earlier(days=31)
    take_placement(client, ALL_RIGHT)
    table = get_page(client, "/my-training-record").table("Learning recorded")
    evidence = table.head.index("Evidence")
    assert [row[evidence] for row in table.rows] == ["4 of 5 placement questions answered correctly"]
