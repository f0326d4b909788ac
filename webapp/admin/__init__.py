from flask import Blueprint

bp = Blueprint("admin", __name__)

from webapp.admin import accounts, audit_views, certificates, reminders, views  # noqa: E402,F401  (registers the routes)
