from flask import Blueprint

bp = Blueprint("record", __name__)

# Importing the view modules registers their routes.
from webapp.record import certificate_views, evidence_views, verify_views, views  # noqa: E402,F401
