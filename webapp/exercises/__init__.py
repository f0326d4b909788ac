from flask import Blueprint

bp = Blueprint("exercises", __name__)

from webapp.exercises import views  # noqa: E402,F401  (registers the routes)
