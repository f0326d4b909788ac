"""GET /healthz: for load balancers; 200 only when the database answers."""

from flask import jsonify, redirect
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from webapp.extensions import csrf, db, limiter, talisman
from webapp.health import bp


@bp.get("/healthz")
@talisman(force_https=False)  # load balancers probe over plain HTTP: a redirect to HTTPS would read as down
@limiter.exempt
@csrf.exempt  # GET only; exempt so probes never need a session
def healthz():
    try:
        db.session.execute(text("SELECT 1"))
    except SQLAlchemyError:
        db.session.rollback()
        return jsonify(status="unavailable", database="unreachable"), 503
    return jsonify(status="ok", database="ok")


@bp.get("/favicon.ico")
def favicon():
    """Browsers ask for it at the root, whatever the page says (JupyterLite's pages among them)."""
    return redirect("/assets/images/favicon.ico", 301)
