"""The GOV.UK header, service navigation and footer are rendered once and reused, and pages read exactly as before."""

import re

import pytest
from markupsafe import Markup

from tests.helpers.accounts import csrf_token, make_user, sign_in
from tests.helpers.html import parse, text
from tests.helpers.paths import QUESTIONS_CONTENT
from tests.helpers.rows import course_items, make_completion
from webapp.web import page_chrome

# The two values that differ on every request, whether or not the chrome is cached.
NONCE = re.compile(r'nonce="[^"]+"')
CSRF_TOKEN = re.compile(r'(name="csrf_token"[^>]*value=)"[^"]+"')


def normalised_page(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return CSRF_TOKEN.sub(r'\1"token"', NONCE.sub('nonce="nonce"', response.get_data(as_text=True)))


@pytest.mark.parametrize(
    "person, path",
    [
        (None, "/"),  # the start page, signed out
        ("sam", "/courses"),  # a learner
        ("sam", "/account"),  # "Your account" is the current section
        ("pat", "/my-team"),  # a manager sees My team
        ("dana", "/my-training-record"),  # an admin sees Import people and Audit log
    ],
)
def test_pages_with_the_cached_chrome_read_the_same_as_rendered_afresh(app, client, org, person, path):
    if person:
        sign_in(client, org[person])
    app.config["PAGE_CHROME_CACHE"] = False
    afresh = normalised_page(client, path)
    app.config["PAGE_CHROME_CACHE"] = True
    normalised_page(client, "/courses" if person else "/sign-in")  # another page fills the cache first
    normalised_page(client, path)
    renders = app.extensions["page_chrome"].renders
    rendered_so_far = renders.total()
    assert normalised_page(client, path) == afresh
    assert renders.total() == rendered_so_far  # the whole chrome came from the cache


def test_the_header_and_footer_are_rendered_once_across_requests(app, client, org):
    renders = app.extensions["page_chrome"].renders
    for _ in range(3):
        normalised_page(client, "/")
    assert renders == {
        "govukSkipLink": 1,
        "govukHeader": 1,
        "govukServiceNavigation": 1,
        "govukPhaseBanner": 1,
        "govukFooter": 1,
    }

    sign_in(client, org["sam"])
    for _ in range(3):
        normalised_page(client, "/courses")
        normalised_page(client, "/my-training-record")
    # The navigation once for each current section; the rest of the chrome still once.
    assert renders == {
        "govukSkipLink": 1,
        "govukHeader": 1,
        "govukServiceNavigation": 3,
        "govukPhaseBanner": 1,
        "govukFooter": 1,
    }


def test_each_person_signs_out_with_their_own_csrf_token(app, org):
    tokens = []
    for person in (org["sam"], make_user()):
        client = app.test_client()
        sign_in(client, person)
        page = parse(client.get("/courses"))
        tokens.append(page.element(".app-sign-out input[name=csrf_token]")["value"])
        assert client.post("/sign-out", data={"csrf_token": tokens[-1]}).status_code == 302
    assert tokens[0] != tokens[1]
    assert app.extensions["page_chrome"].renders["govukServiceNavigation"] == 2  # signed out, then signed in


def test_a_changed_service_name_shows_at_once(app, client):
    normalised_page(client, "/")
    app.config["SERVICE_NAME"] = "Data Week"
    assert parse(client.get("/")).text_of(".govuk-service-navigation__service-name") == "Data Week"


@pytest.fixture
def lesson_questions(settings):
    settings.update(QUESTIONS_CONTENT)
    return settings


def test_a_lesson_s_question_fields_are_rendered_once_and_read_the_same(lesson_questions, app, client):
    lesson = "/courses/reading-charts/bar-charts"
    sign_in(client, make_user())
    app.config["PAGE_CHROME_CACHE"] = False
    afresh = normalised_page(client, lesson)
    app.config["PAGE_CHROME_CACHE"] = True
    assert normalised_page(client, lesson) == afresh
    renders = app.extensions["page_chrome"].renders
    kinds = {"govukInput", "govukRadios", "govukCheckboxes"}
    rendered_so_far = sum(renders[kind] for kind in kinds)
    assert rendered_so_far >= 3  # the fixture lesson has text, single and multiple choice questions
    assert normalised_page(client, lesson) == afresh
    assert sum(renders[kind] for kind in kinds) == rendered_so_far  # every field came from the cache


def test_a_field_showing_what_a_learner_gave_is_never_kept(lesson_questions, app, client):
    """A wrong answer shows again in its box with an error: that markup is the learner's, so it is not cached."""
    lesson = "/courses/reading-charts/bar-charts"
    sign_in(client, make_user())
    for answer in ("1234.5", "9876.5"):
        data = {"place": "axes", "answer-share": answer, "csrf_token": csrf_token(client, lesson)}
        page = parse(client.post(f"{lesson}/answers", data=data))
        assert page.element("#answer-share")["value"] == answer
    cached = app.extensions["page_chrome"].markup
    assert not any("1234.5" in markup or "9876.5" in markup for markup in cached.values())


def test_a_course_s_task_list_is_shared_by_people_at_the_same_point_and_shows_each_their_own(app, org):
    course = "/courses/spreadsheet-basics"
    first, second, ahead = (app.test_client() for _ in range(3))
    sign_in(first, make_user())
    sign_in(second, make_user())
    someone_ahead = make_user()
    make_completion(someone_ahead, course_items()[0])
    sign_in(ahead, someone_ahead)
    renders = app.extensions["page_chrome"].renders

    app.config["PAGE_CHROME_CACHE"] = False
    afresh = {client: normalised_page(client, course) for client in (first, ahead)}
    app.config["PAGE_CHROME_CACHE"] = True
    assert normalised_page(first, course) == afresh[first]
    lists_so_far = renders["govukTaskList"]
    assert normalised_page(second, course) == afresh[first]  # the same point: the same list, from the cache
    assert renders["govukTaskList"] == lists_so_far
    page = normalised_page(ahead, course)
    assert page == afresh[ahead] != afresh[first]
    assert renders["govukTaskList"] == lists_so_far + 1
    statuses = [text(tag) for tag in parse(page).elements(".govuk-task-list__status")]
    assert statuses[0] == "Completed" and "Completed" not in statuses[1:]


def test_at_the_cap_the_oldest_markup_goes_and_the_rest_stays(monkeypatch):
    monkeypatch.setattr(page_chrome, "MOST_ENTRIES", 2)
    cache = page_chrome.ChromeCache()
    for key in ("header", "footer", "task list"):
        cache.add(key, Markup(f"<p>{key}</p>"))
    assert list(cache.markup) == ["footer", "task list"]
