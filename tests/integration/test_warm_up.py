"""gunicorn --preload makes and warms the app once (webapp/wsgi.py): workers then start with the content read,
the lessons rendered and the templates compiled, and with no database connection shared across the fork."""

import markdown
import pytest
from sqlalchemy import event

from tests.helpers.accounts import make_user, sign_in
from tests.helpers.html import get_page
from tests.helpers.paths import QUESTIONS_CONTENT
from webapp import config, create_app
from webapp.content import cache as content_cache
from webapp.content import render, sections
from webapp.content.library import Lesson
from webapp.content.render import render_markdown
from webapp.content.sections import split_at_sections
from webapp.extensions import db
from webapp.web.warm_up import warm_up


@pytest.fixture
def cold_app(settings):
    """An app as gunicorn's master makes it: nothing read, nothing rendered, nothing connected."""
    own = create_app(config.TestConfig(), {**settings, **QUESTIONS_CONTENT, "CONTENT_RELOAD": None})
    with own.app_context():
        yield own
        db.engine.dispose()


def test_warming_up_opens_no_database_connection(cold_app):
    opened = []
    event.listen(db.engine, "connect", lambda *args: opened.append(args))
    warm_up(cold_app)
    assert opened == []


def test_after_warming_up_nothing_is_read_rendered_or_compiled_again(cold_app, monkeypatch):
    # Rendered pages and their cuts are kept per process: start as a new process would.
    render._render_cached.cache_clear()
    sections._split.cache_clear()
    warm_up(cold_app)

    def refuse(*args, **kwargs):
        raise AssertionError("made again after warming up")

    monkeypatch.setattr(content_cache, "load_library", refuse)
    monkeypatch.setattr(markdown, "Markdown", refuse)
    monkeypatch.setattr(sections, "_TopLevelHeadings", refuse)
    monkeypatch.setattr(cold_app.jinja_env.loader, "get_source", refuse)

    library = cold_app.extensions["content_library"].get(recheck_after=None)
    lessons = [(course, item) for course in library.courses for item in course.items if isinstance(item, Lesson)]
    assert lessons
    for course, lesson in lessons:
        assert split_at_sections(render_markdown(lesson.doc.body, course.base).html)
    assert cold_app.jinja_env.get_template("learn/lesson.html")


def test_a_warmed_up_app_serves_lessons(app, settings):
    """The app fixture has synced the content; a warmed app of the same settings serves its pages."""
    warmed = create_app(config.TestConfig(), settings)
    warm_up(warmed)
    client = warmed.test_client()
    sign_in(client, make_user())
    library = warmed.extensions["content_library"].get(recheck_after=None)
    course = library.courses[0]
    lesson = next(item for item in course.items if isinstance(item, Lesson))
    try:
        assert lesson.title in get_page(client, f"/courses/{course.slug}/{lesson.slug}").heading()
    finally:
        with warmed.app_context():
            db.engine.dispose()  # its own pool: closed here, not left to the garbage collector
