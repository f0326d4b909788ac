from flask import Blueprint

bp = Blueprint("learn", __name__)

from webapp.learn import views  # noqa: E402,F401  (registers the routes)
