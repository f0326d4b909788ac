from flask import Blueprint

bp = Blueprint("record", __name__)

from webapp.record import views  # noqa: E402,F401  (registers the routes)
