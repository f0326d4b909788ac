"""Error pages in GOV.UK style, for people and for tests that check status codes."""

from flask import Flask, render_template
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from webapp.extensions import db

PAGES = {
    400: "errors/400.html",
    403: "errors/403.html",
    404: "errors/404.html",
    405: "errors/404.html",
    413: "errors/413.html",
    429: "errors/429.html",
}


def error_page(error: HTTPException):
    """The GOV.UK page for an HTTP error; blueprints with a page of their own for a code fall back to this."""
    template = PAGES.get(error.code or 500)
    if template is None:
        return error
    return render_template(template, error=error), error.code


def init_app(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError):
        return render_template("errors/400.html", reason="csrf"), 400

    app.register_error_handler(HTTPException, error_page)

    @app.errorhandler(500)
    def server_error(error):
        db.session.rollback()
        return render_template("errors/500.html"), 500
