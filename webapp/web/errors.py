"""Error pages in GOV.UK style, for people and for tests that check status codes."""

from flask import Flask, current_app, render_template
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError, SQLAlchemyError
from werkzeug.exceptions import HTTPException

from webapp.extensions import db, login_manager

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


RETRY_AFTER_SECONDS = 30


def end_transaction(_error: BaseException | None = None) -> None:
    """Roll back; if the database has dropped the connection, drop it too, without asking the database."""
    try:
        db.session.rollback()
    except SQLAlchemyError:
        db.session().invalidate()  # scoped_session does not pass invalidate on


def database_unavailable(error: DBAPIError):
    """The database went away (restart, failover, network): 503, and the next request reconnects by itself
    (pool_pre_ping). Other database errors are bugs, so they stay 500s and are logged as such."""
    if not (isinstance(error, OperationalError | InterfaceError) or error.connection_invalidated):
        raise error
    end_transaction()
    current_app.logger.warning("Database unavailable, answered 503: %s", str(error.orig or error).partition("\n")[0])
    # Loading the signed-in person needs the database: the page is shown as to someone signed out.
    login_manager._update_request_context_with_user()
    return render_template("errors/503.html"), 503, {"Retry-After": str(RETRY_AFTER_SECONDS)}


def init_app(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError):
        return render_template("errors/400.html", reason="csrf"), 400

    app.register_error_handler(HTTPException, error_page)
    app.register_error_handler(DBAPIError, database_unavailable)
    # Before Flask-SQLAlchemy's own teardown (the last registered runs first), whose rollback on a connection the
    # database has just dropped would raise after the response was made, turning it into a 500.
    app.teardown_appcontext(end_transaction)

    @app.errorhandler(500)
    def server_error(error):
        end_transaction()
        return render_template("errors/500.html"), 500
