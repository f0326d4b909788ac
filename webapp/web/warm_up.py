"""Everything a page needs that is the same for everyone, made before the first request rather than by it.

gunicorn's --preload makes the app once and forks the workers from it (webapp/wsgi.py), so what is made here is
made once and every worker starts warm: the content library (about 5 s to read and check), each course's and
lesson's Markdown rendered and cut at its sections, and every template compiled. Without it each worker did all
that on its first requests after every restart, while people waited. Nothing here touches the database: a
connection opened before the fork would be shared by the workers."""

from flask import Flask

from webapp.content.library import Lesson
from webapp.content.render import render_markdown
from webapp.content.sections import split_at_sections


def warm_up(app: Flask) -> None:
    with app.app_context():
        library = app.extensions["content_library"].get(recheck_after=app.config["CONTENT_RELOAD"])
        for course in library.courses:
            render_markdown(course.doc.body, course.base)
            for item in course.items:
                if isinstance(item, Lesson):
                    split_at_sections(render_markdown(item.doc.body, course.base).html)
        for name in app.jinja_env.list_templates(extensions=["html"]):
            app.jinja_env.get_template(name)
