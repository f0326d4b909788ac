"""Content is looked at once a request at most, and as often as CONTENT_RELOAD says; pages read the same."""

import re

import pytest

from tests.helpers.accounts import make_user, sign_in

LESSON = "/courses/spreadsheet-basics/types-of-value"


@pytest.fixture
def walks(app, monkeypatch) -> list[int]:
    """One entry per walk over the content files by the app's library cache."""
    cache = app.extensions["content_library"]
    counted: list[int] = []
    walk = cache._current_fingerprint

    def counting_walk() -> tuple:
        counted.append(1)
        return walk()

    monkeypatch.setattr(cache, "_current_fingerprint", counting_walk)
    return counted


def lesson_html(client) -> str:
    """The lesson page, less what differs on every response (the CSP nonce and the CSRF token)."""
    html = client.get(LESSON).get_data(as_text=True)
    html = re.sub(r'nonce="[^"]*"', 'nonce=""', html)
    return re.sub(r'name="csrf_token" type="hidden" value="[^"]*"', 'name="csrf_token"', html)


def test_a_lesson_request_walks_the_content_files_once_in_development(app, client, walks):
    sign_in(client, make_user())
    walks.clear()
    client.get(LESSON)
    assert len(walks) == 1


def test_a_lesson_request_does_not_walk_the_content_files_when_reload_is_off(app, client, walks):
    app.config["CONTENT_RELOAD"] = None
    sign_in(client, make_user())
    for _ in range(3):
        client.get(LESSON)
    assert walks == []


def test_the_lesson_reads_the_same_with_reload_off_as_with_it_on(app, client):
    sign_in(client, make_user())
    checked_every_time = lesson_html(client)
    app.config["CONTENT_RELOAD"] = None
    assert "csrf_token" in checked_every_time
    assert lesson_html(client) == checked_every_time
