from flask import Blueprint

bp = Blueprint("authoring", __name__)

from webapp.authoring import views  # noqa: E402,F401  (registers the routes)
