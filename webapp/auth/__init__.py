from flask import Blueprint

bp = Blueprint("auth", __name__)

from webapp.auth import account, registration, reminders, views  # noqa: E402,F401  (registers the routes)
