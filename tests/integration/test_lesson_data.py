"""A lesson's data files: listed at the start of its activity with their type and size, and served only to signed-in
people, only the files that lesson lists, always as a download of their own type; `flask content check` reports a
listed file that is missing, a file no lesson lists, and an entry with no source, at file and line."""

from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from tests.helpers.accounts import make_user, sign_in
from tests.helpers.content_check import run_content_check
from tests.helpers.html import get_page
from tests.helpers.paths import LESSON_DATA_CONTENT, copy_lesson_data_content

LESSON = "/courses/tables/counting"
DOWNLOAD = f"{LESSON}/download"
FILES = Path(LESSON_DATA_CONTENT["CONTENT_DIR"]) / "tables" / "data"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def settings(settings):
    return {**settings, **LESSON_DATA_CONTENT}


@pytest.fixture
def learner(client):
    sign_in(client, make_user())
    return client


def test_the_files_are_listed_at_the_start_of_the_activity_with_type_and_size(learner):
    page = get_page(learner, LESSON)
    box = page.element(".app-lesson-data")
    heading = box.find_previous_sibling()
    assert heading.name == "h2" and heading.get_text() == "Try this: count the regions"
    assert page.text_of(".app-lesson-data h3") == "Data for this activity"
    assert page.texts(".app-lesson-data li") == ["counts.csv (CSV, 1KB)", "counts.xlsx (MS Excel Spreadsheet, 5KB)"]
    assert page.link("counts.csv") == f"{DOWNLOAD}/counts.csv"
    assert page.link("counts.xlsx") == f"{DOWNLOAD}/counts.xlsx"
    assert page.texts(".app-lesson-data p.govuk-body-s") == ["Made up for the tests. Licence: Free to reuse (MIT)."]


def test_a_lesson_with_no_activity_lists_its_files_at_the_top(learner):
    page = get_page(learner, "/courses/tables/dates")
    assert page.element(".app-lesson > .app-lesson-data").find_next_sibling().name == "h2"
    assert [link.href for link in page.links(".app-lesson-data")] == ["/courses/tables/dates/download/dates.csv"]


def test_a_lesson_with_no_files_shows_no_list(learner):
    page = get_page(learner, "/courses/tables/reading")
    assert page.has("h2#try-this-read-a-table") and not page.has(".app-lesson-data")


@pytest.mark.parametrize(("name", "content_type"), [("counts.csv", "text/csv; charset=utf-8"), ("counts.xlsx", XLSX)])
def test_a_listed_file_downloads_as_an_attachment_of_its_own_type(learner, name, content_type):
    response = learner.get(f"{DOWNLOAD}/{name}")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == content_type
    assert response.headers["Content-Disposition"] == f"attachment; filename={name}"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.get_data() == (FILES / name).read_bytes()
    response.close()


@pytest.mark.parametrize(
    "path",
    [
        f"{DOWNLOAD}/dates.csv",  # in the course's data/, but another lesson's
        f"{DOWNLOAD}/other.csv",  # another course's
        f"{DOWNLOAD}/../../other-tables/data/other.csv",
        f"{DOWNLOAD}/..%2F..%2Fother-tables%2Fdata%2Fother.csv",
        f"{DOWNLOAD}/%2e%2e/%2e%2e/other-tables/data/other.csv",
        f"{DOWNLOAD}/data/counts.csv",
        f"{DOWNLOAD}/../data/counts.csv",
        f"{DOWNLOAD}/course.md",
        f"{DOWNLOAD}/01-counting.md",
        f"{DOWNLOAD}/COUNTS.CSV",
        f"{DOWNLOAD}/counts.csv/",
        f"{DOWNLOAD}/%2Fetc%2Fpasswd",
        f"{DOWNLOAD}/%00counts.csv",
        "/courses/other-tables/more/download/counts.csv",  # a file of this course, asked for from another's lesson
        "/courses/tables/no-such-lesson/download/counts.csv",
        "/courses/no-such-course/counting/download/counts.csv",
    ],
)
def test_files_the_lesson_does_not_list_are_not_found(learner, path):
    response = learner.get(path, follow_redirects=True)  # Werkzeug merges // with a redirect: follow it
    assert response.status_code == 404, path
    assert b"secret" not in response.get_data() and b"region,cases" not in response.get_data()


def test_signed_out_people_are_sent_to_sign_in(client):
    response = client.get(f"{DOWNLOAD}/counts.csv")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/sign-in?next=")


@hypothesis_settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(min_size=1, max_size=80))
def test_any_other_file_name_is_not_found(learner, name):
    if "/".join(part for part in name.split("/") if part) in ("counts.csv", "counts.xlsx"):
        return  # a listed file once Werkzeug merges the slashes
    response = learner.get(f"{DOWNLOAD}/{quote(name, safe='/')}", follow_redirects=True)
    # Only ever a not-found, whatever Werkzeug tidies in the address first: never a file, never an error.
    assert response.status_code == 404, (name, response.status_code)
    assert b"region,cases" not in response.get_data() and b"secret" not in response.get_data()


@pytest.fixture
def check(app, settings, tmp_path):
    """Run `flask content check` over a copy of the fixture, which a test changes first."""
    content = copy_lesson_data_content(tmp_path)
    return lambda: run_content_check({**settings, **content})


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def test_the_fixture_passes_the_content_check(check):
    result = check()
    assert result.exit_code == 0, result.output


def test_a_listed_file_that_is_missing_is_reported_at_its_line(check, tmp_path):
    (tmp_path / "courses/tables/data/counts.xlsx").unlink()
    result = check()
    assert result.exit_code == 1
    assert "courses/tables/01-counting.md:10: data file 'counts.xlsx' is not in data/" in result.output.splitlines()


def test_a_file_no_lesson_lists_is_reported_on_the_course(check, tmp_path):
    (tmp_path / "courses/tables/data/stray.csv").write_text("a\n1\n")
    result = check()
    assert result.exit_code == 1
    expected = "courses/tables/course.md:1: data file 'stray.csv' is in data/ but no lesson lists it under data:"
    assert expected in result.output.splitlines()


def test_an_entry_with_no_source_is_reported_at_its_line(check, tmp_path):
    lesson = tmp_path / "courses/tables/01-counting.md"
    edit(lesson, '    source: "Made up for the tests."\n    licence: "Free to reuse (MIT)"\n---', "---")
    lines = check().output.splitlines()
    assert "courses/tables/01-counting.md:10: data file 'counts.xlsx' needs a source and a licence" in lines


def test_an_entry_with_no_file_is_reported_at_its_line(check, tmp_path):
    edit(tmp_path / "courses/tables/01-counting.md", "  - file: counts.csv\n", "  - file:\n")
    lines = check().output.splitlines()
    assert "courses/tables/01-counting.md:7: data file 1 needs file: its name in data/" in lines
