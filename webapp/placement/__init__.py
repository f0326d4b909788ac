from flask import Blueprint

bp = Blueprint("placement", __name__)

from webapp.placement import views  # noqa: E402,F401  (registers the routes)
